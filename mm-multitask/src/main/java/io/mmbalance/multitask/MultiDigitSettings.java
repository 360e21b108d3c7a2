package io.mmbalance.multitask;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

/**
 * The validated settings of a MultiMNIST-style dataset. Every error names the full key
 * ({@code dataset.<key>}) and says what would be accepted.
 *
 * @param dir the folder of the source IDX files
 * @param canvas the side of the square canvas
 * @param leftRow row offset of the left digit
 * @param leftCol column offset of the left digit
 * @param rightRow row offset of the right digit
 * @param rightCol column offset of the right digit
 * @param noiseRate share of the noisy region's pixels set to 0 or 255
 * @param noiseFromColumn first column of the noisy region
 * @param seed the seed
 * @param trainLimit the first N training samples, 0 for all
 * @param testLimit the first N test samples, 0 for all
 */
record MultiDigitSettings(
        String dir,
        int canvas,
        int leftRow,
        int leftCol,
        int rightRow,
        int rightCol,
        double noiseRate,
        int noiseFromColumn,
        long seed,
        int trainLimit,
        int testLimit) {

    private static final String SECTION = "dataset";

    /** The largest canvas side: 60,000 canvases of this size still fit one byte array. */
    static final int MAX_CANVAS = 180;

    /**
     * Reads and checks a merged dataset section.
     *
     * @param c the section, merged with its defaults
     * @param digitRows rows of a source image
     * @param digitCols columns of a source image
     * @return the settings
     * @throws ConfigException when a value is of the wrong type or out of range
     */
    static MultiDigitSettings from(Config c, int digitRows, int digitCols) {
        String dir = dir(c);
        int canvas = get(c, "canvas", "an integer", Config::getInt);
        if (canvas < 1 || canvas > MAX_CANVAS) {
            throw bad(c, "canvas", "must be in [1, " + MAX_CANVAS + "], got " + canvas);
        }
        int[] left = offset(c, "left-offset", canvas, digitRows, digitCols);
        int[] right = offset(c, "right-offset", canvas, digitRows, digitCols);
        double noiseRate = get(c, "noise-rate", "a number", Config::getDouble);
        if (!(noiseRate >= 0 && noiseRate <= 1)) {
            throw bad(c, "noise-rate", "must be in [0, 1], got " + noiseRate);
        }
        int noiseFrom = get(c, "noise-from-column", "an integer", Config::getInt);
        if (noiseFrom < 0 || noiseFrom > canvas) {
            throw bad(
                    c,
                    "noise-from-column",
                    "must be in [0, canvas = " + canvas + "], got " + noiseFrom);
        }
        long seed = get(c, "seed", "an integer", Config::getLong);
        return new MultiDigitSettings(
                dir,
                canvas,
                left[0],
                left[1],
                right[0],
                right[1],
                noiseRate,
                noiseFrom,
                seed,
                limit(c, "train-limit"),
                limit(c, "test-limit"));
    }

    /**
     * Reads the source folder, which must not be empty.
     *
     * @param c the merged section
     * @return the folder, relative to the data root or absolute
     */
    static String dir(Config c) {
        String dir = get(c, "dir", "a string", Config::getString);
        if (dir.isBlank()) {
            throw bad(c, "dir", "must not be empty; name the folder of the source IDX files");
        }
        return dir;
    }

    private static int[] offset(Config c, String key, int canvas, int rows, int cols) {
        List<Integer> pair = get(c, key, "a list [row, column]", Config::getIntList);
        if (pair.size() != 2) {
            throw bad(c, key, "must be [row, column], got " + pair);
        }
        int row = pair.get(0);
        int col = pair.get(1);
        if (row < 0 || col < 0 || row + rows > canvas || col + cols > canvas) {
            throw bad(
                    c,
                    key,
                    String.format(
                            Locale.ROOT,
                            "a %dx%d source image at (%d, %d) does not fit a canvas of %d;"
                                    + " use offsets in [0, %d] x [0, %d] or a larger canvas",
                            rows,
                            cols,
                            row,
                            col,
                            canvas,
                            Math.max(0, canvas - rows),
                            Math.max(0, canvas - cols)));
        }
        return new int[] {row, col};
    }

    private static int limit(Config c, String key) {
        int value = get(c, key, "an integer", Config::getInt);
        if (value < 0) {
            throw bad(c, key, "must be >= 0 (0 means the whole split), got " + value);
        }
        return value;
    }

    private static <T> T get(
            Config c, String key, String expected, BiFunction<Config, String, T> getter) {
        try {
            return getter.apply(c, key);
        } catch (ConfigException.WrongType e) {
            throw new ConfigException.WrongType(
                    c.getValue(key).origin(),
                    SECTION + "." + key,
                    expected,
                    c.getValue(key).valueType().name().toLowerCase(Locale.ROOT));
        }
    }

    private static ConfigException bad(Config c, String key, String why) {
        return new ConfigException.BadValue(c.getValue(key).origin(), SECTION + "." + key, why);
    }
}

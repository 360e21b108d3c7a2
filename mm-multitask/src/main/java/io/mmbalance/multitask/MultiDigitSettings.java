package io.mmbalance.multitask;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.util.List;
import java.util.Locale;

/**
 * The validated settings of a MultiMNIST-style dataset.
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

    static MultiDigitSettings from(Config c, String name, int digitSide) {
        String section = "dataset";
        List<Integer> left = c.getIntList("left-offset");
        List<Integer> right = c.getIntList("right-offset");
        if (left.size() != 2 || right.size() != 2) {
            throw bad(c, section, "left-offset/right-offset", "must be [row, column] pairs");
        }
        MultiDigitSettings s =
                new MultiDigitSettings(
                        c.getString("dir"),
                        c.getInt("canvas"),
                        left.get(0),
                        left.get(1),
                        right.get(0),
                        right.get(1),
                        c.getDouble("noise-rate"),
                        c.getInt("noise-from-column"),
                        c.getLong("seed"),
                        c.getInt("train-limit"),
                        c.getInt("test-limit"));
        for (int[] offset : new int[][] {{s.leftRow, s.leftCol}, {s.rightRow, s.rightCol}}) {
            if (offset[0] < 0
                    || offset[1] < 0
                    || offset[0] + digitSide > s.canvas
                    || offset[1] + digitSide > s.canvas) {
                throw bad(
                        c,
                        section,
                        "left-offset/right-offset",
                        String.format(
                                Locale.ROOT,
                                "a %dx%d digit at (%d, %d) does not fit a canvas of %d",
                                digitSide,
                                digitSide,
                                offset[0],
                                offset[1],
                                s.canvas));
            }
        }
        if (!(s.noiseRate >= 0 && s.noiseRate <= 1)) {
            throw bad(c, section, "noise-rate", s.noiseRate + " must be in [0, 1]");
        }
        if (s.noiseFromColumn < 0 || s.noiseFromColumn > s.canvas) {
            throw bad(c, section, "noise-from-column", s.noiseFromColumn + " must be in [0, canvas]");
        }
        if (s.trainLimit < 0 || s.testLimit < 0) {
            throw bad(c, section, "train-limit/test-limit", "must be >= 0");
        }
        return s;
    }

    private static ConfigException bad(Config c, String section, String key, String why) {
        return new ConfigException.BadValue(c.origin(), section + "." + key, why);
    }
}

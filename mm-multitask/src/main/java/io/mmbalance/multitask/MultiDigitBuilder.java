package io.mmbalance.multitask;

import io.mmbalance.api.data.Split;
import io.mmbalance.datasets.idx.IdxImages;
import io.mmbalance.datasets.idx.LabelledImages;
import java.util.SplittableRandom;

/**
 * Builds MultiMNIST-style canvases from a split of single digits.
 *
 * <p>Sample i takes source image i as its left digit and a partner drawn uniformly, with
 * rejection, among the source images of a different class (the whole source split, so a limited
 * build is a prefix of the full one). Both digits are drawn on a black canvas at their offsets;
 * where they overlap the larger pixel wins. Then every pixel of the columns from {@code
 * noise-from-column} on is, with probability {@code noise-rate}, set to 0 or 255 with equal
 * chance. One seeded stream per split drives partner choice and noise, sample by sample.
 */
final class MultiDigitBuilder {

    /**
     * Names the construction; it is part of every recipe, and changes whenever the construction
     * does, so that old caches are not reused.
     */
    static final String SCHEME = "multi-digit-v1";

    private MultiDigitBuilder() {}

    /**
     * The built arrays.
     *
     * @param pixels the canvases, one byte per pixel, sample after sample
     * @param left the left digit's label of each sample (task {@code left})
     * @param right the right digit's label of each sample (task {@code right})
     */
    record Built(byte[] pixels, byte[] left, byte[] right) {}

    /**
     * Builds the first {@code count} canvases of a split.
     *
     * @param source the source split; its labels must be in [0, classes)
     * @param count how many canvases, at most the source size
     * @param s the settings
     * @param split which split, for the seed of its stream
     * @param classes the number of classes
     * @return the pixels (count x canvas x canvas, row-major) and the two label arrays
     * @throws IllegalArgumentException when a label is out of range or the split holds fewer
     *     than two classes, so that no partner of another class exists
     */
    static Built build(
            LabelledImages source, int count, MultiDigitSettings s, Split split, int classes) {
        checkLabels(source, classes);
        IdxImages images = source.images();
        int rows = images.rows();
        int cols = images.cols();
        int side = s.canvas();
        int area = side * side;
        int total = source.size();
        byte[] pixels = new byte[count * area];
        byte[] left = new byte[count];
        byte[] right = new byte[count];
        SplittableRandom random = new SplittableRandom(streamSeed(s.seed(), split));
        for (int i = 0; i < count; i++) {
            int a = source.labels().label(i);
            int j;
            do {
                j = random.nextInt(total);
            } while (source.labels().label(j) == a);
            left[i] = (byte) a;
            right[i] = (byte) source.labels().label(j);
            int base = i * area;
            draw(images, i, pixels, base, side, s.leftRow(), s.leftCol(), rows, cols);
            draw(images, j, pixels, base, side, s.rightRow(), s.rightCol(), rows, cols);
            for (int r = 0; r < side; r++) {
                for (int c = s.noiseFromColumn(); c < side; c++) {
                    if (random.nextDouble() < s.noiseRate()) {
                        pixels[base + r * side + c] = (byte) (random.nextBoolean() ? 255 : 0);
                    }
                }
            }
        }
        return new Built(pixels, left, right);
    }

    private static void checkLabels(LabelledImages source, int classes) {
        boolean[] seen = new boolean[classes];
        int distinct = 0;
        for (int i = 0; i < source.size(); i++) {
            int label = source.labels().label(i);
            if (label < 0 || label >= classes) {
                throw new IllegalArgumentException(
                        source.images().file()
                                + ": sample "
                                + i
                                + " has label "
                                + label
                                + "; labels must be in [0, "
                                + classes
                                + ")");
            }
            if (!seen[label]) {
                seen[label] = true;
                distinct++;
            }
        }
        if (distinct < 2 && source.size() > 0) {
            throw new IllegalArgumentException(
                    source.images().file()
                            + ": all samples are of one class; two digits of different classes"
                            + " need at least two");
        }
    }

    private static void draw(
            IdxImages images,
            int index,
            byte[] canvas,
            int base,
            int side,
            int row0,
            int col0,
            int rows,
            int cols) {
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int v = images.pixel(index, r * cols + c);
                int at = base + (row0 + r) * side + col0 + c;
                if (v > (canvas[at] & 0xff)) {
                    canvas[at] = (byte) v;
                }
            }
        }
    }

    /** Returns the seed of a split's stream: train and test draw from separate streams. */
    static long streamSeed(long seed, Split split) {
        return seed * 0x9E3779B97F4A7C15L ^ (split == Split.TRAIN ? 0x5EEDL : 0x7E57L);
    }
}

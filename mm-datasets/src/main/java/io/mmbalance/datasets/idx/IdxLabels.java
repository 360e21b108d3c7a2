package io.mmbalance.datasets.idx;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/** Labels read from an IDX file, one unsigned byte per sample; immutable. */
public final class IdxLabels {

    private final Path file;
    private final String sha256;
    private final byte[] labels;

    IdxLabels(Path file, String sha256, byte[] labels) {
        this.file = Objects.requireNonNull(file, "file");
        this.sha256 = Objects.requireNonNull(sha256, "sha256");
        this.labels = Objects.requireNonNull(labels, "labels");
    }

    /**
     * Returns the file the labels were read from.
     *
     * @return the file
     */
    public Path file() {
        return file;
    }

    /**
     * Returns the SHA-256 of the file's uncompressed content, in lower-case hex.
     *
     * @return the checksum of the whole file, even when only a prefix is kept
     */
    public String sha256() {
        return sha256;
    }

    /**
     * Returns the number of labels.
     *
     * @return the number of labels
     */
    public int count() {
        return labels.length;
    }

    /**
     * Returns one label.
     *
     * @param index the sample index, from 0
     * @return the label, 0 to 255
     */
    public int label(int index) {
        return labels[Objects.checkIndex(index, labels.length)] & 0xff;
    }

    /**
     * Returns the largest label.
     *
     * @return the largest label, or -1 when there are none
     */
    public int max() {
        int max = -1;
        for (byte b : labels) {
            max = Math.max(max, b & 0xff);
        }
        return max;
    }

    /**
     * Returns the number of samples of each label.
     *
     * @param classes the number of classes; labels at or above it are not counted
     * @return the counts, indexed by label
     */
    public int[] histogram(int classes) {
        int[] counts = new int[classes];
        for (byte b : labels) {
            int label = b & 0xff;
            if (label < classes) {
                counts[label]++;
            }
        }
        return counts;
    }

    /**
     * Returns the first {@code n} labels.
     *
     * @param n how many labels to keep; at least 0
     * @return this instance when {@code n >= count()}, otherwise a copy of the first {@code n}
     */
    public IdxLabels first(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, got " + n);
        }
        return n >= labels.length ? this : new IdxLabels(file, sha256, Arrays.copyOf(labels, n));
    }
}

package io.mmbalance.datasets.idx;

import java.util.Objects;

/** Images and their labels, one label per image; immutable. */
public final class LabelledImages {

    private final IdxImages images;
    private final IdxLabels labels;

    private LabelledImages(IdxImages images, IdxLabels labels) {
        this.images = images;
        this.labels = labels;
    }

    /**
     * Pairs images with labels after checking that their counts match.
     *
     * @param images the images
     * @param labels the labels
     * @return the pair
     * @throws IdxFormatException when the counts differ; the message names both files
     */
    public static LabelledImages of(IdxImages images, IdxLabels labels) throws IdxFormatException {
        Objects.requireNonNull(images, "images");
        Objects.requireNonNull(labels, "labels");
        if (images.count() != labels.count()) {
            throw new IdxFormatException(
                    images.file(),
                    "holds " + images.count() + " images but " + labels.file() + " holds "
                            + labels.count() + " labels; the two files must come from the same"
                            + " split of the same dataset");
        }
        return new LabelledImages(images, labels);
    }

    /**
     * Returns the images.
     *
     * @return the images
     */
    public IdxImages images() {
        return images;
    }

    /**
     * Returns the labels.
     *
     * @return the labels
     */
    public IdxLabels labels() {
        return labels;
    }

    /**
     * Returns the number of samples.
     *
     * @return the number of samples
     */
    public int size() {
        return labels.count();
    }

    /**
     * Returns the first {@code n} samples.
     *
     * @param n how many samples to keep; at least 0
     * @return this instance when {@code n >= size()}, otherwise a copy of the first {@code n}
     */
    public LabelledImages first(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, got " + n);
        }
        if (n >= size()) {
            return this;
        }
        return new LabelledImages(images.first(n), labels.first(n));
    }
}

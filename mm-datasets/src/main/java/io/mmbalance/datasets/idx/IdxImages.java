package io.mmbalance.datasets.idx;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * Images read from an IDX file: {@code count} images of {@code rows x cols} unsigned bytes.
 *
 * <p>The pixels stay in one byte array (60,000 MNIST images take 47 MB) and are read through
 * {@link #pixel(int, int)}; instances are immutable and safe to share between threads.
 */
public final class IdxImages {

    private final Path file;
    private final String sha256;
    private final int count;
    private final int rows;
    private final int cols;
    private final byte[] pixels;

    IdxImages(Path file, String sha256, int count, int rows, int cols, byte[] pixels) {
        this.file = Objects.requireNonNull(file, "file");
        this.sha256 = Objects.requireNonNull(sha256, "sha256");
        this.count = count;
        this.rows = rows;
        this.cols = cols;
        this.pixels = Objects.requireNonNull(pixels, "pixels");
        if ((long) count * rows * cols != pixels.length) {
            throw new IllegalArgumentException(
                    "pixel array of length " + pixels.length + " does not hold " + count
                            + " images of " + rows + "x" + cols);
        }
    }

    /**
     * Returns the file the images were read from.
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
     * Returns the number of images.
     *
     * @return the number of images
     */
    public int count() {
        return count;
    }

    /**
     * Returns the height of an image.
     *
     * @return the number of rows
     */
    public int rows() {
        return rows;
    }

    /**
     * Returns the width of an image.
     *
     * @return the number of columns
     */
    public int cols() {
        return cols;
    }

    /**
     * Returns the number of pixels in one image.
     *
     * @return {@code rows * cols}
     */
    public int pixelsPerImage() {
        return rows * cols;
    }

    /**
     * Returns one pixel of one image.
     *
     * @param index the image index, from 0
     * @param position the pixel's row-major position, {@code row * cols + col}
     * @return the pixel value, 0 to 255
     */
    public int pixel(int index, int position) {
        Objects.checkIndex(index, count);
        int size = rows * cols;
        Objects.checkIndex(position, size);
        return pixels[index * size + position] & 0xff;
    }

    /**
     * Copies one image's pixels as {@code pixel / 255f}, in row-major order.
     *
     * @param index the image index, from 0
     * @param dest the destination
     * @param offset where in {@code dest} the first pixel goes
     */
    public void copyNormalized(int index, float[] dest, int offset) {
        Objects.checkIndex(index, count);
        int size = rows * cols;
        Objects.checkFromIndexSize(offset, size, dest.length);
        int from = index * size;
        for (int p = 0; p < size; p++) {
            dest[offset + p] = (pixels[from + p] & 0xff) / 255f;
        }
    }

    /**
     * Returns the first {@code n} images.
     *
     * @param n how many images to keep; at least 0
     * @return this instance when {@code n >= count()}, otherwise a copy of the first {@code n}
     */
    public IdxImages first(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, got " + n);
        }
        if (n >= count) {
            return this;
        }
        byte[] kept = Arrays.copyOf(pixels, n * rows * cols);
        return new IdxImages(file, sha256, n, rows, cols, kept);
    }
}

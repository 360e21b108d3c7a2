package io.mmbalance.datasets.idx;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/** Writes small hand-made IDX files for tests. */
public final class IdxTestFiles {

    private IdxTestFiles() {}

    /** Returns the bytes of an IDX image file with the given magic, header and pixels. */
    public static byte[] images(int magic, int count, int rows, int cols, byte[] pixels) {
        ByteBuffer buf = ByteBuffer.allocate(16 + pixels.length);
        buf.putInt(magic).putInt(count).putInt(rows).putInt(cols).put(pixels);
        return buf.array();
    }

    /** Returns the bytes of a well-formed IDX image file. */
    public static byte[] images(int count, int rows, int cols, byte[] pixels) {
        return images(IdxFiles.IMAGES_MAGIC, count, rows, cols, pixels);
    }

    /** Returns the bytes of an IDX label file with the given magic and labels. */
    public static byte[] labels(int magic, int count, byte[] labels) {
        ByteBuffer buf = ByteBuffer.allocate(8 + labels.length);
        buf.putInt(magic).putInt(count).put(labels);
        return buf.array();
    }

    /** Returns the bytes of a well-formed IDX label file. */
    public static byte[] labels(byte[] labels) {
        return labels(IdxFiles.LABELS_MAGIC, labels.length, labels);
    }

    /** Returns the bytes gzip-compressed. */
    public static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Writes bytes to a file and returns it. */
    public static Path write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Returns {@code count} 28x28 images of random strokes: a few bright line segments with
     * soft edges on black.
     */
    public static byte[] strokes(int count, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        byte[] pixels = new byte[count * 28 * 28];
        for (int i = 0; i < count; i++) {
            int strokes = 2 + rng.nextInt(3);
            for (int s = 0; s < strokes; s++) {
                double x0 = 4 + rng.nextDouble() * 20;
                double y0 = 4 + rng.nextDouble() * 20;
                double x1 = 4 + rng.nextDouble() * 20;
                double y1 = 4 + rng.nextDouble() * 20;
                for (int step = 0; step <= 40; step++) {
                    double t = step / 40.0;
                    int x = (int) Math.round(x0 + t * (x1 - x0));
                    int y = (int) Math.round(y0 + t * (y1 - y0));
                    paint(pixels, i, x, y, 255);
                    paint(pixels, i, x + 1, y, 128);
                    paint(pixels, i, x, y + 1, 128);
                }
            }
        }
        return pixels;
    }

    private static void paint(byte[] pixels, int image, int x, int y, int value) {
        if (x < 0 || y < 0 || x >= 28 || y >= 28) {
            return;
        }
        int at = image * 784 + y * 28 + x;
        pixels[at] = (byte) Math.max(pixels[at] & 0xff, value);
    }

    /**
     * Writes an MNIST-like folder: {@code train} and {@code test} samples of random strokes
     * with labels {@code i % 10}, images gzipped, labels raw.
     */
    public static Path mnistFolder(Path dir, int train, int test) {
        writeSplit(dir, "train", train, 1);
        writeSplit(dir, "t10k", test, 2);
        return dir;
    }

    private static void writeSplit(Path dir, String prefix, int count, long seed) {
        byte[] labels = new byte[count];
        for (int i = 0; i < count; i++) {
            labels[i] = (byte) (i % 10);
        }
        write(dir.resolve(prefix + "-images-idx3-ubyte.gz"),
                gzip(images(count, 28, 28, strokes(count, seed))));
        write(dir.resolve(prefix + "-labels-idx1-ubyte"), labels(labels));
    }
}

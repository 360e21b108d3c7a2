package io.mmbalance.datasets;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Decodes image files with {@link ImageIO} and turns them into normalised (channels, height,
 * width) values.
 *
 * <p>Pixels are taken as stored: a gray image's value is copied to the three channels, an RGB
 * image's bands are read directly (16-bit samples scaled to 0-255), and any other colour model
 * (indexed, CMYK, ...) goes through {@link BufferedImage#getRGB}. One channel is the luma
 * {@code 0.299 R + 0.587 G + 0.114 B}. Resizing is separable and antialiased, with a triangle
 * kernel stretched by the scale factor when shrinking, as Pillow's bilinear resize (and hence
 * torchvision's {@code Resize} on images) does it. A value becomes {@code (v / 255 - mean[c]) /
 * std[c]}.
 */
final class ImageTensors {

    private ImageTensors() {}

    /** How images are sized and normalised. */
    record Format(int channels, int height, int width, float[] mean, float[] std) {

        int size() {
            return channels * height * width;
        }
    }

    /** Reads an image file; a file that ImageIO cannot decode raises an error naming it. */
    static BufferedImage read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such image file");
        }
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw new IOException(file + ": cannot decode the image: " + e.getMessage(), e);
        }
        if (image == null) {
            throw new IOException(file + ": not an image format that javax.imageio reads (JPEG,"
                    + " PNG, BMP, GIF)");
        }
        return image;
    }

    /**
     * Writes an image as (channels, height, width) values at {@code dest[offset]}, resized,
     * normalised and, when {@code flip} is set, mirrored left to right.
     */
    static void copy(BufferedImage image, Format format, boolean flip, float[] dest, int offset) {
        int w0 = image.getWidth();
        int h0 = image.getHeight();
        float[][] rgb = planes(image);
        int plane = format.height() * format.width();
        Kernel kx = Kernel.of(w0, format.width());
        Kernel ky = Kernel.of(h0, format.height());
        float[][] channels;
        if (format.channels() == 1) {
            float[] luma = new float[w0 * h0];
            for (int p = 0; p < luma.length; p++) {
                luma[p] = 0.299f * rgb[0][p] + 0.587f * rgb[1][p] + 0.114f * rgb[2][p];
            }
            channels = new float[][] {luma};
        } else {
            channels = rgb;
        }
        for (int c = 0; c < format.channels(); c++) {
            float[] resized = resize(channels[c], w0, h0, kx, ky);
            int base = offset + c * plane;
            float mean = format.mean()[c];
            float std = format.std()[c];
            for (int y = 0; y < format.height(); y++) {
                for (int x = 0; x < format.width(); x++) {
                    int sx = flip ? format.width() - 1 - x : x;
                    float v = resized[y * format.width() + sx] / 255f;
                    dest[base + y * format.width() + x] = (v - mean) / std;
                }
            }
        }
    }

    /** Returns the red, green and blue planes of an image, values 0 to 255. */
    private static float[][] planes(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        ColorModel cm = image.getColorModel();
        Raster raster = image.getRaster();
        ColorSpace cs = cm.getColorSpace();
        float[][] out = new float[3][];
        boolean direct = !(cm instanceof IndexColorModel);
        if (direct && cs.getType() == ColorSpace.TYPE_GRAY && raster.getNumBands() >= 1) {
            float[] gray = raster.getSamples(0, 0, w, h, 0, new float[w * h]);
            scale(gray, raster.getSampleModel().getSampleSize(0));
            out[0] = gray;
            out[1] = gray;
            out[2] = gray;
            return out;
        }
        if (direct && cs.isCS_sRGB() && raster.getNumBands() >= 3) {
            for (int b = 0; b < 3; b++) {
                out[b] = raster.getSamples(0, 0, w, h, b, new float[w * h]);
                scale(out[b], raster.getSampleModel().getSampleSize(b));
            }
            return out;
        }
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        for (int b = 0; b < 3; b++) {
            out[b] = new float[w * h];
        }
        for (int p = 0; p < argb.length; p++) {
            out[0][p] = (argb[p] >> 16) & 0xff;
            out[1][p] = (argb[p] >> 8) & 0xff;
            out[2][p] = argb[p] & 0xff;
        }
        return out;
    }

    private static void scale(float[] values, int bits) {
        if (bits == 8) {
            return;
        }
        float factor = 255f / ((1 << bits) - 1);
        for (int i = 0; i < values.length; i++) {
            values[i] *= factor;
        }
    }

    private static float[] resize(float[] src, int w0, int h0, Kernel kx, Kernel ky) {
        int w1 = kx.out();
        int h1 = ky.out();
        float[] rows = new float[w1 * h0];
        for (int y = 0; y < h0; y++) {
            for (int x = 0; x < w1; x++) {
                double sum = 0;
                int from = kx.start()[x];
                double[] weights = kx.weights()[x];
                for (int j = 0; j < weights.length; j++) {
                    sum += weights[j] * src[y * w0 + from + j];
                }
                rows[y * w1 + x] = (float) sum;
            }
        }
        float[] out = new float[w1 * h1];
        for (int y = 0; y < h1; y++) {
            int from = ky.start()[y];
            double[] weights = ky.weights()[y];
            for (int x = 0; x < w1; x++) {
                double sum = 0;
                for (int j = 0; j < weights.length; j++) {
                    sum += weights[j] * rows[(from + j) * w1 + x];
                }
                out[y * w1 + x] = (float) sum;
            }
        }
        return out;
    }

    /** The weights of a one-dimensional resize from {@code in} to {@code out} samples. */
    private record Kernel(int out, int[] start, double[][] weights) {

        static Kernel of(int in, int out) {
            double scale = in / (double) out;
            double support = Math.max(scale, 1.0);
            int[] start = new int[out];
            double[][] weights = new double[out][];
            for (int o = 0; o < out; o++) {
                double centre = (o + 0.5) * scale;
                int lo = Math.max(0, (int) Math.floor(centre - support));
                int hi = Math.min(in, (int) Math.ceil(centre + support));
                double[] w = new double[hi - lo];
                double total = 0;
                for (int i = lo; i < hi; i++) {
                    double t = Math.abs((i + 0.5 - centre) / support);
                    w[i - lo] = Math.max(0, 1 - t);
                    total += w[i - lo];
                }
                if (total == 0) {
                    int nearest = Math.min(in - 1, (int) centre);
                    w = new double[] {1};
                    lo = nearest;
                } else {
                    for (int j = 0; j < w.length; j++) {
                        w[j] /= total;
                    }
                }
                start[o] = lo;
                weights[o] = w;
            }
            return new Kernel(out, start, weights);
        }
    }
}

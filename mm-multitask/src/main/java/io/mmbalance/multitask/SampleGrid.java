package io.mmbalance.multitask;

import io.mmbalance.api.data.ModalitySpec;
import io.mmbalance.api.data.MultimodalDataset;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Draws the first samples of a dataset modality as a PNG grid, each tile captioned with its
 * labels (one per task, separated by {@code |}), so that a user sees what the model sees.
 * Samples with values in [0, 1] are drawn as they are; others are stretched onto that range one
 * tile at a time.
 */
public final class SampleGrid {

    private static final int CAPTION = 12;

    private SampleGrid() {}

    /**
     * Writes a grid of samples.
     *
     * @param data the dataset
     * @param modality the modality index; its shape must be (1, H, W) or (3, H, W)
     * @param count how many samples, from the first
     * @param scale how many screen pixels per sample pixel
     * @param file the PNG file to write
     * @throws IOException when the file cannot be written
     * @throws IllegalArgumentException when the modality is not an image, the dataset is empty,
     *     or count or scale is below 1
     */
    public static void write(
            MultimodalDataset data, int modality, int count, int scale, Path file)
            throws IOException {
        if (count < 1 || scale < 1) {
            throw new IllegalArgumentException(
                    "count and scale must be >= 1, got " + count + " and " + scale);
        }
        if (data.size() == 0) {
            throw new IllegalArgumentException("the dataset holds no samples");
        }
        ModalitySpec spec = data.modalities().get(modality);
        if (spec.shape().dimension() != 3
                || (spec.shape().get(0) != 1 && spec.shape().get(0) != 3)) {
            throw new IllegalArgumentException(
                    "modality '" + spec.name() + "' has shape " + spec.shape()
                            + "; a grid needs (1, H, W) or (3, H, W)");
        }
        int channels = (int) spec.shape().get(0);
        int h = (int) spec.shape().get(1);
        int w = (int) spec.shape().get(2);
        int n = Math.min(count, data.size());
        int columns = (int) Math.ceil(Math.sqrt(n));
        int rows = (n + columns - 1) / columns;
        int tileW = w * scale + 2;
        int tileH = h * scale + CAPTION + 2;
        BufferedImage image =
                new BufferedImage(columns * tileW, rows * tileH, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(40, 40, 40));
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 10));
        float[] values = new float[spec.sampleSize()];
        for (int i = 0; i < n; i++) {
            data.copySample(modality, i, values, 0);
            toUnitRange(values);
            int x0 = (i % columns) * tileW + 1;
            int y0 = (i / columns) * tileH + 1;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int at = y * w + x;
                    int rgb =
                            channels == 1
                                    ? gray(values[at])
                                    : rgb(values[at], values[h * w + at], values[2 * h * w + at]);
                    g.setColor(new Color(rgb));
                    g.fillRect(x0 + x * scale, y0 + y * scale, scale, scale);
                }
            }
            List<String> labels = new ArrayList<>();
            for (int t = 0; t < data.tasks().size(); t++) {
                labels.add(data.classes().get(data.label(i, t)));
            }
            g.setColor(Color.WHITE);
            // a caption wider than its tile is cut at the tile's edge
            g.setClip(x0, y0, tileW - 2, tileH - 2);
            g.drawString(String.join(" | ", labels), x0 + 1, y0 + h * scale + CAPTION - 2);
            g.setClip(null);
        }
        g.dispose();
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException(file + ": no PNG writer available");
        }
    }

    /**
     * Leaves values already in [0, 1] as they are (pixels / 255) and stretches any other sample,
     * such as one normalised by a mean and standard deviation, linearly onto [0, 1].
     */
    private static void toUnitRange(float[] values) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if (min >= 0 && max <= 1) {
            return;
        }
        float range = max > min ? max - min : 1;
        for (int i = 0; i < values.length; i++) {
            values[i] = (values[i] - min) / range;
        }
    }

    private static int clamp(float v) {
        return Math.max(0, Math.min(255, Math.round(v * 255)));
    }

    private static int gray(float v) {
        int c = clamp(v);
        return (c << 16) | (c << 8) | c;
    }

    private static int rgb(float r, float g, float b) {
        return (clamp(r) << 16) | (clamp(g) << 8) | clamp(b);
    }
}

package io.mmbalance.datasets;

import io.mmbalance.datasets.audio.WavTestFiles;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/** Writes small FSDD folders, frames, clip lists and manifests for tests. */
final class AvTestFiles {

    static final List<String> SPEAKERS = List.of("alice", "bob");

    private AvTestFiles() {}

    /**
     * Writes {@code {digit}_{speaker}_{index}.wav} for digits 0-9, two speakers and takes 0 to
     * {@code takes - 1}: a tone of {@code 300 + 100 * digit} Hz, 0.2 to 0.3 s at 8 kHz.
     */
    static Path fsdd(Path folder, int takes) {
        for (int d = 0; d < 10; d++) {
            for (String speaker : SPEAKERS) {
                for (int i = 0; i < takes; i++) {
                    int n = 1600 + 80 * ((d + i) % 10);
                    WavTestFiles.writeMono16(folder.resolve(d + "_" + speaker + "_" + i + ".wav"),
                            8000, WavTestFiles.tone(300 + 100 * d, 8000, n, 0.4));
                }
            }
        }
        return folder;
    }

    /** Writes a JPEG or PNG of one solid colour. */
    static Path image(Path file, int width, int height, Color color, String format) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, width, height);
        g.dispose();
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (!ImageIO.write(img, format, file.toFile())) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Writes a gray PNG whose every pixel is {@code value}. */
    static Path grayPng(Path file, int width, int height, int value) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                img.getRaster().setSample(x, y, 0, value);
            }
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            ImageIO.write(img, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Writes text as UTF-8, optionally after a byte-order mark. */
    static Path text(Path file, String text, boolean bom) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            byte[] body = text.getBytes(StandardCharsets.UTF_8);
            byte[] all = new byte[body.length + (bom ? 3 : 0)];
            if (bom) {
                all[0] = (byte) 0xEF;
                all[1] = (byte) 0xBB;
                all[2] = (byte) 0xBF;
            }
            System.arraycopy(body, 0, all, bom ? 3 : 0, body.length);
            return Files.write(file, all);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns the gray level of frame {@code k} (from 1) written by {@link #clip}. */
    static int frameGray(int k) {
        return 20 * k;
    }

    /**
     * Writes one clip in the OGM-GE layout: {@code <audioDir>/<clip>.wav} (a 0.3 s tone at
     * 16 kHz) and {@code frames} gray JPEG frames {@code <visualDir>/<clip>/img_<k>.jpg}.
     */
    static void clip(Path audioDir, Path visualDir, String clip, int frames, double hz) {
        WavTestFiles.writeMono16(audioDir.resolve(clip + ".wav"), 16000,
                WavTestFiles.tone(hz, 16000, 4800, 0.5));
        for (int k = 1; k <= frames; k++) {
            int v = frameGray(k);
            image(visualDir.resolve(clip).resolve("img_" + k + ".jpg"), 40, 30,
                    new Color(v, v, v), "jpg");
        }
    }
}

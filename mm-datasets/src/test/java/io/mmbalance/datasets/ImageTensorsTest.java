package io.mmbalance.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageTensorsTest {

    private static final float[] ZERO = {0, 0, 0};
    private static final float[] ONE = {1, 1, 1};

    @TempDir Path dir;

    private static BufferedImage stripes(int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                img.setRGB(x, y, x % 2 == 0 ? 0xffffff : 0x000000);
            }
        }
        return img;
    }

    @Test
    void shrinkingAveragesInsteadOfAliasing() {
        float[] out = new float[3 * 4 * 4];

        ImageTensors.copy(stripes(32, 32), new ImageTensors.Format(3, 4, 4, ZERO, ONE), false,
                out, 0);

        for (float v : out) {
            assertThat(v).isCloseTo(0.5f, within(0.02f));
        }
    }

    @Test
    void keepsAnImageOfTheTargetSizeAsItIsAndMirrorsItWhenAsked() {
        BufferedImage img = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        SplittableRandom rng = new SplittableRandom(1);
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 3; x++) {
                img.setRGB(x, y, rng.nextInt(1 << 24));
            }
        }
        ImageTensors.Format format = new ImageTensors.Format(3, 2, 3, ZERO, ONE);
        float[] same = new float[18];
        float[] mirrored = new float[18];

        ImageTensors.copy(img, format, false, same, 0);
        ImageTensors.copy(img, format, true, mirrored, 0);

        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 3; x++) {
                int rgb = img.getRGB(x, y);
                assertThat(same[y * 3 + x]).isCloseTo(((rgb >> 16) & 0xff) / 255f, within(1e-6f));
                assertThat(same[6 + y * 3 + x]).isCloseTo(((rgb >> 8) & 0xff) / 255f,
                        within(1e-6f));
                assertThat(same[12 + y * 3 + x]).isCloseTo((rgb & 0xff) / 255f, within(1e-6f));
                assertThat(mirrored[y * 3 + (2 - x)]).isEqualTo(same[y * 3 + x]);
            }
        }
    }

    @Test
    void copiesGrayValuesAsStoredToEveryChannel() {
        BufferedImage gray = new BufferedImage(2, 2, BufferedImage.TYPE_BYTE_GRAY);
        gray.getRaster().setSample(0, 0, 0, 100);
        float[] out = new float[12];

        ImageTensors.copy(gray, new ImageTensors.Format(3, 2, 2, ZERO, ONE), false, out, 0);

        assertThat(out[0]).isEqualTo(100f / 255);
        assertThat(out[4]).isEqualTo(100f / 255);
        assertThat(out[8]).isEqualTo(100f / 255);
        assertThat(out[1]).isZero();
    }

    @Test
    void namesAFileThatIsNoImage() throws Exception {
        Path file = Files.writeString(dir.resolve("frame.jpg"), "not a picture");

        assertThatThrownBy(() -> ImageTensors.read(file))
                .hasMessageContaining("frame.jpg")
                .hasMessageContaining("javax.imageio");
    }

    @Test
    void choosesFramesEvenlyAtTestAndWithinSegmentsAtTrain() {
        assertThat(FramesModality.evenlySpaced(10, 3)).containsExactly(1, 5, 8);
        assertThat(FramesModality.evenlySpaced(3, 1)).containsExactly(1);
        assertThat(FramesModality.evenlySpaced(2, 4)).containsExactly(0, 0, 1, 1);
        SplittableRandom rng = new SplittableRandom(3);
        for (int i = 0; i < 200; i++) {
            int[] chosen = FramesModality.randomInSegments(10, 3, rng);
            assertThat(chosen[0]).isBetween(0, 2);
            assertThat(chosen[1]).isBetween(3, 5);
            assertThat(chosen[2]).isBetween(6, 9);
        }
        assertThat(FramesModality.randomInSegments(1, 3, rng)).containsExactly(0, 0, 0);
    }

    @Test
    void ordersFrameNamesNaturally() {
        assertThat(Stream.of("img_10.jpg", "img_2.jpg", "img_1.jpg",
                "img_002.jpg").sorted(DataPaths.NATURAL))
                .containsExactly("img_1.jpg", "img_002.jpg", "img_2.jpg", "img_10.jpg");
    }
}

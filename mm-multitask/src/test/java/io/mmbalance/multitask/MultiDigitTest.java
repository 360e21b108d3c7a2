package io.mmbalance.multitask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import io.mmbalance.api.data.DataContext;
import io.mmbalance.api.data.MultimodalDataset;
import io.mmbalance.api.data.Split;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MultiDigitTest {

    static final int N = 200;

    @TempDir Path root;

    /**
     * Writes N 28x28 "digits": image i is the square of rows and columns 4..23 filled with 100 +
     * label, so that every canvas pixel follows from the two labels alone.
     */
    static void writeIdx(Path dir, long seed) throws IOException {
        Files.createDirectories(dir);
        byte[] labels = new byte[N];
        byte[] images = new byte[N * 784];
        for (int i = 0; i < N; i++) {
            labels[i] = (byte) (i % 10);
            for (int y = 4; y < 24; y++) {
                for (int x = 4; x < 24; x++) {
                    images[i * 784 + y * 28 + x] = (byte) (100 + labels[i]);
                }
            }
        }
        for (String prefix : new String[] {"train", "t10k"}) {
            try (DataOutputStream out =
                    new DataOutputStream(
                            Files.newOutputStream(dir.resolve(prefix + "-images-idx3-ubyte")))) {
                out.writeInt(0x803);
                out.writeInt(N);
                out.writeInt(28);
                out.writeInt(28);
                out.write(images);
            }
            try (DataOutputStream out =
                    new DataOutputStream(
                            Files.newOutputStream(dir.resolve(prefix + "-labels-idx1-ubyte")))) {
                out.writeInt(0x801);
                out.writeInt(N);
                out.write(labels);
            }
        }
    }

    @BeforeEach
    void data() throws IOException {
        writeIdx(root.resolve("mnist"), 1);
    }

    private MultimodalDataset open(String extra, Split split) throws IOException {
        Config c = ConfigFactory.parseString(extra);
        return new MultiMnistProvider()
                .open(c, split, new DataContext(root, root.resolve("cache")));
    }

    @Test
    void leftDigitGivesTask1AndRightDigitTask2AtTheirOffsets() throws IOException {
        MultiDigitDataset d = (MultiDigitDataset) open("noise-rate = 0", Split.TRAIN);
        assertThat(d.size()).isEqualTo(N);
        assertThat(d.tasks()).containsExactly("left", "right");
        assertThat(d.modalities().get(0).shape().toString()).isEqualTo("(1, 36, 36)");
        for (int i = 0; i < N; i++) {
            // (4,4) of the left digit lies at canvas (4,4), outside the right digit (6..33)
            assertThat(d.pixel(i, 4, 4)).isEqualTo(100 + d.label(i, 0));
            // the right digit's (23,23) lies at canvas (29,29), outside the left digit (0..27)
            assertThat(d.pixel(i, 29, 29)).isEqualTo(100 + d.label(i, 1));
            // overlap by maximum: inside both squares the larger value wins
            assertThat(d.pixel(i, 15, 15)).isEqualTo(100 + Math.max(d.label(i, 0), d.label(i, 1)));
            assertThat(d.label(i, 0)).isEqualTo(i % 10);
        }
    }

    @Test
    void theTwoDigitsAlwaysDiffer() throws IOException {
        for (Split split : Split.values()) {
            MultimodalDataset d = open("", split);
            for (int i = 0; i < d.size(); i++) {
                assertThat(d.label(i, 0)).isNotEqualTo(d.label(i, 1));
            }
        }
    }

    /** The canvas pixel without noise: left square at (4..23), right square at (10..29). */
    private static int clean(int left, int right, int r, int c) {
        int v = 0;
        if (r >= 4 && r < 24 && c >= 4 && c < 24) {
            v = Math.max(v, 100 + left);
        }
        if (r >= 10 && r < 30 && c >= 10 && c < 30) {
            v = Math.max(v, 100 + right);
        }
        return v;
    }

    @Test
    void noiseTouchesOnlyTheRightPartAndAboutTheConfiguredShare() throws IOException {
        MultiDigitDataset noisy = (MultiDigitDataset) open("noise-rate = 0.3", Split.TRAIN);
        long changedLeft = 0;
        long set255 = 0;
        long rightPixels = 0;
        for (int i = 0; i < N; i++) {
            for (int r = 0; r < 36; r++) {
                for (int c = 0; c < 36; c++) {
                    int expected = clean(noisy.label(i, 0), noisy.label(i, 1), r, c);
                    int actual = noisy.pixel(i, r, c);
                    if (c < 18) {
                        changedLeft += actual != expected ? 1 : 0;
                    } else {
                        rightPixels++;
                        assertThat(actual).isIn(expected, 0, 255);
                        set255 += actual == 255 ? 1 : 0;
                    }
                }
            }
        }
        assertThat(changedLeft).isZero();
        // half of the noised pixels are set to 255 (a value the clean canvas never holds):
        // expected share 0.15 of 129,600 pixels, standard deviation about 0.001
        assertThat((double) set255 / rightPixels).isBetween(0.14, 0.16);
    }

    @Test
    void withoutNoiseTheRightPartIsTheCleanCanvas() throws IOException {
        MultiDigitDataset d = (MultiDigitDataset) open("noise-rate = 0", Split.TEST);
        for (int i = 0; i < N; i++) {
            for (int r = 0; r < 36; r++) {
                for (int c = 0; c < 36; c++) {
                    assertThat(d.pixel(i, r, c))
                            .isEqualTo(clean(d.label(i, 0), d.label(i, 1), r, c));
                }
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameImagesAndAnotherSeedOthers() throws IOException {
        MultimodalDataset a = open("seed = 5", Split.TEST);
        MultimodalDataset b = new MultiMnistProvider()
                .open(ConfigFactory.parseString("seed = 5"), Split.TEST,
                        new DataContext(root, null));
        MultimodalDataset c = open("seed = 6", Split.TEST);
        float[] x = new float[1296];
        float[] y = new float[1296];
        float[] z = new float[1296];
        boolean anyDifferent = false;
        for (int i = 0; i < N; i++) {
            a.copySample(0, i, x, 0);
            b.copySample(0, i, y, 0);
            c.copySample(0, i, z, 0);
            assertThat(y).containsExactly(x);
            assertThat(b.label(i, 1)).isEqualTo(a.label(i, 1));
            anyDifferent |= !java.util.Arrays.equals(x, z);
        }
        assertThat(anyDifferent).isTrue();
    }

    @Test
    void aBuiltSplitIsCachedAndReadBack() throws IOException {
        open("", Split.TRAIN);
        Path cache;
        try (var s = Files.list(root.resolve("cache"))) {
            cache = s.filter(p -> p.getFileName().toString().startsWith("multi-mnist-train"))
                    .findFirst().orElseThrow();
        }
        // damage the cache: it must be rebuilt, giving the same data
        MultimodalDataset first = open("", Split.TRAIN);
        Files.write(cache, new byte[] {1, 2, 3});
        MultimodalDataset rebuilt = open("", Split.TRAIN);
        for (int i = 0; i < N; i++) {
            assertThat(rebuilt.label(i, 1)).isEqualTo(first.label(i, 1));
        }
        assertThat(Files.size(cache)).isEqualTo(12 + 2L * N + 1296L * N);
    }

    @Test
    void limitsGiveAPrefixOfTheFullSplit() throws IOException {
        MultimodalDataset full = open("", Split.TRAIN);
        MultimodalDataset part = open("train-limit = 20", Split.TRAIN);
        assertThat(part.size()).isEqualTo(20);
        for (int i = 0; i < 20; i++) {
            assertThat(part.label(i, 1)).isEqualTo(full.label(i, 1));
        }
    }

    @Test
    void badValuesAreErrorsNamingTheKey() {
        assertThatThrownBy(() -> open("noise-rate = 1.5", Split.TRAIN))
                .isInstanceOf(ConfigException.BadValue.class)
                .hasMessageContaining("noise-rate");
        assertThatThrownBy(() -> open("right-offset = [10, 10]", Split.TRAIN))
                .isInstanceOf(ConfigException.BadValue.class)
                .hasMessageContaining("does not fit");
        assertThatThrownBy(() -> open("canvs = 40", Split.TRAIN))
                .hasMessageContaining("canvs");
    }

    @Test
    void aGridOfSamplesIsWrittenAsPng() throws IOException {
        MultimodalDataset d = open("", Split.TRAIN);
        Path png = root.resolve("grid.png");
        SampleGrid.write(d, 0, 16, 2, png);
        var image = javax.imageio.ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(4 * (36 * 2 + 2));
    }
}

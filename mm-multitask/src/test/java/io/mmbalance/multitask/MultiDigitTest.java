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
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MultiDigitTest {

    static final int N = 200;

    @TempDir Path root;

    /**
     * Writes N 28x28 "digits": image i is the square of rows and columns 4..23 filled with 100 +
     * label, so that every canvas pixel follows from the two labels alone.
     */
    static void writeIdx(Path dir) throws IOException {
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
        writeIdx(root.resolve("mnist"));
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
            anyDifferent |= !Arrays.equals(x, z);
        }
        assertThat(anyDifferent).isTrue();
    }

    private Path onlyCacheFile(String prefix) throws IOException {
        try (Stream<Path> files = Files.list(root.resolve("cache"))) {
            List<Path> found =
                    files.filter(p -> p.getFileName().toString().startsWith(prefix)).toList();
            assertThat(found).hasSize(1);
            return found.get(0);
        }
    }

    private static void assertSameData(MultimodalDataset a, MultimodalDataset b) {
        assertThat(b.size()).isEqualTo(a.size());
        float[] x = new float[1296];
        float[] y = new float[1296];
        for (int i = 0; i < a.size(); i++) {
            a.copySample(0, i, x, 0);
            b.copySample(0, i, y, 0);
            assertThat(y).containsExactly(x);
            assertThat(b.label(i, 0)).isEqualTo(a.label(i, 0));
            assertThat(b.label(i, 1)).isEqualTo(a.label(i, 1));
        }
    }

    @Test
    void aBuiltSplitIsCachedAndReusedWithoutRewriting() throws IOException {
        MultimodalDataset built = open("", Split.TRAIN);
        Path cache = onlyCacheFile("multi-mnist-train-");
        assertThat(Files.size(cache)).isEqualTo(12 + 2L * N + 1296L * N + 8);
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(cache, old);
        MultimodalDataset again = open("", Split.TRAIN);
        assertThat(Files.getLastModifiedTime(cache)).isEqualTo(old);
        assertSameData(built, again);
        // another recipe is another file
        open("seed = 9", Split.TRAIN);
        try (Stream<Path> files = Files.list(root.resolve("cache"))) {
            assertThat(files.filter(p -> p.toString().endsWith(".bin")).count()).isEqualTo(2);
        }
    }

    @Test
    void aDamagedCacheIsRebuiltIntoTheSameData() throws IOException {
        MultimodalDataset built = open("", Split.TEST);
        Path cache = onlyCacheFile("multi-mnist-test-");
        byte[] good = Files.readAllBytes(cache);
        // one flipped pixel keeps the length; the checksum must catch it
        byte[] flipped = good.clone();
        flipped[12 + 2 * N + 500] ^= 0x40;
        Files.write(cache, flipped);
        assertSameData(built, open("", Split.TEST));
        assertThat(Files.readAllBytes(cache)).isEqualTo(good);
        // a truncated file too
        Files.write(cache, new byte[] {1, 2, 3});
        assertSameData(built, open("", Split.TEST));
        assertThat(Files.readAllBytes(cache)).isEqualTo(good);
        try (Stream<Path> files = Files.list(root.resolve("cache"))) {
            assertThat(files.filter(p -> p.toString().endsWith(".tmp")).count()).isZero();
        }
    }

    @Test
    void withoutACacheFolderTheSplitIsBuiltEachTime() throws IOException {
        MultimodalDataset a =
                new MultiMnistProvider()
                        .open(ConfigFactory.empty(), Split.TEST, new DataContext(root, null));
        assertSameData(open("", Split.TEST), a);
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

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "noise-rate = 1.5            | dataset.noise-rate",
                "noise-rate = -0.1           | dataset.noise-rate",
                "noise-from-column = 37      | dataset.noise-from-column",
                "noise-from-column = -1      | dataset.noise-from-column",
                "canvas = 0                  | dataset.canvas",
                "canvas = 27                 | dataset.left-offset",
                "right-offset = [10, 10]     | dataset.right-offset",
                "left-offset = [-1, 0]       | dataset.left-offset",
                "left-offset = [0, 0, 0]     | dataset.left-offset",
                "train-limit = -1            | dataset.train-limit",
                "test-limit = -5             | dataset.test-limit",
                "dir = \"\"                   | dataset.dir",
            })
    void badValuesAreErrorsNamingTheKey(String setting, String key) {
        assertThatThrownBy(() -> open(setting, Split.TRAIN))
                .isInstanceOf(ConfigException.BadValue.class)
                .hasMessageContaining(key);
    }

    @Test
    void wrongTypesAndUnknownKeysAreErrorsNamingTheKey() {
        assertThatThrownBy(() -> open("canvas = wide", Split.TRAIN))
                .isInstanceOf(ConfigException.WrongType.class)
                .hasMessageContaining("dataset.canvas");
        assertThatThrownBy(() -> open("right-offset = 6", Split.TRAIN))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("right-offset");
        assertThatThrownBy(() -> open("left-offset = [a, 0]", Split.TRAIN))
                .isInstanceOf(ConfigException.WrongType.class)
                .hasMessageContaining("dataset.left-offset");
        assertThatThrownBy(() -> open("canvs = 40", Split.TRAIN)).hasMessageContaining("canvs");
    }

    @Test
    void aSourceOfOneClassIsRejected() throws IOException {
        Path dir = root.resolve("one-class");
        Files.createDirectories(dir);
        for (String prefix : new String[] {"train", "t10k"}) {
            try (DataOutputStream out =
                    new DataOutputStream(
                            Files.newOutputStream(dir.resolve(prefix + "-images-idx3-ubyte")))) {
                out.writeInt(0x803);
                out.writeInt(3);
                out.writeInt(28);
                out.writeInt(28);
                out.write(new byte[3 * 784]);
            }
            try (DataOutputStream out =
                    new DataOutputStream(
                            Files.newOutputStream(dir.resolve(prefix + "-labels-idx1-ubyte")))) {
                out.writeInt(0x801);
                out.writeInt(3);
                out.write(new byte[] {4, 4, 4});
            }
        }
        assertThatThrownBy(() -> open("dir = one-class", Split.TEST))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one class");
    }

    @Test
    void theRecipeHoldsEveryParameter() throws IOException {
        MultimodalDataset d = open("seed = 3, noise-rate = 0.25, test-limit = 7", Split.TEST);
        assertThat(d.recipe())
                .containsEntry("dataset", "multi-mnist")
                .containsEntry("split", "test")
                .containsEntry("size", 7)
                .containsEntry("canvas", 36)
                .containsEntry("left_offset", List.of(0, 0))
                .containsEntry("right_offset", List.of(6, 6))
                .containsEntry("noise_rate", 0.25)
                .containsEntry("noise_from_column", 18)
                .containsEntry("seed", 3L)
                .containsKeys("scheme", "images", "images_sha256", "labels_sha256");
    }

    @Test
    void multiFashionUsesTheFashionFolderAndClassNames() throws IOException {
        writeIdx(root.resolve("fashion-mnist"));
        MultimodalDataset d =
                new MultiFashionProvider()
                        .open(ConfigFactory.empty(), Split.TEST, new DataContext(root, null));
        assertThat(d.size()).isEqualTo(N);
        assertThat(d.classes()).hasSize(10).startsWith("T-shirt/top").endsWith("Ankle boot");
        assertThat(d.tasks()).containsExactly("left", "right");
        assertThat(d.recipe().get("images").toString()).contains("fashion-mnist");
    }
}

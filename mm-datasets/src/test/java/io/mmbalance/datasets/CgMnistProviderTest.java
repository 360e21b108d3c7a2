package io.mmbalance.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import io.mmbalance.api.data.DataContext;
import io.mmbalance.api.data.ModalitySpec;
import io.mmbalance.api.data.MultimodalDataset;
import io.mmbalance.api.data.Split;
import io.mmbalance.datasets.idx.IdxTestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CgMnistProviderTest {

    private static final int SAMPLES = 200;

    @TempDir Path root;

    private final CgMnistProvider provider = new CgMnistProvider();
    private DataContext context;

    @BeforeEach
    void writeSmallMnist() {
        IdxTestFiles.mnistFolder(root.resolve("mnist"), SAMPLES, SAMPLES);
        context = new DataContext(root, root.resolve("cache"));
    }

    private CgMnistDataset open(Split split, String hocon) throws IOException {
        return (CgMnistDataset) provider.open(ConfigFactory.parseString(hocon), split, context);
    }

    private static double nearestColourAccuracy(CgMnistDataset data) {
        int hits = 0;
        for (int i = 0; i < data.size(); i++) {
            float[] c = data.color(i);
            if (CgMnistColors.nearestClass(c[0], c[1], c[2]) == data.label(i, 0)) {
                hits++;
            }
        }
        return hits / (double) data.size();
    }

    @Test
    void hasGrayThenColorModalitiesAndDigitClasses() throws IOException {
        CgMnistDataset train = open(Split.TRAIN, "");

        assertThat(train.modalities()).extracting(ModalitySpec::name)
                .containsExactly("gray", "color");
        assertThat(train.modalities().get(0).shape().getShape()).containsExactly(1, 28, 28);
        assertThat(train.modalities().get(1).shape().getShape()).containsExactly(3, 28, 28);
        assertThat(train.classes()).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8",
                "9");
        assertThat(train.size()).isEqualTo(SAMPLES);
        assertThat(train.tasks()).containsExactly("label");
    }

    @Test
    void trainColourPredictsTheLabel() throws IOException {
        assertThat(nearestColourAccuracy(open(Split.TRAIN, ""))).isGreaterThan(0.88);
    }

    @Test
    void testColourCarriesNoLabelInformation() throws IOException {
        assertThat(nearestColourAccuracy(open(Split.TEST, ""))).isBetween(0.02, 0.2);
    }

    @Test
    void uniformRgbTestColoursCarryNoLabelInformationEither() throws IOException {
        CgMnistDataset test = open(Split.TEST, "test-color-source = uniform-rgb");

        assertThat(nearestColourAccuracy(test)).isLessThan(0.25);
    }

    @Test
    void testImagesKeepTheirOwnColourWhenTheShareIsOne() throws IOException {
        assertThat(nearestColourAccuracy(open(Split.TEST, "test-own-color-share = 1")))
                .isGreaterThan(0.88);
    }

    @Test
    void aShareOfHalfKeepsAboutHalfTheTestColours() throws IOException {
        double accuracy = nearestColourAccuracy(
                open(Split.TEST, "test-own-color-share = 0.5, jitter-variance = 0"));

        assertThat(accuracy).isBetween(0.4, 0.7);
    }

    @Test
    void zeroJitterGivesExactlyTheClassColoursInTrain() throws IOException {
        CgMnistDataset train = open(Split.TRAIN, "jitter-variance = 0");
        float[][] palette = CgMnistColors.classColors();

        for (int i = 0; i < train.size(); i++) {
            assertThat(train.color(i)).containsExactly(palette[train.label(i, 0)]);
        }
    }

    @Test
    void jitterHasTheConfiguredVariance() throws IOException {
        IdxTestFiles.mnistFolder(root.resolve("big"), 4000, 1);
        CgMnistDataset train = open(Split.TRAIN, "dir = big, jitter-variance = 0.01");
        float[][] palette = CgMnistColors.classColors();
        double sum = 0;
        int n = 0;
        for (int i = 0; i < train.size(); i++) {
            float[] base = palette[train.label(i, 0)];
            float[] c = train.color(i);
            for (int ch = 0; ch < 3; ch++) {
                if (base[ch] == 0.5f) {
                    double d = c[ch] - 0.5;
                    sum += d * d;
                    n++;
                }
            }
        }

        assertThat(sum / n).isCloseTo(0.01, within(0.001));
    }

    @Test
    void theSameSeedGivesIdenticalData() throws IOException {
        MultimodalDataset a = open(Split.TEST, "seed = 7");
        DataContext noCache = new DataContext(root, null);
        MultimodalDataset b =
                provider.open(ConfigFactory.parseString("seed = 7"), Split.TEST, noCache);

        for (int m = 0; m < 2; m++) {
            int size = a.modalities().get(m).sampleSize();
            for (int i = 0; i < a.size(); i++) {
                float[] x = new float[size];
                float[] y = new float[size];
                a.copySample(m, i, x, 0);
                b.copySample(m, i, y, 0);
                assertThat(x).containsExactly(y);
            }
        }
        assertThat(a.recipe()).isEqualTo(b.recipe());
    }

    @Test
    void aDifferentSeedGivesDifferentColours() throws IOException {
        CgMnistDataset a = open(Split.TRAIN, "seed = 1");
        CgMnistDataset b = open(Split.TRAIN, "seed = 2");
        int differing = 0;
        for (int i = 0; i < a.size(); i++) {
            if (!java.util.Arrays.equals(a.color(i), b.color(i))) {
                differing++;
            }
        }

        assertThat(differing).isGreaterThan(SAMPLES * 9 / 10);
        assertThat(a.recipe().get("seed")).isEqualTo(1L);
    }

    @Test
    void trainAndTestDrawFromDifferentStreams() throws IOException {
        CgMnistDataset train = open(Split.TRAIN, "");
        CgMnistDataset test = open(Split.TEST, "test-own-color-share = 1");

        assertThat(train.color(0)).isNotEqualTo(test.color(0));
    }

    @Test
    void copiesGrayAsPixelOver255AndColourAsGrayTimesTheSampleColour() throws IOException {
        CgMnistDataset train = open(Split.TRAIN, "");
        Path imagesFile = root.resolve("mnist/train-images-idx3-ubyte.gz");
        var images = io.mmbalance.datasets.idx.IdxFiles.readImages(imagesFile);
        int index = 17;
        float[] gray = new float[5 + 784];
        float[] color = new float[3 * 784 + 2];

        train.copySample(0, index, gray, 5);
        train.copySample(1, index, color, 1);

        float[] rgb = train.color(index);
        int bright = 0;
        for (int p = 0; p < 784; p++) {
            float value = images.pixel(index, p) / 255f;
            assertThat(gray[5 + p]).isEqualTo(value);
            for (int c = 0; c < 3; c++) {
                assertThat(color[1 + c * 784 + p]).isEqualTo(value * rgb[c]);
            }
            bright += images.pixel(index, p) == 255 ? 1 : 0;
        }
        assertThat(bright).isPositive();
        assertThat(color[0]).isZero();
        assertThat(color[3 * 784 + 1]).isZero();
    }

    @Test
    void writesTheColoursToTheCacheAndReusesThem() throws IOException {
        CgMnistDataset first = open(Split.TRAIN, "");
        Path cacheFile = onlyCacheFile();
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(cacheFile, old);

        CgMnistDataset second = open(Split.TRAIN, "");

        assertThat(onlyCacheFile()).isEqualTo(cacheFile);
        assertThat(Files.getLastModifiedTime(cacheFile)).isEqualTo(old);
        for (int i = 0; i < first.size(); i++) {
            assertThat(second.color(i)).containsExactly(first.color(i));
        }
    }

    @Test
    void rebuildsADamagedCacheFile() throws IOException {
        CgMnistDataset first = open(Split.TRAIN, "");
        Path cacheFile = onlyCacheFile();
        byte[] bytes = Files.readAllBytes(cacheFile);
        bytes[100] ^= 0x40;
        Files.write(cacheFile, bytes);

        CgMnistDataset second = open(Split.TRAIN, "");

        assertThat(second.color(15)).containsExactly(first.color(15));
        assertThat(Files.readAllBytes(cacheFile)[100]).isNotEqualTo(bytes[100]);
    }

    @Test
    void keysTheCacheByEveryParameterThatChangesTheColours() throws IOException {
        open(Split.TRAIN, "");
        open(Split.TRAIN, "seed = 3");
        open(Split.TRAIN, "test-color-source = uniform-rgb, test-own-color-share = 0.5");
        open(Split.TEST, "");
        open(Split.TEST, "test-color-source = uniform-rgb");

        try (Stream<Path> files = Files.list(root.resolve("cache"))) {
            assertThat(files.filter(f -> f.toString().endsWith(".bin"))).hasSize(4);
        }
    }

    @Test
    void aLimitKeepsTheFirstSamplesWithTheirFullSplitColours() throws IOException {
        CgMnistDataset all = open(Split.TEST, "");
        CgMnistDataset first = open(Split.TEST, "test-limit = 30");

        assertThat(first.size()).isEqualTo(30);
        for (int i = 0; i < 30; i++) {
            assertThat(first.color(i)).containsExactly(all.color(i));
            assertThat(first.label(i, 0)).isEqualTo(all.label(i, 0));
        }
        assertThat(first.recipe()).containsEntry("limit", 30).containsEntry("available", SAMPLES);
    }

    @Test
    void recordsEveryParameterInTheRecipe() throws IOException {
        Map<String, Object> recipe = open(Split.TEST, "jitter-variance = 0.05").recipe();

        assertThat(recipe)
                .containsEntry("dataset", "cg-mnist")
                .containsEntry("split", "test")
                .containsEntry("seed", 0L)
                .containsEntry("jitter-variance", 0.05)
                .containsEntry("test-own-color-share", 0.0)
                .containsEntry("test-color-source", "random-class")
                .containsEntry("images-file", "t10k-images-idx3-ubyte.gz")
                .containsEntry("labels-file", "t10k-labels-idx1-ubyte")
                .containsKeys("images-sha256", "labels-sha256", "class-colors", "color-scheme");
        assertThat((List<?>) recipe.get("class-colors")).hasSize(10);
    }

    @Test
    void rejectsInvalidValuesNamingTheKey() {
        assertThatThrownBy(() -> open(Split.TRAIN, "jitter-variance = -0.1"))
                .isInstanceOf(ConfigException.BadValue.class)
                .hasMessageContaining("mm.datasets.cg-mnist.jitter-variance");
        assertThatThrownBy(() -> open(Split.TEST, "test-own-color-share = 1.5"))
                .isInstanceOf(ConfigException.BadValue.class)
                .hasMessageContaining("mm.datasets.cg-mnist.test-own-color-share")
                .hasMessageContaining("[0.0, 1.0]");
        assertThatThrownBy(() -> open(Split.TEST, "test-color-source = rainbow"))
                .isInstanceOf(ConfigException.BadValue.class)
                .hasMessageContaining("mm.datasets.cg-mnist.test-color-source")
                .hasMessageContaining("rainbow")
                .hasMessageContaining("random-class, uniform-rgb");
        assertThatThrownBy(() -> open(Split.TRAIN, "train-limit = -5"))
                .isInstanceOf(ConfigException.BadValue.class)
                .hasMessageContaining("mm.datasets.cg-mnist.train-limit");
    }

    @Test
    void documentsEveryKeyInItsDefaults() {
        Config defaults = provider.defaults();

        assertThat(defaults.root().keySet()).containsExactlyInAnyOrder(
                "dir", "train-limit", "test-limit", "seed", "jitter-variance",
                "test-own-color-share", "test-color-source");
        assertThat(defaults.getDouble("jitter-variance")).isEqualTo(0.03);
        assertThat(defaults.getString("test-color-source")).isEqualTo("random-class");
    }

    private Path onlyCacheFile() throws IOException {
        try (Stream<Path> files = Files.list(root.resolve("cache"))) {
            List<Path> all = files.toList();
            assertThat(all).hasSize(1);
            return all.get(0);
        }
    }
}

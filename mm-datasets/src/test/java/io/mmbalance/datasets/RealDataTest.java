package io.mmbalance.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.typesafe.config.ConfigFactory;
import io.mmbalance.api.data.DataContext;
import io.mmbalance.api.data.DatasetProvider;
import io.mmbalance.api.data.MultimodalDataset;
import io.mmbalance.api.data.Split;
import io.mmbalance.datasets.idx.IdxFiles;
import io.mmbalance.datasets.idx.IdxLabels;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads the real datasets from the folder named by {@code MM_DATA}; skipped without it. */
class RealDataTest {

    @TempDir Path cache;

    private DataContext context;

    @BeforeEach
    void findData() {
        String root = System.getenv("MM_DATA");
        assumeTrue(root != null && !root.isBlank(), "MM_DATA names no data folder");
        context = new DataContext(Path.of(root), cache);
    }

    private MultimodalDataset open(DatasetProvider provider, Split split) throws IOException {
        return provider.open(ConfigFactory.empty(), split, context);
    }

    private static int[] labelCounts(MultimodalDataset data) {
        int[] counts = new int[data.classes().size()];
        for (int i = 0; i < data.size(); i++) {
            counts[data.label(i, 0)]++;
        }
        return counts;
    }

    @Test
    void mnistHasItsPublishedCountsPerDigit() throws IOException {
        MultimodalDataset train = open(new MnistProvider(), Split.TRAIN);
        MultimodalDataset test = open(new MnistProvider(), Split.TEST);

        assertThat(train.size()).isEqualTo(60_000);
        assertThat(test.size()).isEqualTo(10_000);
        assertThat(labelCounts(train))
                .containsExactly(5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949);
        assertThat(labelCounts(test))
                .containsExactly(980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009);
    }

    @Test
    void mnistFilesHaveThePublishedChecksums() throws IOException {
        MultimodalDataset train = open(new MnistProvider(), Split.TRAIN);
        MultimodalDataset test = open(new MnistProvider(), Split.TEST);

        assertThat(train.recipe()).containsEntry("images-sha256",
                "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db");
        assertThat(train.recipe()).containsEntry("labels-sha256",
                "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5");
        assertThat(test.recipe()).containsEntry("images-sha256",
                "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7");
        assertThat(test.recipe()).containsEntry("labels-sha256",
                "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2");
    }

    @Test
    void fashionMnistLoadsWithItsPublishedChecksums() throws IOException {
        MultimodalDataset train = open(new FashionMnistProvider(), Split.TRAIN);
        MultimodalDataset test = open(new FashionMnistProvider(), Split.TEST);

        assertThat(train.size()).isEqualTo(60_000);
        assertThat(test.size()).isEqualTo(10_000);
        assertThat(labelCounts(train)).containsOnly(6000);
        assertThat(train.recipe()).containsEntry("images-sha256",
                "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888");
        assertThat(test.recipe()).containsEntry("labels-sha256",
                "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34");
    }

    @Test
    void cgMnistColourIsAShortcutInTrainAndNoHelpInTest() throws IOException {
        CgMnistDataset train = (CgMnistDataset) open(new CgMnistProvider(), Split.TRAIN);
        CgMnistDataset test = (CgMnistDataset) open(new CgMnistProvider(), Split.TEST);

        assertThat(train.size()).isEqualTo(60_000);
        assertThat(test.size()).isEqualTo(10_000);
        assertThat(nearestColourAccuracy(train)).isGreaterThan(0.93);
        assertThat(nearestColourAccuracy(test)).isBetween(0.08, 0.12);
    }

    private static double nearestColourAccuracy(CgMnistDataset data) {
        int hits = 0;
        for (int i = 0; i < data.size(); i++) {
            float[] c = data.color(i);
            hits += CgMnistColors.nearestClass(c[0], c[1], c[2]) == data.label(i, 0) ? 1 : 0;
        }
        return hits / (double) data.size();
    }

    @Test
    void fsddHasItsOwnSplitWithLabelsFromTheFileNames() throws IOException {
        SpokenDigitsDataset train = (SpokenDigitsDataset) open(new FsddProvider(), Split.TRAIN);
        SpokenDigitsDataset test = (SpokenDigitsDataset) open(new FsddProvider(), Split.TEST);

        assertThat(train.size()).isEqualTo(2_700);
        assertThat(test.size()).isEqualTo(300);
        assertThat(labelCounts(train)).containsOnly(270);
        assertThat(labelCounts(test)).containsOnly(30);
        for (SpokenDigitsDataset data : List.of(train, test)) {
            for (int i = 0; i < data.size(); i++) {
                String name = data.recording(i).file().getFileName().toString();
                String[] parts = name.substring(0, name.length() - 4).split("_");
                assertThat(Integer.parseInt(parts[0])).isEqualTo(data.label(i, 0));
                assertThat(Integer.parseInt(parts[2]) <= 4).isEqualTo(data == test);
            }
        }
        float[] features = new float[train.modalities().get(0).sampleSize()];
        train.copySample(0, 0, features, 0);
        assertThat(features).doesNotContain(Float.NaN, Float.POSITIVE_INFINITY,
                Float.NEGATIVE_INFINITY);
    }

    @Test
    void avDigitsPairsEachRecordingWithAnMnistImageOfItsDigit() throws IOException {
        IdxLabels trainLabels = IdxFiles.readLabels(
                context.dataRoot().resolve("mnist/train-labels-idx1-ubyte.gz"));
        IdxLabels testLabels = IdxFiles.readLabels(
                context.dataRoot().resolve("mnist/t10k-labels-idx1-ubyte.gz"));
        long start = System.nanoTime();
        SpokenDigitsDataset train =
                (SpokenDigitsDataset) open(new AvDigitsProvider(), Split.TRAIN);
        SpokenDigitsDataset test = (SpokenDigitsDataset) open(new AvDigitsProvider(), Split.TEST);
        long cold = System.nanoTime() - start;
        start = System.nanoTime();
        open(new AvDigitsProvider(), Split.TRAIN);
        long warm = System.nanoTime() - start;

        assertThat(train.size()).isEqualTo(2_700);
        assertThat(test.size()).isEqualTo(300);
        assertThat(train.modalities().get(0).shape().getShape()).containsExactly(1, 40, 101);
        assertThat(train.modalities().get(1).shape().getShape()).containsExactly(1, 28, 28);
        for (int i = 0; i < train.size(); i++) {
            assertThat(trainLabels.label(train.mnistIndex(i))).isEqualTo(train.label(i, 0));
        }
        for (int i = 0; i < test.size(); i++) {
            assertThat(testLabels.label(test.mnistIndex(i))).isEqualTo(test.label(i, 0));
        }
        assertThat(warm).as("opening the warm train split, ns (cold: %d)", cold)
                .isLessThan(10_000_000_000L);
    }
}

package io.mmbalance.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import io.mmbalance.api.data.DataContext;
import io.mmbalance.api.data.ModalitySpec;
import io.mmbalance.api.data.Split;
import io.mmbalance.datasets.idx.IdxFiles;
import io.mmbalance.datasets.idx.IdxImages;
import io.mmbalance.datasets.idx.IdxTestFiles;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AvDigitsProviderTest {

    private static final int MNIST_TRAIN = 200;
    private static final int MNIST_TEST = 100;

    @TempDir Path root;

    private final AvDigitsProvider provider = new AvDigitsProvider();
    private DataContext context;

    @BeforeEach
    void writeData() {
        AvTestFiles.fsdd(root.resolve("fsdd/recordings"), 7);
        IdxTestFiles.mnistFolder(root.resolve("mnist"), MNIST_TRAIN, MNIST_TEST);
        context = new DataContext(root, root.resolve("cache"));
    }

    private SpokenDigitsDataset open(Split split, String hocon) throws IOException {
        return (SpokenDigitsDataset) provider.open(ConfigFactory.parseString(hocon), split,
                context);
    }

    @Test
    void hasAudioThenImageModalities() throws IOException {
        SpokenDigitsDataset train = open(Split.TRAIN, "");

        assertThat(train.modalities()).extracting(ModalitySpec::name)
                .containsExactly("audio", "image");
        assertThat(train.modalities().get(0).shape().getShape()).containsExactly(1, 40, 101);
        assertThat(train.modalities().get(1).shape().getShape()).containsExactly(1, 28, 28);
        assertThat(train.size()).isEqualTo(40);
    }

    @Test
    void pairsEachRecordingWithAnImageOfItsDigitFromTheMatchingSplit() throws IOException {
        for (Split split : Split.values()) {
            SpokenDigitsDataset data = open(split, "");
            int images = split == Split.TRAIN ? MNIST_TRAIN : MNIST_TEST;
            for (int i = 0; i < data.size(); i++) {
                int m = data.mnistIndex(i);
                assertThat(m).isBetween(0, images - 1);
                // The test MNIST files label image m with m % 10.
                assertThat(m % 10).isEqualTo(data.label(i, 0));
            }
        }
    }

    @Test
    void copiesThePairedImageAsPixelOver255() throws IOException {
        SpokenDigitsDataset test = open(Split.TEST, "");
        IdxImages images = IdxFiles.readImages(root.resolve("mnist/t10k-images-idx3-ubyte.gz"));
        float[] dest = new float[784 + 1];
        float[] expected = new float[784];

        test.copySample(1, 42, dest, 1);
        images.copyNormalized(test.mnistIndex(42), expected, 0);

        for (int p = 0; p < 784; p++) {
            assertThat(dest[1 + p]).isEqualTo(expected[p]);
        }
    }

    @Test
    void theSeedAloneDecidesThePairs() throws IOException {
        SpokenDigitsDataset a = open(Split.TEST, "seed = 5");
        SpokenDigitsDataset b = open(Split.TEST, "seed = 5");
        SpokenDigitsDataset c = open(Split.TEST, "seed = 6");
        int same = 0;
        for (int i = 0; i < a.size(); i++) {
            assertThat(b.mnistIndex(i)).isEqualTo(a.mnistIndex(i));
            same += a.mnistIndex(i) == c.mnistIndex(i) ? 1 : 0;
        }

        assertThat(same).isLessThan(a.size() / 4);
        assertThat(a.recipe()).containsEntry("seed", 5L)
                .containsEntry("pairing", "av-digits-pairing-v1")
                .isEqualTo(b.recipe())
                .isNotEqualTo(c.recipe());
    }

    @Test
    void aLimitKeepsThePairsOfTheRecordingsItKeeps() throws IOException {
        SpokenDigitsDataset all = open(Split.TEST, "");
        SpokenDigitsDataset first = open(Split.TEST, "test-limit = 30");

        assertThat(first.size()).isEqualTo(30);
        for (int i = 0; i < 30; i++) {
            assertThat(first.mnistIndex(i)).isEqualTo(all.mnistIndex(i));
        }
    }

    @Test
    void namesTheMissingMnistFolder() {
        assertThatThrownBy(() -> open(Split.TRAIN, "mnist-dir = elsewhere"))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("elsewhere");
    }
}

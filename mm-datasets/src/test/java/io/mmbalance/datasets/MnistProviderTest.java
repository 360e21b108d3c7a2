package io.mmbalance.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import io.mmbalance.api.data.DataContext;
import io.mmbalance.api.data.MultimodalDataset;
import io.mmbalance.api.data.Split;
import io.mmbalance.datasets.idx.IdxFiles;
import io.mmbalance.datasets.idx.IdxFormatException;
import io.mmbalance.datasets.idx.IdxImages;
import io.mmbalance.datasets.idx.IdxTestFiles;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistProviderTest {

    @TempDir Path root;

    private DataContext context;

    @BeforeEach
    void writeSmallMnist() {
        IdxTestFiles.mnistFolder(root.resolve("mnist"), 50, 20);
        IdxTestFiles.mnistFolder(root.resolve("fashion-mnist"), 30, 10);
        context = new DataContext(root, root.resolve("cache"));
    }

    private MultimodalDataset open(IdxImageProvider provider, Split split, String hocon)
            throws IOException {
        return provider.open(ConfigFactory.parseString(hocon), split, context);
    }

    @Test
    void opensOneImageModalityWithValuesPixelOver255() throws IOException {
        MultimodalDataset test = open(new MnistProvider(), Split.TEST, "");
        IdxImages images = IdxFiles.readImages(root.resolve("mnist/t10k-images-idx3-ubyte.gz"));
        float[] dest = new float[784];

        test.copySample(0, 13, dest, 0);

        assertThat(test.size()).isEqualTo(20);
        assertThat(test.modalities()).hasSize(1);
        assertThat(test.modalities().get(0).name()).isEqualTo("image");
        assertThat(test.modalities().get(0).shape().getShape()).containsExactly(1, 28, 28);
        assertThat(test.label(13, 0)).isEqualTo(3);
        for (int p = 0; p < 784; p++) {
            assertThat(dest[p]).isEqualTo(images.pixel(13, p) / 255f);
        }
    }

    @Test
    void namesDigitAndClothingClasses() throws IOException {
        assertThat(open(new MnistProvider(), Split.TRAIN, "").classes())
                .containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        assertThat(open(new FashionMnistProvider(), Split.TRAIN, "").classes())
                .containsExactly("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                        "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");
    }

    @Test
    void readsFashionMnistFromItsOwnFolder() throws IOException {
        MultimodalDataset train = open(new FashionMnistProvider(), Split.TRAIN, "");

        assertThat(train.size()).isEqualTo(30);
        assertThat(train.recipe()).containsEntry("dataset", "fashion-mnist");
        assertThat((String) train.recipe().get("folder")).endsWith("fashion-mnist");
    }

    @Test
    void keepsTheFirstSamplesUpToTheLimit() throws IOException {
        MultimodalDataset train = open(new MnistProvider(), Split.TRAIN, "train-limit = 12");
        MultimodalDataset beyond = open(new MnistProvider(), Split.TRAIN, "train-limit = 500");

        assertThat(train.size()).isEqualTo(12);
        assertThat(train.label(11, 0)).isEqualTo(1);
        assertThat(beyond.size()).isEqualTo(50);
    }

    @Test
    void readsAnAbsoluteFolder() throws IOException {
        Path elsewhere = IdxTestFiles.mnistFolder(root.resolve("x/y"), 5, 5);
        String hocon = "dir = \"" + elsewhere.toAbsolutePath().toString().replace("\\", "/")
                + "\"";

        assertThat(open(new MnistProvider(), Split.TEST, hocon).size()).isEqualTo(5);
    }

    @Test
    void recordsFilesChecksumsAndCountsInTheRecipe() throws IOException {
        MultimodalDataset train = open(new MnistProvider(), Split.TRAIN, "train-limit = 10");

        assertThat(train.recipe())
                .containsEntry("dataset", "mnist")
                .containsEntry("split", "train")
                .containsEntry("images-file", "train-images-idx3-ubyte.gz")
                .containsEntry("labels-file", "train-labels-idx1-ubyte")
                .containsEntry("available", 50)
                .containsEntry("limit", 10)
                .containsEntry("size", 10);
        assertThat((String) train.recipe().get("images-sha256")).hasSize(64);
    }

    @Test
    void pointsAtTheFetchScriptWhenTheFolderIsMissing() {
        assertThatThrownBy(() -> open(new MnistProvider(), Split.TRAIN, "dir = nowhere"))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("nowhere")
                .hasMessageContaining("scripts/fetch-data.sh");
    }

    @Test
    void rejectsALabelOutsideTheClasses() {
        byte[] labels = new byte[5];
        labels[3] = 10;
        IdxTestFiles.write(root.resolve("bad/t10k-labels-idx1-ubyte"),
                IdxTestFiles.labels(labels));
        IdxTestFiles.write(root.resolve("bad/t10k-images-idx3-ubyte"),
                IdxTestFiles.images(5, 28, 28, new byte[5 * 784]));

        assertThatThrownBy(() -> open(new MnistProvider(), Split.TEST, "dir = bad"))
                .isInstanceOf(IdxFormatException.class)
                .hasMessageContaining("t10k-labels-idx1-ubyte")
                .hasMessageContaining("sample 3 has label 10");
    }

    @Test
    void rejectsANegativeLimitNamingTheKey() {
        assertThatThrownBy(() -> open(new FashionMnistProvider(), Split.TEST, "test-limit = -1"))
                .isInstanceOf(ConfigException.BadValue.class)
                .hasMessageContaining("mm.datasets.fashion-mnist.test-limit");
    }

    @Test
    void rejectsAValueOfTheWrongTypeNamingTheKey() {
        assertThatThrownBy(() -> open(new MnistProvider(), Split.TRAIN, "train-limit = many"))
                .isInstanceOf(ConfigException.WrongType.class)
                .hasMessageContaining("mm.datasets.mnist.train-limit")
                .hasMessageContaining("an integer");
    }

    @Test
    void rejectsAnOutOfRangeSampleOrModality() throws IOException {
        MultimodalDataset test = open(new MnistProvider(), Split.TEST, "");
        float[] dest = new float[784];

        assertThatThrownBy(() -> test.copySample(0, 20, dest, 0))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> test.copySample(1, 0, dest, 0))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> test.copySample(0, 0, dest, 1))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }
}

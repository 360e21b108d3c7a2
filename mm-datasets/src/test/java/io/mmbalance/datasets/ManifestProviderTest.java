package io.mmbalance.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import io.mmbalance.api.data.DataContext;
import io.mmbalance.api.data.ModalitySpec;
import io.mmbalance.api.data.Split;
import io.mmbalance.datasets.audio.WavTestFiles;
import io.mmbalance.datasets.csv.CsvFormatException;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestProviderTest {

    private static final String MODALITIES = "dir = set, modalities = ["
            + "{ name = picture, column = image, kind = image, channels = 1, height = 6,"
            + " width = 5 },"
            + "{ name = sound, kind = audio },"
            + "{ name = photo, column = image, kind = image, height = 4, width = 4,"
            + " mean = [0.5], std = [0.5] } ],"
            + "audio { sample-rate = 8000, duration = 0.25, fft-size = 128, hop-length = 64,"
            + " win-length = 0, mel-bands = 16 }\n";

    @TempDir Path root;

    private final ManifestProvider provider = new ManifestProvider();
    private DataContext context;
    private Path set;

    @BeforeEach
    void writeManifests() {
        context = new DataContext(root, root.resolve("cache"));
        set = root.resolve("set");
        AvTestFiles.grayPng(set.resolve("img/a.png"), 10, 12, 51);
        AvTestFiles.grayPng(set.resolve("img/b.png"), 10, 12, 204);
        AvTestFiles.image(set.resolve("img/c.png"), 7, 7, new Color(255, 0, 0), "png");
        WavTestFiles.writeMono16(set.resolve("wav/a.wav"), 8000,
                WavTestFiles.tone(500, 8000, 2000, 0.5));
        WavTestFiles.writeMono16(set.resolve("wav/b.wav"), 16000,
                WavTestFiles.tone(900, 16000, 3000, 0.5));
        AvTestFiles.text(set.resolve("train.csv"), "image,sound,label,note\n"
                + "img/a.png,wav/a.wav,dog,first\n"
                + "img/b.png,wav/../wav/b.wav,cat,\"second, quoted\"\n"
                + "img/c.png,wav/a.wav,dog,third\n", true);
        AvTestFiles.text(set.resolve("test.csv"), "label,image,sound,note\n"
                + "cat,img/b.png,wav/b.wav,x\n", false);
    }

    private FileDataset open(Split split, String hocon) throws IOException {
        return (FileDataset) provider.open(ConfigFactory.parseString(MODALITIES + hocon), split,
                context);
    }

    @Test
    void buildsTheConfiguredModalitiesFromTheColumns() throws IOException {
        FileDataset train = open(Split.TRAIN, "");

        assertThat(train.size()).isEqualTo(3);
        assertThat(train.classes()).containsExactly("cat", "dog");
        assertThat(train.label(0, 0)).isEqualTo(1);
        assertThat(train.label(1, 0)).isZero();
        assertThat(train.modalities()).extracting(ModalitySpec::name)
                .containsExactly("picture", "sound", "photo");
        assertThat(train.modalities().get(0).shape().getShape()).containsExactly(1, 6, 5);
        assertThat(train.modalities().get(1).shape().getShape()).containsExactly(1, 16, 32);
        assertThat(train.modalities().get(2).shape().getShape()).containsExactly(3, 4, 4);
        assertThat(train.recipe()).containsEntry("class-order", "sorted distinct labels of"
                + " train.csv").containsKey("audio").containsEntry("rows", 3);
    }

    @Test
    void readsImagesAsNormalisedLumaOrRgb() throws IOException {
        FileDataset train = open(Split.TRAIN, "");
        float[] gray = new float[30];
        float[] rgb = new float[48];

        train.copySample(0, 0, gray, 0);
        for (float v : gray) {
            assertThat(v).isCloseTo(51f / 255, within(1e-5f));
        }
        train.copySample(2, 1, rgb, 0);
        for (int i = 0; i < 48; i++) {
            assertThat(rgb[i]).isCloseTo((204f / 255 - 0.5f) / 0.5f, within(1e-5f));
        }
        train.copySample(2, 2, rgb, 0);
        assertThat(rgb[0]).isCloseTo(1f, within(1e-5f));
        assertThat(rgb[16]).isCloseTo(-1f, within(1e-5f));
        train.copySample(0, 2, gray, 0);
        assertThat(gray[0]).isCloseTo(0.299f, within(1e-4f));
    }

    @Test
    void takesTheTrainingClassesAtTestAndFindsColumnsByName() throws IOException {
        FileDataset test = open(Split.TEST, "");

        assertThat(test.classes()).containsExactly("cat", "dog");
        assertThat(test.label(0, 0)).isZero();
        float[] sound = new float[16 * 32];
        test.copySample(1, 0, sound, 0);
        assertThat(sound).doesNotContain(Float.NaN);
    }

    @Test
    void rejectsAPathThatClimbsOutOfTheManifestsFolder() {
        WavTestFiles.writeMono16(root.resolve("secret.wav"), 8000, 0.1f);
        AvTestFiles.text(set.resolve("train.csv"), "image,sound,label\n"
                + "img/a.png,wav/a.wav,dog\n"
                + "img/b.png,../secret.wav,cat\n", false);

        assertThatThrownBy(() -> open(Split.TRAIN, ""))
                .isInstanceOf(CsvFormatException.class)
                .hasMessageContaining("train.csv, line 3")
                .hasMessageContaining("column 'sound'")
                .hasMessageContaining("path '../secret.wav'")
                .hasMessageContaining("leaves the manifest's folder");
    }

    @Test
    void rejectsAnAbsolutePath() {
        Path secret = WavTestFiles.writeMono16(root.resolve("secret.wav"), 8000, 0.1f);
        AvTestFiles.text(set.resolve("train.csv"), "image,sound,label\n"
                + "img/a.png," + secret.toAbsolutePath() + ",dog\n", false);

        assertThatThrownBy(() -> open(Split.TRAIN, ""))
                .isInstanceOf(CsvFormatException.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining(secret.toAbsolutePath().toString())
                .hasMessageContaining("leaves the manifest's folder");
    }

    @Test
    void rejectsASymbolicLinkThatLeadsOutOfTheManifestsFolder() throws IOException {
        Path secret = WavTestFiles.writeMono16(root.resolve("secret.wav"), 8000, 0.1f);
        Files.createSymbolicLink(set.resolve("wav/link.wav"), secret);
        AvTestFiles.text(set.resolve("train.csv"), "image,sound,label\n"
                + "img/a.png,wav/link.wav,dog\n", false);

        assertThatThrownBy(() -> open(Split.TRAIN, ""))
                .isInstanceOf(CsvFormatException.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining("path 'wav/link.wav'")
                .hasMessageContaining("symbolic link");
    }

    @Test
    void namesAMissingFileAndAMissingColumn() {
        AvTestFiles.text(set.resolve("train.csv"), "image,sound,label\n"
                + "img/a.png,wav/none.wav,dog\n", false);
        AvTestFiles.text(set.resolve("test.csv"), "image,audio,label\nimg/a.png,wav/a.wav,dog\n",
                false);

        assertThatThrownBy(() -> open(Split.TRAIN, ""))
                .isInstanceOf(CsvFormatException.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining("wav/none.wav")
                .hasMessageContaining("names no file");
        assertThatThrownBy(() -> open(Split.TEST, "classes = [cat, dog]"))
                .isInstanceOf(CsvFormatException.class)
                .hasMessageContaining("test.csv, line 1")
                .hasMessageContaining("no column 'sound'")
                .hasMessageContaining("[image, audio, label]");
    }

    @Test
    void rejectsInvalidModalityEntriesNamingTheKey() {
        assertThatThrownBy(() -> provider.open(ConfigFactory.empty(), Split.TRAIN, context))
                .isInstanceOf(ConfigException.BadValue.class)
                .hasMessageContaining("mm.datasets.manifest.modalities");
        assertThatThrownBy(() -> open(Split.TRAIN, "modalities = [{ name = a, kind = image,"
                + " colour = red }]"))
                .isInstanceOf(ConfigException.BadPath.class)
                .hasMessageContaining("mm.datasets.manifest.modalities[0].colour");
        assertThatThrownBy(() -> open(Split.TRAIN, "modalities = [{ name = a, kind = video }]"))
                .isInstanceOf(ConfigException.BadValue.class)
                .hasMessageContaining("mm.datasets.manifest.modalities[0].kind");
        assertThatThrownBy(() -> open(Split.TRAIN, "modalities = [{ name = a, kind = image,"
                + " channels = 3, mean = [1, 2] }]"))
                .isInstanceOf(ConfigException.BadValue.class)
                .hasMessageContaining("mm.datasets.manifest.modalities[0].mean");
        assertThatThrownBy(() -> open(Split.TRAIN, "modalities = [{ name = a, kind = audio,"
                + " height = 3 }]"))
                .isInstanceOf(ConfigException.BadValue.class)
                .hasMessageContaining("mm.datasets.manifest.modalities[0].height");
    }
}

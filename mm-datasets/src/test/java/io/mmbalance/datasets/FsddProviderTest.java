package io.mmbalance.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import io.mmbalance.api.data.DataContext;
import io.mmbalance.api.data.ModalitySpec;
import io.mmbalance.api.data.Split;
import io.mmbalance.datasets.audio.AudioRecipe;
import io.mmbalance.datasets.audio.FeatureExtractor;
import io.mmbalance.datasets.audio.WavFiles;
import io.mmbalance.datasets.audio.WavTestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FsddProviderTest {

    @TempDir Path root;

    private final FsddProvider provider = new FsddProvider();
    private DataContext context;

    @BeforeEach
    void writeRecordings() {
        AvTestFiles.fsdd(root.resolve("fsdd/recordings"), 7);
        context = new DataContext(root, root.resolve("cache"));
    }

    private SpokenDigitsDataset open(Split split, String hocon) throws IOException {
        return (SpokenDigitsDataset) provider.open(ConfigFactory.parseString(hocon), split,
                context);
    }

    @Test
    void usesTheDatasetsOwnSplitAndLabelsFromTheFileNames() throws IOException {
        SpokenDigitsDataset train = open(Split.TRAIN, "");
        SpokenDigitsDataset test = open(Split.TEST, "");

        assertThat(train.size()).isEqualTo(2 * 10 * 2);
        assertThat(test.size()).isEqualTo(2 * 10 * 5);
        for (SpokenDigitsDataset data : List.of(train, test)) {
            for (int i = 0; i < data.size(); i++) {
                FsddRecording r = data.recording(i);
                String name = r.file().getFileName().toString();
                assertThat(name).startsWith(data.label(i, 0) + "_");
                assertThat(r.index() <= 4).isEqualTo(data == test);
            }
        }
        assertThat(train.classes()).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8",
                "9");
    }

    @Test
    void hasOneAudioModalityWithTheDefaultRecipesShape() throws IOException {
        SpokenDigitsDataset test = open(Split.TEST, "");

        assertThat(test.modalities()).extracting(ModalitySpec::name).containsExactly("audio");
        assertThat(test.modalities().get(0).shape().getShape()).containsExactly(1, 40, 101);
    }

    @Test
    void copiesTheFeaturesOfEachRecording() throws IOException {
        SpokenDigitsDataset test = open(Split.TEST, "");
        AudioRecipe recipe = AudioSettings.from(provider.defaults(), FsddProvider.SECTION);
        float[] dest = new float[recipe.size() + 3];

        test.copySample(0, 17, dest, 3);

        float[] expected = FeatureExtractor.of(recipe)
                .compute(WavFiles.read(test.recording(17).file()));
        for (int i = 0; i < expected.length; i++) {
            assertThat(dest[3 + i]).isEqualTo(expected[i]);
        }
    }

    @Test
    void ordersBySpeakerTakeAndDigitSoThatALimitKeepsEveryDigit() throws IOException {
        SpokenDigitsDataset first = open(Split.TEST, "test-limit = 20");

        assertThat(first.size()).isEqualTo(20);
        for (int i = 0; i < 20; i++) {
            assertThat(first.recording(i).index()).isZero();
        }
        assertThat(IntStream.range(0, 20).map(i -> first.label(i, 0)).distinct())
                .hasSize(10);
        assertThat(first.recipe()).containsEntry("limit", 20).containsEntry("available", 100);
    }

    @Test
    void reusesCachedFeaturesAndRecomputesThemWhenTheFileChanges() throws IOException {
        SpokenDigitsDataset first = open(Split.TRAIN, "");
        List<Path> files = cacheFiles();
        assertThat(files).hasSize(40);
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        for (Path f : files) {
            Files.setLastModifiedTime(f, old);
        }

        SpokenDigitsDataset second = open(Split.TRAIN, "");

        assertThat(cacheFiles()).isEqualTo(files);
        for (Path f : files) {
            assertThat(Files.getLastModifiedTime(f)).isEqualTo(old);
        }
        float[] a = new float[first.modalities().get(0).sampleSize()];
        float[] b = new float[a.length];
        first.copySample(0, 5, a, 0);
        second.copySample(0, 5, b, 0);
        assertThat(b).containsExactly(a);

        Path changed = second.recording(5).file();
        WavTestFiles.writeMono16(changed, 8000, new float[4000]);
        Files.setLastModifiedTime(changed, FileTime.fromMillis(2_000_000_000_000L));
        SpokenDigitsDataset third = open(Split.TRAIN, "");

        third.copySample(0, 5, b, 0);
        assertThat(b).containsOnly((float) Math.log(1e-6));
        assertThat(cacheFiles()).hasSize(41);
    }

    @Test
    void worksWithoutACacheFolder() throws IOException {
        context = new DataContext(root, null);

        assertThat(open(Split.TRAIN, "train-limit = 3").size()).isEqualTo(3);
        assertThat(root.resolve("cache")).doesNotExist();
    }

    @Test
    void keysTheCacheByTheRecipe() throws IOException {
        open(Split.TRAIN, "train-limit = 2");
        open(Split.TRAIN, "train-limit = 2, audio.hop-length = 100");
        open(Split.TRAIN, "train-limit = 2, audio.feature = log-stft, audio.mel-bands = 10");
        open(Split.TRAIN, "train-limit = 2, audio.feature = log-stft, audio.mel-bands = 20");

        try (Stream<Path> recipes = Files.list(root.resolve("cache/audio-features"))) {
            assertThat(recipes).hasSize(3);
        }
        assertThat(cacheFiles()).hasSize(6);
    }

    @Test
    void recordsTheRecipe() throws IOException {
        Map<String, Object> recipe = open(Split.TEST, "audio.mel-scale = htk").recipe();

        assertThat(recipe).containsEntry("dataset", "fsdd").containsEntry("split", "test")
                .containsEntry("size", 100).containsKey("split-rule");
        @SuppressWarnings("unchecked")
        Map<String, Object> audio = (Map<String, Object>) recipe.get("audio");
        assertThat(audio).containsEntry("mel-scale", "htk").containsEntry("sample-rate", 8000)
                .containsEntry("shape", List.of(1L, 40L, 101L));
    }

    @Test
    void skipsWavFilesWithOtherNamesAndFailsOnAMissingFolder() throws IOException {
        WavTestFiles.writeMono16(root.resolve("fsdd/recordings/notes.wav"), 8000, 0f);
        Files.writeString(root.resolve("fsdd/recordings/README.md"), "readme");

        assertThat(open(Split.TRAIN, "").size()).isEqualTo(40);
        assertThatThrownBy(() -> open(Split.TRAIN, "dir = nowhere"))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("nowhere");
    }

    @Test
    void rejectsInvalidAudioValuesNamingTheKey() {
        assertThatThrownBy(() -> open(Split.TRAIN, "audio.hop-length = 0"))
                .isInstanceOf(ConfigException.BadValue.class)
                .hasMessageContaining("mm.datasets.fsdd.audio.hop-length");
        assertThatThrownBy(() -> open(Split.TRAIN, "audio.window = boxcar"))
                .isInstanceOf(ConfigException.BadValue.class)
                .hasMessageContaining("mm.datasets.fsdd.audio.window")
                .hasMessageContaining("hann, hamming");
        assertThatThrownBy(() -> open(Split.TRAIN, "audio.mel-bands = 200"))
                .isInstanceOf(ConfigException.BadValue.class)
                .hasMessageContaining("mm.datasets.fsdd.audio.mel-bands")
                .hasMessageContaining("covers no FFT bin");
        assertThatThrownBy(() -> open(Split.TRAIN, "audio.duration = fast"))
                .isInstanceOf(ConfigException.WrongType.class)
                .hasMessageContaining("mm.datasets.fsdd.audio.duration");
    }

    @Test
    void rejectsAMalformedRecordingNamingIt() {
        WavTestFiles.write(root.resolve("fsdd/recordings/3_alice_9.wav"), new byte[20]);

        assertThatThrownBy(() -> open(Split.TRAIN, ""))
                .hasMessageContaining("3_alice_9.wav")
                .hasMessageContaining("is not a WAV file");
    }

    private List<Path> cacheFiles() throws IOException {
        try (Stream<Path> files = Files.walk(root.resolve("cache"))) {
            return files.filter(f -> f.toString().endsWith(".bin")).sorted().toList();
        }
    }
}

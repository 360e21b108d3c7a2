package io.mmbalance.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import io.mmbalance.api.data.DataContext;
import io.mmbalance.api.data.ModalitySpec;
import io.mmbalance.api.data.Split;
import io.mmbalance.datasets.audio.AudioRecipe;
import io.mmbalance.datasets.audio.FeatureExtractor;
import io.mmbalance.datasets.audio.WavFiles;
import io.mmbalance.datasets.csv.CsvFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AudioVisualProviderTest {

    /** A small, fast recipe and frame size; mean 0 and std 1 leave pixel / 255. */
    private static final String SMALL = "image-height = 12, image-width = 16, mean = [0, 0, 0],"
            + " std = [1, 1, 1], train-horizontal-flip = false,"
            + " audio { sample-rate = 8000, duration = 0.5, fft-size = 128, hop-length = 64 }";

    @TempDir Path root;

    private DataContext context;

    @BeforeEach
    void writeTrees() {
        context = new DataContext(root, root.resolve("cache"));
        Path cremad = root.resolve("cremad");
        Path audio = cremad.resolve("AudioWAV");
        Path visual = cremad.resolve("Image-01-FPS");
        AvTestFiles.clip(audio, visual, "1001_DFA_ANG_XX", 10, 500);
        AvTestFiles.clip(audio, visual, "1001_DFA_HAP_XX", 3, 700);
        AvTestFiles.clip(audio, visual, "1002_IEO_NEU_HI", 2, 900);
        AvTestFiles.clip(audio, visual, "1003_TIE_SAD_LO", 4, 1100);
        AvTestFiles.text(cremad.resolve("train.csv"), "clip,label\n1001_DFA_ANG_XX,ANG\n"
                + "1001_DFA_HAP_XX,HAP\n1002_IEO_NEU_HI,NEU\n1009_GONE_NEU_HI,NEU\n", true);
        AvTestFiles.text(cremad.resolve("test.csv"),
                "1003_TIE_SAD_LO,SAD\r\n1001_DFA_ANG_XX,ANG\r\n", true);

        Path ks = root.resolve("kinetics-sounds");
        AvTestFiles.clip(ks.resolve("audio"), ks.resolve("visual"), "vid_a", 10, 400);
        AvTestFiles.clip(ks.resolve("audio"), ks.resolve("visual"), "vid_b", 5, 800);
        AvTestFiles.clip(ks.resolve("audio"), ks.resolve("visual"), "vid_c", 1, 1200);
        AvTestFiles.text(ks.resolve("train.csv"),
                "vid_a,playing drums\nvid_b,abseiling\nvid_c,playing drums\n", true);
        AvTestFiles.text(ks.resolve("test.csv"), "clip,label\nvid_b,abseiling\n", false);
    }

    private FileDataset open(AudioVisualProvider provider, Split split, String hocon)
            throws IOException {
        return (FileDataset) provider.open(ConfigFactory.parseString(SMALL + "\n" + hocon),
                split, context);
    }

    private static float[] visual(FileDataset data, int index) {
        float[] out = new float[data.modalities().get(1).sampleSize()];
        data.copySample(1, index, out, 0);
        return out;
    }

    /** Returns the mean of each frame's values, times 255. */
    private static double[] frameGrays(float[] values, int frames) {
        int size = values.length / frames;
        double[] out = new double[frames];
        for (int f = 0; f < frames; f++) {
            double sum = 0;
            for (int i = 0; i < size; i++) {
                sum += values[f * size + i];
            }
            out[f] = 255 * sum / size;
        }
        return out;
    }

    @Test
    void readsCremadWithAByteOrderMarkAHeaderAndTheConfiguredClassOrder() throws IOException {
        FileDataset train = open(new CremaDProvider(), Split.TRAIN, "");

        assertThat(train.classes()).containsExactly("NEU", "HAP", "SAD", "FEA", "DIS", "ANG");
        assertThat(train.size()).isEqualTo(3);
        assertThat(train.label(0, 0)).isEqualTo(5);
        assertThat(train.label(1, 0)).isEqualTo(1);
        assertThat(train.label(2, 0)).isEqualTo(0);
        assertThat(train.modalities()).extracting(ModalitySpec::name)
                .containsExactly("audio", "visual");
        assertThat(train.modalities().get(0).shape().getShape()).containsExactly(1, 65, 63);
        assertThat(train.modalities().get(1).shape().getShape()).containsExactly(1, 3, 12, 16);
        assertThat(train.recipe()).containsEntry("skipped-missing", 1)
                .containsEntry("listed", 4)
                .containsEntry("class-order", "configured")
                .containsEntry("frames", 1);
    }

    @Test
    void computesTheAudioFeaturesOfTheClipsWavFile() throws IOException {
        FileDataset test = open(new CremaDProvider(), Split.TEST, "");
        AudioRecipe recipe = AudioSettings.from(ConfigFactory.parseString(SMALL)
                .withFallback(new CremaDProvider().defaults()), "x");
        float[] dest = new float[recipe.size()];

        test.copySample(0, 0, dest, 0);

        float[] expected = FeatureExtractor.of(recipe).compute(WavFiles.read(
                root.resolve("cremad/AudioWAV/1003_TIE_SAD_LO.wav")));
        assertThat(dest).containsExactly(expected);
        assertThat(Files.list(root.resolve("cache/audio-features")).count()).isEqualTo(1);
    }

    @Test
    void takesTheMiddleFrameOfEachSegmentAtTest() throws IOException {
        FileDataset test = open(new CremaDProvider(), Split.TEST, "frames = 3");

        // Clip 1 has frames img_1 .. img_10 (natural order); segments of 10/3 frames give
        // the frames at positions 1, 5 and 8, that is img_2, img_6 and img_9.
        double[] grays = frameGrays(visual(test, 1), 3);
        assertThat(grays[0]).isCloseTo(AvTestFiles.frameGray(2), within(2.0));
        assertThat(grays[1]).isCloseTo(AvTestFiles.frameGray(6), within(2.0));
        assertThat(grays[2]).isCloseTo(AvTestFiles.frameGray(9), within(2.0));
        assertThat(frameGrays(visual(test, 1), 3)).containsExactly(grays);
    }

    @Test
    void drawsOneFrameFromEachSegmentAtTrainAndRedrawsOnEachRead() throws IOException {
        FileDataset train = open(new CremaDProvider(), Split.TRAIN, "frames = 3, seed = 4");
        Set<Integer> first = new HashSet<>();
        Set<Integer> last = new HashSet<>();

        for (int read = 0; read < 30; read++) {
            double[] grays = frameGrays(visual(train, 0), 3);
            int[] chosen = new int[3];
            for (int f = 0; f < 3; f++) {
                chosen[f] = (int) Math.round(grays[f] / 20.0);
            }
            assertThat(chosen[0]).isBetween(1, 3);
            assertThat(chosen[1]).isBetween(4, 6);
            assertThat(chosen[2]).isBetween(7, 10);
            first.add(chosen[0]);
            last.add(chosen[2]);
        }

        assertThat(first).hasSize(3);
        assertThat(last).hasSize(4);
        FileDataset again = open(new CremaDProvider(), Split.TRAIN, "frames = 3, seed = 4");
        assertThat(frameGrays(visual(again, 0), 3))
                .containsExactly(frameGrays(visual(open(new CremaDProvider(), Split.TRAIN,
                        "frames = 3, seed = 4"), 0), 3));
    }

    @Test
    void repeatsFramesOfAClipWithFewerFramesThanAsked() throws IOException {
        FileDataset train = open(new KineticsSoundsProvider(), Split.TRAIN, "");

        double[] grays = frameGrays(visual(train, 2), 3);

        assertThat(grays).containsOnly(grays[0]);
        assertThat(grays[0]).isCloseTo(AvTestFiles.frameGray(1), within(2.0));
    }

    @Test
    void normalisesFramesWithTheConfiguredMeanAndStd() throws IOException {
        FileDataset test = open(new CremaDProvider(), Split.TEST,
                "mean = [0.1, 0.2, 0.3], std = [0.5, 0.25, 2]");
        float[] v = visual(test, 0);
        int plane = 12 * 16;
        // One frame of a clip of four: the middle one, img_3.
        double gray = AvTestFiles.frameGray(3) / 255.0;

        assertThat((double) v[0]).isCloseTo((gray - 0.1) / 0.5, within(0.03));
        assertThat((double) v[plane]).isCloseTo((gray - 0.2) / 0.25, within(0.06));
        assertThat((double) v[2 * plane]).isCloseTo((gray - 0.3) / 2, within(0.01));
    }

    @Test
    void failsOnAMissingClipWhenAskedNamingTheListAndLine() {
        assertThatThrownBy(() -> open(new CremaDProvider(), Split.TRAIN, "on-missing = fail"))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("train.csv")
                .hasMessageContaining("line 5")
                .hasMessageContaining("1009_GONE_NEU_HI");
    }

    @Test
    void rejectsALabelOutsideTheClassesAndAClipThatLeavesTheFolder() {
        AvTestFiles.text(root.resolve("cremad/odd.csv"), "1001_DFA_ANG_XX,ANGRY\n", false);
        AvTestFiles.text(root.resolve("cremad/escape.csv"), "../../../etc/passwd,ANG\n", false);

        assertThatThrownBy(() -> open(new CremaDProvider(), Split.TEST, "test-csv = odd.csv"))
                .isInstanceOf(CsvFormatException.class)
                .hasMessageContaining("odd.csv, line 1")
                .hasMessageContaining("label 'ANGRY'");
        assertThatThrownBy(() -> open(new CremaDProvider(), Split.TEST,
                "test-csv = escape.csv"))
                .isInstanceOf(CsvFormatException.class)
                .hasMessageContaining("escape.csv, line 1")
                .hasMessageContaining("leaves the folder");
    }

    @Test
    void readsKineticsSoundsWithSortedLabelsThreeFramesAndTheTrainingClassesAtTest()
            throws IOException {
        KineticsSoundsProvider provider = new KineticsSoundsProvider();
        FileDataset train = open(provider, Split.TRAIN, "");
        FileDataset test = open(provider, Split.TEST, "");

        assertThat(train.classes()).containsExactly("abseiling", "playing drums");
        assertThat(test.classes()).isEqualTo(train.classes());
        assertThat(train.size()).isEqualTo(3);
        assertThat(test.size()).isEqualTo(1);
        assertThat(test.label(0, 0)).isZero();
        assertThat(train.label(0, 0)).isEqualTo(1);
        assertThat(train.modalities().get(1).shape().getShape()).containsExactly(3, 3, 12, 16);
        assertThat(train.recipe()).containsEntry("class-order", "sorted distinct labels of"
                + " train.csv").containsEntry("classes", List.of("abseiling", "playing drums"));
        double[] grays = frameGrays(visual(test, 0), 3);
        assertThat(grays[0]).isCloseTo(AvTestFiles.frameGray(1), within(2.0));
        assertThat(grays[1]).isCloseTo(AvTestFiles.frameGray(3), within(2.0));
        assertThat(grays[2]).isCloseTo(AvTestFiles.frameGray(5), within(2.0));
    }

    @Test
    void hasTheOgmGeAudioRecipesByDefault() {
        AudioRecipe cremad = AudioSettings.from(new CremaDProvider().defaults(), "cremad");
        AudioRecipe ks = AudioSettings.from(new KineticsSoundsProvider().defaults(), "ks");

        assertThat(cremad.shape().getShape()).containsExactly(1, 257, 188);
        assertThat(ks.shape().getShape()).containsExactly(1, 257, 1004);
        Map<String, Object> d = cremad.describe();
        assertThat(d).containsEntry("sample-rate", 22050).containsEntry("pad", "repeat")
                .containsEntry("feature", "log-stft").containsEntry("log-offset", 1e-7);
    }

    @Test
    void rejectsInvalidValuesNamingTheKey() {
        assertThatThrownBy(() -> open(new CremaDProvider(), Split.TEST, "frames = 0"))
                .isInstanceOf(ConfigException.BadValue.class)
                .hasMessageContaining("mm.datasets.cremad.frames");
        assertThatThrownBy(() -> open(new KineticsSoundsProvider(), Split.TEST,
                "std = [1, 0, 1]"))
                .isInstanceOf(ConfigException.BadValue.class)
                .hasMessageContaining("mm.datasets.kinetics-sounds.std");
        assertThatThrownBy(() -> open(new CremaDProvider(), Split.TEST, "mean = [0.5]"))
                .isInstanceOf(ConfigException.BadValue.class)
                .hasMessageContaining("mm.datasets.cremad.mean");
        assertThatThrownBy(() -> open(new CremaDProvider(), Split.TEST,
                "audio-pattern = \"sound.wav\""))
                .isInstanceOf(ConfigException.BadValue.class)
                .hasMessageContaining("mm.datasets.cremad.audio-pattern");
        assertThatThrownBy(() -> open(new CremaDProvider(), Split.TEST, "on-missing = ignore"))
                .isInstanceOf(ConfigException.BadValue.class)
                .hasMessageContaining("mm.datasets.cremad.on-missing");
    }
}

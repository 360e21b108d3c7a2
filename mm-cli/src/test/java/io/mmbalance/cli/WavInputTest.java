package io.mmbalance.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mmbalance.api.data.ModalitySpec;
import io.mmbalance.core.onnx.OnnxModelInfo;
import io.mmbalance.datasets.audio.AudioRecipe;
import io.mmbalance.datasets.audio.FeatureExtractor;
import io.mmbalance.datasets.audio.WavFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavInputTest {

    private static OnnxModelInfo info(String dataRecipe, Shape shape) {
        return new OnnxModelInfo(
                List.of(new ModalitySpec("audio", shape)),
                List.of(new OnnxModelInfo.Output("multimodal", "multimodal", "label", true)),
                List.of("0", "1"),
                List.of("label"),
                "test",
                dataRecipe,
                "");
    }

    @Test
    void wavFilesBecomeTheFeaturesOfTheRecordedAudioRecipe(@TempDir Path tmp) throws Exception {
        AudioRecipe recipe =
                AudioRecipe.builder()
                        .optSampleRate(8000)
                        .optDuration(0.5)
                        .optFftSize(256)
                        .optWinLength(200)
                        .optHopLength(80)
                        .optMelBands(24)
                        .build();
        String dataRecipe =
                new ObjectMapper()
                        .writeValueAsString(
                                Map.of(
                                        "test",
                                        Map.of("dataset", "fsdd", "audio", recipe.describe())));
        Path a = tmp.resolve("a.wav");
        Path b = tmp.resolve("b.wav");
        short[] tone = new short[6000];
        short[] chirp = new short[3000];
        for (int i = 0; i < tone.length; i++) {
            tone[i] = (short) (8000 * Math.sin(2 * Math.PI * 440 * i / 8000.0));
        }
        for (int i = 0; i < chirp.length; i++) {
            chirp[i] = (short) (6000 * Math.sin(2 * Math.PI * (200 + i / 4.0) * i / 8000.0));
        }
        TestFiles.writeWav(a, tone, 8000);
        TestFiles.writeWav(b, chirp, 8000);
        ModalitySpec spec = new ModalitySpec("audio", recipe.shape());

        ModelInputs.Samples samples =
                ModelInputs.read(spec, a + "," + b, null, info(dataRecipe, recipe.shape()));

        assertThat(samples.count()).isEqualTo(2);
        FeatureExtractor extractor = FeatureExtractor.of(recipe);
        float[] first = extractor.compute(WavFiles.read(a));
        float[] second = extractor.compute(WavFiles.read(b));
        float[] expected = new float[first.length + second.length];
        System.arraycopy(first, 0, expected, 0, first.length);
        System.arraycopy(second, 0, expected, first.length, second.length);
        assertThat(samples.values()).containsExactly(expected);
    }

    @Test
    void wavFilesNeedARecordedAudioRecipe(@TempDir Path tmp) throws Exception {
        Path a = tmp.resolve("a.wav");
        TestFiles.writeWav(a, new short[100], 8000);
        ModalitySpec spec = new ModalitySpec("audio", new Shape(1, 40, 101));

        assertThatThrownBy(
                        () ->
                                ModelInputs.read(
                                        spec,
                                        a.toString(),
                                        null,
                                        info("{\"test\": {}}", spec.shape())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("records no audio recipe")
                .hasMessageContaining(".npy");
    }
}

package io.mmbalance.encoders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import com.typesafe.config.Config;
import io.mmbalance.api.ProviderRegistry;
import io.mmbalance.api.model.EncoderProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ResNet18EncoderTest {

    private static final EncoderProvider RESNET = ProviderRegistry.encoders().get("resnet18");
    private static NDManager manager;

    @BeforeAll
    static void openManager() {
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void closeManager() {
        manager.close();
    }

    private static Config config(String overrides) {
        return Blocks.config(RESNET.defaults(), overrides);
    }

    @Test
    void aSpectrogramBatchGives512FeaturesAndGradientsReachTheFirstConvolution() {
        Shape sample = new Shape(1, 128, 96);
        Block block = RESNET.create(config(""), sample);
        Blocks.initialize(block, manager, new Shape(2).addAll(sample));
        NDArray input = manager.randomNormal(new Shape(2).addAll(sample));

        long start = System.nanoTime();
        NDArray out = Blocks.forwardBackward(block, manager, input);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("resnet18 forward+backward, batch 2 of %s: %d ms%n", sample, millis);

        assertThat(out.getShape()).isEqualTo(new Shape(2, 512));
        assertThat(RESNET.outputSize(config(""), sample)).isEqualTo(512);
        assertThat(Blocks.gradientMass(Blocks.parameter(block, "conv1_weight").getArray()))
                .isPositive();
        assertThat(Blocks.gradientMass(input)).isPositive();
    }

    @Test
    void aBatchOfFrameSequencesGives512FeaturesAndGradientsReachTheFirstConvolution() {
        Shape sample = new Shape(3, 3, 112, 112);
        Block block = RESNET.create(config("in-channels = 3"), sample);
        Blocks.initialize(block, manager, new Shape(2).addAll(sample));
        NDArray input = manager.randomNormal(new Shape(2).addAll(sample));

        long start = System.nanoTime();
        NDArray out = Blocks.forwardBackward(block, manager, input);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("resnet18 forward+backward, batch 2 of %s: %d ms%n", sample, millis);

        assertThat(out.getShape()).isEqualTo(new Shape(2, 512));
        assertThat(Blocks.gradientMass(Blocks.parameter(block, "conv1_weight").getArray()))
                .isPositive();
        NDArray perFrame = input.getGradient().abs().sum(new int[] {2, 3, 4});
        assertThat(perFrame.min().getFloat())
                .as("every frame of every clip gets a gradient")
                .isPositive();
    }

    @Test
    void framesAreAveragedAfterTheTrunkClipByClip() {
        Shape sample = new Shape(3, 3, 32, 32);
        Block block = RESNET.create(config(""), sample);
        Blocks.initialize(block, manager, new Shape(2).addAll(sample));
        NDArray clips = manager.randomNormal(new Shape(2).addAll(sample));

        NDArray whole = Blocks.infer(block, manager, clips);
        NDArray sum = null;
        for (int t = 0; t < 3; t++) {
            NDArray oneFrame = clips.get(":, {}:{}", t, t + 1);
            NDArray features = Blocks.infer(block, manager, oneFrame);
            sum = sum == null ? features : sum.add(features);
        }
        float[] expected = sum.div(3).toFloatArray();
        float[] actual = whole.toFloatArray();
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).isCloseTo(expected[i], within(1e-4f));
        }
    }

    @Test
    void hasTheParameterCountOfResNet18WithoutItsClassifier() {
        long rgb = parameters(new Shape(3, 224, 224), "");
        long mono = parameters(new Shape(1, 257, 188), "");
        long projected = parameters(new Shape(1, 64, 64), "features = 128");
        System.out.printf(
                "resnet18 trainable parameters: %,d (3 channels), %,d (1 channel)%n", rgb, mono);

        // 11,689,512 with the 1000-class classifier of 512 * 1000 + 1000 values.
        assertThat(rgb).isEqualTo(11_176_512L).isBetween(11_100_000L, 11_300_000L);
        assertThat(mono).isEqualTo(rgb - 2 * 64 * 7 * 7);
        assertThat(projected).isEqualTo(mono + 512 * 128 + 128);
    }

    private static long parameters(Shape sample, String overrides) {
        try (NDManager local = manager.newSubManager()) {
            Block block = RESNET.create(config(overrides), sample);
            Blocks.initialize(block, local, new Shape(1).addAll(sample));
            return Blocks.trainableCount(block);
        }
    }

    @Test
    void aPositiveFeaturesKeyAddsALinearLayer() {
        Shape sample = new Shape(1, 40, 40);
        Block block = RESNET.create(config("features = 64"), sample);
        Blocks.initialize(block, manager, new Shape(2).addAll(sample));

        NDArray out = Blocks.infer(block, manager, manager.randomNormal(new Shape(2, 1, 40, 40)));

        assertThat(out.getShape()).isEqualTo(new Shape(2, 64));
        assertThat(RESNET.outputSize(config("features = 64"), sample)).isEqualTo(64);
    }

    @Test
    void rejectsShapesThatAreNeitherImagesNorFrameSequences() {
        assertThatThrownBy(() -> RESNET.create(config(""), new Shape(128, 96)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("resnet18")
                .hasMessageContaining("(128, 96)");
        assertThatThrownBy(() -> RESNET.create(config(""), new Shape(2, 3, 3, 32, 32)))
                .hasMessageContaining("(2, 3, 3, 32, 32)");
        assertThatThrownBy(() -> RESNET.create(config(""), new Shape(3, 0, 32)))
                .hasMessageContaining("(3, 0, 32)");
    }

    @Test
    void rejectsInChannelsThatDisagreeWithTheShape() {
        assertThatThrownBy(() -> RESNET.create(config("in-channels = 1"), new Shape(3, 4, 32, 32)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("in-channels")
                .hasMessageContaining("(3, 4, 32, 32)");
        assertThatThrownBy(() -> RESNET.create(config("features = -1"), new Shape(1, 32, 32)))
                .hasMessageContaining("'features' holds -1");
    }

    @Test
    void rejectsABatchOfTheWrongRankAtForward() {
        Block block = RESNET.create(config(""), new Shape(1, 32, 32));
        Blocks.initialize(block, manager, new Shape(1, 1, 32, 32));

        assertThatThrownBy(
                        () ->
                                Blocks.infer(
                                        block, manager, manager.zeros(new Shape(2, 3, 1, 32, 32))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(2, 3, 1, 32, 32)");
    }
}

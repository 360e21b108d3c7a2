package io.mmbalance.encoders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

class SpecCnnEncoderTest {

    private static final EncoderProvider SPEC_CNN = ProviderRegistry.encoders().get("spec-cnn");
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
        return Blocks.config(SPEC_CNN.defaults(), overrides);
    }

    @Test
    void givesTheConfiguredFeaturesForTwoFrameCounts() {
        for (Shape sample : new Shape[] {new Shape(1, 40, 101), new Shape(1, 64, 16)}) {
            Block block = SPEC_CNN.create(config(""), sample);
            Blocks.initialize(block, manager, new Shape(2).addAll(sample));
            NDArray input = manager.randomNormal(new Shape(2).addAll(sample));

            NDArray out = Blocks.forwardBackward(block, manager, input);

            assertThat(out.getShape()).as("features for %s", sample).isEqualTo(new Shape(2, 128));
            assertThat(SPEC_CNN.outputSize(config(""), sample)).isEqualTo(128);
            assertThat(Blocks.gradientMass(input)).isPositive();
            assertThat(Blocks.gradientMass(Blocks.parameter(block, "conv1_weight").getArray()))
                    .isPositive();
        }
    }

    @Test
    void oneBlockTakesSpectrogramsOfAnyLengthAboveTheMinimum() {
        Block block =
                SPEC_CNN.create(config("channels = [8, 16], features = 32"), new Shape(1, 40, 50));
        Blocks.initialize(block, manager, new Shape(1, 1, 40, 50));

        for (long frames : new long[] {4, 50, 333}) {
            NDArray out = Blocks.infer(block, manager, manager.ones(new Shape(3, 1, 40, frames)));
            assertThat(out.getShape()).isEqualTo(new Shape(3, 32));
        }
    }

    @Test
    void rejectsShapesTheStagesCannotPool() {
        assertThatThrownBy(() -> SPEC_CNN.create(config(""), new Shape(40, 101)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("spec-cnn")
                .hasMessageContaining("(40, 101)");
        assertThatThrownBy(() -> SPEC_CNN.create(config(""), new Shape(1, 40, 15)))
                .hasMessageContaining("at least 16")
                .hasMessageContaining("(1, 40, 15)");
        Block block = SPEC_CNN.create(config(""), new Shape(1, 40, 101));
        Blocks.initialize(block, manager, new Shape(1, 1, 40, 101));
        assertThatThrownBy(() -> Blocks.infer(block, manager, manager.ones(new Shape(2, 1, 40, 8))))
                .hasMessageContaining("(2, 1, 40, 8)");
    }

    @Test
    void rejectsEmptyOrNonPositiveStageWidths() {
        assertThatThrownBy(() -> SPEC_CNN.create(config("channels = []"), new Shape(1, 40, 101)))
                .hasMessageContaining("'channels'");
        assertThatThrownBy(
                        () -> SPEC_CNN.create(config("channels = [8, 0]"), new Shape(1, 40, 101)))
                .hasMessageContaining("'channels' holds 0");
        assertThatThrownBy(() -> SPEC_CNN.create(config("features = 0"), new Shape(1, 40, 101)))
                .hasMessageContaining("'features' holds 0");
    }
}

package io.mmbalance.encoders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import io.mmbalance.api.ProviderRegistry;
import io.mmbalance.api.model.FusionProvider;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FusionHeadTest {

    private static final FusionProvider GATED = ProviderRegistry.fusions().get("gated");
    private static final FusionProvider FILM = ProviderRegistry.fusions().get("film");
    private static NDManager manager;

    @BeforeAll
    static void openManager() {
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void closeManager() {
        manager.close();
    }

    private static Block create(FusionProvider provider, String overrides, long x, long y, int k) {
        Block block =
                provider.create(Blocks.config(provider.defaults(), overrides), List.of(x, y), k);
        Blocks.initialize(block, manager, new Shape(1, x), new Shape(1, y));
        return block;
    }

    private static void set(Block block, String name, float[] values, long... shape) {
        Blocks.parameter(block, name).getArray().set(values);
        assertThat(Blocks.parameter(block, name).getArray().getShape())
                .isEqualTo(new Shape(shape));
    }

    private static void assertValues(NDArray actual, float... expected) {
        float[] values = actual.toFloatArray();
        assertThat(values).hasSameSizeAs(expected);
        for (int i = 0; i < values.length; i++) {
            assertThat(values[i]).as("value %d", i).isCloseTo(expected[i], within(1e-5f));
        }
    }

    @Test
    void headsGiveLogitsAndSendGradientsToBothModalities() {
        for (FusionProvider provider : List.of(GATED, FILM)) {
            for (String overrides :
                    List.of("", "hidden = 24", "x-gate = false", "x-film = false")) {
                if (overrides.startsWith(provider == GATED ? "x-film" : "x-gate")) {
                    continue;
                }
                Block block = create(provider, overrides, 16, 12, 5);
                NDArray x = manager.randomNormal(new Shape(4, 16));
                NDArray y = manager.randomNormal(new Shape(4, 12));

                NDArray logits = Blocks.forwardBackward(block, manager, x, y);

                String what = provider.name() + " with '" + overrides + "'";
                assertThat(logits.getShape()).as(what).isEqualTo(new Shape(4, 5));
                assertThat(block.getOutputShapes(new Shape[] {x.getShape(), y.getShape()}))
                        .containsExactly(new Shape(4, 5));
                assertThat(Blocks.gradientMass(x)).as(what + ": x").isPositive();
                assertThat(Blocks.gradientMass(y)).as(what + ": y").isPositive();
            }
        }
    }

    @Test
    void theFirstModalityGatesTheSecondByDefault() {
        Block block = create(GATED, "hidden = 2", 2, 2, 2);
        float[] identity = {1, 0, 0, 1};
        set(block, "fc-x_weight", identity, 2, 2);
        set(block, "fc-y_weight", identity, 2, 2);
        set(block, "fc-out_weight", identity, 2, 2);
        set(block, "fc-out_bias", new float[] {0.5f, -1}, 2);
        float ln3 = (float) Math.log(3);
        NDArray x = manager.create(new float[] {0, ln3, -ln3, 0}, new Shape(2, 2));
        NDArray y = manager.create(new float[] {2, 4, 8, -2}, new Shape(2, 2));

        // sigmoid(0) = 1/2, sigmoid(ln 3) = 3/4, sigmoid(-ln 3) = 1/4; then + (0.5, -1).
        assertValues(Blocks.infer(block, manager, x, y), 1.5f, 2, 2.5f, -2);
    }

    @Test
    void theSecondModalityGatesTheFirstWhenXGateIsFalse() {
        Block block = create(GATED, "hidden = 2, x-gate = false", 2, 3, 1);
        set(block, "fc-x_weight", new float[] {1, 0, 0, 1}, 2, 2);
        set(block, "fc-x_bias", new float[] {1, 0}, 2);
        set(block, "fc-y_weight", new float[] {1, 1, 0, 0, 0, 0}, 2, 3);
        set(block, "fc-y_bias", new float[] {0, 0}, 2);
        set(block, "fc-out_weight", new float[] {1, 10}, 1, 2);
        set(block, "fc-out_bias", new float[] {0}, 1);
        NDArray x = manager.create(new float[] {3, 4}, new Shape(1, 2));
        NDArray y = manager.create(new float[] {1, -1, 7}, new Shape(1, 3));

        // fc_x(x) = (4, 4); gate = sigmoid((0, 0)) = (1/2, 1/2); (2, 2) . (1, 10) = 22.
        assertValues(Blocks.infer(block, manager, x, y), 22);
    }

    @Test
    void theFirstModalityConditionsTheSecondByDefault() {
        Block block = create(FILM, "", 2, 2, 2);
        // fc maps c to [gamma, beta] = [c1, c2, 1, -1].
        set(block, "fc_weight", new float[] {1, 0, 0, 1, 0, 0, 0, 0}, 4, 2);
        set(block, "fc_bias", new float[] {0, 0, 1, -1}, 4);
        set(block, "fc-out_weight", new float[] {1, 0, 0, 1}, 2, 2);
        set(block, "fc-out_bias", new float[] {0, 0}, 2);
        NDArray x = manager.create(new float[] {2, 3, -1, 0.5f}, new Shape(2, 2));
        NDArray y = manager.create(new float[] {5, 7, 4, -2}, new Shape(2, 2));

        // (2 * 5 + 1, 3 * 7 - 1) and (-1 * 4 + 1, 0.5 * -2 - 1).
        assertValues(Blocks.infer(block, manager, x, y), 11, 20, -3, -2);
    }

    @Test
    void theSecondModalityConditionsTheFirstWhenXFilmIsFalse() {
        Block block = create(FILM, "x-film = false", 2, 1, 1);
        // c = y has one feature; gamma and beta take the two features of x.
        set(block, "fc_weight", new float[] {1, 2, 0, 0}, 4, 1);
        set(block, "fc_bias", new float[] {0, 0, 3, 0}, 4);
        set(block, "fc-out_weight", new float[] {1, 1}, 1, 2);
        set(block, "fc-out_bias", new float[] {0}, 1);
        NDArray x = manager.create(new float[] {1, 2}, new Shape(1, 2));
        NDArray y = manager.create(new float[] {3}, new Shape(1, 1));

        // gamma = (3, 6), beta = (3, 0): (3 * 1 + 3) + (6 * 2 + 0) = 18.
        assertValues(Blocks.infer(block, manager, x, y), 18);
    }

    @Test
    void aPositiveFilmHiddenWidthProjectsTheTargetFirst() {
        Block block = create(FILM, "hidden = 3", 4, 6, 2);

        assertThat(Blocks.parameter(block, "projection_weight").getArray().getShape())
                .isEqualTo(new Shape(3, 6));
        assertThat(Blocks.parameter(block, "fc_weight").getArray().getShape())
                .isEqualTo(new Shape(6, 4));
    }

    @Test
    void rejectsOtherThanTwoModalities() {
        for (FusionProvider provider : List.of(GATED, FILM)) {
            assertThatThrownBy(() -> provider.create(provider.defaults(), List.of(8L, 8L, 4L), 3))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(provider.name())
                    .hasMessageContaining("exactly two")
                    .hasMessageContaining("[8, 8, 4]");
            assertThatThrownBy(() -> provider.create(provider.defaults(), List.of(8L), 3))
                    .hasMessageContaining("[8]");
        }
        Block block = create(GATED, "", 3, 3, 2);
        assertThatThrownBy(() -> Blocks.infer(block, manager, manager.ones(new Shape(1, 3))))
                .hasMessageContaining("two feature batches, got 1");
    }

    @Test
    void rejectsNonPositiveGatedWidthAndNegativeFilmWidth() {
        assertThatThrownBy(
                        () ->
                                GATED.create(
                                        Blocks.config(GATED.defaults(), "hidden = 0"),
                                        List.of(2L, 2L),
                                        2))
                .hasMessageContaining("'hidden' holds 0");
        assertThatThrownBy(
                        () ->
                                FILM.create(
                                        Blocks.config(FILM.defaults(), "hidden = -1"),
                                        List.of(2L, 2L),
                                        2))
                .hasMessageContaining("'hidden' holds -1");
    }
}

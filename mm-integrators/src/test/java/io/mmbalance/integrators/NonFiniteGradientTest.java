package io.mmbalance.integrators;

import static io.mmbalance.integrators.Fixtures.integrator;
import static io.mmbalance.integrators.Fixtures.values;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import io.mmbalance.api.integrate.GradientSet;
import io.mmbalance.api.integrate.IntegratedGradient;
import io.mmbalance.api.integrate.NonFiniteGradientException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

/** NaN and infinity in an input: an error naming where, or a skipped step when asked. */
class NonFiniteGradientTest {

    private NDManager manager;

    @BeforeEach
    void openManager() {
        manager = Fixtures.manager();
    }

    @AfterEach
    void closeManager() {
        manager.close();
    }

    /** Three tensors per objective; objective "video" holds {@code bad} in tensor 2. */
    private GradientSet setWith(float bad, boolean skip) {
        List<NDArray> audio =
                List.of(
                        manager.create(new float[] {1, 2}),
                        manager.create(new float[] {3, 4, 5, 6}, new Shape(2, 2)),
                        manager.create(new float[] {7, 8, 9}));
        List<NDArray> video =
                List.of(
                        manager.create(new float[] {-1, 0}),
                        manager.create(new float[] {0, 1, 0, -1}, new Shape(2, 2)),
                        manager.create(new float[] {0, bad, 1}));
        return GradientSet.builder()
                .optGroup("encoder-a")
                .addObjective("multimodal", audio)
                .markLastPrimary()
                .addObjective("video", video)
                .optSkipNonFinite(skip)
                .build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"uniform", "pareto", "mmpareto", "mmpareto-official"})
    void aNaNIsAnErrorNamingGroupObjectiveAndTensor(String name) {
        assertThatThrownBy(() -> integrator(name).integrate(setWith(Float.NaN, false)))
                .isInstanceOf(NonFiniteGradientException.class)
                .hasMessageContaining("group 'encoder-a'")
                .hasMessageContaining("objective 'video'")
                .hasMessageContaining("tensor 2");
    }

    @ParameterizedTest
    @ValueSource(floats = {Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY})
    void anInfinityIsAnErrorToo(float bad) {
        assertThatThrownBy(() -> integrator("mmpareto").integrate(setWith(bad, false)))
                .isInstanceOf(NonFiniteGradientException.class)
                .hasMessageContaining("objective 'video'")
                .hasMessageContaining("tensor 2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"uniform", "pareto", "mmpareto", "mmpareto-official"})
    void whenAskedTheStepIsSkippedWithZeros(String name) {
        GradientSet set = setWith(Float.NaN, true);

        IntegratedGradient r = integrator(name).integrate(set);

        assertThat(r.diagnostics().skipped()).isTrue();
        assertThat(r.diagnostics().resultNorm()).isZero();
        assertThat(r.diagnostics().weights()).containsOnly(0);
        assertThat(r.tensors()).hasSize(3);
        for (int t = 0; t < 3; t++) {
            assertThat(r.tensors().get(t).getShape()).isEqualTo(set.gradient(0).get(t).getShape());
            assertThat(r.tensors().get(t).getManager()).isSameAs(manager);
        }
        assertThat(values(r)).containsOnly(0f);
    }

    @ParameterizedTest
    @ValueSource(strings = {"uniform", "mmpareto"})
    void theLargestFiniteFloatsAreNotMistakenForInfinity(String name) {
        float big = Float.MAX_VALUE / 4;
        IntegratedGradient r =
                integrator(name)
                        .integrate(
                                Fixtures.set(
                                        manager,
                                        new float[] {big, big, big},
                                        new float[] {big, -big, big}));

        assertThat(r.diagnostics().skipped()).isFalse();
        assertThat(values(r)).containsExactly(2 * big, 0f, 2 * big);
    }
}

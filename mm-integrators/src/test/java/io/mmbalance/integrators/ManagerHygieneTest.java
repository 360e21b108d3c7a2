package io.mmbalance.integrators;

import static io.mmbalance.integrators.Fixtures.integrator;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import io.mmbalance.api.integrate.GradientIntegrator;
import io.mmbalance.api.integrate.GradientSet;
import io.mmbalance.api.integrate.IntegratedGradient;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

/**
 * Native memory: no intermediate outlives a call, the inputs go back to their own managers
 * unchanged, and the results belong to the first input tensor's manager.
 */
class ManagerHygieneTest {

    private static final List<Shape> SHAPES =
            List.of(new Shape(4, 3, 3, 3), new Shape(4), new Shape(4), new Shape(10, 4));

    private static float[] random(int size, int seed) {
        java.util.Random random = new java.util.Random(seed);
        float[] v = new float[size];
        for (int k = 0; k < size; k++) {
            v[k] = (float) random.nextGaussian();
        }
        return v;
    }

    @ParameterizedTest
    @ValueSource(strings = {"uniform", "pareto", "mmpareto", "mmpareto-official"})
    void repeatedCallsLeaveOnlyTheInputsInTheManager(String name) {
        GradientIntegrator integrator = integrator(name);
        try (NDManager manager = Fixtures.manager()) {
            int size = (int) SHAPES.stream().mapToLong(Shape::size).sum();
            GradientSet set =
                    Fixtures.split(
                            manager, SHAPES, random(size, 1), random(size, 2), random(size, 3));
            List<float[]> before = snapshot(set);
            int arrays = manager.getManagedArrays().size();

            for (int call = 0; call < 200; call++) {
                IntegratedGradient r = integrator.integrate(set);
                for (NDArray t : r.tensors()) {
                    assertThat(t.getManager()).isSameAs(manager);
                    t.close();
                }
            }

            assertThat(manager.getManagedArrays()).hasSize(arrays);
            for (int i = 0; i < set.size(); i++) {
                for (NDArray t : set.gradient(i)) {
                    assertThat(t.getManager()).isSameAs(manager);
                }
            }
            List<float[]> after = snapshot(set);
            for (int k = 0; k < before.size(); k++) {
                assertThat(after.get(k)).containsExactly(before.get(k));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"uniform", "mmpareto"})
    void resultsGoToTheManagerOfTheFirstInputTensor(String name) {
        try (NDManager first = Fixtures.manager();
                NDManager second = Fixtures.manager()) {
            NDArray a = first.create(new float[] {2, 0});
            NDArray b = second.create(new float[] {-1, 1});
            GradientSet set =
                    GradientSet.builder()
                            .addObjective("m", List.of(a))
                            .addObjective("u", List.of(b))
                            .build();

            IntegratedGradient r = integrator(name).integrate(set);

            assertThat(r.tensors().get(0).getManager()).isSameAs(first);
            assertThat(a.getManager()).isSameAs(first);
            assertThat(b.getManager()).isSameAs(second);
            assertThat(second.getManagedArrays()).containsExactly(b);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"uniform", "pareto", "mmpareto"})
    void theSameArrayGivenForTwoObjectivesIsHandled(String name) {
        try (NDManager manager = Fixtures.manager()) {
            NDArray g = manager.create(new float[] {1, -2, 3});
            GradientSet set =
                    GradientSet.builder()
                            .addObjective("m", List.of(g))
                            .addObjective("u", List.of(g))
                            .build();

            IntegratedGradient r = integrator(name).integrate(set);

            assertThat(r.tensors().get(0).toFloatArray()).containsExactly(2, -4, 6);
            assertThat(g.getManager()).isSameAs(manager);
            assertThat(manager.getManagedArrays()).hasSize(2);
        }
    }

    private static List<float[]> snapshot(GradientSet set) {
        List<float[]> out = new ArrayList<>();
        for (int i = 0; i < set.size(); i++) {
            for (NDArray t : set.gradient(i)) {
                out.add(t.toFloatArray());
            }
        }
        return out;
    }
}

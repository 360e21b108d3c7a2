package io.mmbalance.integrators;

import static io.mmbalance.integrators.Fixtures.dot;
import static io.mmbalance.integrators.Fixtures.integrator;
import static io.mmbalance.integrators.Fixtures.norm;
import static io.mmbalance.integrators.Fixtures.values;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import io.mmbalance.api.integrate.GradientIntegrator;
import io.mmbalance.api.integrate.IntegratedGradient;
import io.mmbalance.api.integrate.IntegrationDiagnostics;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.DoubleStream;

/**
 * Properties that must hold on every input: random gradients and degenerate ones (zero, parallel,
 * opposite, rank-deficient), each multiplied by whole-input scales from 1e-10 to 1e15 in float32.
 */
class IntegratorPropertiesTest {

    private static final double[] SCALES = {1e-10, 1e-5, 1e-2, 1, 1e3, 1e8, 1e15};
    private static final int RANDOM_CASES = 40;

    private NDManager manager;

    @BeforeEach
    void openManager() {
        manager = Fixtures.manager();
    }

    @AfterEach
    void closeManager() {
        manager.close();
    }

    /** Returns seeded random gradients: 2 to 4 objectives in 2n to 40 dimensions. */
    private static List<float[][]> randomCases(long seed) {
        Random random = new Random(seed);
        List<float[][]> cases = new ArrayList<>();
        for (int c = 0; c < RANDOM_CASES; c++) {
            int n = 2 + random.nextInt(3);
            int dim = 2 * n + random.nextInt(41 - 2 * n);
            float[][] g = new float[n][dim];
            for (float[] v : g) {
                double length = Math.exp(random.nextGaussian());
                for (int k = 0; k < dim; k++) {
                    v[k] = (float) (random.nextGaussian() * length);
                }
            }
            cases.add(g);
        }
        return cases;
    }

    /** Returns degenerate inputs: zeros, parallel, opposite and rank-deficient gradients. */
    private static List<float[][]> degenerateCases() {
        float[] a = {1, -2, 0.5f, 3};
        float[] b = {-0.5f, 1, 2, 0};
        return List.of(
                new float[][] {new float[4], new float[4]},
                new float[][] {a, new float[4]},
                new float[][] {a, scaled(a, 3)},
                new float[][] {a, scaled(a, -1)},
                new float[][] {a, scaled(a, -0.25f)},
                new float[][] {a, b, Fixtures.sum(scaled(a, -1), scaled(b, -1))},
                new float[][] {a, b, scaled(a, -2), scaled(b, 0.5f)},
                new float[][] {a, a.clone(), a.clone()},
                new float[][] {
                    new float[] {1, 0},
                    new float[] {0, 1},
                    new float[] {-1, 0},
                    new float[] {0, -1},
                    new float[] {1, 1}
                });
    }

    private static float[] scaled(float[] v, float s) {
        float[] out = new float[v.length];
        for (int k = 0; k < v.length; k++) {
            out[k] = v[k] * s;
        }
        return out;
    }

    private static float[][] scaled(float[][] g, double s) {
        float[][] out = new float[g.length][];
        for (int i = 0; i < g.length; i++) {
            out[i] = new float[g[i].length];
            for (int k = 0; k < g[i].length; k++) {
                out[i][k] = (float) (g[i][k] * s);
            }
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"uniform", "pareto", "mmpareto", "mmpareto-official"})
    void everyResultIsFiniteOnRandomAndDegenerateInputsAtEveryScale(String name) {
        GradientIntegrator integrator = integrator(name);
        List<float[][]> cases = new ArrayList<>(randomCases(1));
        cases.addAll(degenerateCases());
        for (float[][] base : cases) {
            for (double scale : SCALES) {
                IntegratedGradient r =
                        integrator.integrate(Fixtures.set(manager, scaled(base, scale)));

                for (float v : values(r)) {
                    assertThat(v).isFinite();
                }
                assertFinite(r.diagnostics());
                assertThat(DoubleStream.of(r.diagnostics().weights()).sum())
                        .isCloseTo(name.equals("uniform") ? base.length : 1, within(1e-9));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"pareto", "mmpareto"})
    void inAConflictTheResultIncreasesNoObjective(String name) {
        GradientIntegrator integrator = integrator(name);
        int conflicts = 0;
        for (float[][] base : randomCases(2)) {
            for (double scale : SCALES) {
                float[][] g = scaled(base, scale);
                IntegratedGradient r = integrator.integrate(Fixtures.set(manager, g));
                if (!r.diagnostics().conflict()) {
                    continue;
                }
                conflicts++;
                float[] h = values(r);
                for (float[] gi : g) {
                    assertThat(dot(h, gi)).isGreaterThanOrEqualTo(-1e-5 * norm(h) * norm(gi));
                }
            }
        }
        assertThat(conflicts).isGreaterThan(RANDOM_CASES * SCALES.length / 2);
    }

    @Test
    void mmParetoResultHasTheNormOfThePlainSum() {
        GradientIntegrator integrator = integrator("mmpareto");
        for (float[][] base : randomCases(3)) {
            for (double scale : SCALES) {
                float[][] g = scaled(base, scale);
                IntegratedGradient r = integrator.integrate(Fixtures.set(manager, g));
                double expected = Fixtures.normOfSum(g);

                assertThat(norm(values(r))).isCloseTo(expected, within(1e-5 * expected));
                assertThat(r.diagnostics().resultNorm())
                        .isCloseTo(expected, within(1e-9 * expected));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"uniform", "pareto", "mmpareto", "mmpareto-official"})
    void resultsDoNotDependOnTheOrderOfTheOtherObjectives(String name) {
        GradientIntegrator integrator = integrator(name);
        Random random = new Random(4);
        for (float[][] g : randomCases(4)) {
            int n = g.length;
            int[] order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            for (int i = n - 1; i > 1; i--) {
                int j = 1 + random.nextInt(i);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            if (n == 2 || order[1] == 1) {
                int t = order[1];
                order[1] = order[n - 1];
                order[n - 1] = t;
            }
            float[][] permuted = new float[n][];
            for (int i = 0; i < n; i++) {
                permuted[i] = g[order[i]];
            }
            IntegratedGradient a = integrator.integrate(Fixtures.set(manager, g));
            IntegratedGradient b = integrator.integrate(Fixtures.set(manager, permuted));

            float[] ha = values(a);
            float[] hb = values(b);
            double tolerance = 1e-5 * Math.max(norm(ha), maxNorm(g));
            for (int k = 0; k < ha.length; k++) {
                assertThat((double) hb[k]).isCloseTo(ha[k], within(tolerance));
            }
            for (int i = 0; i < n; i++) {
                assertThat(b.diagnostics().weights()[i])
                        .isCloseTo(a.diagnostics().weights()[order[i]], within(1e-5));
            }
            assertThat(b.diagnostics().conflict()).isEqualTo(a.diagnostics().conflict());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"uniform", "pareto", "mmpareto"})
    void aGradientSplitOverSeveralTensorsGivesTheSameAnswer(String name) {
        GradientIntegrator integrator = integrator(name);
        List<Shape> shapes =
                List.of(new Shape(2, 3), new Shape(4), new Shape(1, 7, 1), new Shape(7));
        Random random = new Random(5);
        for (int c = 0; c < 30; c++) {
            int n = 2 + c % 3;
            float[][] g = new float[n][24];
            for (float[] v : g) {
                for (int k = 0; k < v.length; k++) {
                    v[k] = (float) random.nextGaussian();
                }
            }
            IntegratedGradient whole = integrator.integrate(Fixtures.set(manager, g));
            IntegratedGradient split = integrator.integrate(Fixtures.split(manager, shapes, g));

            assertThat(split.tensors()).hasSize(4);
            for (int t = 0; t < shapes.size(); t++) {
                assertThat(split.tensors().get(t).getShape()).isEqualTo(shapes.get(t));
            }
            float[] hw = values(whole);
            float[] hs = values(split);
            double tolerance = 1e-6 * Math.max(1, norm(hw));
            for (int k = 0; k < hw.length; k++) {
                assertThat((double) hs[k]).isCloseTo(hw[k], within(tolerance));
            }
            assertThat(split.diagnostics().weights())
                    .containsExactly(whole.diagnostics().weights(), within(1e-9));
            assertThat(split.diagnostics().scale())
                    .isCloseTo(whole.diagnostics().scale(), within(1e-9));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"pareto", "mmpareto"})
    void weightsDoNotDependOnTheScaleOfTheInputs(String name) {
        GradientIntegrator integrator = integrator(name);
        for (float[][] base : randomCases(6)) {
            double[] reference =
                    integrator.integrate(Fixtures.set(manager, base)).diagnostics().weights();
            for (double scale : SCALES) {
                IntegrationDiagnostics d =
                        integrator
                                .integrate(Fixtures.set(manager, scaled(base, scale)))
                                .diagnostics();

                assertThat(d.weights()).containsExactly(reference, within(1e-4));
            }
        }
    }

    private static double maxNorm(float[][] g) {
        double max = 0;
        for (float[] v : g) {
            max = Math.max(max, norm(v));
        }
        return max;
    }

    private static void assertFinite(IntegrationDiagnostics d) {
        assertThat(DoubleStream.of(d.weights())).allSatisfy(w -> assertThat(w).isFinite());
        assertThat(DoubleStream.of(d.inputNorms())).allSatisfy(w -> assertThat(w).isFinite());
        for (double[] row : d.cosines()) {
            assertThat(DoubleStream.of(row)).allSatisfy(c -> assertThat(c).isBetween(-1.0, 1.0));
        }
        assertThat(d.resultNorm()).isFinite();
        assertThat(d.scale()).isFinite();
    }
}

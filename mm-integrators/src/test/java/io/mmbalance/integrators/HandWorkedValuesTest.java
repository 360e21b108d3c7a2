package io.mmbalance.integrators;

import static io.mmbalance.integrators.Fixtures.integrator;
import static io.mmbalance.integrators.Fixtures.set;
import static io.mmbalance.integrators.Fixtures.values;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import io.mmbalance.api.integrate.IntegratedGradient;
import io.mmbalance.api.integrate.IntegrationDiagnostics;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.DoubleStream;

/** The integrators against values worked out by hand on small inputs. */
class HandWorkedValuesTest {

    private static final double TOLERANCE = 1e-6;
    private static final float[] G_M = {2, 0};
    private static final float[] G_U = {-1, 1};

    private NDManager manager;

    @BeforeEach
    void openManager() {
        manager = Fixtures.manager();
    }

    @AfterEach
    void closeManager() {
        manager.close();
    }

    private IntegratedGradient run(String name, float[]... gradients) {
        return integrator(name).integrate(set(manager, gradients));
    }

    @ParameterizedTest
    @ValueSource(strings = {"pareto", "mmpareto", "mmpareto-official"})
    void minNormWeightsOfTheConflictingPairAreFourAndSixTenths(String name) {
        IntegrationDiagnostics d = run(name, G_M, G_U).diagnostics();

        assertThat(d.weights()[0]).isCloseTo(0.4, within(TOLERANCE));
        assertThat(d.weights()[1]).isCloseTo(0.6, within(TOLERANCE));
        assertThat(d.conflict()).isTrue();
        assertThat(d.cosine()).isCloseTo(-1 / Math.sqrt(2), within(TOLERANCE));
        assertThat(d.inputNorms()).containsExactly(new double[] {2, Math.sqrt(2)}, within(1e-12));
    }

    @Test
    void paretoDoublesTheMinNormElementWithoutRescaling() {
        IntegratedGradient r = run("pareto", G_M, G_U);

        assertThat(values(r)).containsExactly(new float[] {0.4f, 1.2f}, within(1e-6f));
        assertThat(r.diagnostics().scale()).isEqualTo(1.0);
        assertThat(r.diagnostics().resultNorm()).isCloseTo(Math.sqrt(1.6), within(TOLERANCE));
    }

    @Test
    void mmParetoRestoresTheNormOfThePlainSum() {
        IntegratedGradient r = run("mmpareto", G_M, G_U);

        assertThat(values(r)).containsExactly(new float[] {0.447214f, 1.341641f}, within(1e-6f));
        assertThat(r.diagnostics().resultNorm()).isCloseTo(Math.sqrt(2), within(TOLERANCE));
        assertThat(r.diagnostics().scale()).isCloseTo(Math.sqrt(2 / 1.6), within(TOLERANCE));
    }

    @Test
    void mmParetoOfficialAlsoMultipliesByOneAndAHalf() {
        IntegratedGradient r = run("mmpareto-official", G_M, G_U);

        assertThat(values(r)).containsExactly(new float[] {0.670820f, 2.012461f}, within(1e-6f));
        assertThat(r.diagnostics().scale()).isCloseTo(1.5 * Math.sqrt(2 / 1.6), within(1e-6));
    }

    @Test
    void uniformIsThePlainSumWithWeightOneEach() {
        IntegratedGradient r = run("uniform", G_M, G_U);

        assertThat(values(r)).containsExactly(1f, 1f);
        assertThat(r.diagnostics().weights()).containsExactly(1, 1);
        assertThat(r.diagnostics().conflict()).isTrue();
        assertThat(r.diagnostics().scale()).isEqualTo(1.0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mmpareto", "mmpareto-official"})
    void mmParetoWithoutConflictEqualsUniformBitForBit(String name) {
        Random random = new Random(7);
        for (int trial = 0; trial < 20; trial++) {
            int n = 2 + trial % 3;
            float[][] g = new float[n][1000];
            for (float[] v : g) {
                for (int k = 0; k < v.length; k++) {
                    v[k] = (float) (1 + random.nextGaussian() * 0.3) * (float) Math.exp(k % 7);
                }
            }
            IntegratedGradient balanced = run(name, g);
            IntegratedGradient plain = run("uniform", g);

            assertThat(balanced.diagnostics().conflict()).isFalse();
            assertThat(Arrays.equals(values(balanced), values(plain))).isTrue();
            assertThat(DoubleStream.of(balanced.diagnostics().weights()))
                    .allSatisfy(w -> assertThat(w).isEqualTo(1.0 / n));
            assertThat(balanced.diagnostics().scale()).isEqualTo(1.0);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"pareto", "mmpareto", "mmpareto-official"})
    void anOppositeMultipleIsParetoStationaryAndGivesZero(String name) {
        IntegratedGradient r = run(name, new float[] {1, -3, 2}, new float[] {-2, 6, -4});
        IntegrationDiagnostics d = r.diagnostics();

        assertThat(values(r)).containsExactly(0f, 0f, 0f);
        assertThat(d.stationary()).isTrue();
        assertThat(d.weights()[0]).isCloseTo(2.0 / 3, within(TOLERANCE));
        assertThat(d.resultNorm()).isZero();
        assertNoNaN(d);
    }

    @Test
    void uniformOfAnOppositeMultipleIsTheirSum() {
        IntegratedGradient r = run("uniform", new float[] {1, -3, 2}, new float[] {-2, 6, -4});

        assertThat(values(r)).containsExactly(-1f, 3f, -2f);
        assertThat(r.diagnostics().stationary()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"pareto", "mmpareto", "mmpareto-official"})
    void equalGradientsGetHalfEachAndGiveTheirSum(String name) {
        float[] g = {0.3f, -1.7f, 2.5f};
        IntegratedGradient r = run(name, g, g.clone());

        assertThat(r.diagnostics().weights())
                .containsExactly(new double[] {0.5, 0.5}, within(1e-12));
        assertThat(values(r)).containsExactly(new float[] {0.6f, -3.4f, 5f}, within(1e-6f));
    }

    @ParameterizedTest
    @ValueSource(strings = {"uniform", "pareto", "mmpareto", "mmpareto-official"})
    void aZeroUnimodalGradientLeavesTheMultimodalOne(String name) {
        float[] g = {2, 0, -1};
        IntegratedGradient r = run(name, g, new float[3]);

        assertThat(values(r)).containsExactly(g);
        assertThat(r.diagnostics().stationary()).isFalse();
        assertThat(r.diagnostics().cosine()).isZero();
        assertNoNaN(r.diagnostics());
    }

    @ParameterizedTest
    @ValueSource(strings = {"uniform", "pareto", "mmpareto", "mmpareto-official"})
    void aZeroMultimodalGradientLeavesTheUnimodalOne(String name) {
        float[] g = {2, 0, -1};
        IntegratedGradient r = run(name, new float[3], g);

        assertThat(values(r)).containsExactly(g);
        assertNoNaN(r.diagnostics());
    }

    @ParameterizedTest
    @ValueSource(strings = {"uniform", "pareto", "mmpareto", "mmpareto-official"})
    void twoZeroGradientsGiveZero(String name) {
        IntegratedGradient r = run(name, new float[3], new float[3]);

        assertThat(values(r)).containsExactly(0f, 0f, 0f);
        assertThat(r.diagnostics().resultNorm()).isZero();
        assertThat(r.diagnostics().stationary()).isEqualTo(!name.equals("uniform"));
        assertNoNaN(r.diagnostics());
    }

    @ParameterizedTest
    @ValueSource(strings = {"pareto", "mmpareto", "mmpareto-official"})
    void threeGradientsSummingToZeroGetAThirdEachAndGiveZero(String name) {
        IntegratedGradient r =
                run(name, new float[] {1, 0}, new float[] {0, 1}, new float[] {-1, -1});
        IntegrationDiagnostics d = r.diagnostics();

        assertThat(d.weights())
                .containsExactly(new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3}, within(1e-4));
        assertThat(d.converged()).isTrue();
        assertThat(d.iterations()).isPositive();
        assertThat(d.stationary()).isTrue();
        assertThat(values(r)).containsExactly(0f, 0f);
        assertNoNaN(d);
    }

    @Test
    void aSolverStoppedAfterThreeIterationsSaysSoAndKeepsValidWeights() {
        IntegratedGradient r =
                integrator("pareto", "solver.max-iterations = 3")
                        .integrate(
                                set(
                                        manager,
                                        new float[] {1, 0},
                                        new float[] {0, 1},
                                        new float[] {-1, -1}));
        IntegrationDiagnostics d = r.diagnostics();

        assertThat(d.converged()).isFalse();
        assertThat(d.iterations()).isEqualTo(3);
        assertThat(DoubleStream.of(d.weights()))
                .allSatisfy(w -> assertThat(w).isGreaterThanOrEqualTo(0));
        assertThat(Arrays.stream(d.weights()).sum()).isCloseTo(1, within(1e-12));
        assertNoNaN(d);
    }

    @Test
    void threeObjectivesWithoutConflictGetTheirPlainSumFromMmPareto() {
        IntegratedGradient r =
                run("mmpareto", new float[] {1, 0}, new float[] {1, 1}, new float[] {0, 2});

        assertThat(values(r)).containsExactly(2f, 3f);
        assertThat(r.diagnostics().weights())
                .containsExactly(new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3}, within(1e-15));
    }

    @Test
    void strictThresholdCountsOrthogonalGradientsAsConflicting() {
        float[] a = {1, 0};
        float[] b = {0, 2};
        IntegratedGradient plain = run("mmpareto", a, b);
        IntegratedGradient strict =
                integrator("mmpareto", "strict-threshold = true").integrate(set(manager, a, b));

        assertThat(plain.diagnostics().conflict()).isFalse();
        assertThat(values(plain)).containsExactly(1f, 2f);
        assertThat(strict.diagnostics().conflict()).isTrue();
        // min-norm weights (0.8, 0.2): 2 * (0.8, 0.4) = (1.6, 0.8), rescaled to |(1, 2)|
        double s = Math.sqrt(5) / Math.sqrt(1.6 * 1.6 + 0.8 * 0.8);
        assertThat(values(strict))
                .containsExactly(new float[] {(float) (1.6 * s), (float) (0.8 * s)}, within(1e-6f));
    }

    @Test
    void upwardOnlyHasNoEffectOverTheWholeGroup() {
        // |2 d| <= |g_m + g_u| for the min-norm element d, so the global factor is at least 1
        float[] gm = {1, 0};
        float[] gu = {-0.9f, 0.1f};
        IntegratedGradient plain = run("mmpareto", gm, gu);
        IntegratedGradient upward =
                integrator("mmpareto", "upward-only = true").integrate(set(manager, gm, gu));

        assertThat(plain.diagnostics().scale()).isGreaterThanOrEqualTo(1);
        assertThat(values(upward)).containsExactly(values(plain));
    }

    /*
     * Two tensors: g_m = ((2, 0), (1)), g_u = ((-1, 1), (-1)). Over the group |g_m|^2 = 5,
     * |g_u|^2 = 3, <g_m, g_u> = -3, so a = (3/7, 4/7) and 2 a_m g_m + 2 a_u g_u is
     * ((4/7, 8/7), (-2/7)). Tensor 0 is rescaled to |(1, 1)|; on tensor 1 the plain sum is 0, so
     * restoring its magnitude gives 0, unless only upward restoration is allowed.
     */
    private IntegratedGradient twoTensors(String name, String options) {
        return integrator(name, options)
                .integrate(
                        Fixtures.split(
                                manager,
                                List.of(new Shape(2), new Shape(1)),
                                new float[] {2, 0, 1},
                                new float[] {-1, 1, -1}));
    }

    @Test
    void perTensorModeRestoresEachTensorsOwnMagnitude() {
        IntegratedGradient r = twoTensors("mmpareto", "per-tensor = true");
        float[] h = values(r);
        double s = Math.sqrt(2) / Math.sqrt(80.0 / 49);

        assertThat(r.diagnostics().weights())
                .containsExactly(new double[] {3.0 / 7, 4.0 / 7}, within(1e-12));
        assertThat(h)
                .containsExactly(
                        new float[] {(float) (4.0 / 7 * s), (float) (8.0 / 7 * s), 0f},
                        within(1e-6f));
        assertThat(r.diagnostics().scale())
                .isCloseTo(Math.sqrt(2) / Math.sqrt(80.0 / 49 + 4.0 / 49), within(1e-9));
    }

    @Test
    void perTensorUpwardOnlyKeepsATensorWhoseSumVanishes() {
        float[] h = values(twoTensors("mmpareto", "per-tensor = true, upward-only = true"));
        double s = Math.sqrt(2) / Math.sqrt(80.0 / 49);

        assertThat(h)
                .containsExactly(
                        new float[] {
                            (float) (4.0 / 7 * s), (float) (8.0 / 7 * s), (float) (-2.0 / 7)
                        },
                        within(1e-6f));
    }

    @Test
    void officialPresetCombinesAllFourDeviations() {
        float[] h = values(twoTensors("mmpareto-official", ""));
        double s = 1.5 * Math.sqrt(2) / Math.sqrt(80.0 / 49);

        assertThat(h)
                .containsExactly(
                        new float[] {
                            (float) (4.0 / 7 * s), (float) (8.0 / 7 * s), (float) (1.5 * -2.0 / 7)
                        },
                        within(1e-6f));
    }

    private static void assertNoNaN(IntegrationDiagnostics d) {
        assertThat(DoubleStream.of(d.weights())).allSatisfy(w -> assertThat(w).isFinite());
        assertThat(DoubleStream.of(d.inputNorms())).allSatisfy(w -> assertThat(w).isFinite());
        for (double[] row : d.cosines()) {
            assertThat(DoubleStream.of(row)).allSatisfy(c -> assertThat(c).isFinite());
        }
        assertThat(d.resultNorm()).isFinite();
        assertThat(d.scale()).isFinite();
    }
}

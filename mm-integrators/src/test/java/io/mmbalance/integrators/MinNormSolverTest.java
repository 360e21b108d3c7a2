package io.mmbalance.integrators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

/** The min-norm solver on Gram matrices alone. */
class MinNormSolverTest {

    private final MinNormSolver solver = new MinNormSolver(10000, 1e-9);

    @Test
    void closedFormMatchesTheFormulaOfTheDesign() {
        // g_m = (2, 0), g_u = (-1, 1): mm = 4, uu = 2, mu = -2
        assertThat(MinNormSolver.pairWeight(4, 2, -2)).isCloseTo(0.4, within(1e-15));
    }

    @Test
    void closedFormClampsToTheSegment() {
        // g_m = (1, 0), g_u = (2, 0): the shorter one alone is the min-norm element
        assertThat(MinNormSolver.pairWeight(1, 4, 2)).isEqualTo(1.0);
        assertThat(MinNormSolver.pairWeight(4, 1, 2)).isEqualTo(0.0);
    }

    @Test
    void closedFormOfEqualGradientsIsOneHalf() {
        assertThat(MinNormSolver.pairWeight(3, 3, 3)).isEqualTo(0.5);
        assertThat(MinNormSolver.pairWeight(0, 0, 0)).isEqualTo(0.5);
        assertThat(MinNormSolver.pairWeight(3, 3, 3 * (1 - 1e-16))).isEqualTo(0.5);
    }

    @Test
    void objectivesLeftOutGetWeightZero() {
        double[][] g = {{4, 0, -2}, {0, 0, 0}, {-2, 0, 2}};

        MinNormSolver.Solution s = solver.solve(g, new int[] {0, 2});

        assertThat(s.weights()).containsExactly(new double[] {0.4, 0, 0.6}, within(1e-15));
        assertThat(s.iterations()).isZero();
        assertThat(s.converged()).isTrue();
        assertThat(s.squaredNorm()).isCloseTo(0.4, within(1e-12));
    }

    @Test
    void aSingleObjectiveGetsAllTheWeight() {
        MinNormSolver.Solution s = solver.solve(new double[][] {{0, 0}, {0, 5}}, new int[] {1});

        assertThat(s.weights()).containsExactly(0, 1);
    }

    @Test
    void frankWolfeFindsTheCentreOfThreeGradientsSummingToZero() {
        double[][] g = {{1, 0, -1}, {0, 1, -1}, {-1, -1, 2}};

        MinNormSolver.Solution s = solver.solve(g, new int[] {0, 1, 2});

        assertThat(s.weights())
                .containsExactly(new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3}, within(1e-6));
        assertThat(s.converged()).isTrue();
        assertThat(s.squaredNorm()).isLessThan(1e-12);
    }

    @Test
    void frankWolfeStopsAtOnceWhenTheBestPairIsOptimal() {
        // (1, 0), (-1, 0) and (0, 5): the first two already reach zero
        double[][] g = {{1, -1, 0}, {-1, 1, 0}, {0, 0, 25}};

        MinNormSolver.Solution s = solver.solve(g, new int[] {0, 1, 2});

        assertThat(s.weights()).containsExactly(new double[] {0.5, 0.5, 0}, within(1e-15));
        assertThat(s.iterations()).isEqualTo(1);
        assertThat(s.converged()).isTrue();
    }

    @Test
    void frankWolfeMeetsTheOptimalityConditionsOnRandomGradients() {
        Random random = new Random(11);
        for (int trial = 0; trial < 200; trial++) {
            int n = 3 + random.nextInt(6);
            int dim = 1 + random.nextInt(12);
            double[][] x = new double[n][dim];
            for (double[] row : x) {
                for (int k = 0; k < dim; k++) {
                    row[k] = random.nextGaussian() + (k == 0 ? 0.5 : 0);
                }
            }
            double[][] g = gram(x);
            int[] all = new int[n];
            Arrays.setAll(all, i -> i);

            MinNormSolver.Solution s = solver.solve(g, all);

            assertThat(s.converged()).isTrue();
            double[] a = s.weights();
            assertThat(Arrays.stream(a).sum()).isCloseTo(1, within(1e-12));
            assertThat(Arrays.stream(a).min().orElseThrow()).isGreaterThanOrEqualTo(0);
            // optimality: (G a)_j >= a^T G a for every j, up to the solver's accuracy
            double scale =
                    Arrays.stream(g)
                            .mapToDouble(r -> Arrays.stream(r).max().orElse(0))
                            .max()
                            .orElse(1);
            for (int j = 0; j < n; j++) {
                double gj = 0;
                for (int i = 0; i < n; i++) {
                    gj += g[j][i] * a[i];
                }
                assertThat(gj).isGreaterThanOrEqualTo(s.squaredNorm() - 1e-7 * scale);
            }
            // no vertex or pair does better
            for (int i = 0; i < n; i++) {
                assertThat(s.squaredNorm()).isLessThanOrEqualTo(g[i][i] + 1e-12 * scale);
            }
        }
    }

    @Test
    void weightsStayOnTheSimplexWhenTheIterationLimitIsHit() {
        MinNormSolver limited = new MinNormSolver(3, 1e-9);
        double[][] g = {{1, 0, -1}, {0, 1, -1}, {-1, -1, 2}};

        MinNormSolver.Solution s = limited.solve(g, new int[] {0, 1, 2});

        assertThat(s.converged()).isFalse();
        assertThat(s.iterations()).isEqualTo(3);
        assertThat(Arrays.stream(s.weights()).sum()).isCloseTo(1, within(1e-15));
        assertThat(Arrays.stream(s.weights()).min().orElseThrow()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void settingsOutOfRangeAreRefused() {
        assertThatThrownBy(() -> new MinNormSolver(0, 1e-9)).hasMessageContaining("max-iterations");
        assertThatThrownBy(() -> new MinNormSolver(10, 0)).hasMessageContaining("tolerance");
    }

    private static double[][] gram(double[][] x) {
        int n = x.length;
        double[][] g = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < x[i].length; k++) {
                    s += x[i][k] * x[j][k];
                }
                g[i][j] = s;
            }
        }
        return g;
    }
}

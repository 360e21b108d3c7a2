package io.mmbalance.integrators;

import java.util.Arrays;

/**
 * Finds the min-norm element of the convex hull of gradients, given only their Gram matrix: the
 * weights a (a_i >= 0, sum a_i = 1) that minimise {@code |sum_i a_i g_i|^2 = a^T G a}.
 *
 * <p>Two gradients have a closed form. For more, the solver runs Frank-Wolfe on the Gram matrix as
 * Sener and Koltun (2018) do: it starts from the best closed-form solution over all pairs and takes
 * steps with an exact line search until the L1 change of the weights in one iteration falls below
 * the tolerance. Unlike their solver it also takes away steps (Lacoste-Julien and Jaggi, 2015),
 * moving weight off the worst vertex in use: plain Frank-Wolfe crawls when the min-norm element
 * lies on a face of the simplex (some weights zero, the usual case), while with away steps it
 * converges linearly.
 */
final class MinNormSolver {

    /**
     * Below this share of {@code |g_i|^2 + |g_j|^2}, {@code |g_i - g_j|^2} counts as zero: the two
     * gradients are equal up to float32 rounding and every weight is optimal.
     */
    static final double EQUAL_TOLERANCE = 1e-12;

    private final int maxIterations;
    private final double tolerance;

    /**
     * Creates a solver.
     *
     * @param maxIterations the most Frank-Wolfe iterations, at least 1
     * @param tolerance the L1 change of the weights below which Frank-Wolfe stops
     */
    MinNormSolver(int maxIterations, double tolerance) {
        if (maxIterations < 1) {
            throw new IllegalArgumentException("max-iterations must be at least 1");
        }
        if (!(tolerance > 0)) {
            throw new IllegalArgumentException("tolerance must be positive");
        }
        this.maxIterations = maxIterations;
        this.tolerance = tolerance;
    }

    /**
     * The solver's answer.
     *
     * @param weights the weight of each objective, non-negative and summing to 1
     * @param squaredNorm {@code a^T G a}, the squared norm of the min-norm element
     * @param iterations the Frank-Wolfe iterations used (0 for the closed forms)
     * @param converged whether the stopping criterion was met (always true for closed forms)
     */
    record Solution(double[] weights, double squaredNorm, int iterations, boolean converged) {}

    /**
     * Returns the weight of the first of two gradients in their min-norm element.
     *
     * @param ii the squared norm of the first gradient
     * @param jj the squared norm of the second gradient
     * @param ij their dot product
     * @return {@code clamp((jj - ij) / (ii + jj - 2 ij), 0, 1)}, or 1/2 when the two are equal
     */
    static double pairWeight(double ii, double jj, double ij) {
        double denominator = ii + jj - 2 * ij;
        if (!(denominator > EQUAL_TOLERANCE * (ii + jj))) {
            return 0.5;
        }
        return Math.min(1, Math.max(0, (jj - ij) / denominator));
    }

    /**
     * Solves the min-norm problem over a subset of the objectives; the others get weight 0.
     *
     * @param gram the Gram matrix of all objectives
     * @param active the indices of the objectives that take part, at least one
     * @return the solution, with one weight per objective of {@code gram}
     */
    Solution solve(double[][] gram, int[] active) {
        int n = gram.length;
        int k = active.length;
        if (k == 0) {
            throw new IllegalArgumentException("no objective takes part");
        }
        double[] sub = new double[k];
        if (k == 1) {
            sub[0] = 1;
            return expand(gram, active, sub, 0, true, n);
        }
        double[][] g = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                g[i][j] = gram[active[i]][active[j]];
            }
        }
        initialiseFromBestPair(g, sub);
        if (k == 2) {
            return expand(gram, active, sub, 0, true, n);
        }
        double[] product = new double[k];
        double[] direction = new double[k];
        for (int iteration = 1; iteration <= maxIterations; iteration++) {
            double change = step(g, sub, product, direction);
            if (change < tolerance) {
                return expand(gram, active, sub, iteration, true, n);
            }
        }
        return expand(gram, active, sub, maxIterations, false, n);
    }

    /**
     * Takes one Frank-Wolfe step with away steps and exact line search on the weights.
     *
     * <p>The toward vertex has the smallest entry of G a, the away vertex the largest entry among
     * the weights in use. The step goes toward the first or away from the second, whichever
     * promises more decrease; an away step may drop a vertex's weight to exactly zero.
     *
     * @param g the Gram matrix of the objectives that take part
     * @param a the weights, updated in place
     * @param product scratch space for G a
     * @param direction scratch space for the step direction
     * @return the L1 change of the weights
     */
    private static double step(double[][] g, double[] a, double[] product, double[] direction) {
        int k = a.length;
        multiply(g, a, product);
        double current = dot(a, product);
        int toward = 0;
        int away = -1;
        for (int i = 0; i < k; i++) {
            if (product[i] < product[toward]) {
                toward = i;
            }
            if (a[i] > 0 && (away < 0 || product[i] > product[away])) {
                away = i;
            }
        }
        boolean awayStep = product[away] - current > current - product[toward] && a[away] < 1;
        double maxStep;
        for (int i = 0; i < k; i++) {
            direction[i] = awayStep ? a[i] : -a[i];
        }
        if (awayStep) {
            direction[away] -= 1;
            maxStep = a[away] / (1 - a[away]);
        } else {
            direction[toward] += 1;
            maxStep = 1;
        }
        double s = lineSearch(g, a, direction, maxStep);
        double change = 0;
        for (int i = 0; i < k; i++) {
            double next = Math.max(0, a[i] + s * direction[i]);
            if (awayStep && i == away && s == maxStep) {
                next = 0;
            }
            change += Math.abs(next - a[i]);
            a[i] = next;
        }
        return change;
    }

    /** Returns the step s in [0, maxStep] that minimises {@code (a + s d)^T G (a + s d)}. */
    private static double lineSearch(double[][] g, double[] a, double[] d, double maxStep) {
        double ad = 0;
        double dd = 0;
        for (int i = 0; i < a.length; i++) {
            double row = 0;
            for (int j = 0; j < a.length; j++) {
                row += g[i][j] * d[j];
            }
            ad += a[i] * row;
            dd += d[i] * row;
        }
        if (!(dd > 0)) {
            return 0;
        }
        return Math.min(maxStep, Math.max(0, -ad / dd));
    }

    private static void initialiseFromBestPair(double[][] g, double[] out) {
        int k = g.length;
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++) {
                double a = pairWeight(g[i][i], g[j][j], g[i][j]);
                double b = 1 - a;
                double cost = a * a * g[i][i] + b * b * g[j][j] + 2 * a * b * g[i][j];
                if (cost < best) {
                    best = cost;
                    Arrays.fill(out, 0);
                    out[i] = a;
                    out[j] = b;
                }
            }
        }
    }

    private static Solution expand(
            double[][] gram, int[] active, double[] sub, int iterations, boolean converged, int n) {
        double sum = 0;
        for (double w : sub) {
            sum += Math.max(0, w);
        }
        double[] weights = new double[n];
        for (int i = 0; i < active.length; i++) {
            weights[active[i]] = Math.max(0, sub[i]) / sum;
        }
        return new Solution(weights, Gram.quadratic(gram, weights), iterations, converged);
    }

    private static void multiply(double[][] g, double[] a, double[] out) {
        for (int i = 0; i < a.length; i++) {
            double s = 0;
            for (int j = 0; j < a.length; j++) {
                s += g[i][j] * a[j];
            }
            out[i] = s;
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}

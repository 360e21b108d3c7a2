package io.mmbalance.integrators;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import io.mmbalance.api.integrate.GradientIntegrator;
import io.mmbalance.api.integrate.GradientSet;
import io.mmbalance.api.integrate.IntegratedGradient;
import io.mmbalance.api.integrate.IntegrationDiagnostics;
import io.mmbalance.api.integrate.NonFiniteGradientException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The common frame of the integrators: Gram matrices, the non-finite check, diagnostics and the
 * final weighted sum, around a {@link #plan} that each integrator decides from the Gram matrices.
 *
 * <p>Every intermediate array lives in a sub-manager of the first input tensor's manager, which is
 * closed before {@link #integrate} returns; the inputs are attached to it only for the call and
 * then go back to their own managers. The results are attached to the first input tensor's manager.
 */
abstract class GramIntegrator implements GradientIntegrator {

    /**
     * A min-norm element no longer than this share of the longest input gradient counts as zero:
     * the point is Pareto-stationary. The float32 rounding of the inputs alone leaves about 1e-7.
     */
    static final double STATIONARY_TOLERANCE = 1e-6;

    private final String name;

    GramIntegrator(String name) {
        this.name = name;
    }

    /** {@inheritDoc} */
    @Override
    public final String name() {
        return name;
    }

    /** {@inheritDoc} */
    @Override
    public final IntegratedGradient integrate(GradientSet set) {
        NDManager caller = set.gradient(0).get(0).getManager();
        try (NDManager scope = caller.newSubManager()) {
            attachInputs(set, scope);
            Gram gram = Gram.compute(set);
            Inputs inputs = Inputs.of(gram);
            int[] bad = firstNonFinite(gram);
            if (bad != null) {
                if (!set.skipNonFinite()) {
                    throw new NonFiniteGradientException(
                            set.group(), set.objectives().get(bad[0]), bad[1]);
                }
                return skipped(set, inputs, caller);
            }
            Plan plan = plan(gram, inputs);
            List<NDArray> result = combine(set, plan, caller);
            IntegrationDiagnostics diagnostics =
                    new IntegrationDiagnostics(
                            set.group(),
                            plan.weights(),
                            inputs.cosines(),
                            inputs.norms(),
                            Math.sqrt(plan.squaredResultNorm(gram)),
                            plan.scale(),
                            plan.conflict(),
                            plan.stationary(),
                            plan.converged(),
                            plan.iterations(),
                            false);
            return new IntegratedGradient(result, diagnostics);
        }
    }

    /**
     * Decides how to combine the gradients.
     *
     * @param gram the Gram matrices, all finite
     * @param inputs the norms, cosines and non-zero objectives derived from them
     * @return the plan
     */
    abstract Plan plan(Gram gram, Inputs inputs);

    /**
     * Returns whether a pair of non-zero inputs conflicts.
     *
     * @param inputs the inputs
     * @param strict true to count a cosine of exactly 0 as a conflict
     * @return true when some pair's cosine is below 0 (or at most 0 when strict)
     */
    static boolean conflict(Inputs inputs, boolean strict) {
        int[] active = inputs.active();
        double[][] cos = inputs.cosines();
        for (int a = 0; a < active.length; a++) {
            for (int b = a + 1; b < active.length; b++) {
                double c = cos[active[a]][active[b]];
                if (c < 0 || (strict && c == 0)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Returns the weights 1/k on each non-zero input and 0 elsewhere, or 1/n each when every input
     * is zero.
     *
     * @param inputs the inputs
     * @return the equal weights
     */
    static double[] equalWeights(Inputs inputs) {
        int n = inputs.norms().length;
        int[] active = inputs.active();
        double[] weights = new double[n];
        if (active.length == 0) {
            Arrays.fill(weights, 1.0 / n);
        } else {
            for (int i : active) {
                weights[i] = 1.0 / active.length;
            }
        }
        return weights;
    }

    /**
     * Returns whether a min-norm solution is zero up to {@link #STATIONARY_TOLERANCE}.
     *
     * @param solution the solution
     * @param inputs the inputs it was solved for
     * @return true at a Pareto-stationary point
     */
    static boolean stationary(MinNormSolver.Solution solution, Inputs inputs) {
        double limit = STATIONARY_TOLERANCE * inputs.maxNorm();
        return solution.squaredNorm() <= limit * limit;
    }

    /**
     * Returns the same coefficients for every tensor.
     *
     * @param gram the Gram matrices
     * @param c one coefficient per objective
     * @return {@code [tensor][objective]} coefficients
     */
    static double[][] everyTensor(Gram gram, double[] c) {
        double[][] out = new double[gram.tensors()][];
        Arrays.fill(out, c);
        return out;
    }

    private static void attachInputs(GradientSet set, NDManager scope) {
        Set<NDArray> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < set.size(); i++) {
            for (NDArray array : set.gradient(i)) {
                if (seen.add(array)) {
                    array.tempAttach(scope);
                }
            }
        }
    }

    /** Returns {objective, tensor} of the first non-finite input, objective by objective. */
    private static int[] firstNonFinite(Gram gram) {
        for (int i = 0; i < gram.objectives(); i++) {
            if (Double.isFinite(gram.total()[i][i])) {
                continue;
            }
            for (int t = 0; t < gram.tensors(); t++) {
                if (!Double.isFinite(gram.squaredNorm(t, i))) {
                    return new int[] {i, t};
                }
            }
        }
        return null;
    }

    private IntegratedGradient skipped(GradientSet set, Inputs inputs, NDManager caller) {
        int n = set.size();
        List<NDArray> zeros = new ArrayList<>(set.tensorCount());
        for (NDArray like : set.gradient(0)) {
            zeros.add(caller.zeros(like.getShape(), like.getDataType()));
        }
        IntegrationDiagnostics diagnostics =
                new IntegrationDiagnostics(
                        set.group(),
                        new double[n],
                        inputs.cosines(),
                        inputs.norms(),
                        0,
                        1,
                        false,
                        false,
                        true,
                        0,
                        true);
        return new IntegratedGradient(List.copyOf(zeros), diagnostics);
    }

    private static List<NDArray> combine(GradientSet set, Plan plan, NDManager caller) {
        int tensors = set.tensorCount();
        List<NDArray> out = new ArrayList<>(tensors);
        for (int t = 0; t < tensors; t++) {
            NDArray h;
            switch (plan.kind()) {
                case SUM:
                    h = plainSum(set, t);
                    break;
                case WEIGHTED:
                    h = weightedSum(set, t, plan.coefficients()[t]);
                    break;
                default:
                    h = null;
            }
            if (h == null) {
                NDArray like = set.gradient(0).get(t);
                h = caller.zeros(like.getShape(), like.getDataType());
            }
            h.attach(caller);
            out.add(h);
        }
        return List.copyOf(out);
    }

    /** Returns {@code g_1 + ... + g_n} on tensor t, summed in objective order. */
    private static NDArray plainSum(GradientSet set, int t) {
        if (set.size() == 1) {
            return set.gradient(0).get(t).duplicate();
        }
        NDArray h = set.gradient(0).get(t).add(set.gradient(1).get(t));
        for (int i = 2; i < set.size(); i++) {
            h.addi(set.gradient(i).get(t));
        }
        return h;
    }

    /** Returns {@code sum_i c_i g_i} on tensor t in float32, or null when every c_i is 0. */
    private static NDArray weightedSum(GradientSet set, int t, double[] c) {
        NDArray h = null;
        for (int i = 0; i < c.length; i++) {
            if (c[i] == 0) {
                continue;
            }
            NDArray term = set.gradient(i).get(t).mul((float) c[i]);
            if (h == null) {
                h = term;
            } else {
                h.addi(term);
                term.close();
            }
        }
        return h;
    }

    /**
     * What the Gram matrix over the whole group says about the inputs.
     *
     * @param norms the Euclidean norm of each input
     * @param cosines the pairwise cosines, 0 where a norm is 0 or not finite
     * @param active the indices of the inputs with a non-zero norm
     * @param maxNorm the largest norm
     */
    record Inputs(double[] norms, double[][] cosines, int[] active, double maxNorm) {

        static Inputs of(Gram gram) {
            int n = gram.objectives();
            double[][] g = gram.total();
            double[] norms = new double[n];
            int count = 0;
            double max = 0;
            for (int i = 0; i < n; i++) {
                norms[i] = Math.sqrt(g[i][i]);
                if (usable(norms[i])) {
                    count++;
                }
                max = Math.max(max, norms[i]);
            }
            int[] active = new int[count];
            double[][] cosines = new double[n][n];
            for (int i = 0, k = 0; i < n; i++) {
                if (!usable(norms[i])) {
                    continue;
                }
                active[k++] = i;
                for (int j = 0; j < n; j++) {
                    if (usable(norms[j])) {
                        double c = g[i][j] / (norms[i] * norms[j]);
                        cosines[i][j] = Math.max(-1, Math.min(1, c));
                    }
                }
            }
            return new Inputs(norms, cosines, active, max);
        }

        private static boolean usable(double norm) {
            return norm > 0 && Double.isFinite(norm);
        }
    }
}

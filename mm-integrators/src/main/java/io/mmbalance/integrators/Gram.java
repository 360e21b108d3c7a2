package io.mmbalance.integrators;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;

import io.mmbalance.api.integrate.GradientSet;

/**
 * The Gram matrices of the objectives' gradients, one per parameter tensor and their sum, in double
 * precision.
 *
 * <p>Entry (i, j) of the matrix of tensor t is the dot product of objective i's and objective j's
 * gradient on that tensor, accumulated in double precision from the float inputs. Every norm,
 * cosine and dot product of a linear combination of the gradients follows from these matrices:
 * {@code |sum_i c_i g_i|^2 = c^T G c}.
 */
final class Gram {

    private final int objectives;
    private final double[][][] perTensor;
    private final double[][] total;

    private Gram(double[][][] perTensor, int objectives) {
        this.objectives = objectives;
        this.perTensor = perTensor;
        this.total = new double[objectives][objectives];
        for (double[][] g : perTensor) {
            for (int i = 0; i < objectives; i++) {
                for (int j = 0; j < objectives; j++) {
                    total[i][j] += g[i][j];
                }
            }
        }
    }

    /**
     * Computes the Gram matrices of a gradient set with engine operations.
     *
     * <p>For each tensor, each objective's flattened gradient is converted to double precision
     * once, and every pair's dot product is taken on the engine; the n(n+1)/2 scalars of all
     * tensors are stacked and copied to the Java heap in one transfer. (Dot products of vectors
     * measured about twice as fast as one n-by-size matrix product X X^T on the CPU, whose shape
     * suits matrix kernels badly.) The inputs must already be attached, for the call, to a manager
     * that owns every intermediate, so that closing it frees whatever is left.
     *
     * @param set the gradients
     * @return the Gram matrices
     */
    static Gram compute(GradientSet set) {
        int n = set.size();
        int tensors = set.tensorCount();
        NDList entries = new NDList(tensors * n * (n + 1) / 2);
        NDArray[] wide = new NDArray[n];
        for (int t = 0; t < tensors; t++) {
            for (int i = 0; i < n; i++) {
                NDArray flat = set.gradient(i).get(t).reshape(-1);
                wide[i] = flat.toType(DataType.FLOAT64, false);
                if (wide[i] != flat) {
                    flat.close();
                }
            }
            for (int i = 0; i < n; i++) {
                for (int j = i; j < n; j++) {
                    entries.add(wide[i].dot(wide[j]));
                }
            }
            for (NDArray w : wide) {
                w.close();
            }
        }
        double[] flat;
        try (NDArray all = NDArrays.stack(entries)) {
            flat = all.toDoubleArray();
        }
        entries.close();
        double[][][] perTensor = new double[tensors][n][n];
        int k = 0;
        for (int t = 0; t < tensors; t++) {
            for (int i = 0; i < n; i++) {
                for (int j = i; j < n; j++) {
                    perTensor[t][i][j] = flat[k];
                    perTensor[t][j][i] = flat[k];
                    k++;
                }
            }
        }
        return new Gram(perTensor, n);
    }

    /**
     * Builds the matrices from explicit per-tensor values, for tests and solvers.
     *
     * @param perTensor the Gram matrix of each tensor, each n by n
     * @return the Gram matrices
     */
    static Gram of(double[][][] perTensor) {
        int n = perTensor.length == 0 ? 0 : perTensor[0].length;
        double[][][] copy = new double[perTensor.length][][];
        for (int t = 0; t < perTensor.length; t++) {
            copy[t] = new double[n][];
            for (int i = 0; i < n; i++) {
                copy[t][i] = perTensor[t][i].clone();
            }
        }
        return new Gram(copy, n);
    }

    /**
     * Returns the number of objectives.
     *
     * @return n
     */
    int objectives() {
        return objectives;
    }

    /**
     * Returns the number of tensors.
     *
     * @return the tensor count
     */
    int tensors() {
        return perTensor.length;
    }

    /**
     * Returns the Gram matrix over the whole group; callers must not modify it.
     *
     * @return the n-by-n matrix
     */
    double[][] total() {
        return total;
    }

    /**
     * Returns the squared norm of objective i's gradient on tensor t.
     *
     * @param t the tensor index
     * @param i the objective index
     * @return the squared norm
     */
    double squaredNorm(int t, int i) {
        return perTensor[t][i][i];
    }

    /**
     * Returns {@code c^T G c} over the whole group: the squared norm of {@code sum_i c_i g_i}.
     *
     * @param c one coefficient per objective
     * @return the squared norm, never negative
     */
    double quadratic(double[] c) {
        return quadratic(total, c);
    }

    /**
     * Returns {@code c^T G_t c}: the squared norm of {@code sum_i c_i g_i} on tensor t.
     *
     * @param t the tensor index
     * @param c one coefficient per objective
     * @return the squared norm, never negative
     */
    double quadratic(int t, double[] c) {
        return quadratic(perTensor[t], c);
    }

    /**
     * Returns {@code c^T g c} for a symmetric positive semi-definite matrix, clamped at zero
     * against rounding.
     *
     * @param g the matrix
     * @param c the vector
     * @return the quadratic form, at least 0
     */
    static double quadratic(double[][] g, double[] c) {
        double sum = 0;
        for (int i = 0; i < c.length; i++) {
            if (c[i] == 0) {
                continue;
            }
            double row = 0;
            for (int j = 0; j < c.length; j++) {
                row += g[i][j] * c[j];
            }
            sum += c[i] * row;
        }
        return Math.max(0, sum);
    }
}

package io.mmbalance.core.onnx;

import java.util.Locale;
import java.util.Map;

/**
 * How closely ONNX Runtime reproduced the framework's own inference-mode forward pass.
 *
 * @param samples the number of samples compared
 * @param batchSize the batch size both ran at
 * @param maxAbsDiff the largest absolute difference of a logit, by output name, in output order
 * @param sameClass the number of samples whose predicted class agreed, by output name
 */
public record ParityReport(
        int samples,
        int batchSize,
        Map<String, Double> maxAbsDiff,
        Map<String, Integer> sameClass) {

    /** The largest absolute logit difference an export accepts. */
    public static final double TOLERANCE = 1e-4;

    /**
     * Returns the largest difference over all outputs.
     *
     * @return the maximum absolute difference
     */
    public double worst() {
        return maxAbsDiff.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    /**
     * Checks every output against a tolerance.
     *
     * @param tolerance the largest absolute difference allowed
     * @return this report
     * @throws ParityException when an output differs by more; the message names the first such
     *     output and its difference
     */
    public ParityReport requireWithin(double tolerance) {
        for (Map.Entry<String, Double> e : maxAbsDiff.entrySet()) {
            if (!(e.getValue() <= tolerance)) {
                throw new ParityException(
                        e.getKey(),
                        String.format(
                                Locale.ROOT,
                                "output '%s' of the ONNX model differs from the framework's"
                                        + " forward pass by up to %.3g on %d samples at batch size"
                                        + " %d, more than the tolerance %.1g",
                                e.getKey(),
                                e.getValue(),
                                samples,
                                batchSize,
                                tolerance));
            }
        }
        return this;
    }

    /**
     * Returns one line per output: the maximum difference and the class agreement.
     *
     * @return the summary
     */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Double> e : maxAbsDiff.entrySet()) {
            sb.append(
                    String.format(
                            Locale.ROOT,
                            "%s: max |onnx - djl| = %.3g, same class %d/%d (batch %d)%n",
                            e.getKey(),
                            e.getValue(),
                            sameClass.get(e.getKey()),
                            samples,
                            batchSize));
        }
        return sb.toString();
    }
}

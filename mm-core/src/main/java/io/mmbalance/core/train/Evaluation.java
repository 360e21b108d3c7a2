package io.mmbalance.core.train;

/**
 * Accuracy and macro-F1 of one head over a whole split, counted over samples.
 *
 * @param accuracy the share of samples whose predicted class is the label
 * @param macroF1 the mean over classes of 2TP / (2TP + FP + FN), over the classes that occur as
 *     a label or a prediction
 * @param confusion the confusion matrix, {@code [label][prediction]}
 */
public record Evaluation(double accuracy, double macroF1, long[][] confusion) {

    /**
     * Computes the metrics from a confusion matrix.
     *
     * @param confusion counts indexed {@code [label][prediction]}
     * @return the evaluation
     */
    public static Evaluation of(long[][] confusion) {
        int k = confusion.length;
        long total = 0;
        long correct = 0;
        double f1Sum = 0;
        int present = 0;
        for (int c = 0; c < k; c++) {
            long tp = confusion[c][c];
            long fn = 0;
            long fp = 0;
            for (int j = 0; j < k; j++) {
                total += confusion[c][j];
                if (j != c) {
                    fn += confusion[c][j];
                    fp += confusion[j][c];
                }
            }
            correct += tp;
            if (tp + fn + fp > 0) {
                f1Sum += 2.0 * tp / (2.0 * tp + fp + fn);
                present++;
            }
        }
        double accuracy = total == 0 ? 0 : (double) correct / total;
        return new Evaluation(accuracy, present == 0 ? 0 : f1Sum / present, confusion);
    }
}

package io.mmbalance.core.onnx;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import io.mmbalance.api.data.ModalitySpec;
import io.mmbalance.api.data.MultimodalDataset;
import io.mmbalance.core.model.MultimodalModel;
import io.mmbalance.core.train.Batches;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the same samples through the framework's model (its engine, inference mode) and through ONNX
 * Runtime, and measures how far each output's logits differ.
 */
public final class ParityCheck {

    private ParityCheck() {}

    /**
     * Compares the two on the first samples of a dataset.
     *
     * @param model the framework's model
     * @param onnx the exported model, loaded
     * @param data the samples; its modalities must be the model's
     * @param count how many samples to compare, from the first; at most the dataset's size
     * @param batchSize the batch size both run at
     * @param manager a manager for the framework's temporaries, closed batch by batch
     * @return the differences per output
     */
    public static ParityReport compare(
            MultimodalModel model,
            OnnxRuntimeModel onnx,
            MultimodalDataset data,
            int count,
            int batchSize,
            NDManager manager) {
        if (count < 1 || count > data.size() || batchSize < 1) {
            throw new IllegalArgumentException(
                    "cannot compare "
                            + count
                            + " samples of "
                            + data.size()
                            + " at batch size "
                            + batchSize);
        }
        List<ModalitySpec> modalities = model.modalities();
        List<OnnxModelInfo.Output> outputs = onnx.info().outputs();
        int classes = model.classes().size();
        double[] worst = new double[outputs.size()];
        int[] same = new int[outputs.size()];
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        Batches batches = new Batches(data, batchSize);
        ParameterStore store = new ParameterStore(manager, false);
        for (int from = 0; from < count; from += batchSize) {
            int n = Math.min(batchSize, count - from);
            try (NDManager batch = manager.newSubManager()) {
                NDList inputs = batches.inputs(batch, order, from, n);
                NDList expected = model.forward(store, inputs, false);
                Map<String, float[]> feed = new LinkedHashMap<>();
                for (int m = 0; m < modalities.size(); m++) {
                    feed.put(modalities.get(m).name(), inputs.get(m).toFloatArray());
                }
                Map<String, float[]> actual = onnx.run(feed, n);
                for (int o = 0; o < outputs.size(); o++) {
                    NDArray e = expected.get(o);
                    float[] want = e.toFloatArray();
                    float[] got = actual.get(outputs.get(o).name());
                    if (got.length != want.length) {
                        throw new ParityException(
                                outputs.get(o).name(),
                                "output '"
                                        + outputs.get(o).name()
                                        + "' has "
                                        + got.length
                                        + " values in ONNX Runtime and "
                                        + want.length
                                        + " in the framework");
                    }
                    for (int i = 0; i < want.length; i++) {
                        double d = Math.abs((double) got[i] - want[i]);
                        worst[o] = Double.isNaN(d) ? Double.NaN : Math.max(worst[o], d);
                    }
                    for (int s = 0; s < n; s++) {
                        if (argMax(got, s * classes, classes)
                                == argMax(want, s * classes, classes)) {
                            same[o]++;
                        }
                    }
                }
            }
        }
        Map<String, Double> diff = new LinkedHashMap<>();
        Map<String, Integer> agree = new LinkedHashMap<>();
        for (int o = 0; o < outputs.size(); o++) {
            diff.put(outputs.get(o).name(), worst[o]);
            agree.put(outputs.get(o).name(), same[o]);
        }
        return new ParityReport(count, batchSize, diff, agree);
    }

    /**
     * Returns the index of the largest of {@code length} values from {@code offset}; the first on
     * ties.
     *
     * @param values the values
     * @param offset the first index
     * @param length how many values
     * @return the index of the largest, from 0
     */
    public static int argMax(float[] values, int offset, int length) {
        int best = 0;
        for (int i = 1; i < length; i++) {
            if (values[offset + i] > values[offset + best]) {
                best = i;
            }
        }
        return best;
    }
}

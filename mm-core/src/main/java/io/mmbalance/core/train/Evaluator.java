package io.mmbalance.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import io.mmbalance.api.data.MultimodalDataset;
import io.mmbalance.core.model.MultimodalModel;
import io.mmbalance.core.model.Objective;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Evaluates every head of a model on a split, in inference mode. */
public final class Evaluator {

    private Evaluator() {}

    /**
     * Evaluates each objective's head on every sample of a split.
     *
     * @param model the model
     * @param data the split
     * @param manager a parent manager; temporaries are closed batch by batch
     * @param batchSize the batch size
     * @return the evaluation of each objective, by name, in objective order
     */
    public static Map<String, Evaluation> evaluate(
            MultimodalModel model, MultimodalDataset data, NDManager manager, int batchSize) {
        List<Objective> objectives = model.objectives();
        int k = model.classes().size();
        long[][][] confusion = new long[objectives.size()][k][k];
        Batches batches = new Batches(data, batchSize);
        int[] order = new int[data.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        ParameterStore store = new ParameterStore(manager, false);
        for (int from = 0; from < order.length; from += batchSize) {
            int count = Math.min(batchSize, order.length - from);
            try (NDManager batch = manager.newSubManager()) {
                NDList inputs = batches.inputs(batch, order, from, count);
                NDList outputs = model.forward(store, inputs, false);
                for (int o = 0; o < objectives.size(); o++) {
                    NDArray predicted = outputs.get(o).argMax(1);
                    long[] pred = predicted.toType(ai.djl.ndarray.types.DataType.INT64, false)
                            .toLongArray();
                    int task = objectives.get(o).task();
                    for (int i = 0; i < count; i++) {
                        confusion[o][data.label(order[from + i], task)][(int) pred[i]]++;
                    }
                }
            }
        }
        Map<String, Evaluation> result = new LinkedHashMap<>();
        for (int o = 0; o < objectives.size(); o++) {
            result.put(objectives.get(o).name(), Evaluation.of(confusion[o]));
        }
        return result;
    }
}

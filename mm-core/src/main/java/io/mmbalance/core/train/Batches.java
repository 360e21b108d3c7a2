package io.mmbalance.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.mmbalance.api.data.ModalitySpec;
import io.mmbalance.api.data.MultimodalDataset;
import java.util.List;
import java.util.Random;

/** Builds batches of a dataset as arrays: one per modality, one label array per task. */
public final class Batches {

    private final MultimodalDataset data;
    private final float[][] buffers;

    /**
     * Creates a batch builder.
     *
     * @param data the dataset
     * @param maxBatch the largest batch that will be asked for
     */
    public Batches(MultimodalDataset data, int maxBatch) {
        this.data = data;
        List<ModalitySpec> mods = data.modalities();
        this.buffers = new float[mods.size()][];
        for (int m = 0; m < mods.size(); m++) {
            buffers[m] = new float[maxBatch * mods.get(m).sampleSize()];
        }
    }

    /**
     * Returns the sample indices 0..n-1 shuffled with a seed.
     *
     * @param n the number of samples
     * @param seed the seed
     * @return the permutation
     */
    public static int[] shuffled(int n, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Random random = new Random(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /**
     * Returns the inputs of a batch, one array per modality.
     *
     * @param manager the manager that will own the arrays
     * @param order the sample order
     * @param from the first position in {@code order}
     * @param count the batch size
     * @return the inputs
     */
    public NDList inputs(NDManager manager, int[] order, int from, int count) {
        NDList list = new NDList();
        List<ModalitySpec> mods = data.modalities();
        for (int m = 0; m < mods.size(); m++) {
            int size = mods.get(m).sampleSize();
            float[] buf = buffers[m];
            for (int i = 0; i < count; i++) {
                data.copySample(m, order[from + i], buf, i * size);
            }
            NDArray a =
                    manager.create(
                            java.nio.FloatBuffer.wrap(buf, 0, count * size),
                            new Shape(count).addAll(mods.get(m).shape()));
            a.setName(mods.get(m).name());
            list.add(a);
        }
        return list;
    }

    /**
     * Returns the labels of a batch for every task, as int64 arrays.
     *
     * @param manager the manager that will own the arrays
     * @param order the sample order
     * @param from the first position
     * @param count the batch size
     * @return one label array per task
     */
    public NDList labels(NDManager manager, int[] order, int from, int count) {
        NDList list = new NDList();
        for (int t = 0; t < data.tasks().size(); t++) {
            long[] labels = new long[count];
            for (int i = 0; i < count; i++) {
                labels[i] = data.label(order[from + i], t);
            }
            list.add(manager.create(labels));
        }
        return list;
    }
}

package io.mmbalance.api.data;

import java.util.List;
import java.util.Map;

/**
 * A split of labelled samples, each with one value array per modality and one label per task.
 *
 * <p>Most datasets have one task (the class label); multi-task datasets such as MultiMNIST have
 * several, all over the same classes.
 */
public interface MultimodalDataset {

    /**
     * Returns the modalities, in the order that encoders and model inputs follow.
     *
     * @return the modalities
     */
    List<ModalitySpec> modalities();

    /**
     * Returns the class names; the label of a sample is an index into this list.
     *
     * @return the class names
     */
    List<String> classes();

    /**
     * Returns the task names; a single-task dataset has one task, "label".
     *
     * @return the task names
     */
    default List<String> tasks() {
        return List.of("label");
    }

    /**
     * Returns the number of samples.
     *
     * @return the number of samples
     */
    int size();

    /**
     * Returns the label of a sample for a task.
     *
     * @param index the sample index
     * @param task the task index
     * @return the class index
     */
    int label(int index, int task);

    /**
     * Copies one sample's values of one modality, in row-major order of its shape.
     *
     * @param modality the modality index
     * @param index the sample index
     * @param dest the destination
     * @param offset where in {@code dest} to start writing
     */
    void copySample(int modality, int index, float[] dest, int offset);

    /**
     * Returns how the data were made (files, seeds, parameters), recorded with each run.
     *
     * @return the recipe as plain values
     */
    Map<String, Object> recipe();
}

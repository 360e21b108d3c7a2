package io.mmbalance.api.data;

import ai.djl.ndarray.types.Shape;

/**
 * One modality of a dataset.
 *
 * @param name the modality's name, for example "gray" or "audio"; it names the encoder and the
 *     exported model's input
 * @param shape the shape of one sample, without the batch dimension
 */
public record ModalitySpec(String name, Shape shape) {

    /**
     * Returns the number of values in one sample.
     *
     * @return the product of the shape's dimensions
     */
    public int sampleSize() {
        return Math.toIntExact(shape.size());
    }
}

package io.mmbalance.api.model;

import ai.djl.nn.Block;
import ai.djl.ndarray.types.Shape;
import com.typesafe.config.Config;
import io.mmbalance.api.NamedProvider;

/**
 * Builds an encoder: a block that maps one modality's batch {@code (N, ...inputShape)} to
 * features {@code (N, outputSize)}.
 */
public interface EncoderProvider extends NamedProvider {

    /**
     * Returns the documented defaults of this encoder's configuration section.
     *
     * @return the defaults, possibly empty
     */
    Config defaults();

    /**
     * Creates an uninitialised encoder block.
     *
     * @param config the encoder section, merged over {@link #defaults()}
     * @param inputShape the shape of one sample, without the batch dimension
     * @return the block
     * @throws IllegalArgumentException when the input shape does not suit this encoder; the
     *     message names the shape and what is expected
     */
    Block create(Config config, Shape inputShape);

    /**
     * Returns the feature size the encoder produces for one sample.
     *
     * @param config the encoder section, merged over {@link #defaults()}
     * @param inputShape the shape of one sample, without the batch dimension
     * @return the feature size
     */
    long outputSize(Config config, Shape inputShape);
}

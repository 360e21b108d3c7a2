package io.mmbalance.api.model;

import ai.djl.nn.Block;
import com.typesafe.config.Config;
import io.mmbalance.api.NamedProvider;
import java.util.List;

/**
 * Builds a multimodal head: a block that takes one feature batch per modality, in modality
 * order, and returns the class logits {@code (N, classes)}.
 */
public interface FusionProvider extends NamedProvider {

    /**
     * Returns the documented defaults of this fusion head's configuration section.
     *
     * @return the defaults, possibly empty
     */
    Config defaults();

    /**
     * Creates an uninitialised fusion head.
     *
     * @param config the fusion section, merged over {@link #defaults()}
     * @param featureSizes the feature size of each modality, in modality order
     * @param classes the number of classes
     * @return the block; its forward takes an {@code NDList} of the features
     */
    Block create(Config config, List<Long> featureSizes, int classes);
}

package io.mmbalance.encoders;

import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import com.typesafe.config.Config;
import io.mmbalance.api.model.FusionProvider;
import io.mmbalance.api.model.layers.Concat;
import io.mmbalance.api.model.layers.Relu;
import java.util.List;

/** Late fusion by concatenating the modality features, then a linear classifier. */
public final class ConcatFusionProvider implements FusionProvider {

    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public ConcatFusionProvider() {}

    @Override
    public String name() {
        return "concat";
    }

    @Override
    public String description() {
        return "concatenate features, then linear (optionally one hidden layer)";
    }

    @Override
    public Config defaults() {
        return Defaults.of("mm.fusions.concat");
    }

    @Override
    public Block create(Config config, List<Long> featureSizes, int classes) {
        SequentialBlock block = new SequentialBlock().add(new Concat(1));
        int hidden = config.getInt("hidden");
        if (hidden > 0) {
            block.add(Linear.builder().setUnits(hidden).build()).add(new Relu());
        }
        block.add(Linear.builder().setUnits(classes).build());
        return block;
    }
}

package io.mmbalance.encoders;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import com.typesafe.config.Config;
import io.mmbalance.api.export.OnnxExportable;
import io.mmbalance.api.export.OnnxGraph;
import io.mmbalance.api.model.FusionProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Late fusion by one linear classifier per modality whose logits are summed. */
public final class SumFusionProvider implements FusionProvider {

    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public SumFusionProvider() {}

    @Override
    public String name() {
        return "sum";
    }

    @Override
    public String description() {
        return "one linear classifier per modality, logits summed";
    }

    @Override
    public Config defaults() {
        return Defaults.of("mm.fusions.sum");
    }

    @Override
    public Block create(Config config, List<Long> featureSizes, int classes) {
        return new SumHead(featureSizes.size(), classes);
    }

    /** Sums per-modality linear classifiers. */
    static final class SumHead extends AbstractBlock implements OnnxExportable {
        private final List<Block> heads = new ArrayList<>();
        private final int classes;

        SumHead(int modalities, int classes) {
            this.classes = classes;
            for (int i = 0; i < modalities; i++) {
                heads.add(addChildBlock("fc" + i, Linear.builder().setUnits(classes).build()));
            }
        }

        @Override
        protected NDList forwardInternal(
                ParameterStore store,
                NDList inputs,
                boolean training,
                PairList<String, Object> params) {
            NDArray sum = null;
            for (int i = 0; i < heads.size(); i++) {
                NDArray out =
                        heads.get(i).forward(store, new NDList(inputs.get(i)), training).head();
                sum = sum == null ? out : sum.add(out);
            }
            return new NDList(sum);
        }

        @Override
        public List<String> exportOnnx(OnnxGraph graph, List<String> inputs) {
            String sum = null;
            for (int i = 0; i < heads.size(); i++) {
                String out = graph.exportChild(heads.get(i), List.of(inputs.get(i))).get(0);
                if (sum == null) {
                    sum = out;
                } else {
                    sum = graph.addNode("Add", List.of(sum, out), 1, Map.of()).get(0);
                }
            }
            return List.of(sum);
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            return new Shape[] {new Shape(inputShapes[0].get(0), classes)};
        }

        @Override
        protected void initializeChildBlocks(
                ai.djl.ndarray.NDManager manager, DataType dataType, Shape... inputShapes) {
            for (int i = 0; i < heads.size(); i++) {
                heads.get(i).initialize(manager, dataType, inputShapes[i]);
            }
        }
    }
}

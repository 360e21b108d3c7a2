package io.mmbalance.encoders;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import com.typesafe.config.Config;
import io.mmbalance.api.export.OnnxExportable;
import io.mmbalance.api.export.OnnxGraph;
import io.mmbalance.api.model.FusionProvider;
import java.util.List;
import java.util.Map;

/**
 * Gated fusion of two modalities: one modality's features, through a linear layer and a sigmoid,
 * gate the other's linear projection, and a linear classifier reads the product.
 *
 * <p>With x the first modality and y the second in modality order, {@code logits =
 * fc_out(sigmoid(fc_x(x)) * fc_y(y))} when {@code x-gate = true}, and {@code fc_out(fc_x(x) *
 * sigmoid(fc_y(y)))} otherwise; {@code fc_x} and {@code fc_y} map to {@code hidden} units. The head
 * fuses exactly two modalities; with any other count {@link #create} throws.
 */
public final class GatedFusionProvider implements FusionProvider {

    private static final String OWNER = "fusion 'gated'";

    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public GatedFusionProvider() {}

    @Override
    public String name() {
        return "gated";
    }

    @Override
    public String description() {
        return "one modality's sigmoid gate scales the other's projection, then linear"
                + " (2 modalities)";
    }

    @Override
    public Config defaults() {
        return Defaults.of("mm.fusions.gated");
    }

    @Override
    public Block create(Config config, List<Long> featureSizes, int classes) {
        Checks.requireTwo(featureSizes, OWNER);
        return new GatedHead(
                Checks.atLeast(config, "hidden", 1, OWNER), config.getBoolean("x-gate"), classes);
    }

    /** Gates one modality's projection by the sigmoid of the other's. */
    static final class GatedHead extends AbstractBlock implements OnnxExportable {
        private final Linear fcX;
        private final Linear fcY;
        private final Linear fcOut;
        private final int hidden;
        private final boolean xGate;
        private final int classes;

        GatedHead(int hidden, boolean xGate, int classes) {
            this.hidden = hidden;
            this.xGate = xGate;
            this.classes = classes;
            fcX = addChildBlock("fc-x", Linear.builder().setUnits(hidden).build());
            fcY = addChildBlock("fc-y", Linear.builder().setUnits(hidden).build());
            fcOut = addChildBlock("fc-out", Linear.builder().setUnits(classes).build());
        }

        @Override
        protected NDList forwardInternal(
                ParameterStore store,
                NDList inputs,
                boolean training,
                PairList<String, Object> params) {
            Checks.requireTwo(inputs, OWNER);
            NDArray x = Layers.apply(fcX, store, inputs.get(0), training);
            NDArray y = Layers.apply(fcY, store, inputs.get(1), training);
            NDArray fused = xGate ? Activation.sigmoid(x).mul(y) : x.mul(Activation.sigmoid(y));
            return new NDList(Layers.apply(fcOut, store, fused, training));
        }

        @Override
        public List<String> exportOnnx(OnnxGraph graph, List<String> inputs) {
            String x = Layers.export(graph, fcX, inputs.get(0));
            String y = Layers.export(graph, fcY, inputs.get(1));
            String fused =
                    xGate
                            ? Layers.node(graph, "Mul", Map.of(), sigmoid(graph, x), y)
                            : Layers.node(graph, "Mul", Map.of(), x, sigmoid(graph, y));
            return List.of(Layers.export(graph, fcOut, fused));
        }

        private static String sigmoid(OnnxGraph graph, String x) {
            return Layers.node(graph, "Sigmoid", Map.of(), x);
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            return new Shape[] {new Shape(inputShapes[0].get(0), classes)};
        }

        @Override
        protected void initializeChildBlocks(
                NDManager manager, DataType dataType, Shape... inputShapes) {
            fcX.initialize(manager, dataType, inputShapes[0]);
            fcY.initialize(manager, dataType, inputShapes[1]);
            fcOut.initialize(manager, dataType, new Shape(inputShapes[0].get(0), hidden));
        }
    }
}

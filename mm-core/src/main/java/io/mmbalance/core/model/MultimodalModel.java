package io.mmbalance.core.model;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.mmbalance.api.data.ModalitySpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Encoders, one per parameter group, and heads, one per objective.
 *
 * <p>As a block, its forward takes one batch per modality, in modality order, and returns each
 * objective's logits in objective order.
 */
public final class MultimodalModel extends AbstractBlock {

    private static final byte VERSION = 1;

    private final List<ModalitySpec> modalities;
    private final List<String> classes;
    private final List<EncoderGroup> encoders;
    private final List<Objective> objectives;

    /**
     * Creates the model from its parts; blocks are registered as children in a fixed order.
     *
     * @param modalities the input modalities
     * @param classes the class names
     * @param encoders the encoder groups
     * @param objectives the objectives
     */
    public MultimodalModel(
            List<ModalitySpec> modalities,
            List<String> classes,
            List<EncoderGroup> encoders,
            List<Objective> objectives) {
        super(VERSION);
        this.modalities = List.copyOf(modalities);
        this.classes = List.copyOf(classes);
        this.encoders = List.copyOf(encoders);
        this.objectives = List.copyOf(objectives);
        for (EncoderGroup e : encoders) {
            addChildBlock("encoder-" + e.name(), e.block());
        }
        for (Objective o : objectives) {
            addChildBlock("head-" + o.name().replace('/', '-'), o.head());
        }
    }

    /**
     * Returns the input modalities.
     *
     * @return the modalities
     */
    public List<ModalitySpec> modalities() {
        return modalities;
    }

    /**
     * Returns the class names.
     *
     * @return the class names
     */
    public List<String> classes() {
        return classes;
    }

    /**
     * Returns the encoder groups.
     *
     * @return the encoders
     */
    public List<EncoderGroup> encoders() {
        return encoders;
    }

    /**
     * Returns the objectives.
     *
     * @return the objectives
     */
    public List<Objective> objectives() {
        return objectives;
    }

    /**
     * Initialises every parameter for the model's input shapes.
     *
     * @param manager the manager that owns the parameters
     */
    public void initialize(NDManager manager) {
        Shape[] shapes = new Shape[modalities.size()];
        for (int i = 0; i < shapes.length; i++) {
            shapes[i] = new Shape(1).addAll(modalities.get(i).shape());
        }
        initialize(manager, DataType.FLOAT32, shapes);
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        List<ai.djl.ndarray.NDArray> features = new ArrayList<>();
        for (EncoderGroup e : encoders) {
            features.add(
                    e.block().forward(store, new NDList(inputs.get(e.modality())), training).head());
        }
        NDList out = new NDList();
        for (Objective o : objectives) {
            NDList in = new NDList();
            for (int i : o.encoders()) {
                in.add(features.get(i));
            }
            out.add(o.head().forward(store, in, training).head());
        }
        return out;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputs) {
        for (EncoderGroup e : encoders) {
            e.block().initialize(manager, dataType, inputs[e.modality()]);
        }
        for (Objective o : objectives) {
            Shape[] in = new Shape[o.encoders().size()];
            for (int i = 0; i < in.length; i++) {
                in[i] = new Shape(1, encoders.get(o.encoders().get(i)).features());
            }
            o.head().initialize(manager, dataType, in);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape[] out = new Shape[objectives.size()];
        long batch = inputShapes[0].get(0);
        for (int i = 0; i < out.length; i++) {
            out[i] = new Shape(batch, classes.size());
        }
        return out;
    }
}

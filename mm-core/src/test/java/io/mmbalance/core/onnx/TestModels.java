package io.mmbalance.core.onnx;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import com.typesafe.config.ConfigFactory;
import io.mmbalance.api.data.ModalitySpec;
import io.mmbalance.core.Plugins;
import io.mmbalance.core.model.ModelFactory;
import io.mmbalance.core.model.MultimodalModel;
import io.mmbalance.core.train.Batches;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/** Builds models from the installed plugins with random weights and batch-norm statistics. */
final class TestModels {

    static final List<String> CLASSES = List.of("a", "b", "c", "d", "e");

    private static final Plugins PLUGINS = Plugins.load(null);

    private TestModels() {}

    /**
     * Builds and initialises a model from a {@code model} section, gives every batch norm a random
     * scale and shift, then sets its running statistics by forward passes in training mode on
     * random inputs, as training would; the statistics end far from their initial 0 and 1.
     */
    static MultimodalModel build(
            String modelSection,
            List<ModalitySpec> modalities,
            List<String> tasks,
            NDManager manager,
            long seed) {
        ModelFactory factory = new ModelFactory(PLUGINS.encoders(), PLUGINS.fusions());
        Engine.getInstance().setRandomSeed((int) seed);
        MultimodalModel model =
                factory.create(
                        ConfigFactory.parseString(modelSection), modalities, CLASSES, tasks, true);
        model.initialize(manager);
        perturbBatchNorms(model, seed);
        RandomInputs data = new RandomInputs(modalities, CLASSES, 16, seed);
        int[] order = new int[16];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Batches batches = new Batches(data, 16);
        ParameterStore store = new ParameterStore(manager, false);
        for (int pass = 0; pass < 20; pass++) {
            try (NDManager sub = manager.newSubManager()) {
                NDList inputs = batches.inputs(sub, order, 0, 16);
                for (NDArray input : inputs) {
                    input.muli(1 + pass % 3).addi(0.1f * pass);
                }
                model.forward(store, inputs, true);
            }
        }
        return model;
    }

    /** Sets gamma in [0.5, 1.5], beta ~ N(0, 0.2), running mean ~ N(0, 0.5), var in [0.3, 2]. */
    static void perturbBatchNorms(MultimodalModel model, long seed) {
        Random random = new Random(seed);
        for (Pair<String, Parameter> p : model.getParameters()) {
            String name = p.getKey();
            NDArray array = p.getValue().getArray();
            float[] values = new float[Math.toIntExact(array.size())];
            for (int i = 0; i < values.length; i++) {
                if (name.endsWith("gamma")) {
                    values[i] = 0.5f + random.nextFloat();
                } else if (name.endsWith("beta")) {
                    values[i] = 0.2f * (float) random.nextGaussian();
                } else if (name.endsWith("runningMean")) {
                    values[i] = 0.5f * (float) random.nextGaussian();
                } else if (name.endsWith("runningVar")) {
                    values[i] = 0.3f + 1.7f * random.nextFloat();
                } else {
                    values = null;
                    break;
                }
            }
            if (values != null) {
                array.set(FloatBuffer.wrap(values));
            }
        }
    }

    /** Exports a model into a folder and loads it into ONNX Runtime. */
    static OnnxRuntimeModel exportAndLoad(MultimodalModel model, Path dir, String name)
            throws IOException, ai.djl.MalformedModelException {
        Path file = dir.resolve(name + ".onnx");
        OnnxExporter.write(model, OnnxModelInfo.of(model, "", ""), file);
        return OnnxRuntimeModel.load(file, 1);
    }
}

package io.mmbalance.core.onnx;

import ai.djl.ndarray.types.Shape;
import io.mmbalance.api.data.ModalitySpec;
import io.mmbalance.core.model.EncoderGroup;
import io.mmbalance.core.model.MultimodalModel;
import io.mmbalance.core.model.Objective;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Translates a {@link MultimodalModel} into an ONNX model of its inference-mode forward pass: batch
 * normalisation with running statistics, no dropout.
 *
 * <p>The graph has one float32 input per modality, named after the modality, of shape {@code
 * (batch, sample shape...)} with the symbolic batch dimension "batch"; and one float32 output per
 * objective, the objective's logits of shape {@code (batch, classes)}, named by {@link
 * OnnxModelInfo#outputName}. The model's {@code metadata_props} hold an {@link OnnxModelInfo}. The
 * file is written in protobuf wire format with protobuf-java, from the field numbers of the public
 * ONNX specification; opset {@value #OPSET} of the default domain, IR version {@value #IR_VERSION}.
 */
public final class OnnxExporter {

    /** The version of the default ONNX operator set the graph uses. */
    public static final int OPSET = 17;

    /** The ONNX IR version that goes with {@link #OPSET}. */
    public static final long IR_VERSION = 8;

    private OnnxExporter() {}

    /**
     * Translates a model with initialised parameters.
     *
     * @param model the model
     * @param info what to record in the metadata, see {@link OnnxModelInfo#of}
     * @return the ONNX model in protobuf wire format
     * @throws UnsupportedBlockException when a block has no translation; the message names it
     */
    public static byte[] export(MultimodalModel model, OnnxModelInfo info) {
        return translate(model, info).bytes();
    }

    /**
     * Translates a model and writes it to a file, atomically.
     *
     * @param model the model
     * @param info what to record in the metadata
     * @param file the destination
     * @return the operators the graph uses, sorted
     * @throws IOException when the file cannot be written
     * @throws UnsupportedBlockException when a block has no translation; the message names it
     */
    public static Set<String> write(MultimodalModel model, OnnxModelInfo info, Path file)
            throws IOException {
        Translation t = translate(model, info);
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            Files.write(tmp, t.bytes());
            Files.move(
                    tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return t.operators();
    }

    /** The encoded model and the operators it uses. */
    private record Translation(byte[] bytes, Set<String> operators) {}

    private static Translation translate(MultimodalModel model, OnnxModelInfo info) {
        GraphBuilder graph = new GraphBuilder(model);
        List<String> inputs = new ArrayList<>();
        for (ModalitySpec spec : model.modalities()) {
            inputs.add(graph.input(spec.name(), spec.shape()));
        }
        for (OnnxModelInfo.Output output : info.outputs()) {
            graph.reserve(output.name());
        }
        List<String> features = new ArrayList<>();
        for (EncoderGroup e : model.encoders()) {
            features.add(
                    single(
                            graph.exportChild(e.block(), List.of(inputs.get(e.modality()))),
                            "encoder " + e.name()));
        }
        List<Objective> objectives = model.objectives();
        Shape logits = new Shape(model.classes().size());
        for (int o = 0; o < objectives.size(); o++) {
            Objective objective = objectives.get(o);
            List<String> in = new ArrayList<>();
            for (int i : objective.encoders()) {
                in.add(features.get(i));
            }
            String out =
                    single(graph.exportChild(objective.head(), in), "head of " + objective.name());
            graph.output(info.outputs().get(o).name(), out, logits);
        }
        ProtoMessage m = new ProtoMessage();
        m.int64(OnnxSchema.Model.IR_VERSION, IR_VERSION);
        m.string(OnnxSchema.Model.PRODUCER_NAME, "mm");
        m.string(OnnxSchema.Model.PRODUCER_VERSION, info.frameworkVersion());
        m.int64(OnnxSchema.Model.MODEL_VERSION, 1);
        m.string(
                OnnxSchema.Model.DOC_STRING,
                "Multimodal classifier: inputs " + info.inputNames() + ", logits per objective.");
        m.message(
                OnnxSchema.Model.GRAPH,
                graph.encode("mm", "Inference-mode forward pass of a multimodal model."));
        m.message(
                OnnxSchema.Model.OPSET_IMPORT,
                new ProtoMessage()
                        .string(OnnxSchema.OperatorSetId.DOMAIN, "")
                        .int64(OnnxSchema.OperatorSetId.VERSION, OPSET));
        for (Map.Entry<String, String> e : info.toMetadata().entrySet()) {
            m.message(
                    OnnxSchema.Model.METADATA_PROPS,
                    new ProtoMessage()
                            .string(OnnxSchema.StringStringEntry.KEY, e.getKey())
                            .string(OnnxSchema.StringStringEntry.VALUE, e.getValue()));
        }
        return new Translation(m.toByteArray(), new TreeSet<>(graph.operators()));
    }

    private static String single(List<String> outputs, String what) {
        if (outputs.size() != 1) {
            throw new IllegalStateException(
                    "the " + what + " produced " + outputs.size() + " values, expected one");
        }
        return outputs.get(0);
    }
}

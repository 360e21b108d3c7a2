package io.mmbalance.core.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.SoftmaxCrossEntropyLoss;
import io.mmbalance.api.data.ModalitySpec;
import io.mmbalance.api.integrate.GradientIntegrator;
import io.mmbalance.api.integrate.GradientSet;
import io.mmbalance.api.integrate.IntegratedGradient;
import io.mmbalance.api.integrate.IntegrationDiagnostics;
import io.mmbalance.core.model.EncoderGroup;
import io.mmbalance.core.model.MultimodalModel;
import io.mmbalance.core.model.Objective;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GradientPlumbingTest {

    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    /** Sums the gradients and keeps a copy of every input it saw. */
    static final class RecordingIntegrator implements GradientIntegrator {
        final String name;
        final List<List<float[]>> seen = new ArrayList<>();
        final List<String> objectives = new ArrayList<>();

        RecordingIntegrator(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public IntegratedGradient integrate(GradientSet set) {
            List<NDArray> out = new ArrayList<>();
            for (int t = 0; t < set.tensorCount(); t++) {
                NDArray sum = set.gradient(0).get(t).duplicate();
                for (int i = 1; i < set.size(); i++) {
                    sum.addi(set.gradient(i).get(t));
                }
                out.add(sum);
            }
            for (int i = 0; i < set.size(); i++) {
                objectives.add(set.group() + ":" + set.objectives().get(i));
                seen.add(set.gradient(i).stream().map(NDArray::toFloatArray).toList());
            }
            double[] w = new double[set.size()];
            java.util.Arrays.fill(w, 1);
            return new IntegratedGradient(
                    out,
                    new IntegrationDiagnostics(
                            set.group(), w, new double[set.size()][set.size()],
                            new double[set.size()], 0, 1, false, false, true, 0, false));
        }
    }

    private static Block encoder() {
        return new SequentialBlock()
                .add(Linear.builder().setUnits(5).build())
                .add(Activation.tanhBlock())
                .add(Linear.builder().setUnits(4).build());
    }

    private static Block linear() {
        return new SequentialBlock().add(Linear.builder().setUnits(3).build());
    }

    private MultimodalModel tinyModel() {
        Engine.getInstance().setRandomSeed(7);
        List<ModalitySpec> mods =
                List.of(new ModalitySpec("a", new Shape(6)), new ModalitySpec("b", new Shape(2)));
        List<EncoderGroup> enc =
                List.of(new EncoderGroup("a", 0, encoder(), 4), new EncoderGroup("b", 1, encoder(), 4));
        Block fusion =
                new SequentialBlock()
                        .add((NDList f) -> new NDList(f.get(0).concat(f.get(1), 1)))
                        .add(Linear.builder().setUnits(3).build());
        List<Objective> obj =
                List.of(
                        new Objective("multimodal", List.of(0, 1), fusion, 0, true, true),
                        new Objective("unimodal/a", List.of(0), linear(), 0, false, true),
                        new Objective("unimodal/b", List.of(1), linear(), 0, false, true));
        MultimodalModel model = new MultimodalModel(mods, List.of("x", "y", "z"), enc, obj);
        model.initialize(manager);
        return model;
    }

    private NDList inputs() {
        NDManager m = manager;
        return new NDList(
                m.randomNormal(new Shape(8, 6)), m.randomNormal(new Shape(8, 2)));
    }

    /** Full backward of a chosen set of objective losses; returns each encoder's gradients. */
    private List<List<float[]>> fullBackward(
            MultimodalModel model, NDList inputs, NDArray labels, boolean[] use) {
        ParameterStore store = new ParameterStore(manager, false);
        for (Parameter p : trainable(model)) {
            TorchGradients.zeroGradient(p.getArray());
        }
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDList out = model.forward(store, inputs, true);
            NDArray total = null;
            SoftmaxCrossEntropyLoss ce = new SoftmaxCrossEntropyLoss("ce");
            for (int o = 0; o < out.size(); o++) {
                if (use[o]) {
                    NDArray l = ce.evaluate(new NDList(labels), new NDList(out.get(o)));
                    total = total == null ? l : total.add(l);
                }
            }
            gc.backward(total);
        }
        List<List<float[]>> grads = new ArrayList<>();
        for (EncoderGroup e : model.encoders()) {
            List<float[]> g = new ArrayList<>();
            for (var pair : e.block().getParameters()) {
                g.add(pair.getValue().getArray().getGradient().toFloatArray());
            }
            grads.add(g);
        }
        return grads;
    }

    private static List<Parameter> trainable(MultimodalModel model) {
        List<Parameter> list = new ArrayList<>();
        model.getParameters().forEach(p -> list.add(p.getValue()));
        return list;
    }

    private static void assertClose(List<float[]> actual, List<float[]> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int t = 0; t < actual.size(); t++) {
            float[] a = actual.get(t);
            float[] e = expected.get(t);
            assertThat(a).hasSameSizeAs(e);
            for (int i = 0; i < a.length; i++) {
                assertThat((double) a[i]).isCloseTo(e[i], org.assertj.core.data.Offset.offset(1e-5));
            }
        }
    }

    @Test
    void perEncoderGradientsEqualSeparateFullBackwardPasses() {
        MultimodalModel model = tinyModel();
        NDList inputs = inputs();
        NDArray labels = manager.create(new long[] {0, 1, 2, 0, 1, 2, 0, 1});
        RecordingIntegrator rec = new RecordingIntegrator("recording");
        IntegratedStep step =
                new IntegratedStep(manager, model, rec, new SgdMomentum(manager, 0.9, 0), false);
        try (NDManager sm = manager.newSubManager()) {
            step.run(sm, inputs, new NDList(labels), 0.0, true);
        }
        assertThat(rec.objectives)
                .containsExactly(
                        "a:multimodal", "a:unimodal/a", "b:multimodal", "b:unimodal/b");

        List<List<float[]>> mm = fullBackward(model, inputs, labels, new boolean[] {true, false, false});
        List<List<float[]>> ua = fullBackward(model, inputs, labels, new boolean[] {false, true, false});
        List<List<float[]>> ub = fullBackward(model, inputs, labels, new boolean[] {false, false, true});
        assertClose(rec.seen.get(0), mm.get(0));
        assertClose(rec.seen.get(1), ua.get(0));
        assertClose(rec.seen.get(2), mm.get(1));
        assertClose(rec.seen.get(3), ub.get(1));
        // the unimodal loss of one modality sends nothing to the other encoder
        for (float[] g : ua.get(1)) {
            for (float v : g) {
                assertThat(v).isZero();
            }
        }
    }

    @Test
    void plainSumShortcutAppliesTheGradientOfTheSummedLoss() {
        NDList inputs = inputs();
        NDArray labels = manager.create(new long[] {2, 1, 0, 0, 1, 2, 2, 1});
        // Two identical models: one stepped through the two-product path, one through the
        // single-product shortcut; both must equal a plain SGD step on the summed loss.
        MultimodalModel viaIntegrator = tinyModel();
        MultimodalModel viaShortcut = tinyModel();
        MultimodalModel reference = tinyModel();
        List<List<float[]>> summed =
                fullBackward(reference, inputs, labels, new boolean[] {true, true, true});

        IntegratedStep a =
                new IntegratedStep(
                        manager,
                        viaIntegrator,
                        new RecordingIntegrator("sum"),
                        new SgdMomentum(manager, 0, 0),
                        false);
        IntegratedStep b =
                new IntegratedStep(
                        manager,
                        viaShortcut,
                        new RecordingIntegrator("uniform"),
                        new SgdMomentum(manager, 0, 0),
                        false);
        try (NDManager sm = manager.newSubManager()) {
            a.run(sm, inputs, new NDList(labels), 1.0, true);
            b.run(sm, inputs, new NDList(labels), 1.0, false);
        }
        for (int e = 0; e < 2; e++) {
            List<float[]> before = new ArrayList<>();
            for (var p : reference.encoders().get(e).block().getParameters()) {
                before.add(p.getValue().getArray().toFloatArray());
            }
            List<float[]> expected = new ArrayList<>();
            for (int t = 0; t < before.size(); t++) {
                float[] w = before.get(t).clone();
                for (int i = 0; i < w.length; i++) {
                    w[i] -= summed.get(e).get(t)[i];
                }
                expected.add(w);
            }
            List<float[]> gotA = new ArrayList<>();
            List<float[]> gotB = new ArrayList<>();
            for (var p : viaIntegrator.encoders().get(e).block().getParameters()) {
                gotA.add(p.getValue().getArray().toFloatArray());
            }
            for (var p : viaShortcut.encoders().get(e).block().getParameters()) {
                gotB.add(p.getValue().getArray().toFloatArray());
            }
            assertClose(gotA, expected);
            assertClose(gotB, expected);
        }
    }

    @Test
    void aStepLeavesNoArrayBehindInTheManagerThatOwnsTheBatch() {
        MultimodalModel model = tinyModel();
        try (NDManager batchOwner = manager.newSubManager()) {
            NDList inputs =
                    new NDList(
                            batchOwner.randomNormal(new Shape(8, 6)),
                            batchOwner.randomNormal(new Shape(8, 2)));
            NDArray labels = batchOwner.create(new long[] {0, 1, 2, 0, 1, 2, 0, 1});
            IntegratedStep step =
                    new IntegratedStep(
                            manager,
                            model,
                            new RecordingIntegrator("sum"),
                            new SgdMomentum(manager, 0.9, 1e-4),
                            false);
            int before = batchOwner.getManagedArrays().size();
            int modelArrays = -1;
            for (int i = 0; i < 4; i++) {
                try (NDManager sm = manager.newSubManager()) {
                    step.run(sm, inputs, new NDList(labels), 0.1, true);
                }
                // after the first step (which creates the momentum buffers) the model's
                // manager holds a fixed number of arrays: steps leave nothing behind
                int now = manager.getManagedArrays().size();
                if (i == 1) {
                    modelArrays = now;
                } else if (i > 1) {
                    assertThat(now).isEqualTo(modelArrays);
                }
            }
            assertThat(batchOwner.getManagedArrays()).hasSize(before);
            assertThat(inputs.head().isReleased()).isFalse();
        }
    }
}

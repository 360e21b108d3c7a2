package io.mmbalance.core.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import ai.djl.training.loss.SoftmaxCrossEntropyLoss;
import io.mmbalance.api.integrate.GradientIntegrator;
import io.mmbalance.api.integrate.GradientSet;
import io.mmbalance.api.integrate.IntegratedGradient;
import io.mmbalance.api.integrate.IntegrationDiagnostics;
import io.mmbalance.core.model.EncoderGroup;
import io.mmbalance.core.model.MultimodalModel;
import io.mmbalance.core.model.Objective;
import java.util.ArrayList;
import java.util.List;

/**
 * One training step with per-encoder gradient integration.
 *
 * <p>Each encoder runs forward once. Every head is fed detached copies of the features it reads,
 * so that one backward pass of the summed loss through the heads gives the heads' parameter
 * gradients and, on the copies, each objective's gradient with respect to each encoder's
 * output. Each encoder then runs one vector-Jacobian product per objective that reaches it
 * (keeping its graph between them), the per-objective parameter gradients go to the integrator,
 * and the optimiser applies the integrated gradient. Heads keep their own gradients.
 *
 * <p>When the integrator is the plain sum and no diagnostics are due, the objectives' feature
 * gradients are added first and each encoder runs a single product: the same result at the cost
 * of ordinary backpropagation.
 */
public final class IntegratedStep {

    private final MultimodalModel model;
    private final GradientIntegrator integrator;
    private final SgdMomentum optimizer;
    private final ParameterStore store;
    private final boolean skipNonFinite;
    private final boolean sumShortcut;
    private final Loss loss = new SoftmaxCrossEntropyLoss("ce");
    private final List<List<Parameter>> encoderParams = new ArrayList<>();
    private final List<List<Parameter>> headParams = new ArrayList<>();

    /**
     * Creates the step for an initialised model.
     *
     * @param model the model, initialised
     * @param integrator the integrator applied to every encoder
     * @param optimizer the optimiser
     * @param skipNonFinite whether non-finite gradients skip a group's step instead of failing
     * @param manager the manager that owns the model's parameters
     */
    public IntegratedStep(
            NDManager manager,
            MultimodalModel model,
            GradientIntegrator integrator,
            SgdMomentum optimizer,
            boolean skipNonFinite) {
        this.model = model;
        this.integrator = integrator;
        this.optimizer = optimizer;
        this.skipNonFinite = skipNonFinite;
        this.sumShortcut = "uniform".equals(integrator.name());
        this.store = new ParameterStore(manager, false);
        for (EncoderGroup e : model.encoders()) {
            encoderParams.add(trainable(e.block()));
        }
        for (Objective o : model.objectives()) {
            headParams.add(trainable(o.head()));
        }
    }

    private static List<Parameter> trainable(Block block) {
        List<Parameter> list = new ArrayList<>();
        for (var pair : block.getParameters()) {
            if (pair.getValue().requiresGradient()) {
                list.add(pair.getValue());
            }
        }
        return list;
    }

    /**
     * Returns the trainable parameters of each encoder, in the order gradients are integrated.
     *
     * @return the parameters per encoder
     */
    public List<List<Parameter>> encoderParameters() {
        return encoderParams;
    }

    /**
     * Runs one step: forward, separate gradients, integration and the optimiser update.
     *
     * @param manager a manager for the step's temporaries; the caller closes it, which also
     *     returns {@code inputs} and {@code labels} to their own manager
     * @param inputs one batch per modality
     * @param labels one label array per task
     * @param learningRate the learning rate of this step
     * @param diagnostics whether diagnostics are wanted even from the plain-sum integrator
     * @return the losses and diagnostics
     */
    public StepResult run(
            NDManager manager,
            NDList inputs,
            NDList labels,
            double learningRate,
            boolean diagnostics) {
        // Results of engine operations belong to the manager of their first operand: moving the
        // batch to the step's manager for the call keeps every temporary there, whoever owns it.
        inputs.tempAttach(manager);
        labels.tempAttach(manager);
        List<Objective> objectives = model.objectives();
        List<EncoderGroup> encoders = model.encoders();
        double[] losses = new double[objectives.size()];
        List<IntegrationDiagnostics> diag = new ArrayList<>();
        List<List<NDArray>> encoderGrads = new ArrayList<>();
        List<List<NDArray>> headGrads = new ArrayList<>();
        zero(encoderParams);
        zero(headParams);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            List<NDArray> features = new ArrayList<>();
            for (EncoderGroup e : encoders) {
                NDList in = new NDList(inputs.get(e.modality()));
                features.add(e.block().forward(store, in, true).head());
            }
            List<List<NDArray>> copies = new ArrayList<>();
            NDArray total = null;
            for (int o = 0; o < objectives.size(); o++) {
                Objective obj = objectives.get(o);
                NDList in = new NDList();
                List<NDArray> own = new ArrayList<>();
                for (int e : obj.encoders()) {
                    NDArray copy = features.get(e).stopGradient();
                    copy.setRequiresGradient(true);
                    own.add(copy);
                    in.add(copy);
                }
                copies.add(own);
                NDArray logits = obj.head().forward(store, in, true).head();
                NDArray l =
                        loss.evaluate(new NDList(labels.get(obj.task())), new NDList(logits));
                losses[o] = l.getFloat();
                total = total == null ? l : total.add(l);
            }
            collector.backward(total);

            for (int e = 0; e < encoders.size(); e++) {
                List<NDArray> featureGrads = new ArrayList<>();
                List<String> names = new ArrayList<>();
                int primary = -1;
                for (int o = 0; o < objectives.size(); o++) {
                    Objective obj = objectives.get(o);
                    int pos = obj.encoders().indexOf(e);
                    if (pos < 0 || !obj.reachesEncoders()) {
                        continue;
                    }
                    if (obj.primary()) {
                        primary = names.size();
                    }
                    featureGrads.add(copies.get(o).get(pos).getGradient());
                    names.add(obj.name());
                }
                List<Parameter> params = encoderParams.get(e);
                NDArray z = features.get(e);
                if (featureGrads.size() == 1 || (sumShortcut && !diagnostics)) {
                    NDArray sum = featureGrads.get(0);
                    for (int i = 1; i < featureGrads.size(); i++) {
                        sum = sum.add(featureGrads.get(i));
                    }
                    TorchGradients.vectorJacobian(z, sum, false);
                    encoderGrads.add(gradients(params, manager, false));
                    diag.add(null);
                    continue;
                }
                GradientSet.Builder set =
                        GradientSet.builder()
                                .optGroup(encoders.get(e).name())
                                .optSkipNonFinite(skipNonFinite);
                for (int i = 0; i < featureGrads.size(); i++) {
                    boolean last = i == featureGrads.size() - 1;
                    TorchGradients.vectorJacobian(z, featureGrads.get(i), !last);
                    set.addObjective(names.get(i), gradients(params, manager, !last));
                }
                set.optPrimary(primary);
                IntegratedGradient result = integrator.integrate(set.build());
                for (NDArray t : result.tensors()) {
                    t.attach(manager);
                }
                encoderGrads.add(result.tensors());
                diag.add(result.diagnostics());
            }
            for (List<Parameter> params : headParams) {
                headGrads.add(gradients(params, manager, false));
            }
        }
        for (int e = 0; e < encoders.size(); e++) {
            update(encoderParams.get(e), encoderGrads.get(e), learningRate);
        }
        for (int o = 0; o < objectives.size(); o++) {
            update(headParams.get(o), headGrads.get(o), learningRate);
        }
        return new StepResult(losses, diag);
    }

    private void update(List<Parameter> params, List<NDArray> grads, double lr) {
        for (int i = 0; i < params.size(); i++) {
            optimizer.update(params.get(i), grads.get(i), lr);
        }
    }

    private static void zero(List<List<Parameter>> groups) {
        for (List<Parameter> params : groups) {
            for (Parameter p : params) {
                TorchGradients.zeroGradient(p.getArray());
            }
        }
    }

    /**
     * Reads the accumulated gradients of parameters into arrays owned by {@code manager}.
     *
     * @param copyAndZero copy each gradient and zero the parameter's buffer (for a following
     *     product); otherwise return views of the live buffers
     */
    private static List<NDArray> gradients(
            List<Parameter> params, NDManager manager, boolean copyAndZero) {
        List<NDArray> out = new ArrayList<>(params.size());
        for (Parameter p : params) {
            NDArray live = p.getArray().getGradient();
            if (copyAndZero) {
                NDArray copy = live.duplicate();
                copy.attach(manager);
                live.close();
                TorchGradients.zeroGradient(p.getArray());
                out.add(copy);
            } else {
                live.attach(manager);
                out.add(live);
            }
        }
        return out;
    }
}

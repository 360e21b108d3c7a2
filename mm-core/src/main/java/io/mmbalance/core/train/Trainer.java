package io.mmbalance.core.train;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import io.mmbalance.api.data.MultimodalDataset;
import io.mmbalance.api.integrate.GradientIntegrator;
import io.mmbalance.api.integrate.IntegrationDiagnostics;
import io.mmbalance.core.model.EncoderGroup;
import io.mmbalance.core.model.MultimodalModel;
import io.mmbalance.core.model.Objective;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Trains a model epoch by epoch, evaluates it and logs metrics to a run folder. */
public final class Trainer {

    private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);

    private final MultimodalModel model;
    private final TrainingSettings settings;
    private final GradientIntegrator integrator;
    private final long seed;
    private final NDManager manager;

    /**
     * Creates a trainer for an initialised model.
     *
     * @param model the model, initialised on {@code manager}
     * @param settings the training settings
     * @param integrator the integrator applied to every encoder
     * @param seed the seed of the batch order
     * @param manager the manager that owns the model and optimiser state
     */
    public Trainer(
            MultimodalModel model,
            TrainingSettings settings,
            GradientIntegrator integrator,
            long seed,
            NDManager manager) {
        this.model = model;
        this.settings = settings;
        this.integrator = integrator;
        this.seed = seed;
        this.manager = manager;
    }

    /**
     * Trains for the configured epochs.
     *
     * @param train the training split
     * @param test the test split
     * @param run the run folder that receives metrics, or null
     * @param listener progress receiver
     * @return the summary: final test metrics per objective, best multimodal accuracy, conflict
     *     shares and timing
     */
    public Map<String, Object> fit(
            MultimodalDataset train,
            MultimodalDataset test,
            RunFolder run,
            TrainingListener listener) {
        SgdMomentum sgd = new SgdMomentum(manager, settings.momentum(), settings.weightDecay());
        IntegratedStep step =
                new IntegratedStep(manager, model, integrator, sgd, settings.skipNonFinite());
        Batches batches = new Batches(train, settings.batchSize());
        int perEpoch = train.size() / settings.batchSize();
        if (settings.maxStepsPerEpoch() > 0) {
            perEpoch = Math.min(perEpoch, settings.maxStepsPerEpoch());
        }
        if (perEpoch == 0) {
            throw new IllegalArgumentException(
                    "training.batch-size "
                            + settings.batchSize()
                            + " exceeds the training split's "
                            + train.size()
                            + " samples");
        }
        List<EncoderGroup> groups = model.encoders();
        List<Objective> objectives = model.objectives();
        Map<String, Object> summary = new LinkedHashMap<>();
        Map<String, Evaluation> last = Map.of();
        double bestPrimary = -1;
        int bestEpoch = 0;
        long globalStep = 0;
        long[] conflictsTotal = new long[groups.size()];
        long[] integratedTotal = new long[groups.size()];
        double trainSeconds = 0;
        boolean stopped = false;
        for (int epoch = 1; epoch <= settings.epochs() && !stopped; epoch++) {
            double lr = settings.learningRateAt(epoch);
            int[] order = Batches.shuffled(train.size(), seed * 1_000_003L + epoch);
            listener.epochStarted(epoch, perEpoch);
            double[] lossSum = new double[objectives.size()];
            long[] conflicts = new long[groups.size()];
            long[] integrated = new long[groups.size()];
            int skipped = 0;
            long start = System.nanoTime();
            int done = 0;
            for (int s = 0; s < perEpoch; s++) {
                globalStep++;
                boolean diagStep =
                        settings.diagnosticsEvery() > 0
                                && globalStep % settings.diagnosticsEvery() == 0;
                StepResult result;
                try (NDManager sm = manager.newSubManager()) {
                    int from = s * settings.batchSize();
                    NDList inputs = batches.inputs(sm, order, from, settings.batchSize());
                    NDList labels = batches.labels(sm, order, from, settings.batchSize());
                    result = step.run(sm, inputs, labels, lr, diagStep);
                }
                done++;
                for (int o = 0; o < lossSum.length; o++) {
                    lossSum[o] += result.losses()[o];
                }
                for (int g = 0; g < groups.size(); g++) {
                    IntegrationDiagnostics d = result.diagnostics().get(g);
                    if (d != null) {
                        integrated[g]++;
                        if (d.conflict()) {
                            conflicts[g]++;
                        }
                    }
                }
                if (result.skipped()) {
                    skipped++;
                }
                if (diagStep && run != null) {
                    run.log(stepRecord(epoch, globalStep, result));
                }
                double elapsed = (System.nanoTime() - start) / 1e9;
                listener.stepFinished(
                        epoch, s + 1, result.total(), done * settings.batchSize() / elapsed);
                if (settings.stopAtStationary() && result.stationary()) {
                    LOG.info("epoch {} step {}: Pareto-stationary point reached; stopping", epoch, s + 1);
                    stopped = true;
                    break;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            trainSeconds += seconds;
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("type", "epoch");
            record.put("epoch", epoch);
            record.put("learning_rate", lr);
            Map<String, Object> losses = new LinkedHashMap<>();
            for (int o = 0; o < objectives.size(); o++) {
                losses.put(objectives.get(o).name(), lossSum[o] / Math.max(1, done));
            }
            record.put("train_loss", losses);
            record.put("seconds", seconds);
            record.put("samples_per_second", done * settings.batchSize() / seconds);
            Map<String, Object> share = new LinkedHashMap<>();
            for (int g = 0; g < groups.size(); g++) {
                conflictsTotal[g] += conflicts[g];
                integratedTotal[g] += integrated[g];
                if (integrated[g] > 0) {
                    share.put(groups.get(g).name(), (double) conflicts[g] / integrated[g]);
                }
            }
            record.put("conflict_share", share);
            record.put("skipped_steps", skipped);
            if (settings.evalEveryEpoch() || epoch == settings.epochs() || stopped) {
                last = Evaluator.evaluate(model, test, manager, settings.evalBatchSize());
                record.put("test", evaluationRecord(last));
                double mean = meanTaskAccuracy(last);
                if (!Double.isNaN(mean)) {
                    record.put("mean_task_accuracy", mean);
                }
                double primary = last.values().iterator().next().accuracy();
                if (primary > bestPrimary) {
                    bestPrimary = primary;
                    bestEpoch = epoch;
                }
            }
            if (run != null) {
                run.log(record);
            }
            LOG.info(epochLine(epoch, lr, losses, seconds, done * settings.batchSize(), last, share));
            listener.epochFinished(epoch, record);
        }
        summary.put("integrator", integrator.name());
        summary.put("mode", settings.oneJointLoss() ? "one-joint-loss" : "unimodal-losses");
        summary.put("epochs", settings.epochs());
        summary.put("steps", globalStep);
        summary.put("test", evaluationRecord(last));
        double mean = meanTaskAccuracy(last);
        if (!Double.isNaN(mean)) {
            summary.put("mean_task_accuracy", mean);
        }
        summary.put("best_primary_accuracy", bestPrimary);
        summary.put("best_epoch", bestEpoch);
        Map<String, Object> share = new LinkedHashMap<>();
        for (int g = 0; g < groups.size(); g++) {
            if (integratedTotal[g] > 0) {
                share.put(groups.get(g).name(), (double) conflictsTotal[g] / integratedTotal[g]);
            }
        }
        summary.put("conflict_share", share);
        summary.put("train_seconds", trainSeconds);
        summary.put("stopped_at_stationary", stopped);
        return summary;
    }

    /**
     * Returns the mean test accuracy over the tasks of a multi-task model (no primary objective),
     * or NaN for a multimodal model.
     */
    private double meanTaskAccuracy(Map<String, Evaluation> evals) {
        if (evals.isEmpty() || model.objectives().stream().anyMatch(Objective::primary)) {
            return Double.NaN;
        }
        return evals.values().stream().mapToDouble(Evaluation::accuracy).average().orElse(0);
    }

    private Map<String, Object> stepRecord(int epoch, long step, StepResult result) {
        Map<String, Object> rec = new LinkedHashMap<>();
        rec.put("type", "step");
        rec.put("epoch", epoch);
        rec.put("step", step);
        Map<String, Object> losses = new LinkedHashMap<>();
        for (int o = 0; o < model.objectives().size(); o++) {
            losses.put(model.objectives().get(o).name(), result.losses()[o]);
        }
        rec.put("loss", losses);
        Map<String, Object> groups = new LinkedHashMap<>();
        for (int g = 0; g < model.encoders().size(); g++) {
            IntegrationDiagnostics d = result.diagnostics().get(g);
            if (d == null) {
                continue;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("cosine", finite(d.cosine()));
            m.put("norms", d.inputNorms());
            m.put("weights", d.weights());
            m.put("scale", finite(d.scale()));
            m.put("result_norm", finite(d.resultNorm()));
            m.put("conflict", d.conflict());
            m.put("stationary", d.stationary());
            groups.put(d.group(), m);
        }
        rec.put("groups", groups);
        return rec;
    }

    private static Object finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    static Map<String, Object> evaluationRecord(Map<String, Evaluation> evals) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (var e : evals.entrySet()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("accuracy", e.getValue().accuracy());
            m.put("macro_f1", e.getValue().macroF1());
            out.put(e.getKey(), m);
        }
        return out;
    }

    private static String epochLine(
            int epoch,
            double lr,
            Map<String, Object> losses,
            double seconds,
            long samples,
            Map<String, Evaluation> eval,
            Map<String, Object> share) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("epoch %d lr %.2g loss", epoch, lr));
        double total = 0;
        for (Object v : losses.values()) {
            total += (Double) v;
        }
        sb.append(String.format(" %.4f", total));
        List<String> parts = new ArrayList<>();
        for (var e : eval.entrySet()) {
            parts.add(String.format("%s %.2f%%", e.getKey(), 100 * e.getValue().accuracy()));
        }
        if (!parts.isEmpty()) {
            sb.append(" | test ").append(String.join(", ", parts));
        }
        if (!share.isEmpty()) {
            List<String> c = new ArrayList<>();
            for (var e : share.entrySet()) {
                c.add(String.format("%s %.0f%%", e.getKey(), 100 * (Double) e.getValue()));
            }
            sb.append(" | conflicts ").append(String.join(", ", c));
        }
        sb.append(String.format(" | %.0f s, %.0f samples/s", seconds, samples / seconds));
        return sb.toString();
    }
}

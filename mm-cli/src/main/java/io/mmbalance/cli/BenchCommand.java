package io.mmbalance.cli;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import io.mmbalance.api.data.MultimodalDataset;
import io.mmbalance.core.Experiments;
import io.mmbalance.core.RunConfig;
import io.mmbalance.core.model.MultimodalModel;
import io.mmbalance.core.train.Batches;
import io.mmbalance.core.train.IntegratedStep;
import io.mmbalance.core.train.SgdMomentum;
import io.mmbalance.core.train.TrainingSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Times training steps of several integrators on the same model and batches in one process,
 * interleaving rounds so that machine drift affects all alike, and prints ratios to the first.
 */
@Command(
        mixinStandardHelpOptions = true,
        name = "bench",
        description = "Time training steps per integrator on one model; ratios to the first.")
final class BenchCommand implements Callable<Integer> {

    @ParentCommand Main main;

    @Spec CommandSpec spec;

    @Option(names = {"-c", "--config"}, required = true, description = "HOCON configuration file.")
    Path config;

    @Option(names = "--set", description = "Override a key (repeatable).")
    List<String> overrides = new ArrayList<>();

    @Option(
            names = "--integrators",
            split = ",",
            defaultValue = "uniform,pareto,mmpareto",
            description = "Integrators to time; the first is the baseline (default: ${DEFAULT-VALUE}).")
    List<String> integrators;

    @Option(names = "--steps", defaultValue = "20", description = "Timed steps per round.")
    int steps;

    @Option(names = "--rounds", defaultValue = "5", description = "Interleaved rounds.")
    int rounds;

    @Option(names = "--warmup", defaultValue = "5", description = "Untimed steps first.")
    int warmup;

    @Override
    public Integer call() throws Exception {
        List<String> base = new ArrayList<>(overrides);
        base.add("training.max-steps-per-epoch=" + (steps + warmup));
        RunConfig rc = RunConfig.load(config, base);
        Experiments ex = main.experiments();
        TrainingSettings settings = TrainingSettings.from(rc.config().getConfig("training"));
        MultimodalDataset train = ex.openData(rc).train();
        PrintWriter out = spec.commandLine().getOut();
        int n = integrators.size();
        double[][] perStep = new double[n][rounds];
        try (NDManager manager = NDManager.newBaseManager()) {
            Batches batches = new Batches(train, settings.batchSize());
            int[] order = Batches.shuffled(train.size(), 1);
            int count = steps + warmup;
            List<NDList> inputs = new ArrayList<>();
            List<NDList> labels = new ArrayList<>();
            for (int s = 0; s < count; s++) {
                int from = (s * settings.batchSize()) % (train.size() - settings.batchSize());
                inputs.add(batches.inputs(manager, order, from, settings.batchSize()));
                labels.add(batches.labels(manager, order, from, settings.batchSize()));
            }
            List<IntegratedStep> runners = new ArrayList<>();
            for (String name : integrators) {
                RunConfig one = RunConfig.load(config, with(base, "integrator.name=" + name));
                MultimodalModel model = ex.model(one, train, manager);
                runners.add(
                        new IntegratedStep(
                                manager,
                                model,
                                ex.integrator(one),
                                new SgdMomentum(
                                        manager, settings.momentum(), settings.weightDecay()),
                                settings.skipNonFinite()));
            }
            for (int r = 0; r < rounds; r++) {
                for (int i = 0; i < n; i++) {
                    IntegratedStep step = runners.get(i);
                    for (int s = 0; s < count; s++) {
                        long t0 = s == warmup ? System.nanoTime() : 0;
                        if (s == warmup) {
                            perStep[i][r] = -t0;
                        }
                        try (NDManager sm = manager.newSubManager()) {
                            step.run(sm, inputs.get(s), labels.get(s), 1e-3, false);
                        }
                    }
                    perStep[i][r] = (perStep[i][r] + System.nanoTime()) / 1e6 / steps;
                }
            }
        }
        out.printf(
                "batch %d, %d timed steps x %d rounds per integrator (after %d warm-up steps)%n",
                settings.batchSize(), steps, rounds, warmup);
        out.printf("%-20s %14s %14s %10s%n", "integrator", "median ms/step", "min ms/step", "ratio");
        double baseline = median(perStep[0]);
        for (int i = 0; i < n; i++) {
            double med = median(perStep[i]);
            out.printf(
                    "%-20s %14.2f %14.2f %10.3f%n",
                    integrators.get(i),
                    med,
                    Arrays.stream(perStep[i]).min().orElse(0),
                    med / baseline);
        }
        out.flush();
        return 0;
    }

    private static List<String> with(List<String> list, String extra) {
        List<String> copy = new ArrayList<>(list);
        copy.add(extra);
        return copy;
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}

package io.mmbalance.cli;

import io.mmbalance.core.RunConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Trains a configured pipeline into a new run folder. */
@Command(
        mixinStandardHelpOptions = true,
        name = "train", description = "Train a configured pipeline; writes a run folder.")
final class TrainCommand implements Callable<Integer> {

    @ParentCommand Main main;

    @Spec CommandSpec spec;

    @Option(
            names = {"-c", "--config"},
            required = true,
            description = "HOCON configuration file.")
    Path config;

    @Option(
            names = "--set",
            description = "Override a key, e.g. --set integrator.name=pareto (repeatable).")
    List<String> overrides = new ArrayList<>();

    @Option(
            names = "--progress",
            negatable = true,
            description = "Show a progress bar (default: only on a terminal).")
    Boolean progress;

    @Override
    public Integer call() throws Exception {
        RunConfig rc = RunConfig.load(config, overrides);
        boolean show = progress != null ? progress : System.console() != null;
        Path run = main.experiments().train(rc, new ProgressListener(show));
        spec.commandLine().getOut().println(run);
        spec.commandLine().getOut().flush();
        return 0;
    }
}

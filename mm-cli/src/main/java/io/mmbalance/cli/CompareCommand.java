package io.mmbalance.cli;

import io.mmbalance.core.Experiments;
import io.mmbalance.core.RunConfig;
import io.mmbalance.core.report.ResultTable;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Trains one configuration with several integrators and seeds and prints a paper-style table, or
 * tabulates run folders that already exist.
 */
@Command(
        mixinStandardHelpOptions = true,
        name = "compare",
        description = {
            "Train a config with several integrators x seeds and print a mean ± std table,",
            "or tabulate existing run folders with --runs.",
            "The pseudo-integrator 'one-joint-loss' trains with the multimodal loss only."
        })
final class CompareCommand implements Callable<Integer> {

    @ParentCommand Main main;

    @Spec CommandSpec spec;

    @Option(names = {"-c", "--config"}, description = "HOCON configuration file.")
    Path config;

    @Option(names = "--set", description = "Override a key (repeatable).")
    List<String> overrides = new ArrayList<>();

    @Option(
            names = "--integrators",
            split = ",",
            defaultValue = "one-joint-loss,uniform,pareto,mmpareto",
            description = "Integrators to compare (default: ${DEFAULT-VALUE}).")
    List<String> integrators;

    @Option(names = "--seeds", split = ",", defaultValue = "0", description = "Seeds.")
    List<Long> seeds;

    @Option(names = "--runs", arity = "1..*", description = "Tabulate these run folders instead.")
    List<Path> runs = new ArrayList<>();

    @Option(names = {"-o", "--output"}, description = "Also write the Markdown table here.")
    Path output;

    @Option(names = "--progress", negatable = true, description = "Show progress bars.")
    Boolean progress;

    @Override
    public Integer call() throws Exception {
        List<Path> done = new ArrayList<>(runs);
        if (runs.isEmpty()) {
            if (config == null) {
                throw new ParameterException(
                        spec.commandLine(), "give --config to train, or --runs to tabulate");
            }
            Experiments ex = main.experiments();
            boolean show = progress != null ? progress : System.console() != null;
            for (long seed : seeds) {
                for (String name : integrators) {
                    List<String> o = new ArrayList<>(overrides);
                    o.add("run.seed=" + seed);
                    if (name.equals("one-joint-loss")) {
                        o.add("training.mode=one-joint-loss");
                        o.add("integrator.name=uniform");
                    } else {
                        o.add("training.mode=unimodal-losses");
                        o.add("integrator.name=" + name);
                    }
                    RunConfig rc = RunConfig.load(config, o);
                    o.add("run.name=" + rc.config().getString("run.name") + "-" + name + "-s" + seed);
                    done.add(ex.train(RunConfig.load(config, o), new ProgressListener(show)));
                }
            }
        }
        ResultTable table = new ResultTable();
        for (Path run : done) {
            table.add(run);
        }
        String md = table.markdown();
        PrintWriter out = spec.commandLine().getOut();
        out.print(md);
        out.flush();
        if (output != null) {
            if (output.getParent() != null) {
                Files.createDirectories(output.getParent());
            }
            Files.writeString(output, md);
        }
        return 0;
    }
}

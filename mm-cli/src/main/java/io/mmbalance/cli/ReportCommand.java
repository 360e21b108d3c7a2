package io.mmbalance.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Draws a run's metrics: accuracy curves, losses, per-encoder cosines, norms and scales. */
@Command(
        mixinStandardHelpOptions = true,
        name = "report",
        description = "Draw PNG charts of a run: accuracy, loss, conflict share, cosines, norms.")
final class ReportCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Parameters(index = "0", description = "The run folder.")
    Path run;

    @Option(names = {"-o", "--output"}, description = "Folder for the charts (default: RUN/plots).")
    Path output;

    @Override
    public Integer call() throws Exception {
        System.setProperty("java.awt.headless", "true");
        List<Path> files = RunPlots.write(run, output != null ? output : run.resolve("plots"));
        PrintWriter out = spec.commandLine().getOut();
        files.forEach(out::println);
        out.flush();
        return 0;
    }
}

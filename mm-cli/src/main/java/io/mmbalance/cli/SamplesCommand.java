package io.mmbalance.cli;

import io.mmbalance.api.data.MultimodalDataset;
import io.mmbalance.core.Experiments;
import io.mmbalance.core.RunConfig;
import io.mmbalance.multitask.SampleGrid;
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

/** Saves a grid of a configured dataset's samples as a PNG. */
@Command(
        mixinStandardHelpOptions = true,
        name = "samples", description = "Save a PNG grid of a dataset's first samples.")
final class SamplesCommand implements Callable<Integer> {

    @ParentCommand Main main;

    @Spec CommandSpec spec;

    @Option(names = {"-c", "--config"}, required = true, description = "HOCON configuration file.")
    Path config;

    @Option(names = "--set", description = "Override a key (repeatable).")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--split", defaultValue = "train", description = "train or test.")
    String split;

    @Option(
            names = "--modality",
            description = "Modality name (default: the first of shape (1|3, H, W)).")
    String modality;

    @Option(names = "--count", defaultValue = "64", description = "How many samples.")
    int count;

    @Option(names = "--scale", defaultValue = "3", description = "Screen pixels per pixel.")
    int scale;

    @Option(names = {"-o", "--output"}, required = true, description = "PNG file to write.")
    Path output;

    @Override
    public Integer call() throws Exception {
        if (count < 1 || scale < 1) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--count and --scale must be >= 1, got " + count + " and " + scale);
        }
        Experiments ex = main.experiments();
        Experiments.Data data = ex.openData(RunConfig.load(config, overrides));
        MultimodalDataset set = switch (split) {
            case "train" -> data.train();
            case "test" -> data.test();
            default -> throw new ParameterException(
                    spec.commandLine(), "--split must be train or test, not '" + split + "'");
        };
        int index = 0;
        if (modality != null) {
            index = -1;
            List<String> names = new ArrayList<>();
            for (int i = 0; i < set.modalities().size(); i++) {
                names.add(set.modalities().get(i).name());
                if (set.modalities().get(i).name().equals(modality)) {
                    index = i;
                }
            }
            if (index < 0) {
                throw new ParameterException(
                        spec.commandLine(),
                        "no modality '" + modality + "'; this dataset has " + names);
            }
        } else {
            for (int i = 0; i < set.modalities().size(); i++) {
                long c = set.modalities().get(i).shape().get(0);
                if (set.modalities().get(i).shape().dimension() == 3 && (c == 1 || c == 3)) {
                    index = i;
                    break;
                }
            }
        }
        SampleGrid.write(set, index, count, scale, output);
        spec.commandLine().getOut().println(output);
        spec.commandLine().getOut().flush();
        return 0;
    }
}

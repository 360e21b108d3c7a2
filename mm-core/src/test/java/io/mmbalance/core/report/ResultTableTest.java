package io.mmbalance.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultTableTest {

    private static Path run(Path dir, String name, String integrator, double acc, double share)
            throws IOException {
        Path run = dir.resolve(name);
        Files.createDirectories(run);
        Files.writeString(
                run.resolve("summary.json"),
                """
                {"integrator": "%s", "mode": "unimodal-losses", "epochs": 2,
                 "test": {"multimodal": {"accuracy": %s}, "unimodal/gray": {"accuracy": 0.9}},
                 "conflict_share": {"gray": %s}, "train_seconds": 30.0}
                """
                        .formatted(integrator, acc, share));
        return run;
    }

    @Test
    void rowsHoldTheMeanAndSampleStandardDeviationOverSeeds(@TempDir Path tmp)
            throws IOException {
        ResultTable table = new ResultTable();
        table.add(run(tmp, "a", "mmpareto", 0.5, 0.25));
        table.add(run(tmp, "b", "mmpareto", 0.7, 0.75));
        table.add(run(tmp, "c", "uniform", 0.4, 0.1));
        String md = table.markdown();
        // mean 60, sample std sqrt(((50-60)^2 + (70-60)^2) / 1) = 14.142
        assertThat(md)
                .contains("| unimodal-losses / mmpareto | 2 | 2 | 60.00 ± 14.14 | 90.00 ± 0.00"
                        + " | 50.00 ± 35.36 | 15.00 ± 0.00 |")
                .contains("| unimodal-losses / uniform | 1 | 2 | 40.00 | 90.00 | 10.00 | 15.00 |")
                .contains("multimodal acc %", "conflict share gray %");
    }

    @Test
    void anUnfinishedRunIsNamedInTheError(@TempDir Path tmp) {
        assertThatThrownBy(() -> new ResultTable().add(tmp))
                .hasMessageContaining(tmp.toString())
                .hasMessageContaining("did not finish");
    }

    @Test
    void multiTaskRowsAlsoHoldTheMeanTaskAccuracy(@TempDir Path tmp) throws IOException {
        Path run = tmp.resolve("mt");
        Files.createDirectories(run);
        Files.writeString(
                run.resolve("summary.json"),
                """
                {"integrator": "pareto", "mode": "unimodal-losses", "epochs": 1,
                 "test": {"task/left": {"accuracy": 0.9}, "task/right": {"accuracy": 0.7}},
                 "conflict_share": {"shared": 0.5}, "train_seconds": 10.0}
                """);
        ResultTable table = new ResultTable();
        table.add(run);
        assertThat(table.markdown())
                .contains("mean task acc %")
                .contains("| pareto | 1 | 1 | 90.00 | 70.00 | 80.00 | 50.00 | 10.00 |");
    }
}

package io.mmbalance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {

    @Test
    void anUnknownKeyIsAnErrorNamingTheKeyAndTheFile(@TempDir Path tmp) throws IOException {
        Path conf = tmp.resolve("bad.conf");
        Files.writeString(
                conf, "dataset { name = mnist }\ntraining {\n  epochz = 3\n}\n");
        CliTestSupport.Result r = CliTestSupport.run("train", "-c", conf.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("training.epochz", "bad.conf", "epochs");
    }

    @Test
    void anUnknownIntegratorListsTheKnownOnes(@TempDir Path tmp) throws IOException {
        Path conf = tmp.resolve("c.conf");
        Files.writeString(conf, "dataset { name = mnist }\nintegrator { name = nope }\n");
        CliTestSupport.Result r = CliTestSupport.run("train", "-c", conf.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("'nope'", "mmpareto", "uniform");
    }

    @Test
    void aMissingConfigFileIsNamed() {
        CliTestSupport.Result r = CliTestSupport.run("train", "-c", "/no/such.conf");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("/no/such.conf");
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "MM_DATA", matches = ".+")
    void aShortRunOnRealMnistBeatsChanceByAWideMargin(@TempDir Path tmp) throws IOException {
        Path conf = tmp.resolve("mnist.conf");
        Files.writeString(
                conf,
                """
                run { name = mnist-smoke, dir = "%s" }
                data { cache = "%s" }
                dataset { name = mnist, train-limit = 6000, test-limit = 2000 }
                model { encoder { name = mlp, hidden = [128], features = 64 } }
                training { epochs = 2, batch-size = 32, learning-rate = 0.05 }
                integrator { name = mmpareto }
                """
                        .formatted(tmp.resolve("runs"), tmp.resolve("cache")));
        CliTestSupport.Result r =
                CliTestSupport.run("train", "-c", conf.toString(), "--no-progress");
        assertThat(r.exit()).as(r.err()).isZero();
        List<Path> runs;
        try (var s = Files.list(tmp.resolve("runs"))) {
            runs = s.toList();
        }
        assertThat(runs).hasSize(1);
        Path run = runs.get(0);
        assertThat(run.resolve("config.conf")).exists();
        assertThat(run.resolve("model.params")).exists();
        assertThat(Files.readAllLines(run.resolve("metrics.jsonl"))).isNotEmpty();
        JsonNode summary = new ObjectMapper().readTree(run.resolve("summary.json").toFile());
        double acc = summary.path("test").path("multimodal").path("accuracy").asDouble();
        assertThat(acc).isGreaterThan(0.8);
    }

    @Test
    void everySubcommandShowsItsHelpWithoutItsRequiredOptions() {
        for (String cmd : new String[] {"train", "bench", "compare", "report", "samples",
                "export", "predict", "plugins"}) {
            CliTestSupport.Result r = CliTestSupport.run(cmd, "--help");
            assertThat(r.exit()).as(cmd + ": " + r.err()).isZero();
            assertThat(r.out()).as(cmd).contains("Usage: mm " + cmd);
        }
    }

    @Test
    void aNegativePredictionLimitIsAUsageError() {
        CliTestSupport.Result r =
                CliTestSupport.run("predict", "-m", "/no/model.onnx", "--input", "x=y", "--limit", "-3");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--limit must be >= 0");
    }
}

package io.mmbalance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {

    @Test
    void drawsAccuracyCosineAndNormChartsFromTheMetricsLog(@TempDir Path tmp) throws IOException {
        Path run = tmp.resolve("run");
        Files.createDirectories(run);
        String step10 = "{\"cosine\":-0.2,\"norms\":[1.0,0.5],\"scale\":1.1}";
        String step20 = "{\"cosine\":0.3,\"norms\":[0.8,0.4],\"scale\":1.0}";
        Files.writeString(
                run.resolve("metrics.jsonl"),
                "{\"type\":\"step\",\"epoch\":1,\"step\":10,\"groups\":{\"gray\":" + step10 + "}}\n"
                        + "{\"type\":\"step\",\"epoch\":1,\"step\":20,\"groups\":{\"gray\":" + step20
                        + "}}\n"
                        + """
                        {"type":"epoch","epoch":1,"train_loss":{"multimodal":1.2},\
                        "conflict_share":{"gray":0.25},"test":{"multimodal":{"accuracy":0.5}}}
                        {"type":"epoch","epoch":2,"train_loss":{"multimodal":0.9},\
                        "conflict_share":{"gray":0.2},"test":{"multimodal":{"accuracy":0.6}}}
                        """);
        CliTestSupport.Result r = CliTestSupport.run("report", run.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        for (String name :
                new String[] {"accuracy", "loss", "conflict-share", "cosine", "gradient-norms"}) {
            Path png = run.resolve("plots").resolve(name + ".png");
            assertThat(r.out()).contains(png.toString());
            BufferedImage image = ImageIO.read(png.toFile());
            assertThat(image.getWidth()).isEqualTo(900);
        }
    }

    @Test
    void aFolderWithoutMetricsIsNamedInTheError(@TempDir Path tmp) {
        CliTestSupport.Result r = CliTestSupport.run("report", tmp.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains(tmp.resolve("metrics.jsonl").toString());
    }

    @Test
    void aBrokenLineIsNamedWithItsNumber(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("metrics.jsonl"), "{\"type\":\"epoch\"}\n{oops\n");
        CliTestSupport.Result r = CliTestSupport.run("report", tmp.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("metrics.jsonl:2");
    }
}

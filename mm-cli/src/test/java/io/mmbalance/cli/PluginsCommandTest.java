package io.mmbalance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginsCommandTest {

    @Test
    void listsEveryShippedPluginByKind() {
        CliTestSupport.Result r = CliTestSupport.run("plugins");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("encoders:", "fusions:", "datasets:", "integrators:")
                .contains("convnet", "mlp", "concat", "sum")
                .contains("mnist", "cg-mnist", "fashion-mnist")
                .contains("uniform", "pareto", "mmpareto", "mmpareto-official");
    }

    @Test
    void findsAnEncoderFromAPluginJarDroppedIntoAFolder(@TempDir Path tmp) throws IOException {
        Path src = tmp.resolve("src/demo/WideEncoderProvider.java");
        Files.createDirectories(src.getParent());
        Files.writeString(
                src,
                """
                package demo;
                import ai.djl.ndarray.types.Shape;
                import ai.djl.nn.Block;
                import com.typesafe.config.Config;
                import com.typesafe.config.ConfigFactory;
                public final class WideEncoderProvider
                        implements io.mmbalance.api.model.EncoderProvider {
                    public String name() { return "wide-demo"; }
                    public String description() { return "a plugin from a jar"; }
                    public Config defaults() { return ConfigFactory.empty(); }
                    public Block create(Config c, Shape s) {
                        return new ai.djl.nn.SequentialBlock();
                    }
                    public long outputSize(Config c, Shape s) { return 1; }
                }
                """);
        Path classes = tmp.resolve("classes");
        Files.createDirectories(classes);
        ToolProvider javac = ToolProvider.findFirst("javac").orElseThrow();
        int rc =
                javac.run(
                        System.out,
                        System.err,
                        "-classpath",
                        System.getProperty("java.class.path"),
                        "-d",
                        classes.toString(),
                        src.toString());
        assertThat(rc).isZero();
        Path plugins = tmp.resolve("plugins");
        Files.createDirectories(plugins);
        try (JarOutputStream jar =
                new JarOutputStream(Files.newOutputStream(plugins.resolve("wide.jar")))) {
            add(jar, "demo/WideEncoderProvider.class",
                    Files.readAllBytes(classes.resolve("demo/WideEncoderProvider.class")));
            add(jar, "META-INF/services/io.mmbalance.api.model.EncoderProvider",
                    "demo.WideEncoderProvider\n".getBytes(StandardCharsets.UTF_8));
        }

        CliTestSupport.Result without = CliTestSupport.run("plugins");
        CliTestSupport.Result with = CliTestSupport.run("--plugins", plugins.toString(), "plugins");

        assertThat(without.out()).doesNotContain("wide-demo");
        assertThat(with.exit()).as(with.err()).isZero();
        assertThat(with.out()).contains("wide-demo", "a plugin from a jar");
        assertThat(List.of(with.out().split("\n")))
                .anyMatch(l -> l.contains("wide-demo") && l.contains("demo.WideEncoderProvider"));
    }

    private static void add(JarOutputStream jar, String name, byte[] bytes) throws IOException {
        jar.putNextEntry(new JarEntry(name));
        OutputStream out = jar;
        out.write(bytes);
        jar.closeEntry();
    }

    @Test
    void aMissingPluginFolderIsAnErrorNamingIt() {
        CliTestSupport.Result r = CliTestSupport.run("--plugins", "/no/such/folder", "plugins");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("/no/such/folder");
    }
}

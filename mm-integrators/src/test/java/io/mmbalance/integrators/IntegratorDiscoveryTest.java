package io.mmbalance.integrators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;

import io.mmbalance.api.ProviderRegistry;
import io.mmbalance.api.UnknownProviderException;
import io.mmbalance.api.integrate.GradientIntegratorProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/** The integrators are found by name through {@link java.util.ServiceLoader}. */
class IntegratorDiscoveryTest {

    private static final String SERVICE_FILE =
            "META-INF/services/" + GradientIntegratorProvider.class.getName();

    @Test
    void everyIntegratorOfThisModuleIsFoundByName() {
        ProviderRegistry<GradientIntegratorProvider> registry = ProviderRegistry.integrators();

        assertThat(registry.byName()).containsKeys(Fixtures.NAMES.toArray(String[]::new));
        for (String name : Fixtures.NAMES) {
            GradientIntegratorProvider provider = registry.get(name);
            assertThat(provider.name()).isEqualTo(name);
            assertThat(provider.create(provider.defaults()).name()).isEqualTo(name);
        }
        assertThat(registry.shadowed()).isEmpty();
    }

    @Test
    void anUnknownNameListsTheKnownOnes() {
        assertThatThrownBy(() -> ProviderRegistry.integrators().get("mm-pareto"))
                .isInstanceOf(UnknownProviderException.class)
                .hasMessageContaining("unknown integrator 'mm-pareto'")
                .hasMessageContaining("mmpareto, mmpareto-official, pareto, uniform");
    }

    @Test
    void aProviderInAnExtraJarIsFound(@TempDir Path dir) throws Exception {
        Path jar = buildJarWithExtraProvider(dir);
        try (URLClassLoader loader =
                new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader())) {
            ProviderRegistry<GradientIntegratorProvider> registry =
                    ProviderRegistry.load(GradientIntegratorProvider.class, "integrator", loader);

            GradientIntegratorProvider extra = registry.get("echo-extra");
            assertThat(extra.getClass().getClassLoader()).isSameAs(loader);
            assertThat(extra.description()).isEqualTo("an integrator from an extra jar");
            assertThat(registry.byName()).containsKeys(Fixtures.NAMES.toArray(String[]::new));
        }
        assertThat(ProviderRegistry.integrators().byName()).doesNotContainKey("echo-extra");
    }

    /** Compiles one provider class, writes its services file and packs both into a jar. */
    private static Path buildJarWithExtraProvider(Path dir) throws IOException, URISyntaxException {
        Path sources = Files.createDirectories(dir.resolve("src/extra"));
        Path source = sources.resolve("EchoIntegratorProvider.java");
        Files.writeString(
                source,
                String.join(
                        "\n",
                        "package extra;",
                        "",
                        "import com.typesafe.config.Config;",
                        "import com.typesafe.config.ConfigFactory;",
                        "import io.mmbalance.api.integrate.GradientIntegrator;",
                        "import io.mmbalance.api.integrate.GradientIntegratorProvider;",
                        "",
                        "public final class EchoIntegratorProvider"
                                + " implements GradientIntegratorProvider {",
                        "    public String name() { return \"echo-extra\"; }",
                        "    public String description() {",
                        "        return \"an integrator from an extra jar\";",
                        "    }",
                        "    public Config defaults() { return ConfigFactory.empty(); }",
                        "    public GradientIntegrator create(Config config) {",
                        "        throw new UnsupportedOperationException();",
                        "    }",
                        "}",
                        ""));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        String classPath =
                String.join(
                        java.io.File.pathSeparator,
                        locationOf(GradientIntegratorProvider.class),
                        locationOf(Config.class));
        ToolProvider javac = ToolProvider.findFirst("javac").orElseThrow();
        int status =
                javac.run(
                        System.out,
                        System.err,
                        "--release",
                        "17",
                        "-proc:none",
                        "-classpath",
                        classPath,
                        "-d",
                        classes.toString(),
                        source.toString());
        assertThat(status).as("javac exit status").isZero();

        Path jar = dir.resolve("extra-integrator.jar");
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new JarEntry(SERVICE_FILE));
            out.write("extra.EchoIntegratorProvider\n".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            List<Path> compiled = new ArrayList<>();
            try (Stream<Path> walk = Files.walk(classes)) {
                walk.filter(Files::isRegularFile).forEach(compiled::add);
            }
            for (Path c : compiled) {
                out.putNextEntry(new JarEntry(classes.relativize(c).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(c));
                out.closeEntry();
            }
        }
        return jar;
    }

    private static String locationOf(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}

package io.mmbalance.cli;

import com.google.inject.Guice;
import io.mmbalance.core.CoreModule;
import io.mmbalance.core.Experiments;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code mm} command. */
@Command(
        name = "mm",
        mixinStandardHelpOptions = true,
        version = "mm 0.1.0",
        description = "Balanced multimodal learning: train with MMPareto or a baseline integrator.",
        subcommands = {
            TrainCommand.class,
            PluginsCommand.class,
            BenchCommand.class,
            CompareCommand.class,
            ReportCommand.class,
            SamplesCommand.class,
            ExportCommand.class,
            PredictCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main {

    @Option(
            names = "--plugins",
            description =
                    "Folder of extra plugin jars (default: $MM_PLUGINS, else ./plugins if it"
                            + " exists).",
            scope = CommandLine.ScopeType.INHERIT)
    Path pluginDir;

    /**
     * Runs the command line and exits with its status.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /**
     * Runs the command line and returns its exit status.
     *
     * @param args the arguments
     * @return the exit status: 0 on success, 1 on a failed run, 2 on a usage error
     */
    public static int run(String... args) {
        io.mmbalance.core.EngineDefaults.apply();
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler(
                (ex, cmd, parsed) -> {
                    cmd.getErr().println("error: " + ex.getMessage());
                    if (System.getenv("MM_DEBUG") != null) {
                        ex.printStackTrace(cmd.getErr());
                    }
                    return 1;
                });
        return cl.execute(args);
    }

    /**
     * Returns the experiment service wired with the installed plugins and any plugin jars.
     *
     * @return the service
     */
    Experiments experiments() {
        return Guice.createInjector(new CoreModule(pluginLoader())).getInstance(Experiments.class);
    }

    private ClassLoader pluginLoader() {
        Path dir = pluginDir;
        if (dir == null && System.getenv("MM_PLUGINS") != null) {
            dir = Path.of(System.getenv("MM_PLUGINS"));
        }
        if (dir == null && Files.isDirectory(Path.of("plugins"))) {
            dir = Path.of("plugins");
        }
        ClassLoader parent = Main.class.getClassLoader();
        if (dir == null) {
            return parent;
        }
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("plugin folder not found: " + dir.toAbsolutePath());
        }
        List<URL> urls = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".jar")).sorted().toList()) {
                urls.add(p.toUri().toURL());
            }
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("bad plugin path in " + dir, e);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot list plugin folder " + dir, e);
        }
        return new URLClassLoader(urls.toArray(URL[]::new), parent);
    }
}

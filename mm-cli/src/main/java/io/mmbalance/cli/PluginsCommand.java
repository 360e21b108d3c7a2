package io.mmbalance.cli;

import io.mmbalance.api.NamedProvider;
import io.mmbalance.api.ProviderRegistry;
import io.mmbalance.core.Plugins;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Lists every plugin found through ServiceLoader, by kind and name. */
@Command(
        mixinStandardHelpOptions = true,
        name = "plugins", description = "List installed encoders, fusions, datasets, integrators.")
final class PluginsCommand implements Callable<Integer> {

    @ParentCommand Main main;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        Plugins plugins = main.experiments().plugins();
        PrintWriter out = spec.commandLine().getOut();
        print(out, plugins.encoders());
        print(out, plugins.fusions());
        print(out, plugins.datasets());
        print(out, plugins.integrators());
        out.flush();
        return 0;
    }

    private static void print(PrintWriter out, ProviderRegistry<? extends NamedProvider> reg) {
        out.println(reg.kind() + "s:");
        for (var e : reg.byName().entrySet()) {
            NamedProvider p = e.getValue();
            out.printf(
                    "  %-20s %s  [%s]%n",
                    e.getKey(), p.description(), p.getClass().getName());
        }
        for (NamedProvider p : reg.shadowed()) {
            out.printf("  (shadowed duplicate '%s' from %s)%n", p.name(), p.getClass().getName());
        }
    }
}

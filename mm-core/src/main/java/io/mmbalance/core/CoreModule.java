package io.mmbalance.core;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.mmbalance.core.model.ModelFactory;

/**
 * Guice wiring of the core: the plugin registries, loaded once through {@link
 * java.util.ServiceLoader}, and the services built on them.
 */
public final class CoreModule extends AbstractModule {

    private final ClassLoader loader;

    /**
     * Creates the module.
     *
     * @param loader the class loader whose plugins to use, or null for the context loader
     */
    public CoreModule(ClassLoader loader) {
        this.loader = loader;
    }

    @Provides
    @Singleton
    Plugins plugins() {
        return Plugins.load(loader);
    }

    @Provides
    @Singleton
    ModelFactory modelFactory(Plugins plugins) {
        return new ModelFactory(plugins.encoders(), plugins.fusions());
    }

    @Provides
    @Singleton
    Experiments experiments(Plugins plugins, ModelFactory factory) {
        return new Experiments(plugins, factory);
    }
}

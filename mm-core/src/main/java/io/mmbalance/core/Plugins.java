package io.mmbalance.core;

import io.mmbalance.api.ProviderRegistry;
import io.mmbalance.api.data.DatasetProvider;
import io.mmbalance.api.integrate.GradientIntegratorProvider;
import io.mmbalance.api.model.EncoderProvider;
import io.mmbalance.api.model.FusionProvider;

/**
 * Every installed plugin, loaded once.
 *
 * @param encoders the encoder providers
 * @param fusions the fusion-head providers
 * @param datasets the dataset providers
 * @param integrators the gradient-integrator providers
 */
public record Plugins(
        ProviderRegistry<EncoderProvider> encoders,
        ProviderRegistry<FusionProvider> fusions,
        ProviderRegistry<DatasetProvider> datasets,
        ProviderRegistry<GradientIntegratorProvider> integrators) {

    /**
     * Loads every plugin visible to a class loader.
     *
     * @param loader the loader, or null for the thread's context loader
     * @return the plugins
     */
    public static Plugins load(ClassLoader loader) {
        return new Plugins(
                ProviderRegistry.load(EncoderProvider.class, "encoder", loader),
                ProviderRegistry.load(FusionProvider.class, "fusion", loader),
                ProviderRegistry.load(DatasetProvider.class, "dataset", loader),
                ProviderRegistry.load(GradientIntegratorProvider.class, "integrator", loader));
    }
}

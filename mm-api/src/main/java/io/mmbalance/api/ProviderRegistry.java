package io.mmbalance.api;

import io.mmbalance.api.data.DatasetProvider;
import io.mmbalance.api.integrate.GradientIntegratorProvider;
import io.mmbalance.api.model.EncoderProvider;
import io.mmbalance.api.model.FusionProvider;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Loads the providers of one kind once through {@link ServiceLoader} and finds them by name.
 *
 * <p>Providers are found both on the module path ({@code provides ... with ...}) and on a plain
 * class path ({@code META-INF/services}). When two providers share a name the first one found
 * wins and the other is reported by {@link #shadowed()}.
 *
 * @param <T> the provider type
 */
public final class ProviderRegistry<T extends NamedProvider> {

    private final String kind;
    private final SortedMap<String, T> byName;
    private final List<T> shadowed;

    private ProviderRegistry(String kind, Iterable<T> providers) {
        this.kind = kind;
        SortedMap<String, T> map = new TreeMap<>();
        List<T> dropped = new ArrayList<>();
        for (T provider : providers) {
            if (map.putIfAbsent(provider.name(), provider) != null) {
                dropped.add(provider);
            }
        }
        this.byName = Collections.unmodifiableSortedMap(map);
        this.shadowed = List.copyOf(dropped);
    }

    /**
     * Loads every provider of a type visible to the given class loader.
     *
     * @param type the provider interface
     * @param kind a human name for the kind, used in error messages
     * @param loader the class loader to search, or {@code null} for the thread's context loader
     * @param <T> the provider type
     * @return a registry of the providers found
     */
    public static <T extends NamedProvider> ProviderRegistry<T> load(
            Class<T> type, String kind, ClassLoader loader) {
        ClassLoader cl = loader != null ? loader : Thread.currentThread().getContextClassLoader();
        ServiceLoader<T> services =
                cl != null ? ServiceLoader.load(type, cl) : ServiceLoader.load(type);
        return new ProviderRegistry<>(kind, services);
    }

    /**
     * Builds a registry from explicit providers, for tests and programmatic use.
     *
     * @param kind a human name for the kind
     * @param providers the providers
     * @param <T> the provider type
     * @return the registry
     */
    public static <T extends NamedProvider> ProviderRegistry<T> of(String kind, List<T> providers) {
        return new ProviderRegistry<>(kind, providers);
    }

    /**
     * Returns the gradient integrators visible to the thread's context class loader.
     *
     * @return the registry of integrators
     */
    public static ProviderRegistry<GradientIntegratorProvider> integrators() {
        return load(GradientIntegratorProvider.class, "integrator", null);
    }

    /**
     * Returns the encoders visible to the thread's context class loader.
     *
     * @return the registry of encoders
     */
    public static ProviderRegistry<EncoderProvider> encoders() {
        return load(EncoderProvider.class, "encoder", null);
    }

    /**
     * Returns the fusion heads visible to the thread's context class loader.
     *
     * @return the registry of fusion heads
     */
    public static ProviderRegistry<FusionProvider> fusions() {
        return load(FusionProvider.class, "fusion", null);
    }

    /**
     * Returns the datasets visible to the thread's context class loader.
     *
     * @return the registry of datasets
     */
    public static ProviderRegistry<DatasetProvider> datasets() {
        return load(DatasetProvider.class, "dataset", null);
    }

    /**
     * Returns the provider with the given name.
     *
     * @param name the provider name
     * @return the provider
     * @throws UnknownProviderException when no provider has that name; the message lists the
     *     known names
     */
    public T get(String name) {
        T provider = byName.get(Objects.requireNonNull(name, "name"));
        if (provider == null) {
            throw new UnknownProviderException(kind, name, byName.keySet());
        }
        return provider;
    }

    /**
     * Returns the providers by name, sorted.
     *
     * @return an unmodifiable map from name to provider
     */
    public Map<String, T> byName() {
        return byName;
    }

    /**
     * Returns providers that were dropped because an earlier one had the same name.
     *
     * @return the shadowed providers
     */
    public List<T> shadowed() {
        return shadowed;
    }

    /**
     * Returns the human name of this kind of provider.
     *
     * @return the kind, for example "integrator"
     */
    public String kind() {
        return kind;
    }
}

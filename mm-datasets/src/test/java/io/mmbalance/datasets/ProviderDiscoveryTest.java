package io.mmbalance.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmbalance.api.ProviderRegistry;
import io.mmbalance.api.data.DatasetProvider;
import org.junit.jupiter.api.Test;

class ProviderDiscoveryTest {

    @Test
    void findsEveryDatasetByName() {
        ProviderRegistry<DatasetProvider> datasets = ProviderRegistry.datasets();

        assertThat(datasets.byName()).containsKeys("mnist", "fashion-mnist", "cg-mnist", "fsdd",
                "av-digits", "cremad", "kinetics-sounds", "manifest");
        assertThat(datasets.get("av-digits")).isInstanceOf(AvDigitsProvider.class);
        assertThat(datasets.get("kinetics-sounds")).isInstanceOf(KineticsSoundsProvider.class);
        assertThat(datasets.get("manifest")).isInstanceOf(ManifestProvider.class);
        assertThat(datasets.get("cg-mnist")).isInstanceOf(CgMnistProvider.class);
        assertThat(datasets.get("fashion-mnist")).isInstanceOf(FashionMnistProvider.class);
        assertThat(datasets.shadowed()).isEmpty();
    }

    @Test
    void eachProviderHasDefaultsAndADescription() {
        for (DatasetProvider provider : ProviderRegistry.datasets().byName().values()) {
            assertThat(provider.description()).isNotBlank();
            assertThat(provider.defaults().getString("dir")).isNotBlank();
            assertThat(provider.defaults().getInt("train-limit")).isZero();
            assertThat(provider.defaults().getInt("test-limit")).isZero();
        }
    }
}

package io.mmbalance.encoders;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import io.mmbalance.api.ProviderRegistry;
import io.mmbalance.api.config.ConfigSections;
import io.mmbalance.api.model.EncoderProvider;
import io.mmbalance.api.model.FusionProvider;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProviderDiscoveryTest {

    @Test
    void everyEncoderIsFoundByName() {
        ProviderRegistry<EncoderProvider> encoders = ProviderRegistry.encoders();

        assertThat(encoders.byName()).containsKeys("convnet", "mlp", "resnet18", "spec-cnn");
        assertThat(encoders.shadowed()).isEmpty();
        for (EncoderProvider provider : encoders.byName().values()) {
            assertThat(provider.description()).as(provider.name()).isNotBlank();
        }
    }

    @Test
    void everyFusionHeadIsFoundByName() {
        ProviderRegistry<FusionProvider> fusions = ProviderRegistry.fusions();

        assertThat(fusions.byName()).containsKeys("concat", "sum", "gated", "film");
        assertThat(fusions.shadowed()).isEmpty();
        for (FusionProvider provider : fusions.byName().values()) {
            assertThat(provider.description()).as(provider.name()).isNotBlank();
        }
    }

    @Test
    void newProvidersDocumentTheirKeys() {
        ProviderRegistry<EncoderProvider> encoders = ProviderRegistry.encoders();
        ProviderRegistry<FusionProvider> fusions = ProviderRegistry.fusions();

        assertThat(encoders.get("resnet18").defaults().root().keySet())
                .containsExactlyInAnyOrder("in-channels", "features");
        assertThat(encoders.get("spec-cnn").defaults().root().keySet())
                .containsExactlyInAnyOrder("channels", "features");
        assertThat(fusions.get("gated").defaults().root().keySet())
                .containsExactlyInAnyOrder("hidden", "x-gate");
        assertThat(fusions.get("film").defaults().root().keySet())
                .containsExactlyInAnyOrder("hidden", "x-film");
    }

    @Test
    void theShippedConfigsSettingsForResNet18AreKnownKeys() {
        EncoderProvider resnet = ProviderRegistry.encoders().get("resnet18");

        assertThat(
                        ConfigSections.merge(
                                        ConfigFactory.parseString(
                                                "name = resnet18, in-channels = 1"),
                                        resnet.defaults(),
                                        "model.encoders.audio",
                                        Set.of("name"))
                                .getInt("in-channels"))
                .isEqualTo(1);
    }
}

package io.mmbalance.integrators;

import static io.mmbalance.integrators.Fixtures.integrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;

import io.mmbalance.api.ProviderRegistry;
import io.mmbalance.api.config.ConfigSections;
import io.mmbalance.api.integrate.GradientIntegratorProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Set;

/** Defaults from {@code reference.conf}, merged with a user's section as the caller does. */
class IntegratorConfigTest {

    private static MMParetoSettings mmParetoSettings(String name, String hocon) {
        return ((MMParetoIntegrator) integrator(name, hocon)).settings();
    }

    @ParameterizedTest
    @ValueSource(strings = {"uniform", "pareto", "mmpareto", "mmpareto-official"})
    void everyProviderMergesAnEmptySectionAndCreatesItsIntegrator(String name) {
        GradientIntegratorProvider provider = ProviderRegistry.integrators().get(name);
        Config merged =
                ConfigSections.merge(
                        ConfigFactory.parseString("name = " + name),
                        provider.defaults(),
                        "integrator",
                        Set.of("name"));

        assertThat(provider.create(merged).name()).isEqualTo(name);
        assertThat(provider.description()).isNotBlank();
    }

    @Test
    void mmParetoDefaultsFollowAlgorithmOne() {
        MMParetoSettings s = mmParetoSettings("mmpareto", "");

        assertThat(s.strictThreshold()).isFalse();
        assertThat(s.perTensor()).isFalse();
        assertThat(s.upwardOnly()).isFalse();
        assertThat(s.gamma()).isEqualTo(1.0);
        assertThat(s.solver()).isEqualTo(new SolverSettings(10000, 1e-9));
    }

    @Test
    void theOfficialPresetTurnsOnAllFourDeviations() {
        MMParetoSettings s = mmParetoSettings("mmpareto-official", "");

        assertThat(s.strictThreshold()).isTrue();
        assertThat(s.perTensor()).isTrue();
        assertThat(s.upwardOnly()).isTrue();
        assertThat(s.gamma()).isEqualTo(1.5);
    }

    @Test
    void userKeysOverrideTheDefaults() {
        MMParetoSettings s =
                mmParetoSettings(
                        "mmpareto", "gamma = 2, per-tensor = true, solver.max-iterations = 7");

        assertThat(s.gamma()).isEqualTo(2.0);
        assertThat(s.perTensor()).isTrue();
        assertThat(s.strictThreshold()).isFalse();
        assertThat(s.solver().maxIterations()).isEqualTo(7);
        assertThat(s.solver().tolerance()).isEqualTo(1e-9);
    }

    @Test
    void anUnknownKeyIsAnErrorThatNamesIt() {
        assertThatThrownBy(() -> integrator("mmpareto", "gama = 2"))
                .isInstanceOf(ConfigException.BadPath.class)
                .hasMessageContaining("integrator.gama")
                .hasMessageContaining("gamma");
    }

    @Test
    void anUnknownSolverKeyIsAnErrorThatNamesIt() {
        assertThatThrownBy(() -> integrator("pareto", "solver { max-iteration = 5 }"))
                .isInstanceOf(ConfigException.BadPath.class)
                .hasMessageContaining("integrator.solver.max-iteration")
                .hasMessageContaining("max-iterations");
    }

    @Test
    void uniformTakesNoOptions() {
        assertThatThrownBy(() -> integrator("uniform", "gamma = 1"))
                .isInstanceOf(ConfigException.BadPath.class)
                .hasMessageContaining("integrator.gamma");
    }

    @Test
    void aValueOfTheWrongTypeIsAnError() {
        assertThatThrownBy(() -> integrator("mmpareto", "per-tensor = sometimes"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("per-tensor");
    }

    @Test
    void valuesOutOfRangeAreErrorsThatNameTheKey() {
        assertThatThrownBy(() -> integrator("mmpareto", "gamma = 0"))
                .isInstanceOf(ConfigException.BadValue.class)
                .hasMessageContaining("integrator.gamma")
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> integrator("pareto", "solver.max-iterations = 0"))
                .isInstanceOf(ConfigException.BadValue.class)
                .hasMessageContaining("integrator.solver.max-iterations");
        assertThatThrownBy(() -> integrator("mmpareto-official", "solver.tolerance = -1"))
                .isInstanceOf(ConfigException.BadValue.class)
                .hasMessageContaining("integrator.solver.tolerance");
    }

    @Test
    void createFillsInKeysTheCallerLeftOut() {
        GradientIntegratorProvider provider = ProviderRegistry.integrators().get("mmpareto");

        MMParetoIntegrator created =
                (MMParetoIntegrator) provider.create(ConfigFactory.parseString("gamma = 3"));

        assertThat(created.settings().gamma()).isEqualTo(3.0);
        assertThat(created.settings().solver().maxIterations()).isEqualTo(10000);
    }
}

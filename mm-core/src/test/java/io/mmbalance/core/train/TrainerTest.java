package io.mmbalance.core.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.typesafe.config.ConfigFactory;
import io.mmbalance.api.ProviderRegistry;
import io.mmbalance.api.data.ModalitySpec;
import io.mmbalance.api.data.MultimodalDataset;
import io.mmbalance.core.Experiments;
import io.mmbalance.core.Plugins;
import io.mmbalance.core.RunConfig;
import io.mmbalance.core.model.ModelFactory;
import io.mmbalance.core.model.MultimodalModel;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TrainerTest {

    /** Two modalities of 8 values; modality "easy" holds the label, "noisy" a weak hint. */
    static final class Synthetic implements MultimodalDataset {
        private final float[][] a;
        private final float[][] b;
        private final int[] labels;

        Synthetic(int n, long seed) {
            Random r = new Random(seed);
            a = new float[n][8];
            b = new float[n][8];
            labels = new int[n];
            for (int i = 0; i < n; i++) {
                labels[i] = r.nextInt(3);
                for (int j = 0; j < 8; j++) {
                    a[i][j] = (float) r.nextGaussian() + (j == labels[i] ? 2f : 0f);
                    b[i][j] = (float) r.nextGaussian() + (j == labels[i] + 3 ? 0.5f : 0f);
                }
            }
        }

        @Override
        public List<ModalitySpec> modalities() {
            return List.of(
                    new ModalitySpec("easy", new Shape(8)), new ModalitySpec("noisy", new Shape(8)));
        }

        @Override
        public List<String> classes() {
            return List.of("x", "y", "z");
        }

        @Override
        public int size() {
            return labels.length;
        }

        @Override
        public int label(int index, int task) {
            return labels[index];
        }

        @Override
        public void copySample(int modality, int index, float[] dest, int offset) {
            System.arraycopy(modality == 0 ? a[index] : b[index], 0, dest, offset, 8);
        }

        @Override
        public Map<String, Object> recipe() {
            return Map.of();
        }
    }

    private static Map<String, Object> train(String integrator) {
        RunConfig rc =
                RunConfig.of(
                        ConfigFactory.parseString(
                                """
                                run { seed = 3 }
                                dataset { name = synthetic }
                                model { encoder { name = mlp, hidden = [16], features = 8 } }
                                training { epochs = 3, batch-size = 16, learning-rate = 0.05,
                                           diagnostics-every = 1 }
                                integrator { name = %s }
                                """
                                        .formatted(integrator)),
                        "test");
        Plugins plugins = Plugins.load(null);
        Experiments ex =
                new Experiments(plugins, new ModelFactory(plugins.encoders(), plugins.fusions()));
        Synthetic train = new Synthetic(320, 1);
        Synthetic test = new Synthetic(160, 2);
        try (NDManager manager = NDManager.newBaseManager()) {
            MultimodalModel model = ex.model(rc, train, manager);
            Trainer trainer =
                    new Trainer(
                            model,
                            TrainingSettings.from(rc.config().getConfig("training")),
                            ex.integrator(rc),
                            3,
                            manager);
            return trainer.fit(train, test, null, new TrainingListener() {});
        }
    }

    @Test
    void theSameSeedGivesTheSameMetrics() {
        Map<String, Object> first = train("mmpareto");
        Map<String, Object> second = train("mmpareto");
        first.remove("train_seconds");
        second.remove("train_seconds");
        assertThat(first).isEqualTo(second);
    }

    @Test
    void trainingLearnsAndCountsConflictsPerEncoder() {
        Map<String, Object> summary = train("mmpareto");
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Double>> test =
                (Map<String, Map<String, Double>>) summary.get("test");
        assertThat(test).containsOnlyKeys("multimodal", "unimodal/easy", "unimodal/noisy");
        assertThat(test.get("multimodal").get("accuracy")).isGreaterThan(0.6);
        @SuppressWarnings("unchecked")
        Map<String, Double> share = (Map<String, Double>) summary.get("conflict_share");
        assertThat(share).containsOnlyKeys("easy", "noisy");
        assertThat(share.values()).allSatisfy(v -> assertThat(v).isBetween(0.0, 1.0));
        assertThat(summary.get("steps")).isEqualTo(60L);
    }

    @Test
    void learningRateDecaysAtTheListedEpochs() {
        TrainingSettings s =
                TrainingSettings.from(
                        ConfigFactory.parseString(
                                        "lr-decay { epochs = [3, 5], factor = 0.1 }, learning-rate = 1")
                                .withFallback(
                                        ConfigFactory.defaultReference()
                                                .getConfig("mm.training")));
        assertThat(s.learningRateAt(1)).isEqualTo(1.0);
        assertThat(s.learningRateAt(2)).isEqualTo(1.0);
        assertThat(s.learningRateAt(3)).isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(s.learningRateAt(6)).isCloseTo(0.01, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void registryKnowsTheShippedIntegrators() {
        assertThat(ProviderRegistry.integrators().byName()).containsKeys("uniform", "mmpareto");
    }

    @Test
    void anEncoderOverrideForAnUnknownModalityIsAnErrorListingTheModalities() {
        RunConfig rc =
                RunConfig.of(
                        ConfigFactory.parseString(
                                """
                                dataset { name = synthetic }
                                model { encoder { name = mlp }, encoders { eazy { name = mlp } } }
                                """),
                        "test");
        Plugins plugins = Plugins.load(null);
        Experiments ex =
                new Experiments(plugins, new ModelFactory(plugins.encoders(), plugins.fusions()));
        try (NDManager manager = NDManager.newBaseManager()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> ex.model(rc, new Synthetic(10, 1), manager))
                    .hasMessageContaining("model.encoders.eazy")
                    .hasMessageContaining("[easy, noisy]");
        }
    }

    @Test
    void anUnwritableRunFolderIsNamedWithWhatToDo() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> RunFolder.create(java.nio.file.Path.of("/proc/no-such-dir"), "x"))
                .isInstanceOf(java.io.IOException.class)
                .hasMessageContaining("cannot create the run folder /proc/no-such-dir/x-")
                .hasMessageContaining("run.dir");
    }

    @Test
    void rangeErrorsNameTheKeyAndValueFirst() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () ->
                                TrainingSettings.from(
                                        ConfigFactory.parseString("batch-size = -4")
                                                .withFallback(
                                                        ConfigFactory.defaultReference()
                                                                .getConfig("mm.training"))))
                .hasMessageStartingWith("Invalid value at 'training.batch-size': -4 must be > 0");
    }
}

package io.mmbalance.core.onnx;

import io.mmbalance.api.data.ModalitySpec;
import io.mmbalance.api.data.MultimodalDataset;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Samples of standard normal values for given modalities, for comparing a model with its export
 * when the real data are not at hand; every label is 0.
 */
public final class RandomInputs implements MultimodalDataset {

    private final List<ModalitySpec> modalities;
    private final List<String> classes;
    private final int size;
    private final long seed;

    /**
     * Creates the samples.
     *
     * @param modalities the modalities
     * @param classes the class labels
     * @param size the number of samples
     * @param seed the seed; sample {@code i} of modality {@code m} depends only on it, i and m
     */
    public RandomInputs(List<ModalitySpec> modalities, List<String> classes, int size, long seed) {
        this.modalities = List.copyOf(modalities);
        this.classes = List.copyOf(classes);
        this.size = size;
        this.seed = seed;
    }

    @Override
    public List<ModalitySpec> modalities() {
        return modalities;
    }

    @Override
    public List<String> classes() {
        return classes;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public int label(int index, int task) {
        return 0;
    }

    @Override
    public void copySample(int modality, int index, float[] dest, int offset) {
        Random random = new Random(seed * 1_000_003L + modality * 7_919L + index);
        int n = modalities.get(modality).sampleSize();
        for (int i = 0; i < n; i++) {
            dest[offset + i] = (float) random.nextGaussian();
        }
    }

    @Override
    public Map<String, Object> recipe() {
        return Map.of("dataset", "random-normal", "seed", seed, "size", size);
    }
}

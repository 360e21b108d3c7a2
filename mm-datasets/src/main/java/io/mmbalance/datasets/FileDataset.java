package io.mmbalance.datasets;

import io.mmbalance.api.data.ModalitySpec;
import io.mmbalance.api.data.MultimodalDataset;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A split whose samples are read from their files when copied: audio features from the feature
 * cache, frames and images decoded each time. A file that cannot be read then raises an {@link
 * UncheckedIOException} whose cause names it.
 */
final class FileDataset implements MultimodalDataset {

    private final List<FileModality> modalities;
    private final List<ModalitySpec> specs;
    private final int[] labels;
    private final List<String> classes;
    private final Map<String, Object> recipe;

    FileDataset(List<FileModality> modalities, int[] labels, List<String> classes,
            Map<String, Object> recipe) {
        this.modalities = List.copyOf(modalities);
        this.specs = this.modalities.stream().map(FileModality::spec).toList();
        this.labels = labels.clone();
        this.classes = List.copyOf(classes);
        this.recipe = Recipes.freeze(recipe);
    }

    @Override
    public List<ModalitySpec> modalities() {
        return specs;
    }

    @Override
    public List<String> classes() {
        return classes;
    }

    @Override
    public int size() {
        return labels.length;
    }

    @Override
    public int label(int index, int task) {
        Objects.checkIndex(task, 1);
        return labels[Objects.checkIndex(index, labels.length)];
    }

    @Override
    public void copySample(int modality, int index, float[] dest, int offset) {
        FileModality m = modalities.get(Objects.checkIndex(modality, modalities.size()));
        Objects.checkIndex(index, labels.length);
        Objects.checkFromIndexSize(offset, specs.get(modality).sampleSize(), dest.length);
        try {
            m.copy(index, dest, offset);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sample " + index + " of modality "
                    + specs.get(modality).name() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Map<String, Object> recipe() {
        return recipe;
    }

    /** Returns a modality's reader, for tests. */
    FileModality modality(int index) {
        return modalities.get(index);
    }
}

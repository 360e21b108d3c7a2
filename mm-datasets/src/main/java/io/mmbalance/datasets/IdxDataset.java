package io.mmbalance.datasets;

import io.mmbalance.api.data.ModalitySpec;
import io.mmbalance.api.data.MultimodalDataset;
import io.mmbalance.datasets.idx.LabelledImages;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A single-task split backed by IDX images and labels; subclasses say how samples are copied. */
abstract class IdxDataset implements MultimodalDataset {

    private final LabelledImages data;
    private final List<String> classes;
    private final List<ModalitySpec> modalities;
    private final Map<String, Object> recipe;

    IdxDataset(
            LabelledImages data,
            List<ModalitySpec> modalities,
            List<String> classes,
            Map<String, Object> recipe) {
        this.data = Objects.requireNonNull(data, "data");
        this.modalities = List.copyOf(modalities);
        this.classes = List.copyOf(classes);
        this.recipe = Recipes.freeze(recipe);
    }

    /** Returns the images and labels behind this split. */
    final LabelledImages data() {
        return data;
    }

    @Override
    public final List<ModalitySpec> modalities() {
        return modalities;
    }

    @Override
    public final List<String> classes() {
        return classes;
    }

    @Override
    public final int size() {
        return data.size();
    }

    @Override
    public final int label(int index, int task) {
        Objects.checkIndex(task, 1);
        return data.labels().label(index);
    }

    @Override
    public final Map<String, Object> recipe() {
        return recipe;
    }
}

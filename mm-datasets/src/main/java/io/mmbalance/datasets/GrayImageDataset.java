package io.mmbalance.datasets;

import ai.djl.ndarray.types.Shape;
import io.mmbalance.api.data.ModalitySpec;
import io.mmbalance.api.data.MultimodalDataset;
import io.mmbalance.datasets.idx.IdxImages;
import io.mmbalance.datasets.idx.LabelledImages;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** One split of gray images with one modality, "image", of shape (1, rows, cols), pixel/255. */
final class GrayImageDataset implements MultimodalDataset {

    static final String MODALITY = "image";

    private final LabelledImages data;
    private final List<String> classes;
    private final List<ModalitySpec> modalities;
    private final Map<String, Object> recipe;

    GrayImageDataset(LabelledImages data, List<String> classes, Map<String, Object> recipe) {
        this.data = Objects.requireNonNull(data, "data");
        this.classes = List.copyOf(classes);
        IdxImages images = data.images();
        this.modalities =
                List.of(new ModalitySpec(MODALITY, new Shape(1, images.rows(), images.cols())));
        this.recipe = Recipes.freeze(recipe);
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
        return data.size();
    }

    @Override
    public int label(int index, int task) {
        Objects.checkIndex(task, 1);
        return data.labels().label(index);
    }

    @Override
    public void copySample(int modality, int index, float[] dest, int offset) {
        Objects.checkIndex(modality, 1);
        data.images().copyNormalized(index, dest, offset);
    }

    @Override
    public Map<String, Object> recipe() {
        return recipe;
    }
}

package io.mmbalance.datasets;

import ai.djl.ndarray.types.Shape;
import io.mmbalance.api.data.ModalitySpec;
import io.mmbalance.api.data.MultimodalDataset;
import io.mmbalance.datasets.idx.IdxImages;
import io.mmbalance.datasets.idx.LabelledImages;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One split of CG-MNIST: modality "gray" (1, rows, cols) holds {@code pixel / 255f}, modality
 * "color" (3, rows, cols) holds {@code pixel / 255f * rgb[c]} for channel {@code c}, with the
 * sample's colour {@code rgb}; the colour pixels are computed when copied.
 */
final class CgMnistDataset implements MultimodalDataset {

    static final String GRAY = "gray";
    static final String COLOR = "color";

    private final LabelledImages data;
    private final float[] colors;
    private final List<String> classes;
    private final List<ModalitySpec> modalities;
    private final Map<String, Object> recipe;

    CgMnistDataset(
            LabelledImages data, float[] colors, List<String> classes, Map<String, Object> recipe) {
        this.data = Objects.requireNonNull(data, "data");
        this.colors = Objects.requireNonNull(colors, "colors");
        if (colors.length != 3 * data.size()) {
            throw new IllegalArgumentException(
                    colors.length + " colour values for " + data.size() + " samples");
        }
        this.classes = List.copyOf(classes);
        IdxImages images = data.images();
        this.modalities = List.of(
                new ModalitySpec(GRAY, new Shape(1, images.rows(), images.cols())),
                new ModalitySpec(COLOR, new Shape(3, images.rows(), images.cols())));
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
        Objects.checkIndex(modality, 2);
        IdxImages images = data.images();
        if (modality == 0) {
            images.copyNormalized(index, dest, offset);
            return;
        }
        int size = images.pixelsPerImage();
        Objects.checkFromIndexSize(offset, 3 * size, dest.length);
        images.copyNormalized(index, dest, offset);
        float r = colors[3 * index];
        float g = colors[3 * index + 1];
        float b = colors[3 * index + 2];
        for (int p = offset + size - 1; p >= offset; p--) {
            float v = dest[p];
            dest[p + 2 * size] = v * b;
            dest[p + size] = v * g;
            dest[p] = v * r;
        }
    }

    float[] color(int index) {
        Objects.checkIndex(index, data.size());
        return new float[] {colors[3 * index], colors[3 * index + 1], colors[3 * index + 2]};
    }

    @Override
    public Map<String, Object> recipe() {
        return recipe;
    }
}

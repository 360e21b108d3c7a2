package io.mmbalance.datasets;

import ai.djl.ndarray.types.Shape;
import io.mmbalance.api.data.ModalitySpec;
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
final class CgMnistDataset extends IdxDataset {

    static final String GRAY = "gray";
    static final String COLOR = "color";

    private final float[] colors;

    CgMnistDataset(
            LabelledImages data, float[] colors, List<String> classes, Map<String, Object> recipe) {
        super(data, modalities(data.images()), classes, recipe);
        this.colors = Objects.requireNonNull(colors, "colors");
        if (colors.length != 3 * data.size()) {
            throw new IllegalArgumentException(
                    colors.length + " colour values for " + data.size() + " samples");
        }
    }

    private static List<ModalitySpec> modalities(IdxImages images) {
        return List.of(
                new ModalitySpec(GRAY, new Shape(1, images.rows(), images.cols())),
                new ModalitySpec(COLOR, new Shape(3, images.rows(), images.cols())));
    }

    @Override
    public void copySample(int modality, int index, float[] dest, int offset) {
        Objects.checkIndex(modality, 2);
        IdxImages images = data().images();
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
        Objects.checkIndex(index, size());
        return new float[] {colors[3 * index], colors[3 * index + 1], colors[3 * index + 2]};
    }
}

package io.mmbalance.datasets;

import ai.djl.ndarray.types.Shape;
import io.mmbalance.api.data.ModalitySpec;
import io.mmbalance.datasets.idx.IdxImages;
import io.mmbalance.datasets.idx.LabelledImages;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** One split of gray images with one modality, "image", of shape (1, rows, cols), pixel/255. */
final class GrayImageDataset extends IdxDataset {

    static final String MODALITY = "image";

    GrayImageDataset(LabelledImages data, List<String> classes, Map<String, Object> recipe) {
        super(data, modalities(data.images()), classes, recipe);
    }

    private static List<ModalitySpec> modalities(IdxImages images) {
        return List.of(new ModalitySpec(MODALITY, new Shape(1, images.rows(), images.cols())));
    }

    @Override
    public void copySample(int modality, int index, float[] dest, int offset) {
        Objects.checkIndex(modality, 1);
        data().images().copyNormalized(index, dest, offset);
    }
}

package io.mmbalance.datasets;

import ai.djl.ndarray.types.Shape;
import io.mmbalance.api.data.ModalitySpec;
import io.mmbalance.api.data.MultimodalDataset;
import io.mmbalance.datasets.idx.IdxImages;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * FSDD recordings with their audio features held in memory: modality "audio" (1, bins,
 * frames) and, for AV-Digits, modality "image" (1, rows, cols), the paired MNIST image as
 * {@code pixel / 255}.
 */
final class SpokenDigitsDataset implements MultimodalDataset {

    static final String AUDIO = "audio";
    static final String IMAGE = "image";

    private final List<FsddRecording> recordings;
    private final float[] features;
    private final int featureSize;
    private final IdxImages images;
    private final int[] imageIndex;
    private final List<ModalitySpec> modalities;
    private final Map<String, Object> recipe;

    SpokenDigitsDataset(List<FsddRecording> recordings, float[] features, Shape audioShape,
            IdxImages images, int[] imageIndex, Map<String, Object> recipe) {
        this.recordings = List.copyOf(recordings);
        this.features = Objects.requireNonNull(features, "features");
        this.featureSize = Math.toIntExact(audioShape.size());
        if (features.length != featureSize * recordings.size()) {
            throw new IllegalArgumentException(features.length + " feature values for "
                    + recordings.size() + " recordings of " + audioShape);
        }
        this.images = images;
        this.imageIndex = imageIndex;
        List<ModalitySpec> mods = new ArrayList<>();
        mods.add(new ModalitySpec(AUDIO, audioShape));
        if (images != null) {
            if (imageIndex.length != recordings.size()) {
                throw new IllegalArgumentException(
                        imageIndex.length + " paired images for " + recordings.size());
            }
            mods.add(new ModalitySpec(IMAGE, new Shape(1, images.rows(), images.cols())));
        }
        this.modalities = List.copyOf(mods);
        this.recipe = Recipes.freeze(recipe);
    }

    @Override
    public List<ModalitySpec> modalities() {
        return modalities;
    }

    @Override
    public List<String> classes() {
        return MnistProvider.CLASSES;
    }

    @Override
    public int size() {
        return recordings.size();
    }

    @Override
    public int label(int index, int task) {
        Objects.checkIndex(task, 1);
        return recordings.get(index).digit();
    }

    @Override
    public void copySample(int modality, int index, float[] dest, int offset) {
        Objects.checkIndex(modality, modalities.size());
        Objects.checkIndex(index, recordings.size());
        if (modality == 0) {
            Objects.checkFromIndexSize(offset, featureSize, dest.length);
            System.arraycopy(features, index * featureSize, dest, offset, featureSize);
        } else {
            images.copyNormalized(imageIndex[index], dest, offset);
        }
    }

    @Override
    public Map<String, Object> recipe() {
        return recipe;
    }

    /** Returns the recording behind a sample. */
    FsddRecording recording(int index) {
        return recordings.get(index);
    }

    /** Returns the index of the MNIST image paired with a sample, or -1 without images. */
    int mnistIndex(int index) {
        Objects.checkIndex(index, recordings.size());
        return imageIndex == null ? -1 : imageIndex[index];
    }
}

package io.mmbalance.datasets;

import io.mmbalance.api.data.ModalitySpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** A modality of audio features, one WAV file per sample, read through the feature cache. */
final class AudioModality implements FileModality {

    private final ModalitySpec spec;
    private final List<Path> files;
    private final AudioFeatureCache cache;

    AudioModality(String name, List<Path> files, AudioFeatureCache cache) {
        this.spec = new ModalitySpec(name, cache.recipe().shape());
        this.files = List.copyOf(files);
        this.cache = cache;
    }

    @Override
    public ModalitySpec spec() {
        return spec;
    }

    @Override
    public void copy(int index, float[] dest, int offset) throws IOException {
        float[] values = cache.features(files.get(index));
        System.arraycopy(values, 0, dest, offset, values.length);
    }

    List<Path> files() {
        return files;
    }

    AudioFeatureCache cache() {
        return cache;
    }
}

package io.mmbalance.datasets;

import ai.djl.ndarray.types.Shape;
import io.mmbalance.api.data.ModalitySpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** A modality of one image file per sample, (channels, height, width), decoded when copied. */
final class ImageModality implements FileModality {

    private final ModalitySpec spec;
    private final List<Path> files;
    private final ImageTensors.Format format;

    ImageModality(String name, List<Path> files, ImageTensors.Format format) {
        this.spec = new ModalitySpec(name,
                new Shape(format.channels(), format.height(), format.width()));
        this.files = List.copyOf(files);
        this.format = format;
    }

    @Override
    public ModalitySpec spec() {
        return spec;
    }

    @Override
    public void copy(int index, float[] dest, int offset) throws IOException {
        ImageTensors.copy(ImageTensors.read(files.get(index)), format, false, dest, offset);
    }
}

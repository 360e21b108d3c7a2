package io.mmbalance.datasets;

import io.mmbalance.api.data.ModalitySpec;
import java.io.IOException;

/** One modality of a {@link FileDataset}: reads a sample's values from its files on demand. */
interface FileModality {

    /** Returns the modality's name and shape. */
    ModalitySpec spec();

    /** Writes sample {@code index} at {@code dest[offset]}, {@code spec().sampleSize()} values. */
    void copy(int index, float[] dest, int offset) throws IOException;
}

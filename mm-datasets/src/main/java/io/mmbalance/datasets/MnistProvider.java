package io.mmbalance.datasets;

import java.util.List;

/**
 * Provides {@code mnist}: 28x28 handwritten digits, classes "0" to "9", one modality "image".
 *
 * <p>Reads {@code train-images-idx3-ubyte}, {@code train-labels-idx1-ubyte}, {@code
 * t10k-images-idx3-ubyte} and {@code t10k-labels-idx1-ubyte} (raw or gzipped) from the folder
 * {@code mm.datasets.mnist.dir} (default {@code mnist}) under the data root.
 */
public final class MnistProvider extends IdxImageProvider {

    /** The name by which configuration selects this dataset. */
    public static final String NAME = "mnist";

    static final List<String> CLASSES =
            List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public MnistProvider() {
        super(NAME, "MNIST handwritten digits, one gray image modality (1x28x28)", CLASSES);
    }
}

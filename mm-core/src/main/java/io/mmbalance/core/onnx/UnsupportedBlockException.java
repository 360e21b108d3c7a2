package io.mmbalance.core.onnx;

/** Thrown when a block of a model has no ONNX translation; the message names the block. */
public final class UnsupportedBlockException extends UnsupportedOperationException {

    private static final long serialVersionUID = 1L;

    /** The path of the block inside the model, e.g. "01encoder-gray/03LambdaBlock". */
    private final String blockPath;

    /**
     * Creates the exception.
     *
     * @param blockPath the path of the block inside the model
     * @param message the full message, naming the block
     */
    public UnsupportedBlockException(String blockPath, String message) {
        super(message);
        this.blockPath = blockPath;
    }

    /**
     * Returns the path of the block inside the model: the child names from the model down, joined
     * by "/".
     *
     * @return the path
     */
    public String blockPath() {
        return blockPath;
    }
}

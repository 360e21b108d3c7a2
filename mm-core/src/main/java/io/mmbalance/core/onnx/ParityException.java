package io.mmbalance.core.onnx;

/** Thrown when an exported model's outputs differ from the framework's beyond the tolerance. */
public final class ParityException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** The name of the output that differed. */
    private final String output;

    /**
     * Creates the exception.
     *
     * @param output the name of the output that differed
     * @param message the message, naming the output
     */
    public ParityException(String output, String message) {
        super(message);
        this.output = output;
    }

    /**
     * Returns the name of the output that differed.
     *
     * @return the output's name
     */
    public String output() {
        return output;
    }
}

package io.mmbalance.datasets.audio;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Signals that a WAV file is malformed or in a format the reader does not decode; the message
 * starts with the file and names the fault.
 */
public final class WavFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    /** The file at fault; not serialized, since {@link Path} is not serializable. */
    private final transient Path file;

    /** What is wrong with the file, in words. */
    private final String fault;

    /**
     * Creates the exception for a fault in a file.
     *
     * @param file the file at fault
     * @param fault what is wrong, in words
     */
    public WavFormatException(Path file, String fault) {
        super(Objects.requireNonNull(file, "file") + ": " + fault);
        this.file = file;
        this.fault = fault;
    }

    /**
     * Returns the file at fault.
     *
     * @return the file
     */
    public Path file() {
        return file;
    }

    /**
     * Returns what is wrong with the file, without the file name.
     *
     * @return the fault
     */
    public String fault() {
        return fault;
    }
}

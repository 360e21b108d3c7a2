package io.mmbalance.datasets.csv;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Signals a fault in a CSV file or in one of its values; the message starts with the file and
 * the line and names the fault.
 */
public final class CsvFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    /** The file at fault; not serialized, since {@link Path} is not serializable. */
    private final transient Path file;

    /** The 1-based line where the faulty row starts, or 0 for the whole file. */
    private final int line;

    /** What is wrong, in words. */
    private final String fault;

    /**
     * Creates the exception for a fault on a line of a file.
     *
     * @param file the file at fault
     * @param line the 1-based line where the faulty row starts, or 0 for the whole file
     * @param fault what is wrong, in words
     */
    public CsvFormatException(Path file, int line, String fault) {
        super(Objects.requireNonNull(file, "file") + (line > 0 ? ", line " + line : "") + ": "
                + fault);
        this.file = file;
        this.line = line;
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
     * Returns the line where the faulty row starts.
     *
     * @return the 1-based line, or 0 when the fault concerns the whole file
     */
    public int line() {
        return line;
    }

    /**
     * Returns what is wrong, without the file and line.
     *
     * @return the fault
     */
    public String fault() {
        return fault;
    }
}

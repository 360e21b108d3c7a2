package io.mmbalance.core.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * A run's folder: the resolved configuration, {@code metrics.jsonl}, {@code summary.json} and the
 * trained parameters. Files other than the metrics log are written atomically.
 */
public final class RunFolder implements Closeable {

    /** The file holding the resolved configuration. */
    public static final String CONFIG = "config.conf";
    /** The metrics log, one JSON object a line. */
    public static final String METRICS = "metrics.jsonl";
    /** The final summary. */
    public static final String SUMMARY = "summary.json";
    /** The trained parameters in DJL's format. */
    public static final String PARAMETERS = "model.params";

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper JSON_LINE = new ObjectMapper();

    private final Path dir;
    private final BufferedWriter metrics;

    private RunFolder(Path dir) throws IOException {
        this.dir = dir;
        this.metrics =
                Files.newBufferedWriter(
                        dir.resolve(METRICS),
                        StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING);
    }

    /**
     * Creates a new, uniquely named run folder {@code parent/name-yyyyMMdd-HHmmss}.
     *
     * @param parent the folder holding runs
     * @param name the run's name
     * @return the open run folder
     * @throws IOException when the folder cannot be created
     */
    public static RunFolder create(Path parent, String name) throws IOException {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path dir = parent.resolve(name + "-" + stamp);
        try {
            Files.createDirectories(parent);
            for (int i = 2; Files.exists(dir); i++) {
                dir = parent.resolve(name + "-" + stamp + "-" + i);
            }
            Files.createDirectories(dir);
            return new RunFolder(dir);
        } catch (IOException e) {
            throw new IOException(
                    "cannot create the run folder "
                            + dir.toAbsolutePath()
                            + " ("
                            + e
                            + "); set run.dir to a writable folder",
                    e);
        }
    }

    /**
     * Returns the folder.
     *
     * @return the path of the run folder
     */
    public Path dir() {
        return dir;
    }

    /**
     * Appends one record to {@code metrics.jsonl} and flushes it.
     *
     * @param record the record
     */
    public void log(Map<String, Object> record) {
        try {
            metrics.write(JSON_LINE.writeValueAsString(record));
            metrics.newLine();
            metrics.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(METRICS), e);
        }
    }

    /**
     * Writes a text file atomically.
     *
     * @param name the file name inside the folder
     * @param text the content
     * @throws IOException when writing fails
     */
    public void writeText(String name, String text) throws IOException {
        writeAtomically(name, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Writes a value as indented JSON, atomically.
     *
     * @param name the file name inside the folder
     * @param value the value
     * @throws IOException when writing fails
     */
    public void writeJson(String name, Object value) throws IOException {
        writeAtomically(name, out -> JSON.writeValue(out, value));
    }

    /** Writes bytes to a stream. */
    @FunctionalInterface
    public interface Writer {
        /**
         * Writes the content.
         *
         * @param out the stream
         * @throws IOException when writing fails
         */
        void write(OutputStream out) throws IOException;
    }

    /**
     * Writes a file through a temporary file and an atomic move, so a reader never sees half.
     *
     * @param name the file name inside the folder
     * @param writer writes the content
     * @throws IOException when writing fails
     */
    public void writeAtomically(String name, Writer writer) throws IOException {
        Path target = dir.resolve(name);
        Path tmp = dir.resolve(name + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            writer.write(out);
        }
        Files.move(
                tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public void close() throws IOException {
        metrics.close();
    }
}

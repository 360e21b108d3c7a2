package io.mmbalance.datasets.csv;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads comma-separated files as RFC 4180 describes them, in UTF-8.
 *
 * <p>A leading byte-order mark is dropped. Cells are separated by commas and rows by CR, LF or
 * CR LF. A cell in double quotes may hold commas, line breaks and doubled quotes ({@code ""}
 * for one {@code "}); the spaces around an unquoted cell are trimmed. Empty lines are skipped.
 * Bytes that are not UTF-8, an unterminated quote and text after a closing quote raise a
 * {@link CsvFormatException} naming the file and line.
 */
public final class CsvFiles {

    private static final char BOM = '\uFEFF';

    private CsvFiles() {}

    /**
     * Reads all rows of a file.
     *
     * @param file the file
     * @return the rows, each with the line it starts on
     * @throws CsvFormatException when the file is not UTF-8 or its quoting is broken
     * @throws IOException when the file cannot be read
     */
    public static List<CsvRow> read(Path file) throws IOException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new CsvFormatException(file, 0, "is not UTF-8 text (" + e + ")");
        }
        return parse(file, text);
    }

    /**
     * Parses the text of a CSV file.
     *
     * @param file the file the text came from, named in messages
     * @param text the text, possibly starting with a byte-order mark
     * @return the rows, each with the line it starts on
     * @throws CsvFormatException when the quoting is broken
     */
    public static List<CsvRow> parse(Path file, String text) throws CsvFormatException {
        List<CsvRow> rows = new ArrayList<>();
        int i = !text.isEmpty() && text.charAt(0) == BOM ? 1 : 0;
        int line = 1;
        int n = text.length();
        while (i < n) {
            int rowLine = line;
            List<String> cells = new ArrayList<>();
            boolean rowDone = false;
            boolean anyQuoted = false;
            while (!rowDone) {
                StringBuilder cell = new StringBuilder();
                boolean quoted = false;
                while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                    cell.append(text.charAt(i++));
                }
                if (i < n && text.charAt(i) == '"') {
                    quoted = true;
                    anyQuoted = true;
                    cell.setLength(0);
                    int openLine = line;
                    i++;
                    while (true) {
                        if (i >= n) {
                            throw new CsvFormatException(file, openLine,
                                    "a quoted cell is never closed");
                        }
                        char c = text.charAt(i++);
                        if (c == '"') {
                            if (i < n && text.charAt(i) == '"') {
                                cell.append('"');
                                i++;
                            } else {
                                break;
                            }
                        } else {
                            if (c == '\n' || (c == '\r' && (i >= n || text.charAt(i) != '\n'))) {
                                line++;
                            }
                            cell.append(c);
                        }
                    }
                    while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                        i++;
                    }
                    if (i < n && text.charAt(i) != ',' && text.charAt(i) != '\n'
                            && text.charAt(i) != '\r') {
                        throw new CsvFormatException(file, line, "text after the closing quote"
                                + " of a cell; double a quote inside a quoted cell");
                    }
                } else {
                    while (i < n) {
                        char c = text.charAt(i);
                        if (c == ',' || c == '\n' || c == '\r') {
                            break;
                        }
                        cell.append(c);
                        i++;
                    }
                }
                cells.add(quoted ? cell.toString() : cell.toString().strip());
                if (i >= n) {
                    rowDone = true;
                } else if (text.charAt(i) == ',') {
                    i++;
                } else {
                    if (text.charAt(i) == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    i++;
                    line++;
                    rowDone = true;
                }
            }
            if (!anyQuoted && cells.size() == 1 && cells.get(0).isEmpty()) {
                continue;
            }
            rows.add(new CsvRow(rowLine, cells));
        }
        return rows;
    }
}

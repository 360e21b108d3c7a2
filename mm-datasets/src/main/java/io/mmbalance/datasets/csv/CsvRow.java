package io.mmbalance.datasets.csv;

import java.util.List;
import java.util.Objects;

/**
 * One row of a CSV file.
 *
 * @param line the 1-based line on which the row starts
 * @param cells the cells, unquoted
 */
public record CsvRow(int line, List<String> cells) {

    /**
     * Creates a row with an unmodifiable copy of the cells.
     *
     * @param line the 1-based line on which the row starts
     * @param cells the cells, unquoted
     */
    public CsvRow {
        cells = List.copyOf(Objects.requireNonNull(cells, "cells"));
    }

    /**
     * Returns one cell.
     *
     * @param column the 0-based column
     * @return the cell's text
     */
    public String cell(int column) {
        return cells.get(column);
    }

    /**
     * Returns the number of cells.
     *
     * @return the number of cells
     */
    public int size() {
        return cells.size();
    }
}

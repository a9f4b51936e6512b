package org.flowexplorer.model.data;

import org.flowexplorer.model.fs.AtomicFiles;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes column-oriented numeric tables as CSV for exports other than plain point sets, e.g. a
 * {@code log_prob} column or per-layer traces {@code l0_x,l0_y,l1_x,...}. One header line, then one
 * row per index; values are printed in the shortest form that reads back as the same number
 * (NaN and infinities as {@code NaN}, {@code Infinity}, {@code -Infinity}, which Python's
 * {@code float()} and numpy accept). Files are replaced atomically (see {@link AtomicFiles}).
 */
public final class CsvTable {
    private CsvTable() {
    }

    /**
     * Writes float columns.
     *
     * @param header  one name per column; not empty, no commas, quotes or line breaks
     * @param columns the columns, all of the same length (0 rows gives a header-only file)
     * @throws IllegalArgumentException if names and columns do not match up
     */
    public static void writeColumns(Path file, List<String> header, List<float[]> columns) throws IOException {
        int[] lengths = columns.stream().mapToInt(c -> c.length).toArray();
        write(file, header, lengths, (r, c) -> Float.toString(columns.get(c)[r]));
    }

    /** As {@link #writeColumns(Path, List, List)}, for double columns (printed with double precision). */
    public static void writeDoubleColumns(Path file, List<String> header, List<double[]> columns) throws IOException {
        int[] lengths = columns.stream().mapToInt(c -> c.length).toArray();
        write(file, header, lengths, (r, c) -> Double.toString(columns.get(c)[r]));
    }

    /**
     * Writes an integer index column (e.g. training steps, printed without a decimal point)
     * followed by double columns.
     *
     * @param header one name per column, the index's first
     * @throws IllegalArgumentException if names and columns do not match up
     */
    public static void writeIndexedColumns(Path file, List<String> header, long[] index, List<double[]> columns)
            throws IOException {
        int[] lengths = new int[columns.size() + 1];
        lengths[0] = index.length;
        for (int c = 0; c < columns.size(); c++) {
            lengths[c + 1] = columns.get(c).length;
        }
        write(file, header, lengths,
                (r, c) -> c == 0 ? Long.toString(index[r]) : Double.toString(columns.get(c - 1)[r]));
    }

    /** Text of the cell in row r, column c. */
    @FunctionalInterface
    private interface Cells {
        String at(int r, int c);
    }

    private static void write(Path file, List<String> header, int[] lengths, Cells cells) throws IOException {
        int rows = checkShape(header, lengths);
        AtomicFiles.writeText(file, out -> {
            writeHeader(out, header);
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < lengths.length; c++) {
                    if (c > 0) {
                        out.write(',');
                    }
                    out.write(cells.at(r, c));
                }
                out.write('\n');
            }
        });
    }

    /** Validates names against column lengths and returns the common row count. */
    private static int checkShape(List<String> header, int[] lengths) {
        if (lengths.length == 0) {
            throw new IllegalArgumentException("a table needs at least one column");
        }
        if (header.size() != lengths.length) {
            throw new IllegalArgumentException(
                    header.size() + " column names for " + lengths.length + " columns");
        }
        for (String name : header) {
            if (name == null || name.isBlank() || name.matches(".*[,\"\\r\\n].*")) {
                throw new IllegalArgumentException("unusable column name: " + name);
            }
        }
        for (int c = 1; c < lengths.length; c++) {
            if (lengths[c] != lengths[0]) {
                throw new IllegalArgumentException("column " + header.get(c) + " has " + lengths[c]
                        + " rows, column " + header.get(0) + " has " + lengths[0]);
            }
        }
        return lengths[0];
    }

    private static void writeHeader(BufferedWriter out, List<String> header) throws IOException {
        out.write(String.join(",", header));
        out.write('\n');
    }
}

package org.flowexplorer.model.data;

import org.flowexplorer.model.Limits;
import org.flowexplorer.model.fs.AtomicFiles;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads and writes 2-D point sets as two-column CSV files ({@code x,y}), the exchange format with
 * the Python reference scripts. Points are row-major {@code float[]}: x0, y0, x1, y1, ...
 *
 * <p>Reading is strict and all-or-nothing: the first problem is reported as one
 * {@link DataFileException} naming the file, line and reason, and no points are returned unless
 * every line is valid. At most {@link Limits#MAX_POINTS} points are read, and a line longer than
 * {@link Limits#MAX_CSV_LINE_CHARS} is refused without reading the rest of it.
 */
public final class PointCsv {
    private PointCsv() {
    }

    /**
     * Reads a point file. Format: comma-separated, exactly two columns, whitespace around values
     * allowed; an optional header line, recognised as such when none of its cells is a number;
     * blank lines at the end are ignored, blank lines between data rows are an error.
     *
     * @return the points, row-major, at least one
     * @throws DataFileException if the file is missing or unreadable, has no data rows, or any line
     *                           has a wrong column count, a non-numeric cell, or NaN/infinity
     */
    public static float[] read(Path file) throws DataFileException {
        if (Files.isDirectory(file)) {
            throw new DataFileException(file, 0, "is a directory, not a file");
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(file, in);
        } catch (NoSuchFileException e) {
            throw new DataFileException(file, 0, "file not found", e);
        } catch (AccessDeniedException e) {
            throw new DataFileException(file, 0, "cannot read file (permission denied)", e);
        } catch (CharacterCodingException e) {
            throw new DataFileException(file, 0, "cannot read file (not UTF-8 text)", e);
        } catch (IOException e) {
            throw new DataFileException(file, 0, "cannot read file (" + e + ")", e);
        }
    }

    private static float[] parse(Path file, BufferedReader in) throws IOException, DataFileException {
        CsvLines lines = new CsvLines(in, Limits.MAX_CSV_LINE_CHARS);
        float[] xy = new float[1024];
        int values = 0;
        int lineNo = 0;
        int firstBlank = 0; // line number of a blank line not yet followed by data, 0 if none
        CsvLines.Line next;
        while ((next = lines.next()) != null) {
            lineNo++;
            String line = next.text();
            if (lineNo == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1); // byte order mark written by some spreadsheet programs
            }
            int firstComma = line.indexOf(',');
            int secondComma = firstComma < 0 ? -1 : line.indexOf(',', firstComma + 1);
            if (next.overlong()) {
                throw new DataFileException(file, lineNo, secondComma >= 0 ? "expected 2 columns, found more than 2"
                        : "longer than " + Limits.MAX_CSV_LINE_CHARS + " characters; a line holds two numbers x,y");
            }
            if (line.isBlank()) {
                if (firstBlank == 0) {
                    firstBlank = lineNo;
                }
                continue;
            }
            if (firstBlank != 0) {
                throw new DataFileException(file, firstBlank, "blank line before the end of the data");
            }
            if (firstComma < 0 || secondComma >= 0) {
                int columns = (int) line.chars().filter(c -> c == ',').count() + 1;
                throw new DataFileException(file, lineNo, "expected 2 columns, found " + columns);
            }
            String a = line.substring(0, firstComma).strip();
            String b = line.substring(firstComma + 1).strip();
            if (lineNo == 1 && !CsvNumbers.looksNumeric(a) && !CsvNumbers.looksNumeric(b)) {
                continue; // header
            }
            if (values / 2 == Limits.MAX_POINTS) {
                throw new DataFileException(file, lineNo, "more than " + Limits.MAX_POINTS + " points (the limit for every data set)");
            }
            if (values + 2 > xy.length) {
                xy = Arrays.copyOf(xy, xy.length * 2);
            }
            try {
                xy[values] = CsvNumbers.parseFinite(a);
                xy[values + 1] = CsvNumbers.parseFinite(b);
            } catch (NumberFormatException e) {
                throw new DataFileException(file, lineNo, e.getMessage());
            }
            values += 2;
        }
        if (values == 0) {
            throw new DataFileException(file, 0, "no data rows");
        }
        return Arrays.copyOf(xy, values);
    }

    /**
     * Writes points with header {@code x,y}, each value in the shortest decimal form that reads
     * back as the same float, atomically (see {@link AtomicFiles}): an existing file is replaced
     * only once the new one is complete.
     *
     * @throws IllegalArgumentException if {@code xy} has odd length or a non-finite value, which
     *                                  {@link #read(Path)} would reject
     */
    public static void write(Path file, float[] xy) throws IOException {
        if (xy.length % 2 != 0) {
            throw new IllegalArgumentException("point array has odd length " + xy.length);
        }
        for (int i = 0; i < xy.length; i++) {
            if (!Float.isFinite(xy[i])) {
                throw new IllegalArgumentException("point " + i / 2 + " has a non-finite coordinate: " + xy[i]);
            }
        }
        AtomicFiles.writeText(file, out -> {
            out.write("x,y\n");
            for (int i = 0; i < xy.length; i += 2) {
                out.write(Float.toString(xy[i]));
                out.write(',');
                out.write(Float.toString(xy[i + 1]));
                out.write('\n');
            }
        });
    }
}

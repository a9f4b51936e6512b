package org.flowexplorer.app.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.flowexplorer.model.Limits;
import org.flowexplorer.model.data.DataFileException;
import org.flowexplorer.model.data.PointCsv;
import org.flowexplorer.model.io.DataSource;

/**
 * Importing and exporting the app's training points as CSV ({@code x,y} per line, optional
 * header), by menu or by dropping a file on the plot. Only CSV is accepted: it is the one format
 * every spreadsheet and {@code numpy.savetxt} writes, and {@link PointCsv} reads it strictly.
 *
 * <p>An import either returns all the points or throws one {@link DataFileException} whose
 * message (file, line, reason) can be shown as is; the caller's current points are never touched
 * by a failed import.
 */
public final class DataImport {
    /** The largest import accepted: the one point limit of every data path ({@link Limits#MAX_POINTS}). */
    public static final int MAX_POINTS = Limits.MAX_POINTS;
    public static final String EXTENSION = ".csv";

    private DataImport() {
    }

    /** Points read from a file, with the file they came from. */
    public record ImportedPoints(Path file, float[] points) {
        public int size() {
            return points.length / 2;
        }

        /** Provenance for the session settings: custom data named after the file. */
        public DataSource dataSource() {
            Path name = file.getFileName();
            return new DataSource.Custom(name == null ? file.toString() : name.toString());
        }
    }

    /** Whether the file's name ends in {@code .csv} (case-insensitive); for menus and drag-over feedback. */
    public static boolean isImportable(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(EXTENSION);
    }

    /** Whether a drop of these files can be accepted: exactly one, a {@code .csv}. */
    public static boolean acceptsDrop(List<Path> files) {
        return files.size() == 1 && isImportable(files.get(0));
    }

    /**
     * Reads all points of a CSV file.
     *
     * @throws DataFileException naming the file (and line) for a non-CSV name, an unreadable file,
     *                           any malformed line, or more than {@link #MAX_POINTS} points
     */
    public static ImportedPoints importCsv(Path file) throws DataFileException {
        if (!isImportable(file)) {
            throw new DataFileException(file, 0, "only .csv point files (x,y per line) can be imported");
        }
        float[] points = PointCsv.read(file);
        if (points.length / 2 > MAX_POINTS) {
            throw new DataFileException(file, 0, points.length / 2 + " points is more than the " + MAX_POINTS + " that can be imported");
        }
        return new ImportedPoints(file, points);
    }

    /** Drop handling: the single dropped CSV, imported; otherwise a DataFileException saying what is accepted. */
    public static ImportedPoints importDrop(List<Path> files) throws DataFileException {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no files dropped");
        }
        if (files.size() > 1) {
            throw new DataFileException(files.get(0), 0, "drop one .csv file at a time (" + files.size() + " files were dropped)");
        }
        return importCsv(files.get(0));
    }

    /**
     * Writes the points as {@code x,y} CSV, atomically (an existing file is replaced only by the
     * complete new one), so that {@link #importCsv} reads back exactly the same floats.
     *
     * @throws IllegalArgumentException if there is an odd number of values or a non-finite coordinate
     */
    public static void exportCsv(Path file, float[] points) throws IOException {
        PointCsv.write(file, points);
    }
}

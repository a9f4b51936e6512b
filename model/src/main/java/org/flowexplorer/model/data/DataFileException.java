package org.flowexplorer.model.data;

import java.nio.file.Path;

/**
 * A data file could not be loaded. The message names the file and, where the problem is on one
 * line, its 1-based line number, e.g. {@code moons.csv line 7: "abc" is not a number} or
 * {@code data.csv: file not found}, so it can be shown to the user as is.
 */
public class DataFileException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final int line;

    /**
     * @param file   the file being read
     * @param line   1-based line number, or 0 when the problem is not on one line
     * @param reason what is wrong, without the file name
     * @param cause  underlying exception, or null
     */
    public DataFileException(Path file, int line, String reason, Throwable cause) {
        super(format(file, line, reason), cause);
        this.file = file;
        this.line = line;
    }

    public DataFileException(Path file, int line, String reason) {
        this(file, line, reason, null);
    }

    /** The file being read, as it was given. */
    public Path file() {
        return file;
    }

    /** The 1-based line number, or 0 if the problem is not specific to one line. */
    public int line() {
        return line;
    }

    private static String format(Path file, int line, String reason) {
        Path name = file.getFileName();
        String shown = name == null ? file.toString() : name.toString();
        return line > 0 ? shown + " line " + line + ": " + reason : shown + ": " + reason;
    }
}

package org.flowexplorer.model.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A model file that cannot be read: not found, not an archive, a missing or malformed entry,
 * shapes that do not fit together, an unsupported format version. The message is one line that
 * starts with the file (and, where it helps, the entry), e.g.
 * {@code "flow.npz: missing key 'layers.1.net.2.bias'"}, so a UI or CLI can show it as it is.
 */
public class ModelFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    /** {@code "<source>: <detail>"}, with any line breaks in {@code detail} folded into spaces. */
    public ModelFormatException(String source, String detail) {
        super(source + ": " + oneLine(detail));
    }

    public ModelFormatException(Path file, String detail) {
        this(file.toString(), detail);
    }

    public ModelFormatException(Path file, String detail, Throwable cause) {
        this(file.toString(), detail);
        initCause(cause);
    }

    /** A message that already names its source (e.g. from {@link NpyFormatException}). */
    private ModelFormatException(String message, Throwable cause) {
        super(oneLine(message), cause);
    }

    /**
     * Turns any I/O failure while reading {@code file} into a one-line ModelFormatException; one
     * is returned as it is, an {@link NpyFormatException} keeps its message (it already names
     * the file and entry).
     */
    static ModelFormatException wrap(Path file, IOException e) {
        if (e instanceof ModelFormatException m) {
            return m;
        }
        if (e instanceof NpyFormatException) {
            return new ModelFormatException(e.getMessage(), e);
        }
        if (e instanceof NoSuchFileException) {
            return new ModelFormatException(file, "file not found", e);
        }
        if (e instanceof AccessDeniedException) {
            return new ModelFormatException(file, "permission denied", e);
        }
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new ModelFormatException(file, "cannot read the file (" + detail + ")", e);
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }
}

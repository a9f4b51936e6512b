package org.flowexplorer.app.io;

import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Turns a failure into one line a user can act on, without exception class names or stack traces:
 * the one place for this, used by the command line and the window (error dialogs, status line).
 */
public final class Failures {
    private Failures() {
    }

    /**
     * One line saying what went wrong. Wrappers that add nothing (a {@link CompletionException},
     * {@link ExecutionException}, {@link UncheckedIOException} or any cause-carrier without a message
     * of its own) are looked through. File-system errors read "FILE: permission denied",
     * "FILE: no such file or directory" or "FILE: REASON"; other failures give their message, after
     * {@code file}'s name unless the message already names it.
     *
     * @param file the file the operation was about, or null when there is none
     */
    public static String describe(Throwable failure, Path file) {
        Throwable t = unwrap(failure);
        String line;
        if (t instanceof NoSuchFileException f) {
            line = named(f, file) + ": no such file or directory";
        } else if (t instanceof AccessDeniedException f) {
            line = named(f, file) + ": permission denied";
        } else if (t instanceof FileSystemException f) {
            line = named(f, file) + ": " + (f.getReason() != null ? f.getReason() : "file system error");
        } else if (t instanceof OutOfMemoryError) {
            line = (file != null ? file.getFileName() + ": " : "")
                    + "out of memory (try fewer points or a smaller model, or a larger -Xmx)";
        } else {
            String why = t.getMessage() != null && !t.getMessage().isBlank() ? t.getMessage() : readable(t);
            String name = file == null || file.getFileName() == null ? null : file.getFileName().toString();
            line = name == null || why.contains(name) ? why : name + ": " + why;
        }
        return oneLine(line);
    }

    /** The failure behind wrappers that only carry it. */
    public static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t && (t instanceof CompletionException
                || t instanceof ExecutionException || t instanceof UncheckedIOException || t.getMessage() == null)) {
            t = t.getCause();
        }
        return t;
    }

    /** Line breaks and the white space around them become one space. */
    public static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }

    private static String named(FileSystemException e, Path file) {
        return e.getFile() != null ? e.getFile() : String.valueOf(file);
    }

    /** "NegativeArraySizeException" as "negative array size exception", for failures without a message. */
    private static String readable(Throwable t) {
        return t.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }
}

package org.flowexplorer.app.lesson;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.List;

/**
 * The lessons that ship with the app, in start-page order: JSON resources under
 * {@value #FOLDER} with a thumbnail each ({@code <id>.png}, drawn by the app's own {@code render}
 * command, see {@code resources/lessons/README.md}). {@code BuiltInLessonsTest} opens every one.
 */
public final class BuiltInLessons {
    static final String FOLDER = "/org/flowexplorer/app/lessons/";

    /** A shipped lesson: its resource id and title. */
    public record BuiltIn(String id, String title) {
        /** The lesson JSON. */
        public OpenedLesson open() {
            try (InputStream in = BuiltInLessons.class.getResourceAsStream(FOLDER + id + LessonFile.EXTENSION)) {
                if (in == null) {
                    throw new IOException("the built-in lesson " + id + " is missing from the build");
                }
                return LessonFile.read(title, in.readNBytes(LessonFile.MAX_BYTES + 1));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The thumbnail PNG, or null if the build has none. */
        public URL thumbnail() {
            return BuiltInLessons.class.getResource(FOLDER + id + ".png");
        }
    }

    private static final List<BuiltIn> ALL = List.of(
            new BuiltIn("coupling-layer", "What a coupling layer does"),
            new BuiltIn("alternate-masks", "Why alternate masks"),
            new BuiltIn("affine-vs-additive", "Affine vs additive"),
            new BuiltIn("training-diverges", "When training diverges"));

    private BuiltInLessons() {
    }

    public static List<BuiltIn> all() {
        return ALL;
    }
}

package org.flowexplorer.app.lesson;

import java.util.List;
import java.util.Objects;
import org.flowexplorer.model.io.Session;

/**
 * A lesson as read from a file, ready to start.
 *
 * @param lesson  the lesson
 * @param session the trained model, its data and loss history when the lesson came inside a session
 *                zip; null for a {@code .lesson.json}, whose model starts fresh
 * @param name    the file name, for messages
 * @param notes   what was ignored (keys of a newer version, unknown controls), one sentence each; shown
 *                to the user, never a failure
 */
public record OpenedLesson(Lesson lesson, Session session, String name, List<String> notes) {
    public OpenedLesson {
        Objects.requireNonNull(lesson, "lesson");
        Objects.requireNonNull(name, "name");
        notes = List.copyOf(notes);
    }
}

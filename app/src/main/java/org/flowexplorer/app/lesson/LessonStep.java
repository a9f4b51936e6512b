package org.flowexplorer.app.lesson;

import java.util.Objects;

/**
 * One step of a lesson: a short text, optionally a "predict, then reveal" answer shown once the
 * student presses Reveal, and optionally an action.
 *
 * @param text   what the panel shows, e.g. "Which coordinate does layer 3 change?"
 * @param reveal the answer shown after Reveal, or null when the step asks nothing
 * @param action what the step does (see {@link LessonAction}), or null
 */
public record LessonStep(String text, String reveal, LessonAction action) {
    /** The longest text a step holds (a paragraph, not a chapter). */
    public static final int MAX_TEXT = 2000;

    public LessonStep {
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            throw new IllegalArgumentException("a step needs a text");
        }
        if (text.length() > MAX_TEXT || (reveal != null && reveal.length() > MAX_TEXT)) {
            throw new IllegalArgumentException("a step's text is longer than " + MAX_TEXT + " characters");
        }
        if (reveal != null && reveal.isBlank()) {
            reveal = null;
        }
    }

    /** A step that only says something. */
    public static LessonStep say(String text) {
        return new LessonStep(text, null, null);
    }

    /** Whether the step asks for a prediction before its answer (and its action) is revealed. */
    public boolean asks() {
        return reveal != null;
    }
}

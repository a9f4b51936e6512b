package org.flowexplorer.app.lesson;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.flowexplorer.model.flow.Architecture;
import org.flowexplorer.model.io.DataSource;
import org.flowexplorer.model.train.TrainingConfig;

/**
 * A prepared situation to hand out, as TensorFlow Playground's shareable state with hidden
 * controls: the data, the model and training settings, how the window looks (panels hidden,
 * controls hidden or locked, where the layer stepper and the query point start) and the steps the
 * student goes through. Read and written by {@link LessonFile}; a lesson inside a session zip
 * also carries the trained model there.
 *
 * @param title          shown on the start page and above the steps
 * @param summary        one or two sentences for the start page (may be empty)
 * @param source         where the points come from: toy settings, or custom points given in {@code points}
 * @param points         the custom points [n, 2] row-major, or null for toy data (and in a session zip,
 *                       which holds them itself)
 * @param architecture   the model
 * @param training       learning rate, batch size, clip norm and shuffle seed
 * @param hiddenPanels   the file stems of panels not shown ({@code "loss"}, {@code "controls"}, …; see the UI's
 *                       {@code Panel}); names this version does not know are ignored with a note
 * @param hiddenControls controls taken out of the left column
 * @param lockedControls controls shown but not usable
 * @param startLayer     the layer stepper's start position, or -1 to leave it
 * @param startQuery     the query point (x, y) in data space to start at, or null for none
 * @param steps          at least one step, in order
 */
public record Lesson(String title, String summary, DataSource source, float[] points, Architecture architecture,
        TrainingConfig training, Set<String> hiddenPanels, Set<LessonControl> hiddenControls,
        Set<LessonControl> lockedControls, int startLayer, double[] startQuery, List<LessonStep> steps) {
    /** The most steps a lesson holds. */
    public static final int MAX_STEPS = 200;

    public Lesson {
        Objects.requireNonNull(title, "title");
        if (title.isBlank()) {
            throw new IllegalArgumentException("a lesson needs a title");
        }
        summary = summary == null ? "" : summary;
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(training, "training");
        if (points != null && points.length % 2 != 0) {
            throw new IllegalArgumentException("points must be (x, y) pairs, got " + points.length + " numbers");
        }
        hiddenPanels = Collections.unmodifiableSet(new LinkedHashSet<>(hiddenPanels == null ? Set.of() : hiddenPanels));
        hiddenControls = Collections.unmodifiableSet(copy(hiddenControls));
        lockedControls = Collections.unmodifiableSet(copy(lockedControls));
        if (startLayer < -1 || startLayer > architecture.layers()) {
            throw new IllegalArgumentException("start layer must be from 0 to " + architecture.layers() + ", got " + startLayer);
        }
        if (startQuery != null && (startQuery.length != 2 || !Double.isFinite(startQuery[0]) || !Double.isFinite(startQuery[1]))) {
            throw new IllegalArgumentException("the start query must be two finite numbers");
        }
        steps = List.copyOf(steps);
        if (steps.isEmpty() || steps.size() > MAX_STEPS) {
            throw new IllegalArgumentException("a lesson needs from 1 to " + MAX_STEPS + " steps, got " + steps.size());
        }
    }

    private static Set<LessonControl> copy(Set<LessonControl> s) {
        return s == null || s.isEmpty() ? EnumSet.noneOf(LessonControl.class) : EnumSet.copyOf(s);
    }

    /** Whether the lesson brings its own points (custom data) rather than toy settings. */
    public boolean customData() {
        return source instanceof DataSource.Custom;
    }
}

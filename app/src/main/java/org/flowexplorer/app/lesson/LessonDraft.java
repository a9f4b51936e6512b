package org.flowexplorer.app.lesson;

import java.util.List;
import java.util.Set;
import org.flowexplorer.model.io.DataSource;
import org.flowexplorer.model.io.SessionSettings;

/**
 * What "Save as lesson…" asks for, before the current state is captured: the texts, what to hide
 * and lock, and whether the trained model goes with it (a session zip) or the lesson starts fresh
 * (a {@code .lesson.json}).
 */
public record LessonDraft(String title, String summary, Set<String> hiddenPanels, Set<LessonControl> hiddenControls,
        Set<LessonControl> lockedControls, List<LessonStep> steps, boolean withModel) {

    /**
     * The lesson of this draft over the captured state.
     *
     * @param settings the data source, architecture and training settings trained with now
     * @param data     the training points now (embedded when they are custom points)
     * @param layer    the layer stepper's position now
     * @param query    the query point in data space, or null
     */
    public Lesson over(SessionSettings settings, float[] data, int layer, double[] query) {
        boolean custom = settings.dataSource() instanceof DataSource.Custom;
        return new Lesson(title, summary, settings.dataSource(), custom ? data : null, settings.architecture(),
                settings.training(), hiddenPanels, hiddenControls, lockedControls,
                Math.max(-1, Math.min(layer, settings.architecture().layers())), query, steps);
    }
}

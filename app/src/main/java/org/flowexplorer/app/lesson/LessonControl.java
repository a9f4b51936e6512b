package org.flowexplorer.app.lesson;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The controls of the left column a lesson can hide or lock, each by the stable node ids of the
 * controls it stands for (the ids {@code ControlPanel} gives them; {@code ControlLocksTest} checks
 * that every id is there). The file names a control by {@link #id()}, e.g. {@code "coupling"}.
 */
public enum LessonControl {
    DATASET("Data set", "dataset"),
    POINTS("Points", "points"),
    NOISE("Noise", "noise"),
    DATA_SEED("Data seed", "data-seed"),
    REGENERATE("Regenerate", "regenerate"),
    LAYERS("Layers", "layers"),
    HIDDEN("Hidden widths", "hidden"),
    COUPLING("Coupling", "coupling"),
    APPLY_MODEL("Apply & reset", "apply-model", "reference-model"),
    LEARNING_RATE("Learning rate", "learning-rate"),
    BATCH_SIZE("Batch size", "batch-size"),
    PLAY("Play", "play"),
    STEP("Step", "step"),
    RESET("Reset", "reset"),
    DENSITY("Density on/off", "density"),
    DRAWING("Drawing your own data", "draw-mode-off", "brush-spread", "draw-undo");

    private final String title;
    private final List<String> nodeIds;

    LessonControl(String title, String... nodeIds) {
        this.title = title;
        this.nodeIds = List.of(nodeIds);
    }

    /** The name in a lesson file: the first node id, e.g. {@code "learning-rate"}. */
    public String id() {
        return nodeIds.get(0);
    }

    /** Shown in the Save-as-lesson dialog. */
    public String title() {
        return title;
    }

    /** The ids of the nodes that hide or lock together (a row of buttons counts as one control). */
    public List<String> nodeIds() {
        return nodeIds;
    }

    /** The control called {@code id} in a file (case-insensitive), if this version knows it. */
    public static Optional<LessonControl> byId(String id) {
        String key = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
        for (LessonControl c : values()) {
            if (c.id().equals(key)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}

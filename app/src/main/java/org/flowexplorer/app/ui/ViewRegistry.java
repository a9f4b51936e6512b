package org.flowexplorer.app.ui;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Node;

/**
 * The window's views by {@link Panel}: each one's {@link ExportTarget} (node on screen, export copy,
 * explanation) and whether it is shown. Every hideable panel has a visibility flag from the start;
 * asking for a view that was never registered fails with the panel's name.
 */
public final class ViewRegistry {
    private final Map<Panel, ExportTarget> targets = new EnumMap<>(Panel.class);
    private final Map<Panel, BooleanProperty> visible = new EnumMap<>(Panel.class);

    public ViewRegistry() {
        for (Panel p : Panel.values()) {
            if (p.hideable()) {
                visible.put(p, new SimpleBooleanProperty(this, p.name(), true));
            }
        }
    }

    /**
     * Registers a view.
     *
     * @param explanation the explanation id as the view looks now (null: the panel's)
     * @param exportCopy  what the exporters draw (see {@link ExportTarget#exportNode()}); null where
     *                    the view is not worth an image
     */
    public ExportTarget register(Panel panel, Node view, Supplier<String> explanation, Supplier<Node> exportCopy) {
        if (!panel.isView()) {
            throw new IllegalArgumentException(panel + " is not a view");
        }
        if (targets.containsKey(panel)) {
            throw new IllegalStateException(panel + " is registered twice");
        }
        ExportTarget t = new ExportTarget(explanation != null ? explanation : panel::explanation, panel.title(),
                panel.fileStem(), view, exportCopy, panel == Panel.LAYER_STEPPER);
        targets.put(panel, t);
        return t;
    }

    /** The registered view of {@code panel}. */
    public ExportTarget target(Panel panel) {
        ExportTarget t = targets.get(panel);
        if (t == null) {
            throw new IllegalArgumentException("no view registered for " + panel);
        }
        return t;
    }

    /** Every registered view, in {@link Panel} order. */
    public List<ExportTarget> targets() {
        return new ArrayList<>(targets.values());
    }

    /** The flag behind a View-menu entry. */
    public BooleanProperty visibleProperty(Panel panel) {
        BooleanProperty p = visible.get(panel);
        if (p == null) {
            throw new IllegalArgumentException(panel + " cannot be hidden");
        }
        return p;
    }
}

package org.flowexplorer.app.ui;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.css.PseudoClass;
import javafx.scene.input.MouseEvent;

/**
 * Which view the user is looking at. Two notions: the <em>current</em> view follows the mouse
 * (hover) as well as clicks and keyboard focus, and is what the explanation strip explains; the
 * <em>selected</em> view changes only on a click, keyboard focus, a tab switch or a preset, and is
 * what the toolbar's export buttons export (so moving the mouse up to the toolbar over other views
 * does not change what gets saved). The selected view carries the pseudo-class
 * {@code :selected-view}. FX thread.
 */
public final class ViewFocus {
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected-view");

    private final ObjectProperty<ExportTarget> current = new SimpleObjectProperty<>(this, "current");
    private final ObjectProperty<ExportTarget> selected = new SimpleObjectProperty<>(this, "selected");
    /** Bumped when the current view's explanation may have changed (e.g. density switched on). */
    private final ObjectProperty<Object> revision = new SimpleObjectProperty<>(this, "revision", new Object());

    public ViewFocus() {
        selected.addListener((o, was, now) -> {
            if (was != null) {
                was.view().pseudoClassStateChanged(SELECTED, false);
            }
            if (now != null) {
                now.view().pseudoClassStateChanged(SELECTED, true);
            }
        });
    }

    /** Follows the mouse entering the view (current), pressing on it and keyboard focus inside it (both). */
    public ExportTarget track(ExportTarget t) {
        t.view().addEventHandler(MouseEvent.MOUSE_ENTERED, e -> current.set(t));
        t.view().addEventFilter(MouseEvent.MOUSE_PRESSED, e -> set(t));
        t.view().focusWithinProperty().addListener((o, was, now) -> {
            if (now) {
                set(t);
            }
        });
        return t;
    }

    /** The view to explain: last hovered, clicked or focused. */
    public ReadOnlyObjectProperty<ExportTarget> currentProperty() {
        return current;
    }

    /** The view to export: last clicked or focused. */
    public ReadOnlyObjectProperty<ExportTarget> selectedProperty() {
        return selected;
    }

    public ExportTarget get() {
        return current.get();
    }

    public ExportTarget selected() {
        return selected.get();
    }

    /** Makes {@code t} both the current and the selected view (click, tab switch, preset). */
    public void set(ExportTarget t) {
        current.set(t);
        selected.set(t);
    }

    /** Tells listeners that the current view's explanation id may have changed. */
    public void refresh() {
        revision.set(new Object());
    }

    ReadOnlyObjectProperty<Object> revisionProperty() {
        return revision;
    }
}

package org.flowexplorer.app.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import org.flowexplorer.app.lesson.LessonControl;

/**
 * The one place that hides and locks the left column's controls for a lesson, by their stable ids
 * ({@link LessonControl#nodeIds()}), and gives them back. A hidden control takes its label row
 * with it (the drawing tools their whole rows); a locked one stays visible but does nothing: it is
 * disabled, or, where its disabled state is bound to the model being ready (Play, Step, Reset),
 * made mouse-transparent and greyed with the style class {@value #LOCKED}.
 */
final class ControlLocks {
    static final String LOCKED = "lesson-locked";
    /** Ids whose whole row of tools goes with them. */
    private static final Set<String> WHOLE_ROW = Set.of("draw-mode-off", "draw-undo");

    private final Parent column;
    private final List<Runnable> undo = new ArrayList<>();

    ControlLocks(Parent column) {
        this.column = column;
    }

    /** The node a control's id names in the column, or null if there is none. */
    Node node(String id) {
        return column.lookup("#" + id);
    }

    /** Hides and locks as given (after giving back what an earlier call took). */
    void apply(Set<LessonControl> hidden, Set<LessonControl> locked) {
        clear();
        for (LessonControl c : hidden) {
            for (String id : c.nodeIds()) {
                Node n = node(id);
                if (n != null) {
                    hide(row(n, id));
                }
            }
        }
        for (LessonControl c : locked) {
            for (String id : c.nodeIds()) {
                Node n = node(id);
                if (n != null) {
                    lock(n);
                }
            }
        }
    }

    /** Every control shown and usable again. */
    void clear() {
        for (int i = undo.size() - 1; i >= 0; i--) {
            undo.get(i).run();
        }
        undo.clear();
    }

    /** Whether {@code c}'s first node is hidden now (tests, the dialog). */
    boolean hidden(LessonControl c) {
        Node n = node(c.id());
        return n != null && !n.isVisible() || n != null && !row(n, c.id()).isVisible();
    }

    /** Whether {@code c}'s first node is locked now. */
    boolean locked(LessonControl c) {
        Node n = node(c.id());
        return n != null && (n.isDisabled() || n.getStyleClass().contains(LOCKED));
    }

    /** A labelled control's row ({@code Controls.labelled}), a tool's row, else the node itself. */
    private static Node row(Node n, String id) {
        Parent p = n.getParent();
        if (p instanceof HBox box && (WHOLE_ROW.contains(id)
                || !box.getChildren().isEmpty() && box.getChildren().get(0) instanceof Label l && l.getLabelFor() == n)) {
            return box;
        }
        return n;
    }

    private void hide(Node n) {
        if (n.visibleProperty().isBound() || n.managedProperty().isBound()) {
            return; // shown by a rule of its own (error labels): not a lesson's to hide
        }
        boolean visible = n.isVisible();
        boolean managed = n.isManaged();
        n.setVisible(false);
        n.setManaged(false);
        undo.add(() -> {
            n.setVisible(visible);
            n.setManaged(managed);
        });
    }

    private void lock(Node n) {
        if (!n.disableProperty().isBound()) {
            boolean before = n.isDisable();
            n.setDisable(true);
            undo.add(() -> n.setDisable(before));
            return;
        }
        boolean transparent = n.isMouseTransparent();
        boolean traversable = n.isFocusTraversable();
        n.setMouseTransparent(true);
        n.setFocusTraversable(false);
        n.getStyleClass().add(LOCKED);
        undo.add(() -> {
            n.setMouseTransparent(transparent);
            n.setFocusTraversable(traversable);
            n.getStyleClass().remove(LOCKED);
        });
    }
}

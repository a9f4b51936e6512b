package org.flowexplorer.app.ui;

import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/**
 * A label whose text changes with every snapshot (the step counter, the NLLs, the worker timings,
 * the stepper's caption) without re-laying out the window. A managed node's text change requests
 * the layout of every ancestor up to the scene's root, and the next pulse then lays out the whole
 * window again (the settings column's scroll pane recomputes its content's preferred size, every
 * label's text measured): with 60 snapshots a second that was the FX thread's layout pass in every
 * pulse. Here the label is the region's unmanaged child, so its own layout request stops at it
 * ({@link javafx.scene.Parent#isLayoutRoot}); the region keeps the room of the widest text shown so
 * far and asks its parent for more only when a new text does not fit in it (or, wrapping, needs
 * another height at the same width).
 */
public final class Readout extends Region {
    private final Label label;
    /** The widest preferred width the label has had: the room kept, so a narrower text costs no layout. */
    private double widest;

    public Readout(Label label) {
        this.label = label;
        label.setManaged(false);
        getChildren().add(label);
        label.textProperty().addListener((o, was, now) -> textChanged());
    }

    /** The label shown (its id, style classes, text and tooltip are the readout's). */
    public Label label() {
        return label;
    }

    private void textChanged() {
        if (getScene() == null || getWidth() <= 0 || isNeedsLayout()) {
            requestLayout();
            return;
        }
        label.requestLayout(); // drops the sizes the label cached for its old text (it is a layout root: nothing above)
        // sizes as the parent gives them, snapped to whole pixels; one line of text keeps its height
        String text = label.getText();
        boolean fits = label.isWrapText() || (text != null && text.indexOf('\n') >= 0)
                ? Math.abs(snapSizeY(label.prefHeight(getWidth())) - getHeight()) < 0.5
                : label.prefWidth(-1) <= widest;
        if (!fits) {
            requestLayout(); // the parent re-lays this out at the new size
        }
        // when it fits, the label's own layout request re-lays out only the label itself
    }

    @Override
    public Orientation getContentBias() {
        return label.getContentBias();
    }

    @Override
    protected double computePrefWidth(double height) {
        double w = label.prefWidth(height);
        if (!label.isWrapText()) {
            widest = Math.max(widest, w);
            return widest;
        }
        return w;
    }

    @Override
    protected double computeMinWidth(double height) {
        return label.minWidth(height);
    }

    @Override
    protected double computePrefHeight(double width) {
        return label.prefHeight(width);
    }

    @Override
    protected double computeMinHeight(double width) {
        return label.minHeight(width);
    }

    @Override
    protected double computeMaxWidth(double height) {
        // a label's computed maximum is its preferred width; the room kept is the widest one
        return label.getMaxWidth() == Region.USE_COMPUTED_SIZE ? computePrefWidth(height) : label.maxWidth(height);
    }

    @Override
    public double getBaselineOffset() {
        return label.getLayoutY() + label.getBaselineOffset();
    }

    @Override
    protected void layoutChildren() {
        label.resizeRelocate(0, 0, getWidth(), getHeight());
    }
}

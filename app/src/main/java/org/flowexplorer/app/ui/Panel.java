package org.flowexplorer.app.ui;

import org.flowexplorer.app.teach.Explanations;

/**
 * Every part of the window, with what the menus, the exports and the explanation strip need to
 * know about it; the one list of views (like AtlantaFX's {@code createNavItems()}). A typo in a
 * panel is a compile error, not a start-up NullPointerException. Order: the View menu's.
 *
 * <p>To add a view: a constant here, its node in {@link MainWindow} (one
 * {@link ViewRegistry#register} call) and, where it sits in the explorer, its place in each of
 * {@link ExplorerLayout}'s arrangements; a teaching view of its own is one {@code TeachingTabs.add} line.
 */
public enum Panel {
    CONTROLS("Controls", null, null, Slot.LEFT),
    DATA_SPACE("Data space", "data-space", Explanations.DATA_SPACE, Slot.TOP),
    LATENT_SPACE("Latent space", "latent-space", Explanations.LATENT_SPACE, Slot.TOP),
    LAYER_STEPPER("Layer stepper", "layer-stepper", Explanations.LAYER_STEPPER, Slot.TOP),
    LOSS("Loss", "loss", Explanations.LOSS_CHART, Slot.BOTTOM),
    MASKS("Masks", "masks", Explanations.MASK_VIEW, Slot.BOTTOM),
    FORMULA_INSPECTOR("Formula inspector", "formula-inspector", Explanations.FORMULA_INSPECTOR, Slot.BOTTOM),
    SAMPLE_INVERT("Sample & invert", "sample-invert", Explanations.SAMPLE_INVERT, Slot.BOTTOM),
    WORKED_EXAMPLE("Worked example", "worked-example", Explanations.WORKED_EXAMPLE, Slot.TAB),
    MASK_GALLERY("Mask gallery", "mask-gallery", Explanations.MASK_GALLERY, Slot.TAB),
    LOGDET_JACOBIAN("Log-det & Jacobian", "logdet-jacobian", Explanations.LOGDET_JACOBIAN, Slot.TAB),
    CONDITIONER_CURVES("Conditioner curves", "conditioner-curves", Explanations.CONDITIONER_CURVES, Slot.TAB),
    NUMERICAL_HEALTH("Numerical health", "numerical-health", Explanations.NUMERICAL_HEALTH, Slot.TAB);

    /** Where a panel sits: the left column, the explorer's top or bottom row, or a tab of its own. */
    public enum Slot {
        LEFT, TOP, BOTTOM, TAB
    }

    private final String title;
    private final String fileStem;
    private final String explanation;
    private final Slot slot;

    Panel(String title, String fileStem, String explanation, Slot slot) {
        this.title = title;
        this.fileStem = fileStem;
        this.explanation = explanation;
        this.slot = slot;
    }

    /** Shown in the View menu, the toolbar and the dialogs. */
    public String title() {
        return title;
    }

    /** Default export file name without extension; null for a panel that is no view (the controls). */
    public String fileStem() {
        return fileStem;
    }

    /** The {@link Explanations} id of the view; null for the controls. */
    public String explanation() {
        return explanation;
    }

    public Slot slot() {
        return slot;
    }

    /** Whether the View menu can hide it (every panel of the explorer; tabs are chosen, not hidden). */
    public boolean hideable() {
        return slot != Slot.TAB;
    }

    /** Whether it is a view that can be explained and exported (everything but the controls). */
    public boolean isView() {
        return fileStem != null;
    }
}

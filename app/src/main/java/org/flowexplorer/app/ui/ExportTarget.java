package org.flowexplorer.app.ui;

import java.util.Objects;
import java.util.function.Supplier;
import javafx.scene.Node;

/**
 * One view of the window that can be explained and exported: the on-screen node, a name for menus
 * and file names, and which {@link org.flowexplorer.app.teach.Explanations} entry describes it.
 *
 * @param explanation the explanation id for the view as it looks now (e.g. data space becomes
 *                    "density" while the heat map is on)
 * @param title       shown in the toolbar and the dialogs, e.g. "Data space"
 * @param fileStem    default file name without extension, e.g. "data-space"
 * @param view        the node on screen (also what the mouse tracking listens to)
 * @param exportNode  what the exporters draw: the plot itself (PlotView, LossChart and MaskGridView
 *                    are re-laid-out offscreen at the requested size) or a fresh unattached copy of
 *                    any other view, so that the export has the requested size and the window is
 *                    untouched; null where the view is not worth an image (a pane of controls)
 * @param animated    whether the layer-animation exports apply (the stepper)
 */
public record ExportTarget(Supplier<String> explanation, String title, String fileStem, Node view,
        Supplier<Node> exportNode, boolean animated) {
    public ExportTarget {
        Objects.requireNonNull(explanation);
        Objects.requireNonNull(title);
        Objects.requireNonNull(fileStem);
        Objects.requireNonNull(view);
    }

    /** Whether the image exports apply (false for panes of controls, e.g. sample &amp; invert). */
    public boolean exportable() {
        return exportNode != null;
    }

    /** A plot-like view that the exporters copy themselves. */
    static ExportTarget of(String explanation, String title, String fileStem, Node view) {
        return new ExportTarget(() -> explanation, title, fileStem, view, () -> view, false);
    }

    /** Default export width: the view's current width, or 800 before it was laid out. */
    int defaultWidth() {
        double w = view.getLayoutBounds().getWidth();
        return w >= 50 ? (int) Math.round(w) : 800;
    }

    /** Default export height: the view's current height, or 800 before it was laid out. */
    int defaultHeight() {
        double h = view.getLayoutBounds().getHeight();
        return h >= 50 ? (int) Math.round(h) : 800;
    }
}

package org.flowexplorer.app.ui;

import java.nio.file.Path;
import java.util.List;
import javafx.concurrent.Task;
import javafx.scene.Node;
import org.flowexplorer.app.chart.ChartRegion;
import org.flowexplorer.app.chart.CompareBoard;
import org.flowexplorer.app.chart.CompareLossChart;
import org.flowexplorer.app.export.CompareAnimation;
import org.flowexplorer.app.export.LayerAnimation;
import org.flowexplorer.app.viewmodel.ExplorerViewModel;
import org.flowexplorer.model.flow.FlowTrace;

/**
 * Compare mode's exports: the whole comparison (both rows of views, the loss chart, the verdict)
 * as one PNG or SVG through the usual size and file dialogs, and both layer animations side by
 * side as one GIF on the task runner with progress and Cancel ({@link ExportActions}).
 */
final class CompareExports {
    static final int GIF_SIDE = 400;
    private final ExportActions exports;

    CompareExports(ExportActions exports) {
        this.exports = exports;
    }

    void savePng(ComparePane pane) {
        exports.savePng(target(pane));
    }

    void saveSvg(ComparePane pane) {
        exports.saveSvg(target(pane));
    }

    /** The comparison as an export target: the pane on screen, a {@link CompareBoard} for the file. */
    ExportTarget target(ComparePane pane) {
        return new ExportTarget(() -> "compare", "Comparison", "comparison", pane, () -> board(pane), false);
    }

    /** One drawing of everything the pane shows. */
    static Node board(ComparePane pane) {
        CompareLossChart loss = new CompareLossChart();
        loss.setContent(pane.curves());
        List<ChartRegion> a = List.copyOf(pane.plots(0));
        List<ChartRegion> b = List.copyOf(pane.plots(1));
        if (b.isEmpty()) {
            throw new IllegalStateException("side B is not running");
        }
        return new CompareBoard(pane.titleText(0), a, pane.titleText(1), b, loss, pane.verdictLabel().getText());
    }

    /** Asks for a file, then writes both layer animations side by side (null when there is nothing to animate). */
    Task<?> saveGif(ComparePane pane) {
        ExplorerViewModel vb = pane.model().sideBModelProperty().get();
        CompareAnimation anim = vb == null ? null : animation(pane.model().sideAModel(), pane.titleText(0), vb,
                pane.titleText(1));
        if (anim == null) {
            return null;
        }
        Path file = exports.askSaveFile("Save the comparison's layer animation as GIF", "comparison.gif", ExportActions.GIF);
        if (file == null) {
            return null;
        }
        return exports.writeGif(anim, file, anim.pixelWidth(), anim.pixelHeight());
    }

    /** Both sides' current traces as one animation, or null before both have one. */
    static CompareAnimation animation(ExplorerViewModel a, String captionA, ExplorerViewModel b, String captionB) {
        FlowTrace ta = a.layers().currentTraceProperty().get();
        FlowTrace tb = b.layers().currentTraceProperty().get();
        if (ta == null || tb == null || ta.dim() != 2 || tb.dim() != 2) {
            return null;
        }
        LayerAnimation.Options o = LayerAnimation.Options.defaults().withSize(GIF_SIDE, GIF_SIDE, 1);
        return new CompareAnimation(new LayerAnimation(ta.positions(), null, o), captionA,
                new LayerAnimation(tb.positions(), null, o), captionB);
    }
}

package org.flowexplorer.app.ui;

import static org.flowexplorer.app.testing.FxTesting.await;
import static org.flowexplorer.app.testing.FxTesting.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.flowexplorer.app.AppConfig;
import org.flowexplorer.app.chart.LossChart;
import org.flowexplorer.app.chart.PlotView;
import org.flowexplorer.app.testing.TestApps;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window on a projector (issue 15, "Layout that works in a classroom"): at 1024×768, 1280×800
 * and 1920×1080 every visible control lies inside the window (and inside the panel that holds it)
 * and no plot is smaller than 220 px; the window opens no larger than the screen; the layout comes
 * back after a deep flow; a plot can be enlarged and back; presentation mode; long messages.
 */
@org.junit.jupiter.api.Timeout(value = 4, unit = TimeUnit.MINUTES)
@org.junit.jupiter.api.extension.ExtendWith(org.flowexplorer.app.testing.FxToolkitExtension.class)
class ClassroomLayoutTest {
    private static final double MIN_PLOT = 220;
    private TestApps.Running running;

    @AfterEach
    void close() throws Exception {
        if (running != null) {
            running.close();
        }
    }

    private MainWindow open(double width, double height) throws Exception {
        AppConfig c = TestApps.config(1000, 6, new int[] {16, 16}, 64);
        running = TestApps.start(new AppConfig(c.dataset(), c.architecture(), c.training(), c.options(), false, false,
                0, false, width, height));
        await("model ready", () -> running.app().viewModel().training().readyProperty().get());
        settle();
        return running.app().window();
    }

    private void resize(double width, double height) throws Exception {
        fx(() -> {
            Stage s = running.stage();
            s.setWidth(width);
            s.setHeight(height);
            s.getScene().getRoot().applyCss();
            s.getScene().getRoot().layout();
            return null;
        });
        settle();
    }

    /** Lets the layout's later passes happen (see {@link #change}). */
    private void settle() throws Exception {
        change(running.app().window(), () -> { });
    }

    @Test
    void everyControlIsInsideTheWindowAndEveryPlotIsLargeEnoughOnProjectorSizes() throws Exception {
        MainWindow w = open(1024, 768);
        for (double[] size : new double[][] {{1024, 768}, {1280, 800}, {1920, 1080}}) {
            resize(size[0], size[1]);
            String at = (int) size[0] + "×" + (int) size[1];
            assertEquals(size[0], fx(() -> w.getScene().getWidth()), 1, at + ": scene width");
            assertEquals(size[1], fx(() -> w.getScene().getHeight()), 1, at + ": scene height");
            List<String> outside = fx(() -> outsideTheirPanels(w));
            assertTrue(outside.isEmpty(), at + ": controls outside the window or their panel: " + outside);
            List<String> small = fx(() -> smallPlots(w));
            assertTrue(small.isEmpty(), at + ": plots smaller than " + MIN_PLOT + " px: " + small);
        }
    }

    @Test
    void theLayerSliderIsWideEnoughToHitEachPositionAtProjectorSize() throws Exception {
        MainWindow w = open(1024, 768);
        double width = fx(() -> w.stepper().scrubber().lookup(".layer-slider").getLayoutBounds().getWidth());
        int positions = fx(() -> w.viewModel().layers().layerCountProperty().get()) + 1;
        assertTrue(width >= 20 * positions, "layer slider " + width + " px for " + positions + " positions");
    }

    @Test
    void theWindowOpensNoLargerThanTheScreen() throws Exception {
        javafx.geometry.Rectangle2D screen = fx(() -> Screen.getPrimary().getVisualBounds());
        MainWindow w = open(screen.getWidth() + 476, screen.getHeight() + 300);
        assertTrue(fx(() -> w.getScene().getWidth()) <= screen.getWidth(), "scene wider than the screen");
        assertTrue(fx(() -> w.getScene().getHeight()) <= screen.getHeight(), "scene taller than the screen");
        Stage s = running.stage();
        assertTrue(fx(() -> s.getX() >= screen.getMinX() && s.getY() >= screen.getMinY()
                && s.getX() + s.getWidth() <= screen.getMaxX() + 1 && s.getY() + s.getHeight() <= screen.getMaxY() + 1),
                "window not on the screen");
    }

    /** Issue 15, stale state 4: 32 layers and back to 8 left the plots small until a divider was dragged. */
    @Test
    void theLayoutReturnsToItsProportionsAfterADeepFlow() throws Exception {
        MainWindow w = open(1280, 800);
        double before = fx(() -> w.dataSpace().plot().getHeight());
        setLayers(w, 32);
        setLayers(w, 8);
        change(w, () -> { });
        assertEquals(before, fx(() -> w.dataSpace().plot().getHeight()), 2, "data plot height after 32 layers and back");
    }

    @Test
    void aDeepFlowsMaskPanelScrollsInsteadOfSqueezingItsRows() throws Exception {
        MainWindow w = open(1280, 800);
        setLayers(w, 32);
        change(w, () -> { });
        ScrollPane scroll = fx(() -> ancestor(w.stepper().masks(), ScrollPane.class));
        assertTrue(scroll != null, "the mask grid is in a scroll pane");
        double rowPitch = fx(() -> {
            List<Double> tops = new ArrayList<>();
            w.stepper().masks().lookupAll(".mask-row").forEach(r -> tops.add(r.getBoundsInParent().getMinY()));
            tops.sort(null);
            return tops.get(1) - tops.get(0);
        });
        assertTrue(rowPitch >= 16, "mask rows are at least one label high at 32 layers: " + rowPitch);
        List<String> outside = fx(() -> outsideTheirPanels(w));
        assertTrue(outside.isEmpty(), "controls outside at 32 layers: " + outside);
    }

    @Test
    void aPlotEnlargesToFillTheExplorerAndEscapeBringsItBack() throws Exception {
        MainWindow w = open(1280, 800);
        double before = fx(() -> w.latentSpace().plot().getWidth());
        change(w, () -> {
            Node pane = w.latentSpace();
            Bounds b = pane.localToScene(pane.getLayoutBounds());
            // a double-click on the title strip at the top of the panel
            pane.fireEvent(new MouseEvent(MouseEvent.MOUSE_CLICKED, b.getMinX() + 40, b.getMinY() + 10, 0, 0,
                    MouseButton.PRIMARY, 2,
                    false, false, false, false, true, false, false, true, false, false, null));
        });
        double tabsWidth = fx(() -> w.tabs().getWidth());
        assertTrue(fx(() -> w.latentSpace().plot().getWidth()) > tabsWidth - 40, "enlarged plot fills the explorer");
        assertFalse(fx(() -> shown(w.dataSpace())), "the other plots are out of the way");
        change(w, () -> {
            w.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.ESCAPE, false, false, false, false));
        });
        assertEquals(before, fx(() -> w.latentSpace().plot().getWidth()), 2, "back to its place");
    }

    @Test
    void presentationModeHidesTheControlsAndEnlargesTheText() throws Exception {
        MainWindow w = open(1024, 768);
        double explorerBefore = fx(() -> w.tabs().getWidth());
        change(w, () -> {
            w.presentationProperty().set(true);
        });
        assertFalse(fx(() -> shown(w.controls()) && w.controls().getScene() != null
                && w.controls().localToScene(w.controls().getLayoutBounds()).getWidth() > 1), "controls hidden");
        double smallest = fx(() -> smallestText(w));
        assertTrue(smallest >= 18, "smallest label text in presentation mode: " + smallest);
        assertTrue(fx(() -> w.tabs().getWidth()) > explorerBefore + 200, "the plots take the controls' room");
        List<String> outside = fx(() -> outsideTheirPanels(w));
        assertTrue(outside.isEmpty(), "presentation mode fits 1024×768: " + outside);
        change(w, () -> {
            w.presentationProperty().set(false);
        });
        assertTrue(fx(() -> shown(w.controls())), "controls back");
    }

    @Test
    void aLongMessageNeverPushesTheLayoutWiderThanTheWindow() throws Exception {
        MainWindow w = open(1024, 768);
        String longText = "Checkerboard: additive couplings only shift, so the volume is preserved and the model "
                + "has to bend the space by translation alone; watch the loss settle above the affine one. ".repeat(2);
        change(w, () -> {
            w.notifications().info(longText);
        });
        settle();
        assertEquals(List.of(), fx(() -> outsideTheirPanels(w)), "controls outside after a long status");
        Label status = fx(() -> (Label) w.lookup("#status"));
        assertEquals(longText, fx(() -> Controls.tooltip(status) == null ? null : Controls.tooltip(status).getText()),
                "the full text is in the tooltip");
    }

    @Test
    void theLayoutDoesNotJumpWhenTheExplanationOrTheSelectedViewChanges() throws Exception {
        MainWindow w = open(1280, 800);
        change(w, () -> {
            w.explanation().setExpanded(true);
        });
        double plotHeight = fx(() -> w.dataSpace().plot().getHeight());
        Node png = fx(() -> w.lookup("#tool-save-png"));
        assertTrue(png != null, "the toolbar's PNG button");
        double pngX = fx(() -> png.localToScene(0, 0).getX());
        for (Panel p : new Panel[] {Panel.LOSS, Panel.SAMPLE_INVERT, Panel.LAYER_STEPPER, Panel.FORMULA_INSPECTOR}) {
            fx(() -> {
                w.focus().set(w.target(p));
                w.applyCss();
                w.layout();
                return null;
            });
            assertEquals(plotHeight, fx(() -> w.dataSpace().plot().getHeight()), 0.5, "plot height with " + p);
            assertEquals(pngX, fx(() -> png.localToScene(0, 0).getX()), 0.5, "toolbar with " + p);
        }
    }

    // ---------------------------------------------------------------- helpers

    /**
     * Runs {@code change} on the FX thread and lays the window out, then twice more after the pulses
     * that follow, as a user sees it: the layout places its dividers again after a layout pass, and
     * the stepper shows or hides its mask text by its height during one (StepperPane.layoutChildren),
     * which the window's layout follows a pulse later.
     */
    private static void change(MainWindow w, Runnable change) throws Exception {
        Runnable layOut = () -> {
            w.applyCss();
            w.layout();
        };
        fx(() -> {
            change.run();
            layOut.run();
            return null;
        });
        for (int i = 0; i < 2; i++) {
            WaitForAsyncUtils.waitForFxEvents();
            fx(() -> {
                layOut.run();
                return null;
            });
        }
    }

    private static void setLayers(MainWindow w, int layers) throws Exception {
        fx(() -> {
            w.viewModel().form().text(org.flowexplorer.app.viewmodel.SettingsFormViewModel.Field.LAYERS)
                    .set(Integer.toString(layers));
            w.viewModel().form().applyArchitecture();
            return null;
        });
        await(layers + " layers", () -> check(() -> w.viewModel().layers().layerCountProperty().get() == layers
                && w.viewModel().plots().masksProperty().get() != null
                && w.viewModel().plots().masksProperty().get().length == layers));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Every visible control whose bounds leave the window, or the panel (split-pane item, tab content)
     * that holds it; a control in a scroll pane only has to be inside the scroll pane's content.
     */
    static List<String> outsideTheirPanels(MainWindow w) {
        List<String> out = new ArrayList<>();
        Bounds window = new javafx.geometry.BoundingBox(0, 0, w.getScene().getWidth(), w.getScene().getHeight());
        collect(w, window, out);
        return out;
    }

    private static void collect(Parent parent, Bounds container, List<String> out) {
        for (Node n : parent.getChildrenUnmodifiable()) {
            if (!n.isVisible() || n.getOpacity() == 0) {
                continue;
            }
            Bounds b = n.localToScene(n.getLayoutBounds());
            if (b.getWidth() < 1 || b.getHeight() < 1) {
                continue;
            }
            if (n instanceof Control && !inside(b, container)) {
                out.add(describe(n) + " at " + round(b) + " outside " + round(container));
            }
            if (n instanceof ScrollPane sp) {
                continue; // its content scrolls: reachable
            }
            Bounds inner = container;
            if (n.getStyleClass().contains("split-pane-divider") || n.getParent() != null
                    && n.getParent().getStyleClass().contains("split-pane")) {
                inner = intersect(container, b);
            }
            if (n instanceof Parent p) {
                collect(p, inner, out);
            }
        }
    }

    private static boolean inside(Bounds b, Bounds c) {
        return b.getMinX() >= c.getMinX() - 1 && b.getMinY() >= c.getMinY() - 1 && b.getMaxX() <= c.getMaxX() + 1
                && b.getMaxY() <= c.getMaxY() + 1;
    }

    private static Bounds intersect(Bounds a, Bounds b) {
        double x0 = Math.max(a.getMinX(), b.getMinX());
        double y0 = Math.max(a.getMinY(), b.getMinY());
        return new javafx.geometry.BoundingBox(x0, y0, Math.max(0, Math.min(a.getMaxX(), b.getMaxX()) - x0),
                Math.max(0, Math.min(a.getMaxY(), b.getMaxY()) - y0));
    }

    /** Every plot on show whose shorter side is under {@link #MIN_PLOT}. */
    static List<String> smallPlots(MainWindow w) {
        List<String> small = new ArrayList<>();
        for (Node n : w.lookupAll("*")) {
            if ((n instanceof PlotView || n instanceof LossChart) && shown(n) && n.getScene() != null) {
                Bounds b = n.getLayoutBounds();
                if (Math.min(b.getWidth(), b.getHeight()) < MIN_PLOT) {
                    small.add(describe(n) + " " + round(b));
                }
            }
        }
        return small;
    }

    private static double smallestText(MainWindow w) {
        double smallest = Double.MAX_VALUE;
        for (Node n : w.lookupAll(".label")) {
            if (n instanceof Label l && shown(l) && !l.getText().isEmpty()
                    && l.localToScene(l.getLayoutBounds()).getWidth() > 0 && isOnExplorer(w, l)) {
                smallest = Math.min(smallest, l.getFont().getSize());
            }
        }
        return smallest;
    }

    /** Visible with all its ancestors, in a scene. */
    private static boolean shown(Node n) {
        if (n.getScene() == null) {
            return false;
        }
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static boolean isOnExplorer(MainWindow w, Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p == w.tabs().explorerTab().getContent() || p == w.explanation()) {
                return true;
            }
        }
        return false;
    }

    private static <T> T ancestor(Node n, Class<T> type) {
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (type.isInstance(p)) {
                return type.cast(p);
            }
        }
        return null;
    }

    private static String describe(Node n) {
        String text = n instanceof javafx.scene.control.Labeled l ? " '" + l.getText() + "'" : "";
        return n.getClass().getSimpleName() + (n.getId() == null ? "" : "#" + n.getId()) + text;
    }

    private static String round(Bounds b) {
        return String.format(java.util.Locale.ROOT, "[%.0f,%.0f %.0f×%.0f]", b.getMinX(), b.getMinY(), b.getWidth(),
                b.getHeight());
    }


    private static boolean check(Callable<Boolean> c) {
        try {
            return fx(c);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

}

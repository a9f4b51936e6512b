package org.flowexplorer.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.control.ToggleButton;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.flowexplorer.app.FlowExplorerApp;
import org.flowexplorer.app.testing.TestApps;
import org.flowexplorer.app.export.LayerAnimation;
import org.flowexplorer.app.preset.Preset;
import org.flowexplorer.app.preset.Presets;
import org.flowexplorer.app.teach.Explanations;
import org.flowexplorer.app.chart.PlotView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.w3c.dom.Document;

/**
 * The teaching-and-export wiring of the window, headless (Monocle): menus, context menus, the size
 * dialogs and the background animation export, with file choosers answered by fixed paths.
 */
@org.junit.jupiter.api.extension.ExtendWith(org.flowexplorer.app.testing.FxToolkitExtension.class)
class TeachingAndExportTest {
    private static final int LAYERS = 4;
    private final FxRobot robot = new FxRobot();
    private FlowExplorerApp app;
    private Stage stage;
    private MainWindow window;
    private Path answer;
    @TempDir
    Path dir;

    private TestApps.Running running;

    @BeforeEach
    void startApp() throws Exception {
        running = TestApps.start(TestApps.config(600, LAYERS, new int[] {16, 16}, 48));
        app = running.app();
        stage = running.stage();
        fx(() -> {
            window = app.window();
            window.actions().setFileDialogs(new FileDialogs() {
                public Path save(Window owner, String title, String name, List<FileChooser.ExtensionFilter> f) {
                    return answer;
                }

                public Path open(Window owner, String title, List<FileChooser.ExtensionFilter> f) {
                    return answer;
                }

                public Path directory(Window owner, String title) {
                    return answer;
                }
            });
            return null;
        });
        waitFor("model ready and traced", () -> app.viewModel().training().readyProperty().get()
                && app.viewModel().getSnapshot().view().trace() != null);
    }

    @AfterEach
    void closeApp() throws Exception {
        running.close();
    }

    @Test
    void savePngFromTheMenuHasTheRequestedSize() throws Exception {
        answer = dir.resolve("latent.png");
        fx(() -> {
            window.focus().set(window.target(Panel.LATENT_SPACE));
            return null;
        });
        fireLater(menuItem("menu-save-png"));
        DialogPane dialog = dialog();
        fx(() -> {
            enterSize(dialog, "320", "240", 2);
            return null;
        });
        assertEquals("Image: 640 × 480 pixels", fx(() -> ((Label) dialog.lookup("#export-output-size")).getText()));
        BufferedImage img = confirmPng(dialog);
        assertNotNull(img, "PNG does not parse");
        assertEquals(640, img.getWidth());
        assertEquals(480, img.getHeight());
        waitFor("status says so", () -> fx(() -> window.actions().messageProperty().get()).contains("latent.png"));
        keep(answer);
    }

    @Test
    void imagesAreWrittenOnTheTaskRunnerNotOnTheFxThread() throws Exception {
        answer = dir.resolve("runner.svg");
        java.util.concurrent.CountDownLatch busy = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        app.tasks().execute(() -> {
            busy.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertTrue(busy.await(30, TimeUnit.SECONDS), "the runner is held");
        try {
            fireLater(menuItem("menu-save-svg"));
            DialogPane dialog = dialog();
            fireLater((Button) dialog.lookupButton(ButtonType.OK));
            waitFor("export dialog closed", () -> fx(() -> robot.lookup("#export-dialog").tryQuery().isEmpty()));
            WaitForAsyncUtils.waitForFxEvents(5);
            fx(() -> null);
            assertFalse(Files.exists(answer), "the save left the FX thread: nothing is written while the runner is busy");
        } finally {
            release.countDown();
        }
        waitFor("SVG written once the runner is free", () -> Files.exists(answer));
        waitFor("status says so", () -> fx(() -> window.actions().messageProperty().get()).contains("runner.svg"));
    }

    @Test
    void saveSvgFromThePlotsContextMenuIsXmlOfTheRequestedSize() throws Exception {
        answer = dir.resolve("data.svg");
        // what a right click (or the menu key) delivers; Monocle's robot does not synthesise it
        fx(() -> {
            PlotView plot = window.dataSpace().plot();
            javafx.geometry.Point2D at = plot.localToScreen(plot.getWidth() / 2, plot.getHeight() / 2);
            javafx.event.Event.fireEvent(plot, new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED,
                    plot.getWidth() / 2, plot.getHeight() / 2, at.getX(), at.getY(), false, null));
            return null;
        });
        ContextMenu menu = waitForWindow(ContextMenu.class, m -> "export-menu".equals(m.getId()) && m.isShowing());
        MenuItem svg = menu.getItems().stream().filter(i -> "export-svg".equals(i.getId())).findFirst().orElseThrow();
        fx(() -> {
            menu.hide();
            return null;
        });
        fireLater(svg);
        DialogPane dialog = dialog();
        assertTrue(fx(() -> dialog.lookup("#export-scale-2") == null), "SVG has no pixel density");
        fx(() -> {
            field(dialog, "#export-width").setText("500");
            field(dialog, "#export-height").setText("400");
            return null;
        });
        fireLater((Button) dialog.lookupButton(ButtonType.OK));
        waitFor("SVG written", () -> Files.exists(answer));
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(answer.toFile());
        assertEquals("svg", doc.getDocumentElement().getTagName());
        assertEquals("500", doc.getDocumentElement().getAttribute("width"));
        assertEquals("400", doc.getDocumentElement().getAttribute("height"));
        assertTrue(doc.getElementsByTagName("circle").getLength() > 100, "points are vector circles");
        keep(answer);
    }

    @Test
    void workedExamplePngFromTheToolbarHasTheRequestedSize() throws Exception {
        answer = dir.resolve("worked.png");
        robot.clickOn("Worked example");
        waitFor("worked example selected", () -> fx(() -> window.focus().selected() == window.target(Panel.WORKED_EXAMPLE)));
        assertEquals("Worked example:", fx(() -> window.toolBar().targetLabel().getText()));
        fireLater(robot.lookup("#tool-save-png").queryAs(Button.class));
        DialogPane dialog = dialog();
        fx(() -> {
            enterSize(dialog, "700", "500", 1);
            return null;
        });
        BufferedImage img = confirmPng(dialog);
        assertEquals(700, img.getWidth());
        assertEquals(500, img.getHeight());
        keep(answer);
    }

    @Test
    void gifHasLayersTimesFramesPerLayerPlusTheEndFrames() throws Exception {
        answer = dir.resolve("layers.gif");
        Task<?> task = startAnimation("menu-export-gif", "160", "3", "2");
        waitFor("GIF finished", () -> fx(task::getState) == Worker.State.SUCCEEDED);
        int expected = LAYERS * 3 + 1 + 2 * 2;
        assertEquals(expected, LayerAnimation.frameCount(LAYERS, 3, 2));
        try (ImageInputStream in = ImageIO.createImageInputStream(answer.toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            assertEquals(expected, reader.getNumImages(true));
            assertEquals(160, reader.getWidth(0));
            reader.dispose();
        }
        keep(answer);
        waitFor("progress window closed", () -> fx(() -> robot.lookup("#export-progress").tryQuery().isEmpty()));
    }

    @Test
    void cancellingTheGifLeavesNoFile() throws Exception {
        Path out = Files.createDirectory(dir.resolve("out"));
        Task<?> task = startSlowGif(out);
        fireLater(robot.lookup("#export-cancel").queryAs(Button.class));
        waitFor("cancelled", () -> fx(task::getState) == Worker.State.CANCELLED);
        awaitEmpty(out);
        assertFalse(Files.exists(answer));
        waitFor("status says cancelled",
                () -> fx(() -> window.actions().messageProperty().get()).contains("cancelled"));
    }

    @Test
    void closingTheWindowDuringAGifExportCancelsItAndStopsTheRunner() throws Exception {
        Path out = Files.createDirectory(dir.resolve("closing"));
        Task<?> task = startSlowGif(out);
        long t0 = System.nanoTime();
        fx(() -> {
            stage.hide();
            return null;
        });
        double millis = (System.nanoTime() - t0) / 1e6;
        assertTrue(fx(task::isCancelled), "the export is cancelled with the window");
        assertTrue(app.tasks().isShutdown(), "the task runner is shut down with the window");
        awaitEmpty(out);
        assertTrue(millis < 3_000, "hiding took " + millis + " ms");
    }

    /** A 400×200 GIF of 200 frames into {@code out}/slow.gif, started and under way. */
    private Task<?> startSlowGif(Path out) throws Exception {
        answer = out.resolve("slow.gif");
        Task<?> task = startAnimation("menu-export-gif", "400", "200", "200");
        waitFor("some progress", () -> fx(task::getProgress) > 0);
        return task;
    }

    private static void awaitEmpty(Path folder) throws Exception {
        waitFor("temporary file removed", () -> {
            try (Stream<Path> files = Files.list(folder)) {
                return files.findAny().isEmpty();
            }
        });
    }

    @Test
    void framesGoToTheChosenFolder() throws Exception {
        answer = Files.createDirectory(dir.resolve("frames"));
        Task<?> task = startAnimation("menu-export-frames", "80", "1", "0");
        waitFor("frames finished", () -> fx(task::getState) == Worker.State.SUCCEEDED);
        try (Stream<Path> files = Files.list(answer)) {
            assertEquals(LAYERS + 1, files.filter(p -> p.toString().endsWith(".png")).count());
        }
        assertTrue(Files.exists(answer.resolve("frame_0000.png")));
    }

    @Test
    void exportedFramesShowTheWarpedGridAndTheQueryPathAsTheStepperDoes() throws Exception {
        fx(() -> {
            app.viewModel().plots().queryData(0.5, 0.25);
            return null;
        });
        waitFor("query traced and grid computed", () -> fx(() -> app.viewModel().plots().queryProperty().get() != null
                && app.viewModel().layers().stepperSource() != null && app.viewModel().layers().stepperSource().grid() != null));
        answer = Files.createDirectory(dir.resolve("stepper-frames"));
        Task<?> task = startAnimation("menu-export-frames", "240", "1", "0");
        waitFor("frames finished", () -> fx(task::getState) == Worker.State.SUCCEEDED);
        BufferedImage exported = ImageIO.read(answer.resolve("frame_0000.png").toFile());
        float[][] positions = fx(() -> app.viewModel().layers().currentTraceProperty().get().positions());
        BufferedImage pointsOnly = new LayerAnimation(positions, null,
                new org.flowexplorer.app.export.StepperOverlays(null, 0, 0, null, null, "h₁", "h₂"),
                LayerAnimation.Options.defaults().withSize(240, 240, 1).withFrames(1, 0, 50)).renderFrame(0);
        int differing = 0;
        int query = 0;
        for (int y = 0; y < 240; y++) {
            for (int x = 0; x < 240; x++) {
                differing += exported.getRGB(x, y) != pointsOnly.getRGB(x, y) ? 1 : 0;
                query += (exported.getRGB(x, y) & 0xFFFFFF) == (org.flowexplorer.app.scene.Palette.QUERY & 0xFFFFFF) ? 1 : 0;
            }
        }
        assertTrue(differing > 1000, "grid and query path add " + differing + " pixels to the exported frame");
        assertTrue(query > 40, "query-coloured pixels in the exported frame: " + query);
        keep(answer.resolve("frame_0000.png"));
    }

    @Test
    void explanationFollowsTheViewUnderTheMouse() throws Exception {
        ExplanationPanel panel = window.explanation();
        robot.moveTo("#loss-chart");
        waitFor("loss explained", () -> Explanations.LOSS_CHART.equals(fx(panel::shownId)));
        assertEquals(Explanations.get(Explanations.LOSS_CHART).text(), fx(() -> panel.textLabel().getText()));
        robot.moveTo("#mask-grid");
        waitFor("masks explained", () -> Explanations.MASK_VIEW.equals(fx(panel::shownId)));
        robot.moveTo("#latent-plot");
        waitFor("latent explained", () -> Explanations.LATENT_SPACE.equals(fx(panel::shownId)));
        assertEquals("Explanation — Latent space", fx(panel::getText));
        fx(() -> {
            app.viewModel().plots().densityVisibleProperty().set(true);
            return null;
        });
        waitFor("density explained", () -> Explanations.DENSITY.equals(fx(panel::shownId)));
        robot.clickOn("Mask gallery");
        waitFor("gallery explained", () -> Explanations.MASK_GALLERY.equals(fx(panel::shownId)));
        assertEquals(Explanations.get(Explanations.MASK_GALLERY).text(), fx(() -> panel.textLabel().getText()));
        // the View menu folds the strip away
        fx(() -> {
            ((javafx.scene.control.CheckMenuItem) menuItem("menu-explanation")).setSelected(false);
            return null;
        });
        assertFalse(fx(panel::isVisible));
    }

    @Test
    void presetsMenuListsEveryPresetWithItsDescription() throws Exception {
        List<MenuItem> items = fx(() -> List.copyOf(window.menu().presetsMenu().getItems()));
        List<Preset> all = Presets.all();
        assertEquals(all.size(), items.size());
        for (int i = 0; i < all.size(); i++) {
            CustomMenuItem item = (CustomMenuItem) items.get(i);
            Label label = (Label) item.getContent();
            assertEquals(all.get(i).name(), label.getText());
            assertEquals(all.get(i).description(), fx(() -> Controls.tooltip(label).getText()));
            assertEquals(all.get(i), item.getUserData());
        }
        fireLater(items.get(all.indexOf(Presets.LEARNING_RATE_TOO_HIGH)));
        waitFor("preset reported", () -> fx(() -> window.actions().messageProperty().get())
                .contains(Presets.LEARNING_RATE_TOO_HIGH.name()));
        String msg = fx(() -> window.actions().messageProperty().get());
        assertTrue(msg.contains("layers " + LAYERS + " → 8"), msg);
        assertTrue(msg.contains("learning rate"), msg);
        assertTrue(fx(() -> window.focus().selected() == window.target(Panel.LOSS)), "the loss chart is brought forward");
    }

    @Test
    void everyPlotHasAnExportContextMenuAndEveryToolbarControlATooltip() throws Exception {
        for (ExportTarget t : fx(window::targets)) {
            if (t.exportable()) {
                assertNotNull(fx(() -> t.view().getOnContextMenuRequested()), t.title());
            }
        }
        for (var n : fx(() -> List.copyOf(window.toolBar().getItems()))) {
            if (n instanceof javafx.scene.control.Control c && !(n instanceof javafx.scene.control.Separator)) {
                assertNotNull(fx(() -> Controls.tooltip(c)), "tooltip on " + c.getId());
            }
        }
    }

    @Test
    void fileMenuSavesASessionListsItUnderRecentAndExportsCsv() throws Exception {
        answer = dir.resolve("lesson" + org.flowexplorer.model.io.SessionFile.EXTENSION);
        fireLater(menuItem("menu-save-session"));
        waitFor("session saved", () -> Files.exists(answer) && fx(() -> app.viewModel().files().fileOperationsProperty().get()) == 0);
        waitFor("listed under recent files", () -> fx(() -> window.menu().recentMenu().getItems().stream()
                .anyMatch(i -> answer.getFileName().toString().equals(i.getText()))));
        answer = dir.resolve("points.csv");
        fireLater(menuItem("menu-export-points"));
        waitFor("points written", () -> Files.exists(answer));
        List<String> lines = Files.readAllLines(answer);
        assertTrue(lines.size() > 100, "one line per point");
    }

    @Test
    void aFailedFileOperationShowsOneErrorDialogWithoutStackTrace() throws Exception {
        answer = dir.resolve("missing" + org.flowexplorer.model.io.SessionFile.EXTENSION);
        fireLater(menuItem("menu-open-session"));
        waitFor("error dialog", () -> fx(() -> robot.lookup("#error-dialog").tryQuery().isPresent()));
        String text = fx(() -> robot.lookup("#error-dialog").queryAs(DialogPane.class).getContentText());
        assertTrue(text.contains("missing"), text);
        assertFalse(text.contains("\tat ") || text.contains("Exception:"), text);
        assertEquals(1L, (long) fx(() -> robot.lookup("#error-dialog").queryAll().size()));
    }

    // ---------------------------------------------------------------- helpers

    private Task<?> startAnimation(String menuId, String size, String perLayer, String hold) throws Exception {
        fireLater(menuItem(menuId));
        DialogPane dialog = dialog();
        fx(() -> {
            enterSize(dialog, size, size, 1);
            field(dialog, "#export-frames-per-layer").setText(perLayer);
            field(dialog, "#export-hold-frames").setText(hold);
            return null;
        });
        fireLater((Button) dialog.lookupButton(ButtonType.OK));
        waitFor("export started", () -> fx(() -> window.actions().exports().running()) != null);
        return fx(() -> window.actions().exports().running());
    }

    private MenuItem menuItem(String id) throws Exception {
        return fx(() -> window.menu().getMenus().stream().flatMap(m -> flatten(m).stream())
                .filter(i -> id.equals(i.getId())).findFirst().orElseThrow(() -> new AssertionError("no " + id)));
    }

    private static List<MenuItem> flatten(MenuItem m) {
        List<MenuItem> out = new java.util.ArrayList<>(List.of(m));
        if (m instanceof javafx.scene.control.Menu menu) {
            for (MenuItem i : menu.getItems()) {
                out.addAll(flatten(i));
            }
        }
        return out;
    }

    /** Fires later on the FX thread, so a dialog it opens (showAndWait) does not block the test. */
    private static void fireLater(MenuItem item) {
        Platform.runLater(item::fire);
    }

    private static void fireLater(Button b) {
        Platform.runLater(b::fire);
    }

    private DialogPane dialog() throws Exception {
        waitFor("export dialog", () -> fx(() -> robot.lookup("#export-dialog").tryQuery().isPresent()));
        return fx(() -> robot.lookup("#export-dialog").queryAs(DialogPane.class));
    }

    private static TextField field(DialogPane d, String id) {
        return (TextField) d.lookup(id);
    }

    /** Types a size into a PNG size dialog and picks its pixel density (on the FX thread). */
    private static void enterSize(DialogPane d, String width, String height, int scale) {
        field(d, "#export-width").setText(width);
        field(d, "#export-height").setText(height);
        ((ToggleButton) d.lookup("#export-scale-" + scale)).setSelected(true);
    }

    /** Confirms a PNG size dialog and reads the image once it is written to {@link #answer}. */
    private BufferedImage confirmPng(DialogPane dialog) throws Exception {
        fireLater((Button) dialog.lookupButton(ButtonType.OK));
        waitFor("PNG written", () -> Files.exists(answer));
        return ImageIO.read(answer.toFile());
    }

    private static <W extends Window> W waitForWindow(Class<W> type, java.util.function.Predicate<W> p)
            throws Exception {
        Object[] found = {null};
        waitFor("window " + type.getSimpleName(), () -> fx(() -> {
            Optional<Window> w = Window.getWindows().stream().filter(type::isInstance)
                    .filter(x -> p.test(type.cast(x))).findFirst();
            w.ifPresent(x -> found[0] = x);
            return w.isPresent();
        }));
        return type.cast(found[0]);
    }

    private static <T> T fx(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void waitFor(String what, Callable<Boolean> c) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, c);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting for: " + what, e);
        }
    }

    /** With -Dflowexplorer.keepExports=DIR the exported files are copied there for a look. */
    private static void keep(Path p) throws IOException {
        String to = System.getProperty("flowexplorer.keepExports");
        if (to != null) {
            Path dir = Files.createDirectories(Path.of(to));
            Files.copy(p, dir.resolve(p.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }
}

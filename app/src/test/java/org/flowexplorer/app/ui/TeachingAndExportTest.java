package org.flowexplorer.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.input.ContextMenuEvent;
import javax.xml.parsers.DocumentBuilderFactory;
import org.flowexplorer.app.preset.Preset;
import org.flowexplorer.app.preset.Presets;
import org.flowexplorer.app.teach.Explanations;
import org.flowexplorer.app.chart.PlotView;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;
import org.w3c.dom.Document;

/**
 * The teaching-and-export wiring of the window: menus, context menus, the size dialogs and the
 * still-image exports (the animations are in {@link AnimationExportWindowTest}).
 */
class TeachingAndExportTest extends ExportWindowTestBase {
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

}

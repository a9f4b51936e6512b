package org.flowexplorer.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;
import javafx.scene.control.Button;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.flowexplorer.app.export.LayerAnimation;
import org.junit.jupiter.api.Test;

/**
 * The background animation exports of the window: GIF and frames, their progress, cancelling and
 * closing the window during one.
 */
class AnimationExportWindowTest extends ExportWindowTestBase {
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

}

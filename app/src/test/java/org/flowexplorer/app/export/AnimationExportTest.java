package org.flowexplorer.app.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.flowexplorer.app.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs without the FX toolkit: frames are Java2D. */
class AnimationExportTest {
    @TempDir
    Path dir;

    static LayerAnimation animation(int perLayer, int hold) {
        return new LayerAnimation(TestData.ringLayers(60), null,
                LayerAnimation.Options.defaults().withSize(200, 180, 1).withFrames(perLayer, hold, 50));
    }

    @Test
    void frameCountFormulaAndPositions() {
        LayerAnimation a = animation(4, 2);
        assertEquals(3 * 4 + 1 + 2 * 2, a.frameCount());
        assertEquals(LayerAnimation.frameCount(3, 4, 2), a.frameCount());
        assertEquals(0, a.positionOf(0));
        assertEquals(0, a.positionOf(2));
        assertEquals(0.25, a.positionOf(3));
        assertEquals(3, a.positionOf(14));
        assertEquals(3, a.positionOf(16));
        assertEquals("layer 0 of 3 (data)", a.caption(0));
        assertEquals("layer 2 of 3", a.caption(1.6));
        assertEquals("layer 3 of 3 (latent)", a.caption(3));
        assertEquals(4, animation(1, 0).frameCount());
    }

    @Test
    void framesHaveScaledSizeAndDiffer() {
        LayerAnimation a = new LayerAnimation(TestData.ringLayers(60), null,
                LayerAnimation.Options.defaults().withSize(200, 180, 2).withFrames(2, 0, 50));
        BufferedImage first = a.renderFrame(0);
        BufferedImage last = a.renderFrame(a.frameCount() - 1);
        assertEquals(400, first.getWidth());
        assertEquals(360, first.getHeight());
        int diff = 0;
        for (int y = 0; y < 360; y += 2) {
            for (int x = 0; x < 400; x += 2) {
                if (first.getRGB(x, y) != last.getRGB(x, y)) {
                    diff++;
                }
            }
        }
        assertTrue(diff > 100, "data and latent frames should differ, " + diff + " pixels do");
    }

    @Test
    void gifHasAllFramesLoopsForeverAndReportsProgress() throws Exception {
        LayerAnimation a = animation(4, 2);
        Path gif = dir.resolve("layers.gif");
        List<Double> progress = new ArrayList<>();
        AnimationExport.writeGif(a, gif, progress::add, () -> false);
        assertEquals(a.frameCount(), progress.size());
        assertEquals(1.0, progress.get(progress.size() - 1));
        for (int i = 1; i < progress.size(); i++) {
            assertTrue(progress.get(i) > progress.get(i - 1));
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            assertEquals(17, reader.getNumImages(true));
            BufferedImage f0 = reader.read(0);
            assertEquals(200, f0.getWidth());
            assertEquals(180, f0.getHeight());
            IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree("javax_imageio_gif_image_1.0");
            IIOMetadataNode app = (IIOMetadataNode) root.getElementsByTagName("ApplicationExtension").item(0);
            assertEquals("NETSCAPE", app.getAttribute("applicationID"));
            assertEquals("2.0", app.getAttribute("authenticationCode"));
            byte[] loop = (byte[]) app.getUserObject();
            assertEquals(1, loop[0]);
            assertEquals(0, loop[1] | loop[2], "loop count 0 = forever");
            IIOMetadataNode gce = (IIOMetadataNode) root.getElementsByTagName("GraphicControlExtension").item(0);
            assertEquals("5", gce.getAttribute("delayTime"));
            reader.dispose();
        }
    }

    @Test
    void cancelledGifLeavesNoFile() throws Exception {
        Path gif = dir.resolve("cancelled.gif");
        AtomicInteger polls = new AtomicInteger();
        assertThrows(CancellationException.class,
                () -> AnimationExport.writeGif(animation(4, 0), gif, null, () -> polls.incrementAndGet() > 5));
        assertFalse(Files.exists(gif));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(0, files.count(), "no temporary file left");
        }
    }

    @Test
    void cancelledGifKeepsAnExistingFile() throws Exception {
        Path gif = dir.resolve("kept.gif");
        Files.writeString(gif, "old");
        assertThrows(CancellationException.class,
                () -> AnimationExport.writeGif(animation(4, 0), gif, null, () -> true));
        assertEquals("old", Files.readString(gif));
    }

    @Test
    void frameSequenceAndItsCancellation() throws Exception {
        LayerAnimation a = animation(2, 1);
        Path frames = dir.resolve("frames");
        List<Path> written = AnimationExport.writeFrames(a, frames, "frame", null, null);
        assertEquals(a.frameCount(), written.size());
        assertEquals(frames.resolve("frame_0000.png"), written.get(0));
        try (Stream<Path> files = Files.list(frames)) {
            assertEquals(a.frameCount(), files.count());
        }
        assertEquals(200, ImageIO.read(written.get(3).toFile()).getWidth());

        Path other = dir.resolve("other");
        AtomicInteger polls = new AtomicInteger();
        assertThrows(CancellationException.class,
                () -> AnimationExport.writeFrames(a, other, "f", null, () -> polls.incrementAndGet() > 3));
        try (Stream<Path> files = Files.list(other)) {
            assertEquals(0, files.count(), "a cancelled sequence leaves nothing");
        }
    }

    @Test
    void badInputs() {
        assertThrows(IllegalArgumentException.class, () -> new LayerAnimation(new float[][] {{0, 0}}, null,
                LayerAnimation.Options.defaults()));
        assertThrows(IllegalArgumentException.class, () -> LayerAnimation.Options.defaults().withFrames(0, 0, 50));
        assertThrows(IndexOutOfBoundsException.class, () -> animation(2, 0).positionOf(7));
    }

    // ---------------------------------------------------------------- what the stepper shows besides the points

    /** A 5 + 5 line grid over [-1.5, 1.5]² pushed through the ring's three layers (the same maps). */
    static float[][] ringGrid() {
        float[] base = org.flowexplorer.app.scene.WarpedGrid.points(new org.flowexplorer.app.scene.Bounds(-1.5, 1.5, -1.5, 1.5),
                5, 20);
        float[][] g = new float[4][base.length];
        for (int i = 0; i < base.length; i += 2) {
            float x = base[i];
            float y = base[i + 1];
            g[0][i] = x;
            g[0][i + 1] = y;
            g[1][i] = 2 * x;
            g[1][i + 1] = 0.5f * y;
            g[2][i] = 2 * x + 1;
            g[2][i + 1] = 0.5f * y - 1;
            g[3][i] = -(0.5f * y - 1);
            g[3][i + 1] = 2 * x + 1;
        }
        return g;
    }

    static final float[] QUERY_PATH = {0.5f, 0.5f, 1f, 0.25f, 2f, -0.75f, 1.75f, 2f};

    static LayerAnimation withOverlays(StepperOverlays o) {
        return new LayerAnimation(TestData.ringLayers(60), null, o,
                LayerAnimation.Options.defaults().withSize(300, 300, 1).withFrames(2, 0, 50));
    }

    static int differing(BufferedImage a, BufferedImage b) {
        int diff = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    diff++;
                }
            }
        }
        return diff;
    }

    @Test
    void framesDrawTheWarpedGridTheStepperShows() {
        StepperOverlays none = new StepperOverlays(null, 0, 0, null, null, null, null);
        StepperOverlays grid = new StepperOverlays(ringGrid(), 10, 20, null, null, null, null);
        for (int frame : new int[] {0, 3, 6}) {
            int diff = differing(withOverlays(none).renderFrame(frame), withOverlays(grid).renderFrame(frame));
            assertTrue(diff > 500, "frame " + frame + ": the grid changes only " + diff + " pixels");
        }
    }

    @Test
    void framesDrawTheQueryPointWhereItIsAtThatLayer() {
        StepperOverlays query = new StepperOverlays(null, 0, 0, QUERY_PATH, "x", null, null);
        LayerAnimation a = withOverlays(query);
        BufferedImage last = a.renderFrame(a.frameCount() - 1);
        BufferedImage plain = withOverlays(new StepperOverlays(null, 0, 0, null, null, null, null))
                .renderFrame(a.frameCount() - 1);
        assertTrue(differing(plain, last) > 150, "the query path and marker are drawn");
        // the marker at the latent end of the path is a solid disc in the query colour: find it
        int red = 0;
        for (int y = 0; y < last.getHeight(); y++) {
            for (int x = 0; x < last.getWidth(); x++) {
                if ((last.getRGB(x, y) & 0xFFFFFF) == (org.flowexplorer.app.scene.Palette.QUERY & 0xFFFFFF)) {
                    red++;
                }
            }
        }
        assertTrue(red > 40, "query-coloured pixels: " + red);
    }

    @Test
    void framesHaveTheStepperAxisTitlesByDefault() {
        StepperOverlays untitled = new StepperOverlays(null, 0, 0, null, null, null, null);
        BufferedImage titled = new LayerAnimation(TestData.ringLayers(60), null,
                LayerAnimation.Options.defaults().withSize(300, 300, 1).withFrames(2, 0, 50)).renderFrame(0);
        BufferedImage plain = withOverlays(untitled).renderFrame(0);
        // the x title sits in the bottom 14 px, the y title in the left 16 px
        int bottom = 0;
        int left = 0;
        for (int y = 0; y < 300; y++) {
            for (int x = 0; x < 300; x++) {
                if (titled.getRGB(x, y) != plain.getRGB(x, y)) {
                    if (y >= 286) {
                        bottom++;
                    }
                    if (x < 16) {
                        left++;
                    }
                }
            }
        }
        assertTrue(bottom > 10 && left > 10, "axis titles drawn: bottom " + bottom + ", left " + left + " pixels");
    }

    @Test
    void overlaysMustMatchTheLayerCount() {
        assertThrows(IllegalArgumentException.class, () -> withOverlays(new StepperOverlays(null, 0, 0,
                new float[] {0, 0, 1, 1}, "x", null, null)));
    }
}

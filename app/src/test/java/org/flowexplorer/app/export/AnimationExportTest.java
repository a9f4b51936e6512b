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
}

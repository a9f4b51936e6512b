package org.flowexplorer.app.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import org.flowexplorer.app.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two layer animations side by side: frames at the same fraction of each depth, cancel leaves nothing. */
class CompareAnimationTest {
    @TempDir
    Path dir;

    private static LayerAnimation animation(float[][] layers) {
        return new LayerAnimation(layers, null,
                LayerAnimation.Options.defaults().withSize(120, 100, 1).withFrames(3, 2, 50));
    }

    @Test
    void framesAlignByDepthAndHalvesAreTheSidesOwnFrames() {
        float[][] deep = TestData.ringLayers(40);
        float[][] shallow = {deep[0], deep[deep.length - 1]};
        LayerAnimation a = animation(shallow);
        LayerAnimation b = animation(deep);
        CompareAnimation both = new CompareAnimation(a, "A", b, "B");
        assertEquals(b.frameCount(), both.frameCount(), "as many frames as the deeper side has");
        assertEquals(240, both.pixelWidth());
        for (int i : new int[] {0, both.frameCount() - 1}) {
            BufferedImage f = both.renderFrame(i);
            int side = i == 0 ? 0 : -1;
            assertArrayEquals(pixels(a.renderFrame(side == 0 ? 0 : a.frameCount() - 1), 0),
                    pixels(f, 0), "left half is A's frame " + i);
            assertArrayEquals(pixels(b.renderFrame(side == 0 ? 0 : b.frameCount() - 1), 0),
                    pixels(f, 120), "right half is B's frame " + i);
        }
    }

    @Test
    void cancelledGifLeavesNoFile() {
        CompareAnimation both = new CompareAnimation(animation(TestData.ringLayers(20)), "A",
                animation(TestData.ringLayers(20)), "B");
        Path gif = dir.resolve("cmp.gif");
        int[] done = {0};
        assertThrows(CancellationException.class, () -> AnimationExport.writeGif(both, gif, p -> done[0]++,
                () -> done[0] >= 2));
        assertFalse(Files.exists(gif));
    }

    /** The RGB of the 120×100 block at x offset {@code x0}. */
    private static int[] pixels(BufferedImage img, int x0) {
        int[] out = new int[120 * 100];
        for (int y = 0; y < 100; y++) {
            for (int x = 0; x < 120; x++) {
                out[y * 120 + x] = img.getRGB(x0 + x, y) & 0xffffff;
            }
        }
        return out;
    }
}

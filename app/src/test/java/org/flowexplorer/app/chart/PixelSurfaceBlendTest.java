package org.flowexplorer.app.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The packed four-channel blend gives exactly the per-channel source-over it replaced. */
class PixelSurfaceBlendTest {
    @Test
    void packedBlendEqualsThePerChannelFormulaForEveryAlpha() {
        SplittableRandom random = new SplittableRandom(11);
        int[] extremes = {0x00000000, 0xFFFFFFFF, 0xFF000000, 0x00FFFFFF, 0x80808080, 0x7F7F7F7F};
        for (int a = 0; a <= 255; a++) {
            for (int dst : extremes) {
                for (int src : extremes) {
                    assertEquals(PixelSurface.blendPerChannel(dst, src, a), PixelSurface.blend(dst, src, a),
                            () -> Integer.toHexString(dst) + " " + Integer.toHexString(src));
                }
            }
            for (int i = 0; i < 20_000; i++) {
                int dst = random.nextInt();
                int src = random.nextInt();
                int alpha = a;
                assertEquals(PixelSurface.blendPerChannel(dst, src, alpha), PixelSurface.blend(dst, src, alpha),
                        () -> Integer.toHexString(dst) + " " + Integer.toHexString(src) + " a=" + alpha);
            }
        }
    }

    @Test
    void aDiscBlendsEveryPixelAsThePerChannelFormulaDoes() {
        PixelSurface surface = new PixelSurface();
        surface.resize(16, 16);
        surface.fill(0xFF202830);
        int[] before = surface.pixels().clone();
        int colour = 0x993070C0;
        surface.blendDisc(7.3, 8.6, 2.5, colour);
        int changed = 0;
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                double d = Math.hypot(x + 0.5 - 7.3, y + 0.5 - 8.6);
                int a = d >= 3.0 ? 0 : d <= 2.0 ? 0x99 : (int) (0x99 * (3.0 - d));
                int expected = a > 0 ? PixelSurface.blendPerChannel(before[y * 16 + x], colour, a) : before[y * 16 + x];
                assertEquals(expected, surface.pixels()[y * 16 + x], "pixel " + x + "," + y);
                changed += expected != before[y * 16 + x] ? 1 : 0;
            }
        }
        assertEquals(true, changed > 20, "the disc covered " + changed + " pixels");
    }
}

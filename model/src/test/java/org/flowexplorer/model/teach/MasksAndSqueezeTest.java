package org.flowexplorer.model.teach;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class MasksAndSqueezeTest {
    @Test
    void checkerboardAlternatesAndInvertsWithParity() {
        boolean[] a = Masks.checkerboard(8, 8, 0), b = Masks.checkerboard(8, 8, 1);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                assertEquals((x + y) % 2 == 0, a[y * 8 + x]);
                assertNotEquals(a[y * 8 + x], b[y * 8 + x]);
                if (x > 0) {
                    assertNotEquals(a[y * 8 + x], a[y * 8 + x - 1], "neighbours differ");
                }
            }
        }
        assertArrayEquals(a, Masks.checkerboard(8, 8, 2));
    }

    @Test
    void channelMasksSelectHalfTheChannels() {
        assertArrayEquals(new boolean[] {true, true, false, false}, Masks.channelwise(4, 0));
        assertArrayEquals(new boolean[] {false, false, true, true}, Masks.channelwise(4, 1));
        boolean[] m = Masks.channelwise(12, 0);
        int on = 0;
        for (boolean v : m) {
            on += v ? 1 : 0;
        }
        assertEquals(6, on);
        assertThrows(IllegalArgumentException.class, () -> Masks.channelwise(1, 0));
        assertArrayEquals(new boolean[] {true, false}, Masks.alternatingHalf(2, 0));
        assertArrayEquals(new boolean[] {false, true}, Masks.alternatingHalf(2, 1));
    }

    @Test
    void squeezeMovesEach2x2BlockIntoFourChannelsOfOnePosition() {
        int[] shape = {1, 8, 8};
        int[] ids = new int[64];
        for (int i = 0; i < 64; i++) {
            ids[i] = i;
        }
        int[] sq = Squeeze.squeeze(ids, shape);
        assertArrayEquals(new int[] {4, 4, 4}, Squeeze.squeezedShape(shape));
        // block at block-row 1, block-col 2: pixels (2,4), (2,5), (3,4), (3,5)
        int by = 1, bx = 2;
        int[] expected = {2 * 8 + 4, 2 * 8 + 5, 3 * 8 + 4, 3 * 8 + 5};
        for (int c = 0; c < 4; c++) {
            assertEquals(expected[c], sq[(c * 4 + by) * 4 + bx], "channel " + c);
        }
        assertArrayEquals(ids, Squeeze.unsqueeze(sq, shape));
        int[] three = new int[3 * 4 * 4];
        for (int i = 0; i < three.length; i++) {
            three[i] = i;
        }
        int[] s3 = Squeeze.squeeze(three, new int[] {3, 4, 4});
        // input channel 2's top-left pixel of block (0,0) becomes channel 8 at position (0,0)
        assertEquals(2 * 16, s3[8 * 4]);
        assertArrayEquals(three, Squeeze.unsqueeze(s3, new int[] {3, 4, 4}));
        assertThrows(IllegalArgumentException.class, () -> Squeeze.squeezedShape(new int[] {1, 3, 4}));
    }

    @Test
    void multiScalePlanIsSeed001sDiagram() {
        List<Squeeze.Stage> plan = Squeeze.multiScalePlan(new int[] {3, 32, 32}, 3);
        assertEquals(List.of(
                "squeeze 3×32×32 → 12×16×16", "coupling blocks 12×16×16 → 12×16×16",
                "factor out 12×16×16 → 6×16×16 (6×16×16 to base)",
                "squeeze 6×16×16 → 24×8×8", "coupling blocks 24×8×8 → 24×8×8",
                "factor out 24×8×8 → 12×8×8 (12×8×8 to base)",
                "squeeze 12×8×8 → 48×4×4", "coupling blocks 48×4×4 → 48×4×4",
                "base distribution ← 48×4×4"), plan.stream().map(Squeeze.Stage::toString).toList());
        List<Squeeze.Stage> small = Squeeze.multiScalePlan(new int[] {1, 8, 8}, 3);
        assertArrayEquals(new int[] {4, 4, 4}, small.get(0).to());
        assertArrayEquals(new int[] {2, 4, 4}, small.get(2).to());
        assertArrayEquals(new int[] {8, 2, 2}, small.get(3).to());
        assertArrayEquals(new int[] {16, 1, 1}, small.get(6).to());
    }
}

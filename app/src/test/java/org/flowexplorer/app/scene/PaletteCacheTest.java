package org.flowexplorer.app.scene;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** The colour cache recolours only when the points' content changes, not for each new array of them. */
class PaletteCacheTest {
    @Test
    void aNewArrayOfTheSamePointsKeepsTheColours() {
        Palette.Cache cache = new Palette.Cache();
        float[] a = {0, 0, 1, 0, 0, 1, -1, -0.5f};
        int[] first = cache.byPosition(a);
        int[] again = cache.byPosition(a.clone());
        assertSame(first, again, "same content: not recomputed");
        assertArrayEquals(Palette.byPosition(a), again);
    }

    @Test
    void otherPointsAreRecoloured() {
        Palette.Cache cache = new Palette.Cache();
        float[] a = {0, 0, 1, 0, 0, 1, -1, -0.5f};
        int[] first = cache.byPosition(a);
        float[] b = {0, 0, 1, 0, 0, 1, 2, 2};
        int[] other = cache.byPosition(b);
        assertNotSame(first, other);
        assertArrayEquals(Palette.byPosition(b), other);
        assertNull(cache.byPosition(null));
        assertArrayEquals(Palette.byPosition(a), cache.byPosition(a.clone()));
    }
}

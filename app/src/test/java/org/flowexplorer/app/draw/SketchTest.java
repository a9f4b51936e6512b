package org.flowexplorer.app.draw;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SketchTest {
    @Test
    void editsUndoAndRedo() {
        Sketch s = new Sketch(new float[0]);
        assertFalse(s.canUndo());
        s.add(new float[] {1, 1});
        s.add(new float[] {2, 2, 3, 3});
        assertEquals(3, s.size());
        assertEquals(1, s.erase(2, 2, 0.1));
        assertArrayEquals(new float[] {1, 1, 3, 3}, s.points());
        assertTrue(s.undo());
        assertArrayEquals(new float[] {1, 1, 2, 2, 3, 3}, s.points());
        assertTrue(s.undo());
        assertArrayEquals(new float[] {1, 1}, s.points());
        assertTrue(s.redo());
        assertArrayEquals(new float[] {1, 1, 2, 2, 3, 3}, s.points());
        s.clear();
        assertEquals(0, s.size());
        assertFalse(s.canRedo(), "a new edit drops the redo stack");
        assertTrue(s.undo());
        assertEquals(3, s.size());
        assertTrue(s.undo());
        assertTrue(s.undo());
        assertEquals(0, s.size());
        assertFalse(s.undo());
    }

    @Test
    void aDragIsOneUndoStep() {
        Sketch s = new Sketch(new float[] {9, 9});
        Brush brush = new Brush(0, 10);
        s.beginEdit();
        s.addWithinEdit(brush.drag(0, 0, 1, 0, 1));
        s.addWithinEdit(brush.drag(1, 0, 2, 0, 2));
        assertEquals(1 + 20, s.size());
        assertEquals(1, s.eraseWithinEdit(9, 9, 0.5));
        assertTrue(s.undo());
        assertArrayEquals(new float[] {9, 9}, s.points());
        assertFalse(s.canUndo());
    }

    @Test
    void undoIsBoundedAndArraysAreNeverModified() {
        Sketch s = new Sketch(new float[0], 3);
        float[] before = s.points();
        for (int i = 0; i < 10; i++) {
            s.add(new float[] {i, i});
        }
        float[] handedOut = s.points();
        s.add(new float[] {99, 99});
        assertArrayEquals(new float[] {0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9}, handedOut);
        int undone = 0;
        while (s.undo()) {
            undone++;
        }
        assertEquals(3, undone);
        assertEquals(8, s.size()); // the oldest states were dropped
        assertEquals(0, before.length);
        assertEquals(0, s.erase(100, 100, 1), "nothing erased");
        float[] replaced = {5, 5};
        s.replace(replaced);
        assertSame(replaced, s.points());
        s.undo();
        assertEquals(8, s.size());
    }
}

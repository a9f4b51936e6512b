package org.flowexplorer.app.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Every shipped lesson opens without a note, has its thumbnail, and names only views the window has. */
class BuiltInLessonsTest {
    @Test
    void everyShippedLessonOpensCleanly() {
        assertEquals(4, BuiltInLessons.all().size());
        for (BuiltInLessons.BuiltIn b : BuiltInLessons.all()) {
            OpenedLesson o = b.open();
            assertTrue(o.notes().isEmpty(), b.id() + ": " + o.notes());
            assertEquals(b.title(), o.lesson().title());
            assertTrue(o.lesson().steps().size() >= 3, b.id());
            assertNotNull(b.thumbnail(), b.id() + ": thumbnail");
        }
    }
}

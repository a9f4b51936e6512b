package org.flowexplorer.app.prefs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.flowexplorer.app.AppConfig;
import org.junit.jupiter.api.Test;

/** Remembered bounds and the default size are fitted to the screen the window opens on. */
class WindowBoundsTest {
    @Test
    void boundsFromALargerMonitorAreCutAndMovedOntoAProjector() {
        WindowBounds big = new WindowBounds(1800, 300, 1500, 940, false);
        assertEquals(new WindowBounds(0, 0, 1024, 738, false), big.fittedTo(0, 0, 1024, 738));
        WindowBounds offRight = new WindowBounds(900, 100, 800, 600, true);
        assertEquals(new WindowBounds(224, 100, 800, 600, true), offRight.fittedTo(0, 0, 1024, 768));
    }

    @Test
    void boundsThatFitStayAsTheyAre() {
        WindowBounds b = new WindowBounds(2000, 50, 800, 600, false);
        assertEquals(b, b.fittedTo(1920, 0, 1280, 1024));
    }

    @Test
    void theDefaultWindowSizeFitsTheScreen() {
        AppConfig c = AppConfig.defaults().fittedTo(1024, 738);
        assertEquals(1024, c.width());
        assertEquals(738, c.height());
        AppConfig d = AppConfig.defaults();
        assertEquals(d.width(), d.fittedTo(1920, 1040).width());
        assertEquals(d.height(), d.fittedTo(1920, 1040).height());
    }
}

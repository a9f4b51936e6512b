package org.flowexplorer.app.prefs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.flowexplorer.app.AppConfig;
import org.junit.jupiter.api.Test;

/** The default and the remembered window size are cut to the screen the window opens on. */
class WindowBoundsTest extends FreshPreferences {
    @Test
    void aSizeRememberedOnALargerMonitorIsCutToAProjector() {
        AppPreferences prefs = new AppPreferences(node);
        prefs.setWindowBounds(new WindowBounds(1800, 300, 1900, 1150, false));
        AppConfig c = AppConfig.defaults().withRemembered(prefs).fittedTo(1024, 738);
        assertEquals(1024, c.width());
        assertEquals(738, c.height());
    }

    @Test
    void theDefaultSizeIsCutToTheScreenAndKeptWhereItFits() {
        AppConfig small = AppConfig.defaults().fittedTo(1024, 738);
        assertEquals(1024, small.width());
        assertEquals(738, small.height());
        AppConfig d = AppConfig.defaults();
        assertEquals(d.width(), d.fittedTo(1920, 1040).width());
        assertEquals(d.height(), d.fittedTo(1920, 1040).height());
        AppConfig narrow = AppConfig.defaults().fittedTo(1280, 2000);
        assertEquals(1280, narrow.width());
        assertEquals(d.height(), narrow.height());
    }
}

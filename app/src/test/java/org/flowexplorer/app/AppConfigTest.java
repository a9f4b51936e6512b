package org.flowexplorer.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The start-up defaults a new user (or a class) sees. */
class AppConfigTest {

    @Test
    void densityIsOnByDefault() {
        assertTrue(AppConfig.defaults().density(), "a new user should see p(x) without hunting for the toggle");
    }

    @Test
    void densityIsOnWithoutThePropertyAndOffWhenTheCommandLineSaysSo() {
        String before = System.getProperty("flowexplorer.density");
        try {
            System.clearProperty("flowexplorer.density");
            assertTrue(AppConfig.fromSystemProperties().density());
            System.setProperty("flowexplorer.density", "false");
            assertFalse(AppConfig.fromSystemProperties().density());
        } finally {
            if (before == null) {
                System.clearProperty("flowexplorer.density");
            } else {
                System.setProperty("flowexplorer.density", before);
            }
        }
    }
}

package org.flowexplorer.app.ui;

import static org.flowexplorer.app.testing.FxTesting.argb;
import static org.flowexplorer.app.testing.FxTesting.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerDark;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import org.flowexplorer.app.chart.LossChart;
import org.flowexplorer.app.chart.PlotView;
import org.flowexplorer.app.testing.FxTesting;
import org.flowexplorer.app.testing.FxToolkitExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The light/dark switch: applied application-wide, remembered, and followed by the plots. */
@ExtendWith(FxToolkitExtension.class)
class ThemeTest {

    private final Preferences node = Preferences.userRoot().node("flowexplorer-test-" + java.util.UUID.randomUUID());

    private Preferences fresh() {
        return node;
    }

    @AfterEach
    void backToLight() throws Exception {
        node.removeNode();
        onFx(() -> {
            Theme.rememberIn(null);
            Theme.LIGHT.apply();
            return null;
        });
    }

    @Test
    void darkIsAppliedToTheApplicationFollowedByRootsAndRemembered() throws Exception {
        Preferences node = fresh();
        onFx(() -> {
            StackPane root = new StackPane();
            Theme.follow(root);
            Theme.rememberIn(node);
            Theme.DARK.apply();
            assertEquals(new PrimerDark().getUserAgentStylesheet(), Application.getUserAgentStylesheet());
            assertTrue(root.getStyleClass().contains(Theme.DARK_STYLE_CLASS));
            assertEquals("dark", node.get(Theme.PREFERENCE, null));
            Theme.LIGHT.apply();
            assertFalse(root.getStyleClass().contains(Theme.DARK_STYLE_CLASS));
            assertEquals("light", node.get(Theme.PREFERENCE, null));
            return null;
        });
    }

    @Test
    void theSystemPropertyWinsOverWhatWasRemembered() throws Exception {
        Preferences node = fresh();
        node.put(Theme.PREFERENCE, "dark");
        assertEquals(Theme.DARK, Theme.atStartup(node));
        assertEquals(Theme.LIGHT, Theme.atStartup(null));
        String before = System.getProperty(Theme.PROPERTY);
        try {
            System.setProperty(Theme.PROPERTY, "light");
            assertEquals(Theme.LIGHT, Theme.atStartup(node));
            System.setProperty(Theme.PROPERTY, "DARK");
            assertEquals(Theme.DARK, Theme.atStartup(null));
        } finally {
            if (before == null) {
                System.clearProperty(Theme.PROPERTY);
            } else {
                System.setProperty(Theme.PROPERTY, before);
            }
        }
    }

    /** Luma 0…255 of an ARGB colour. */
    private static double luma(int argb) {
        return 0.299 * ((argb >> 16) & 0xFF) + 0.587 * ((argb >> 8) & 0xFF) + 0.114 * (argb & 0xFF);
    }

    @Test
    void plotsAndTheLossChartTurnDarkWithLightTextInTheDarkTheme() throws Exception {
        onFx(() -> {
            Theme.DARK.apply();
            PlotView plot = new PlotView();
            plot.setFixedBounds(-1, 1, -1, 1);
            plot.setTitle("Data space x");
            WritableImage img = FxTesting.render(plot, 400, 400, plot::redrawNow);
            assertTrue(luma(argb(img, 220, 200)) < 60, "dark plot background, luma " + luma(argb(img, 220, 200)));
            double brightest = 0;
            for (int y = 0; y < 40; y++) { // the title row
                for (int x = 0; x < 400; x++) {
                    brightest = Math.max(brightest, luma(argb(img, x, y)));
                }
            }
            assertTrue(brightest > 180, "the title is light on dark, brightest luma " + brightest);
            LossChart loss = new LossChart();
            WritableImage chart = FxTesting.render(loss, 400, 300, loss::redrawNow);
            assertTrue(luma(argb(chart, 200, 150)) < 60, "dark loss chart, luma " + luma(argb(chart, 200, 150)));
            return null;
        });
    }
}

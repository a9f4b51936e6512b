package org.flowexplorer.app.ui;

import static org.flowexplorer.app.testing.FxTesting.await;
import static org.flowexplorer.app.testing.FxTesting.fx;
import static org.flowexplorer.app.testing.FxTesting.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.flowexplorer.app.FlowExplorerApp;
import org.flowexplorer.app.prefs.AppPreferences;
import org.flowexplorer.app.prefs.WindowLayout;
import org.flowexplorer.app.testing.TestApps;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The first-run welcome comes once; the window layout is remembered; "Reset to defaults" forgets it all. */
@org.junit.jupiter.api.Timeout(value = 3, unit = TimeUnit.MINUTES)
@org.junit.jupiter.api.extension.ExtendWith(org.flowexplorer.app.testing.FxToolkitExtension.class)
class FirstRunAndPreferencesTest {
    private final Preferences node = Preferences.userRoot().node("flowexplorer-test-" + UUID.randomUUID());

    @AfterEach
    void remove() throws Exception {
        node.removeNode();
    }

    private static TestApps.Running start(AppPreferences prefs) throws Exception {
        FlowExplorerApp app = new FlowExplorerApp(TestApps.config(400, 2, new int[] {8}, 32), prefs);
        Stage stage = onFx(() -> {
            Stage s = new Stage();
            app.start(s);
            return s;
        });
        await("model ready", () -> app.viewModel().training().readyProperty().get());
        return new TestApps.Running(app, stage);
    }

    private static Window welcome() {
        return fx(() -> Window.getWindows().stream().filter(x -> x.getScene() != null
                && x.getScene().getRoot() instanceof DialogPane p && "welcome-dialog".equals(p.getId()))
                .findFirst().orElse(null));
    }

    @Test
    void theWelcomeIsShownOnceAndTheLayoutIsRemembered() throws Exception {
        AppPreferences prefs = new AppPreferences(node);
        assertTrue(prefs.welcomeDue());
        try (TestApps.Running first = start(prefs)) {
            await("the welcome, after the explorer's first frame", () -> welcome() != null); // not in that frame
            Window d = welcome();
            assertTrue(d != null && d.isShowing(), "the welcome is up at the first start");
            onFx(() -> {
                assertTrue(d.getScene().getRoot().lookup("#welcome-pointers") != null);
                assertTrue(d.getScene().getRoot().lookup("#lesson-card-3") != null, "four lessons on the start page");
                first.app().window().panelVisibleProperty(Panel.MASKS).set(false);
                first.app().window().toolBarVisibleProperty().set(false);
                DialogPane pane = (DialogPane) d.getScene().getRoot();
                ((javafx.scene.control.Button) pane.lookupButton(javafx.scene.control.ButtonType.CLOSE)).fire();
                return null;
            });
            assertFalse(prefs.welcomeDue(), "closed with \u201cdon't show again\u201d ticked");
            onFx(() -> {
                first.app().window().preferences().storeLayout();
                return null;
            });
        }
        assertEquals(new WindowLayout(Set.of("masks"), false, true), prefs.windowLayout());
        try (TestApps.Running second = start(new AppPreferences(node))) {
            assertNull(welcome(), "not again");
            onFx(() -> {
                assertFalse(second.app().window().panelVisibleProperty(Panel.MASKS).get());
                assertFalse(second.app().window().toolBarVisibleProperty().get());
                return null;
            });
        }
    }

    @Test
    void resetToDefaultsForgetsEverythingButTheRecentFiles() throws Exception {
        AppPreferences prefs = new AppPreferences(node);
        prefs.setWelcomeDismissed(true);
        prefs.setWindowLayout(new WindowLayout(Set.of("loss"), false, false));
        java.nio.file.Path recent = java.nio.file.Files.createTempFile("recent", ".session.zip").toAbsolutePath();
        prefs.recentFiles().add(recent);
        try (TestApps.Running app = start(prefs)) {
            MainWindow w = app.app().window();
            onFx(() -> {
                assertFalse(w.panelVisibleProperty(Panel.LOSS).get());
                Theme.DARK.apply();
                w.preferences().resetNow();
                assertTrue(w.panelVisibleProperty(Panel.LOSS).get());
                assertTrue(w.toolBarVisibleProperty().get());
                assertTrue(w.explanation().isVisible());
                assertEquals(Theme.LIGHT, Theme.currentProperty().get());
                return null;
            });
            assertTrue(prefs.welcomeDue());
            assertEquals(WindowLayout.DEFAULT, prefs.windowLayout());
            assertNull(node.get("view.theme", null));
            assertEquals(List.of(recent), prefs.recentFiles().list());
            onFx(() -> {
                w.preferences().storeLayout(); // what exit does: not stored after a reset
                return null;
            });
            assertEquals(WindowLayout.DEFAULT, prefs.windowLayout());
        } finally {
            java.nio.file.Files.deleteIfExists(recent);
        }
    }
}

package org.flowexplorer.app.ui;


import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.flowexplorer.app.FlowExplorerApp;
import org.flowexplorer.app.testing.TestApps;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window for the teaching-and-export tests, headless (Monocle): an app with a small model
 * started before each test, file choosers answered by {@link #answer}, and the helpers that open
 * menus, fill the size dialogs and wait for exports. Shared by {@link TeachingAndExportTest} and
 * {@link AnimationExportWindowTest}.
 */
@org.junit.jupiter.api.extension.ExtendWith(org.flowexplorer.app.testing.FxToolkitExtension.class)
abstract class ExportWindowTestBase {
    static final int LAYERS = 4;
    final FxRobot robot = new FxRobot();
    FlowExplorerApp app;
    Stage stage;
    MainWindow window;
    Path answer;
    @TempDir
    Path dir;

    TestApps.Running running;

    @BeforeEach
    void startApp() throws Exception {
        running = TestApps.start(TestApps.config(600, LAYERS, new int[] {16, 16}, 48));
        app = running.app();
        stage = running.stage();
        fx(() -> {
            window = app.window();
            window.actions().setFileDialogs(new FileDialogs() {
                public Path save(Window owner, String title, String name, List<FileChooser.ExtensionFilter> f) {
                    return answer;
                }

                public Path open(Window owner, String title, List<FileChooser.ExtensionFilter> f) {
                    return answer;
                }

                public Path directory(Window owner, String title) {
                    return answer;
                }
            });
            return null;
        });
        waitFor("model ready and traced", () -> app.viewModel().training().readyProperty().get()
                && app.viewModel().getSnapshot().view().trace() != null);
    }

    @AfterEach
    void closeApp() throws Exception {
        running.close();
    }


    Task<?> startAnimation(String menuId, String size, String perLayer, String hold) throws Exception {
        fireLater(menuItem(menuId));
        DialogPane dialog = dialog();
        fx(() -> {
            enterSize(dialog, size, size, 1);
            field(dialog, "#export-frames-per-layer").setText(perLayer);
            field(dialog, "#export-hold-frames").setText(hold);
            return null;
        });
        fireLater((Button) dialog.lookupButton(ButtonType.OK));
        waitFor("export started", () -> fx(() -> window.actions().exports().running()) != null);
        return fx(() -> window.actions().exports().running());
    }

    MenuItem menuItem(String id) throws Exception {
        return fx(() -> window.menu().getMenus().stream().flatMap(m -> flatten(m).stream())
                .filter(i -> id.equals(i.getId())).findFirst().orElseThrow(() -> new AssertionError("no " + id)));
    }

    static List<MenuItem> flatten(MenuItem m) {
        List<MenuItem> out = new java.util.ArrayList<>(List.of(m));
        if (m instanceof javafx.scene.control.Menu menu) {
            for (MenuItem i : menu.getItems()) {
                out.addAll(flatten(i));
            }
        }
        return out;
    }

    /** Fires later on the FX thread, so a dialog it opens (showAndWait) does not block the test. */
    static void fireLater(MenuItem item) {
        Platform.runLater(item::fire);
    }

    static void fireLater(Button b) {
        Platform.runLater(b::fire);
    }

    DialogPane dialog() throws Exception {
        waitFor("export dialog", () -> fx(() -> robot.lookup("#export-dialog").tryQuery().isPresent()));
        return fx(() -> robot.lookup("#export-dialog").queryAs(DialogPane.class));
    }

    static TextField field(DialogPane d, String id) {
        return (TextField) d.lookup(id);
    }

    /** Types a size into a PNG size dialog and picks its pixel density (on the FX thread). */
    static void enterSize(DialogPane d, String width, String height, int scale) {
        field(d, "#export-width").setText(width);
        field(d, "#export-height").setText(height);
        ((ToggleButton) d.lookup("#export-scale-" + scale)).setSelected(true);
    }

    /** Confirms a PNG size dialog and reads the image once it is written to {@link #answer}. */
    BufferedImage confirmPng(DialogPane dialog) throws Exception {
        fireLater((Button) dialog.lookupButton(ButtonType.OK));
        waitFor("PNG written", () -> Files.exists(answer));
        return ImageIO.read(answer.toFile());
    }

    static <W extends Window> W waitForWindow(Class<W> type, java.util.function.Predicate<W> p)
            throws Exception {
        Object[] found = {null};
        waitFor("window " + type.getSimpleName(), () -> fx(() -> {
            Optional<Window> w = Window.getWindows().stream().filter(type::isInstance)
                    .filter(x -> p.test(type.cast(x))).findFirst();
            w.ifPresent(x -> found[0] = x);
            return w.isPresent();
        }));
        return type.cast(found[0]);
    }

    static <T> T fx(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static void waitFor(String what, Callable<Boolean> c) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, c);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting for: " + what, e);
        }
    }

    /** With -Dflowexplorer.keepExports=DIR the exported files are copied there for a look. */
    static void keep(Path p) throws IOException {
        String to = System.getProperty("flowexplorer.keepExports");
        if (to != null) {
            Path dir = Files.createDirectories(Path.of(to));
            Files.copy(p, dir.resolve(p.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }
}

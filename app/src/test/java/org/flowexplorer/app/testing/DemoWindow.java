package org.flowexplorer.app.testing;

import atlantafx.base.theme.PrimerLight;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The window of a manual-check demo: the app's theme (AtlantaFX Primer Light) and one root node.
 * A demo's {@code main} calls {@link #launch}; {@code main} stays outside the Application subclass
 * so that the demo runs from a plain classpath.
 */
public final class DemoWindow {
    /** What a demo shows: the stage's title, its root and size, and what to do once it shows. */
    public record Content(String title, Parent root, double width, double height, Consumer<Stage> whenShown) {
        public Content(String title, Parent root, double width, double height) {
            this(title, root, width, height, stage -> { });
        }
    }

    /** Set once by {@link #launch}: JavaFX creates the Application itself, so it cannot take arguments. */
    private static volatile Function<List<String>, Content> demo;

    private DemoWindow() {
    }

    /** Starts JavaFX and shows {@code content} of the command-line arguments; returns when the window closes. */
    public static void launch(Function<List<String>, Content> content, String[] args) {
        demo = Objects.requireNonNull(content);
        Application.launch(App.class, args);
    }

    /** The Application JavaFX instantiates. */
    public static final class App extends Application {
        @Override
        public void start(Stage stage) {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            Content c = demo.apply(getParameters().getRaw());
            stage.setTitle(c.title());
            stage.setScene(new Scene(c.root(), c.width(), c.height()));
            stage.show();
            c.whenShown().accept(stage);
        }
    }
}

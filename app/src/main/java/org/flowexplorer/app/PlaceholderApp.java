package org.flowexplorer.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * Stand-in window until the real workbench application exists; {@link Launcher} opens it when the
 * jar is run without arguments. Replace this class (and the reference in Launcher) with the real
 * application class.
 */
public final class PlaceholderApp extends Application {
    @Override
    public void start(Stage stage) {
        Label label = new Label("Flow Explorer (the workbench UI is not built yet; run with --help for the command line)");
        stage.setTitle("Flow Explorer");
        stage.setScene(new Scene(new StackPane(label), 640, 200));
        stage.show();
    }
}

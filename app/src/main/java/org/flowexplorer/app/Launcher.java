package org.flowexplorer.app;

import javafx.application.Application;

/**
 * Entry point. A plain main class (not the Application subclass) so that the JavaFX jars may sit
 * on the class path: {@code java -jar app/target/flowexplorer.jar} or {@code mvn javafx:run}.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        Application.launch(FlowExplorerApp.class, args);
    }
}

package org.flowexplorer.app;

import org.flowexplorer.app.cli.FlowCli;

/**
 * The jar's entry point: with no arguments (or only the GUI's {@code --measure-fps} option) it
 * opens the workbench window, otherwise it runs the command-line interface ({@link FlowCli}) and
 * exits with its status. A plain main class, not the Application subclass, so that the JavaFX
 * jars may sit on the class path ({@code java -jar}, {@code mvn javafx:run}).
 *
 * <p>A JVM that {@link VectorRelaunch} started ends when its launcher is gone ({@link ParentWatch}).
 *
 * <p>The GUI branch lives in its own method so that a CLI run never loads a JavaFX class.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        ParentWatch.startIfChild();
        if (VectorRelaunch.wanted(args)) {
            int status = VectorRelaunch.run(args);
            if (status >= 0) {
                System.exit(status);
            }
        }
        BlasCoreType.applyInThisJvm(); // this JVM runs the app: before anything loads OpenBLAS
        if (VectorRelaunch.gui(args)) {
            launchGui(args);
            return;
        }
        System.exit(FlowCli.run(args));
    }

    private static void launchGui(String[] args) {
        javafx.application.Application.launch(FlowExplorerApp.class, args);
    }
}

package org.flowexplorer.app.testing;

import javafx.stage.Stage;
import org.flowexplorer.app.AppConfig;
import org.flowexplorer.app.FlowExplorerApp;
import org.flowexplorer.app.ui.MainWindow;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A whole app for each test of a window test class:
 * {@code @RegisterExtension final AppUnderTest ui = new AppUnderTest(TestApps.config(...));} starts it
 * ({@link TestApps#start}) before the class's own {@code @BeforeEach} methods and closes it after its
 * {@code @AfterEach} ones, so the window tests do not each keep the start and close.
 */
public final class AppUnderTest implements BeforeEachCallback, AfterEachCallback {
    private final AppConfig config;
    private TestApps.Running running;

    public AppUnderTest(AppConfig config) {
        this.config = config;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        FxTesting.startToolkit();
        running = TestApps.start(config);
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        TestApps.Running started = running;
        running = null;
        if (started != null) {
            started.close();
        }
    }

    /** The running app; only during a test. */
    public FlowExplorerApp app() {
        if (running == null) {
            throw new IllegalStateException("no app outside a test");
        }
        return running.app();
    }

    /** The running app's stage. */
    public Stage stage() {
        app();
        return running.stage();
    }

    /** The running app's window (its content; set once when the app starts). */
    public MainWindow window() {
        return app().window();
    }
}

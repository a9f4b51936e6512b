package org.flowexplorer.app.ui;

import static org.flowexplorer.app.testing.FxTesting.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;

import javafx.scene.Scene;
import org.flowexplorer.app.testing.FxToolkitExtension;
import org.flowexplorer.app.viewmodel.SameThreadWorker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The explorer is arranged for the window it is put in before its first layout: the first frame's CSS
 * and layout are spent on the arrangement it shows, not on the wide one rearranged during that layout.
 */
@ExtendWith(FxToolkitExtension.class)
class ExplorerArrangementTest {
    private final SameThreadWorker.Fixture fixture = SameThreadWorker.Fixture.start();

    @AfterEach
    void close() {
        fixture.close();
    }

    private ExplorerLayout.Arrangement beforeLayoutIn(double width) {
        return fx(() -> {
            MainWindow w = new MainWindow(fixture.vm());
            new Scene(w, width, 768); // no pulse, no layout: only the scene's size is known
            return w.explorerLayout().arrangement();
        });
    }

    @Test
    void aProjectorsWindowStartsNarrowADesktopsMediumAWideScreensWide() {
        // the column takes 282 px at 1024 (its minimum) and a fifth of wider windows
        assertEquals(ExplorerLayout.Arrangement.NARROW, beforeLayoutIn(1024));
        assertEquals(ExplorerLayout.Arrangement.MEDIUM, beforeLayoutIn(1500));
        assertEquals(ExplorerLayout.Arrangement.WIDE, beforeLayoutIn(1920));
    }
}

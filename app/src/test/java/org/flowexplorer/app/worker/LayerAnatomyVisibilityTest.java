package org.flowexplorer.app.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.flowexplorer.app.scene.LayerAnatomy;
import org.junit.jupiter.api.Test;

/**
 * The log-det tab's data follow training only while the tab is shown: computed on every model change
 * while hidden, the maps held back the explorer's snapshots (16 instead of 50 fps, 10 000 points).
 */
class LayerAnatomyVisibilityTest {
    private static void handle(TrainingWorker w, Command c) {
        w.submit(c);
        w.processPending();
    }

    @Test
    void hiddenTheTabDoesNotFollowTrainingShownItDoes() {
        TrainingWorker w = TrainingWorkerTest.smallWorker();
        w.initializeNow();
        LayerAnatomy first = w.publishNow().view().anatomy();
        assertNotNull(first, "the tab opens ready");
        w.runStepsNow(10);
        assertSame(first, w.publishNow().view().anatomy(), "hidden: training costs the tab nothing");
        handle(w, new Command.ShowLayerAnatomy(true));
        w.runStepsNow(5);
        LayerAnatomy shown = w.publishNow().view().anatomy();
        assertNotSame(first, shown, "shown: follows the trained model");
        handle(w, new Command.ShowLayerAnatomy(false));
        w.runStepsNow(5);
        assertSame(shown, w.publishNow().view().anatomy());
        assertEquals(first.layer(), shown.layer());
    }
}

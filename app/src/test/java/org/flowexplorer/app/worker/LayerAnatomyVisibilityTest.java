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
    @Test
    void hiddenTheTabDoesNotFollowTrainingShownItDoes() {
        TrainingWorker w = TrainingWorkerTest.smallWorker();
        w.initializeNow();
        LayerAnatomy first = anatomyAfterSteps(w, 0);
        assertNotNull(first, "the tab opens ready");
        assertSame(first, anatomyAfterSteps(w, 10), "hidden: training costs the tab nothing");
        showTab(w, true);
        LayerAnatomy shown = anatomyAfterSteps(w, 5);
        assertNotSame(first, shown, "shown: follows the trained model");
        assertEquals(first.layer(), shown.layer());
        showTab(w, false);
        assertSame(shown, anatomyAfterSteps(w, 5), "hidden again");
    }

    /** What the tab's selection sends. */
    private static void showTab(TrainingWorker w, boolean shown) {
        w.submit(new Command.ShowLayerAnatomy(shown));
        w.processPending();
    }

    private static LayerAnatomy anatomyAfterSteps(TrainingWorker w, int steps) {
        w.runStepsNow(steps);
        return w.publishNow().view().anatomy();
    }
}

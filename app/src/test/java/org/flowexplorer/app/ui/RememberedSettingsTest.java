package org.flowexplorer.app.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;
import java.util.prefs.Preferences;
import org.flowexplorer.app.AppConfig;
import org.flowexplorer.app.prefs.AppPreferences;
import org.flowexplorer.app.prefs.LastSettings;
import org.flowexplorer.app.prefs.WindowBounds;
import org.flowexplorer.app.viewmodel.ExplorerViewModel;
import org.flowexplorer.app.worker.TrainingWorker;
import org.flowexplorer.model.data.ToyDataset;
import org.flowexplorer.model.flow.Architecture;
import org.flowexplorer.model.flow.CouplingType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the app stores at exit comes back at the next start (a throw-away preferences node). */
class RememberedSettingsTest {
    private final Preferences node = Preferences.userRoot().node("flowexplorer-test-" + UUID.randomUUID());

    @AfterEach
    void remove() throws Exception {
        node.removeNode();
    }

    @Test
    void windowSizeAndLastSettingsAreRestored() {
        AppPreferences prefs = new AppPreferences(node);
        AppConfig first = AppConfig.defaults().withRemembered(prefs);
        assertEquals(AppConfig.defaults(), first); // nothing remembered yet: the defaults

        TrainingWorker w = TrainingWorker.withDefaults();
        w.initializeNow();
        ExplorerViewModel vm = new ExplorerViewModel(w, w.publishNow(), Runnable::run, Runnable::run, prefs);
        LastSettings last = vm.lastSettings();
        assertEquals(new LastSettings(ToyDataset.MOONS, new Architecture(8, new int[] {64, 64}, CouplingType.AFFINE),
                1e-3, 256), last);
        prefs.setLastSettings(new LastSettings(ToyDataset.CIRCLES, new Architecture(4, new int[] {32}, CouplingType.ADDITIVE),
                3e-3, 128));
        prefs.setWindowBounds(new WindowBounds(10, 20, 1234, 777, false));
        w.close();

        AppConfig next = AppConfig.defaults().withRemembered(new AppPreferences(node));
        assertEquals(ToyDataset.CIRCLES, next.dataset().set());
        assertEquals(4, next.architecture().layers());
        assertArrayEquals(new int[] {32}, next.architecture().hidden());
        assertEquals(CouplingType.ADDITIVE, next.architecture().coupling());
        assertEquals(3e-3, next.training().learningRate());
        assertEquals(128, next.training().batchSize());
        assertEquals(1234, next.width());
        assertEquals(777, next.height());
    }
}

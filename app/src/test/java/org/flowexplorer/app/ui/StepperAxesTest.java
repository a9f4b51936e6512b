package org.flowexplorer.app.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.flowexplorer.app.testing.AppUnderTest;
import org.flowexplorer.app.testing.TestApps;
import org.flowexplorer.app.worker.Command;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The stepper's axes: one box for every layer by default, so frames compare; per layer when asked. */
@org.junit.jupiter.api.Timeout(value = 3, unit = TimeUnit.MINUTES)
@org.junit.jupiter.api.extension.ExtendWith(org.flowexplorer.app.testing.FxToolkitExtension.class)
class StepperAxesTest {
    private static final int LAYERS = 4;
    @RegisterExtension
    final AppUnderTest ui = new AppUnderTest(TestApps.config(1000, LAYERS, new int[] {16, 16}, 64));

    @BeforeEach
    void trainUntilTheLayersDiffer() throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> ui.app().viewModel().training().readyProperty().get()
                && ui.app().viewModel().layers().stepperFrameProperty().get() != null);
        // a fresh flow is the identity (zero-initialised last layers): train until the layers differ
        ui.app().worker().submit(new Command.Step(60));
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> {
            var s = ui.app().viewModel().getSnapshot();
            return s != null && s.status().step() >= 60 && s.view().trace() != null
                    && s.view().trace().modelVersion() == ui.app().worker().latest().view().trace().modelVersion()
                    && !s.view().trace().bounds()[0].equals(s.view().trace().bounds()[LAYERS]);
        });
    }

    private double[] boundsAt(double position) {
        return fx(() -> {
            ui.app().viewModel().layers().layerPositionProperty().set(position);
            ui.app().window().stepper().plot().redrawNow();
            return ui.app().window().stepper().plot().getLayers().dataBounds().clone();
        });
    }

    @Test
    void axesStayFixedAcrossLayersUnlessPerLayerIsChosen() {
        double[] data = boundsAt(0);
        double[] latent = boundsAt(LAYERS);
        double[] between = boundsAt(1.5);
        assertArrayEquals(data, latent, 0, Arrays.toString(data) + " vs " + Arrays.toString(latent));
        assertArrayEquals(data, between, 0);
        fx(() -> {
            ui.app().window().stepper().fixedAxesToggle().setSelected(false);
            return null;
        });
        double[] perLayerData = boundsAt(0);
        double[] perLayerLatent = boundsAt(LAYERS);
        assertFalse(Arrays.equals(perLayerData, perLayerLatent), Arrays.toString(perLayerData));
    }

    private static <T> T fx(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}

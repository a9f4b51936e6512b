package org.flowexplorer.app.ui;

import static org.flowexplorer.app.testing.FxTesting.onFx;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.scene.control.Button;
import org.flowexplorer.app.chart.Marker;
import org.flowexplorer.app.export.SvgExport;
import org.flowexplorer.app.scene.LayerInterpolation;
import org.flowexplorer.app.scene.Palette;
import org.flowexplorer.app.testing.FxTesting;
import org.flowexplorer.app.testing.FxToolkitExtension;
import org.flowexplorer.app.viewmodel.DrawMode;
import org.flowexplorer.app.viewmodel.ExplorerViewModel;
import org.flowexplorer.app.viewmodel.QueryPoint;
import org.flowexplorer.app.viewmodel.SameThreadWorker;
import org.flowexplorer.app.viewmodel.SettingsFormViewModel.Field;
import org.flowexplorer.app.worker.TrainingWorker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Document;

/**
 * Issue 15, "stale or wrong state", in the panes themselves: the stepper, the data plot and
 * sample &amp; invert on a small real worker driven on the FX thread (no window, no waiting).
 */
@ExtendWith(FxToolkitExtension.class)
class StaleStatePaneTest {
    private final SameThreadWorker.Fixture fixture = SameThreadWorker.Fixture.start();
    private final TrainingWorker worker = fixture.worker();
    private final ExplorerViewModel vm = fixture.vm();

    @AfterEach
    void close() {
        fixture.close();
    }

    /** Runs on the FX thread, where the panes listen (the worker rounds run there too). */
    private <T> T fx(Callable<T> work) throws Exception {
        return onFx(work);
    }

    private void round() {
        fixture.round();
    }

    /** The data plot's pane on the first snapshot (FX thread). */
    private DataSpacePane dataPane() {
        round();
        return new DataSpacePane(vm, new Palette.Cache());
    }

    @Test
    void whilePausedAQueryPointMovesTheSteppersPointAndPathAtOnce() throws Exception {
        fx(() -> {
            round();
            worker.runStepsNow(10);
            round();
            StepperPane stepper = new StepperPane(vm, new Palette.Cache());
            FxTesting.render(stepper, 600, 600);
            vm.layers().layerPositionProperty().set(2);
            round();
            for (double[] at : new double[][] {{0.5, 0.25}, {-1, 0.75}}) {
                vm.plots().queryData(at[0], at[1]);
                round();
                QueryPoint q = vm.plots().queryProperty().get();
                assertNotNull(q);
                List<Marker> shown = stepper.plot().getMarkers();
                assertEquals(1, shown.size());
                float[] expected = LayerInterpolation.alongPath(q.path(), 2);
                assertEquals(expected[0], shown.get(0).x(), 1e-6, "the point after coupling 2");
                assertEquals(expected[1], shown.get(0).y(), 1e-6);
                assertArrayEquals(q.path(), shown.get(0).path());
            }
            // from latent space too
            vm.plots().queryLatent(0.3, -0.4);
            round();
            QueryPoint q = vm.plots().queryProperty().get();
            assertArrayEquals(q.path(), stepper.plot().getMarkers().get(0).path());
            return null;
        });
    }

    @Test
    void inDrawModeRegenerateShowsTheNewData() throws Exception {
        fx(() -> {
            DataSpacePane data = dataPane();
            vm.sketch().drawModeProperty().set(DrawMode.DRAW);
            vm.sketch().beginStroke(0, 0);
            vm.sketch().continueStroke(1, 0.5);
            vm.sketch().endStroke();
            round();
            assertArrayEquals(vm.sketch().sketchPointsProperty().get(), data.plot().getLayers().points(),
                    "the drawing is shown and trained on");
            vm.form().text(Field.POINTS).set("300");
            assertTrue(vm.form().applyDataset());
            round();
            float[] regenerated = vm.plots().dataPointsProperty().get();
            assertEquals(600, regenerated.length);
            assertArrayEquals(regenerated, data.plot().getLayers().points(), "the new moons, not the old drawing");
            // and drawing goes on over the new data
            vm.sketch().beginStroke(2, 2);
            vm.sketch().endStroke();
            float[] drawn = data.plot().getLayers().points();
            assertTrue(drawn.length > 600, "new strokes add to the regenerated points");
            return null;
        });
    }

    @Test
    void samplesHaveTheirOwnColourAndALegendEntry() throws Exception {
        fx(() -> {
            DataSpacePane data = dataPane();
            vm.form().sample();
            round();
            assertNotNull(data.plot().getLayers().samples());
            int sample = data.plot().getLayers().sampleColor();
            int[] colours = data.plot().getLayers().pointArgb();
            for (int c : colours) {
                assertTrue(FxTesting.distance(c, sample) >= 100,
                        "sample colour " + Integer.toHexString(sample) + " vs data " + Integer.toHexString(c));
            }
            Document svg = FxTesting.parse(SvgExport.toSvg(data.plot(), 400, 400));
            assertTrue(texts(svg).contains("samples"), texts(svg).toString());
            vm.form().clearSamples();
            round();
            assertTrue(!texts(FxTesting.parse(SvgExport.toSvg(data.plot(), 400, 400))).contains("samples"));
            return null;
        });
    }

    @Test
    void clearRemovesTheSamplesButKeepsTheQueryPoint() throws Exception {
        fx(() -> {
            round();
            SampleInvertPane pane = new SampleInvertPane(vm);
            vm.form().sample();
            vm.plots().queryData(0.5, 0.25);
            round();
            assertNotNull(vm.plots().samplesProperty().get());
            ((Button) pane.lookup("#clear-samples")).fire();
            round();
            assertNull(vm.plots().samplesProperty().get());
            assertNotNull(vm.plots().queryProperty().get(), "the query point stays");
            Button removePoint = (Button) pane.lookup("#clear-query");
            assertTrue(!removePoint.isDisabled());
            removePoint.fire();
            round();
            assertNull(vm.plots().queryProperty().get(), "its own button removes it");
            assertTrue(removePoint.isDisabled());
            return null;
        });
    }

    private static List<String> texts(Document doc) {
        var list = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            out.add(list.item(i).getTextContent());
        }
        return out;
    }
}

package org.flowexplorer.app.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.beans.value.ObservableValue;
import org.flowexplorer.app.worker.Snapshot;
import org.flowexplorer.app.worker.TrainingWorker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The plots' properties change once for each snapshot in which the worker recomputed their layer,
 * and not at all otherwise (a real worker on the test thread, no display).
 */
class PlotsViewModelTest {
    private final TrainingWorker worker = SameThreadWorker.small();
    private final ExplorerViewModel vm = new ExplorerViewModel(worker::submit, worker.latest(), Runnable::run,
            Runnable::run, null);
    private final PlotsViewModel plots = vm.plots();
    private final Map<String, Integer> changes = new LinkedHashMap<>();

    @BeforeEach
    void firstModel() {
        round();
        count("dataPoints", plots.dataPointsProperty());
        count("dataBounds", plots.dataBoundsProperty());
        count("density", plots.densityProperty());
        count("samples", plots.samplesProperty());
        count("query", plots.queryProperty());
        count("latentPoints", plots.latentPointsProperty());
        count("masks", plots.masksProperty());
        count("lossIncrement", plots.lossIncrementProperty());
        count("stepperFrame", vm.layers().stepperFrameProperty());
    }

    @AfterEach
    void close() {
        worker.close();
    }

    /** Counts every new value, even one equal to the old (a new record around the same arrays is still work). */
    private void count(String name, ObservableValue<?> p) {
        changes.put(name, 0);
        p.addListener(o -> {
            changes.merge(name, 1, Integer::sum);
            p.getValue(); // valid again, so that the next new value is counted too
        });
    }

    private Snapshot round() {
        return SameThreadWorker.round(worker, vm);
    }

    private Map<String, Integer> changed() {
        Map<String, Integer> out = new LinkedHashMap<>();
        changes.forEach((k, v) -> {
            if (v > 0) {
                out.put(k, v);
            }
        });
        changes.replaceAll((k, v) -> 0);
        return out;
    }

    @Test
    void aSnapshotThatRecomputedNothingChangesNothing() {
        round();
        round();
        assertEquals(Map.of(), changed());
        vm.accept(worker.latest()); // the same snapshot again
        assertEquals(Map.of(), changed());
    }

    @Test
    void eachLayerChangesOnceWhenItsDataWereRecomputed() {
        vm.form().sample();
        round();
        assertEquals(Map.of("samples", 1), changed());
        ModelSamples samples = plots.samplesProperty().get();
        assertEquals(2000, samples.data().length);
        assertEquals(samples.data().length, samples.latent().length);

        plots.queryData(0.5, 0.25);
        round();
        assertEquals(Map.of("query", 1), changed());
        QueryPoint q = plots.queryProperty().get();
        assertTrue(q.placedInData());
        assertEquals(0.5, q.dataX(), 1e-6);
        assertEquals(q.path()[q.path().length - 1], q.latentY(), 0);

        worker.runStepsNow(3);
        round();
        Map<String, Integer> trained = changed();
        assertEquals(1, trained.get("latentPoints"), trained.toString());
        assertEquals(1, trained.get("lossIncrement"), trained.toString());
        assertEquals(1, trained.get("stepperFrame"), trained.toString());
        assertNull(trained.get("dataPoints"), "the data did not change: " + trained);
        assertNull(trained.get("masks"), "the masks did not change: " + trained);
        assertEquals(3, plots.lossIncrementProperty().get().trainSteps().length);
    }

    @Test
    void densityShowsOnlyWhileVisibleAndHidesWithoutANewSnapshot() {
        assertNull(plots.densityProperty().get());
        plots.densityVisibleProperty().set(true);
        round();
        Heatmap shown = plots.densityProperty().get();
        assertNotNull(shown);
        assertEquals(16, shown.width());
        assertEquals(Map.of("density", 1), changed());
        plots.densityVisibleProperty().set(false);
        assertNull(plots.densityProperty().get(), "hidden at once");
        plots.densityVisibleProperty().set(true);
        assertSame(shown, plots.densityProperty().get(), "the last computed density shows again before the next one");
    }

    @Test
    void latentPointsKeepTheirDataSpaceOriginsForColouring() {
        LatentPoints latent = plots.latentPointsProperty().get();
        assertEquals(latent.points().length, latent.origins().length);
        assertEquals(plots.dataPointsProperty().get().length, latent.origins().length);
        assertEquals(0, java.util.Arrays.compare(plots.dataPointsProperty().get(), latent.origins()));
    }
}

package org.flowexplorer.app.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.flowexplorer.app.worker.Command;
import org.flowexplorer.app.worker.TrainingWorker;
import org.flowexplorer.model.teach.CouplingInspection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The stepper position, the inspected coupling and the mask text (a real worker on the test thread). */
class LayerViewModelTest {
    private final TrainingWorker worker = SameThreadWorker.small();
    private final List<Command> sent = new ArrayList<>();
    private final ExplorerViewModel vm = SameThreadWorker.viewModel(worker, sent);
    private final LayerViewModel layers = vm.layers();

    @AfterEach
    void close() {
        worker.close();
    }

    @Test
    void theMaskTextFollowsThePositionAndSaysWhereTheEndsAre() {
        SameThreadWorker.round(worker, vm);
        assertTrue(layers.maskDescriptionProperty().get().startsWith("Position 0 of 4 = the data x. Next: coupling 1 of 4: "),
                layers.maskDescriptionProperty().get());
        assertTrue(layers.maskDescriptionProperty().get().contains("is scaled and shifted"));
        layers.layerPositionProperty().set(2.5);
        assertTrue(layers.maskDescriptionProperty().get().startsWith("Position 2.5 of 4, inside coupling 3 of 4: "),
                layers.maskDescriptionProperty().get());
        layers.layerPositionProperty().set(4);
        assertTrue(layers.maskDescriptionProperty().get().startsWith("Position 4 of 4 = the latent z, after coupling 4 of 4: "),
                layers.maskDescriptionProperty().get());
    }

    @Test
    void theInspectedCouplingIsSentOnlyWhenItOrTheDirectionChanges() {
        SameThreadWorker.round(worker, vm);
        sent.clear();
        layers.layerPositionProperty().set(1.2);
        layers.layerPositionProperty().set(1.7); // same coupling (1), displayed layer rounds to 2
        layers.inspectionDirectionProperty().set(CouplingInspection.Direction.INVERSE);
        layers.layerPositionProperty().set(4); // the last coupling is 3, not 4
        assertEquals(List.of(new Command.SetDisplayedLayer(1), new Command.SetInspection(1, CouplingInspection.Direction.FORWARD),
                new Command.SetDisplayedLayer(2), new Command.SetInspection(1, CouplingInspection.Direction.INVERSE),
                new Command.SetDisplayedLayer(4), new Command.SetInspection(3, CouplingInspection.Direction.INVERSE)), sent);
        assertEquals(3, layers.inspectedLayerProperty().get());
        assertEquals(4, layers.currentLayerProperty().get());
    }
}

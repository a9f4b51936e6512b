package org.flowexplorer.app.ui;

import java.util.Optional;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.flowexplorer.app.preset.CompareSide;
import org.flowexplorer.app.viewmodel.CompareViewModel;
import org.flowexplorer.model.flow.CouplingType;

/**
 * The form for side B of a comparison, prefilled from side A: its label, layers, hidden widths,
 * coupling (a spline's bins K and tail bound B, shown for spline couplings only), learning rate,
 * batch size and seed; the data, scale, norm, mixer and base are side A's. OK is refused with the
 * reason while a field is out of range.
 */
final class CompareSideDialog {
    final TextField label = new TextField();
    final TextField layers = new TextField();
    final TextField hidden = new TextField();
    final ComboBox<CouplingType> coupling = new ComboBox<>();
    final TextField bins = new TextField();
    final TextField tailBound = new TextField();
    final TextField learningRate = new TextField();
    final TextField batch = new TextField();
    final TextField seed = new TextField();
    final Label error = new Label();
    final GridPane form = new GridPane();
    private final CompareSide prefill;

    CompareSideDialog(CompareSide prefill) {
        coupling.getItems().setAll(CouplingType.values());
        label.setText(prefill.label().equals("A") ? "B" : prefill.label());
        layers.setText(Integer.toString(prefill.architecture().layers()));
        StringBuilder w = new StringBuilder();
        for (int h : prefill.architecture().hidden()) {
            w.append(w.length() == 0 ? "" : ",").append(h);
        }
        hidden.setText(w.toString());
        coupling.setValue(prefill.architecture().coupling());
        bins.setText(Integer.toString(prefill.architecture().spline().bins()));
        tailBound.setText(org.flowexplorer.app.viewmodel.NumberText.format(prefill.architecture().spline().bound()));
        this.prefill = prefill;
        learningRate.setText(Double.toString(prefill.training().learningRate()));
        batch.setText(Integer.toString(prefill.training().batchSize()));
        seed.setText(Long.toString(prefill.training().seed()));
        form.setHgap(8);
        form.setVgap(6);
        Object[][] rows = {{"Label", label}, {"Layers", layers}, {"Hidden widths", hidden}, {"Coupling", coupling},
            {"Spline bins K", bins}, {"Tail bound B", tailBound},
            {"Learning rate", learningRate}, {"Batch size", batch}, {"Init and shuffle seed", seed}};
        Controls.tip(bins, SettingsTips.BINS);
        Controls.tip(tailBound, SettingsTips.TAIL_BOUND);
        for (int i = 0; i < rows.length; i++) {
            Label name = new Label((String) rows[i][0]);
            javafx.scene.Node field = (javafx.scene.Node) rows[i][1];
            form.add(name, 0, i);
            form.add(field, 1, i);
            if (field == bins || field == tailBound) { // a spline's shape only: hidden (and not read) for the other couplings
                for (javafx.scene.Node n : new javafx.scene.Node[] {name, field}) {
                    n.visibleProperty().bind(coupling.valueProperty().isEqualTo(CouplingType.SPLINE));
                    n.managedProperty().bind(n.visibleProperty());
                }
            }
        }
        error.getStyleClass().add("error-label");
        error.setWrapText(true);
        error.setMaxWidth(320);
        form.add(error, 0, rows.length, 2, 1);
        org.flowexplorer.model.flow.Architecture a = prefill.architecture();
        Label note = Controls.caption("Both models train on side A's data; both start again at step 0. B keeps A's scale ("
                + a.scale().id() + "), norm (" + a.norm().id() + "), mixer (" + a.mixer().id() + ") and base (" + a.base() + ").");
        note.setMaxWidth(320);
        form.add(note, 0, rows.length + 1, 2, 1);
    }

    /** The side the fields describe, or empty with the reason shown under them. */
    Optional<CompareSide> parse() {
        try {
            CompareSide s = CompareViewModel.parseSide(label.getText(), layers.getText(), hidden.getText(),
                    coupling.getValue(), bins.getText(), tailBound.getText(), learningRate.getText(), batch.getText(),
                    seed.getText(), prefill.architecture());
            error.setText("");
            return Optional.of(s);
        } catch (IllegalArgumentException e) {
            error.setText(e.getMessage());
            return Optional.empty();
        }
    }

    /** Shows the form; the side to compare with, or empty when cancelled. */
    static Optional<CompareSide> ask(Window owner, CompareSide prefill) {
        CompareSideDialog f = new CompareSideDialog(prefill);
        Dialog<CompareSide> d = new Dialog<>();
        if (owner != null) {
            d.initOwner(owner);
        }
        d.setTitle("Compare with side B");
        d.setHeaderText("Side B's model and training (prefilled from side A)");
        d.getDialogPane().setContent(f.form);
        d.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        d.getDialogPane().lookupButton(ButtonType.OK).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            if (f.parse().isEmpty()) {
                e.consume();
            }
        });
        d.setResultConverter(b -> b == ButtonType.OK ? f.parse().orElse(null) : null);
        return d.showAndWait();
    }
}

package org.flowexplorer.app.ui;

import static org.flowexplorer.app.ui.Controls.button;
import static org.flowexplorer.app.ui.Controls.tip;

import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.flowexplorer.app.viewmodel.ExplorerViewModel;
import org.flowexplorer.app.viewmodel.PlotsViewModel;
import org.flowexplorer.app.viewmodel.QueryPoint;
import org.flowexplorer.app.viewmodel.SettingsFormViewModel;

/** Sample & invert: draw model samples, and read out the query point's x ↔ z and round-trip error. */
public final class SampleInvertPane extends VBox {
    private final Label queryText = new Label("Click or drag in the data or latent plot to trace a point through the flow.");

    SampleInvertPane(ExplorerViewModel vm) {
        SettingsFormViewModel form = vm.form();
        PlotsViewModel plots = vm.plots();
        getStyleClass().add("sample-pane");
        setSpacing(6);
        setPadding(new Insets(8));
        Label title = new Label("Sample & invert");
        title.getStyleClass().add("title-4");
        TextField n = tip(new TextField(), "How many z ~ N(0, I) to draw; their images x = f⁻¹(z) appear as dark dots (\"samples\" in the plots' legend).");
        n.setId("sample-count");
        n.setPrefColumnCount(5);
        n.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
        n.textProperty().bindBidirectional(form.text(SettingsFormViewModel.Field.SAMPLE_COUNT));
        n.setOnAction(e -> form.sample());
        Button sample = button("Sample", "mdi2d-dice-multiple",
                "Draw fresh z ~ N(0, I) and show x = f⁻¹(z) in data space (they follow training live; a new model clears them).", form::sample);
        sample.setId("sample");
        sample.disableProperty().bind(vm.training().readyProperty().not());
        Button clear = button("Clear", "mdi2b-broom",
                "Remove the samples; the query point stays (the ✕ button removes it).", form::clearSamples);
        clear.setId("clear-samples");
        Button removePoint = button(null, "mdi2c-close-circle-outline",
                "Remove the query point x ↔ z and its path from every view.", plots::clearQuery);
        removePoint.setId("clear-query");
        removePoint.disableProperty().bind(plots.queryProperty().isNull());
        queryText.setId("query-text");
        queryText.setWrapText(true);
        sample.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
        clear.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
        removePoint.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
        HBox count = new HBox(6, new Label("n"), n);
        count.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        getChildren().addAll(title, count, buttons(sample, clear, removePoint),
                Controls.errorLabel(form.error(SettingsFormViewModel.Section.SAMPLES), "sample-error"), queryText);
        plots.queryProperty().addListener((o, was, now) -> describe(now));
        describe(plots.queryProperty().get());
    }

    /** The buttons wrap onto a second row when the pane is narrow (the bottom row at 1280 px). */
    private static javafx.scene.layout.FlowPane buttons(Button... buttons) {
        javafx.scene.layout.FlowPane row = new javafx.scene.layout.FlowPane(6, 6, buttons);
        row.setPrefWrapLength(120);
        return row;
    }

    private void describe(QueryPoint q) {
        if (q == null) {
            queryText.setText("Click or drag in the data or latent plot to trace a point through the flow.");
            return;
        }
        queryText.setText(String.format(Locale.ROOT,
                "x = (%.3f, %.3f)  ↔  z = (%.3f, %.3f)%nround-trip error ‖f⁻¹(f(x)) − x‖ = %.2e",
                q.dataX(), q.dataY(), q.latentX(), q.latentY(), q.roundTripError()));
    }
}

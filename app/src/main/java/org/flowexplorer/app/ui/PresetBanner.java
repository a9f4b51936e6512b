package org.flowexplorer.app.ui;

import javafx.beans.Observable;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.flowexplorer.app.preset.Preset;
import org.flowexplorer.app.viewmodel.ExplorerViewModel;
import org.flowexplorer.app.viewmodel.SettingsFormViewModel.Field;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A one-line strip above the plots saying what to watch for while a preset runs
 * ({@link Preset#watchFor}). It goes when the user closes it, changes a setting away from the
 * preset's, or draws; it comes back with the next preset. Never wider than the window: a long
 * sentence is cut with an ellipsis and shown whole in the tooltip.
 */
public final class PresetBanner extends HBox {
    private final Label text = new Label();
    private final AppActions actions;
    private Preset shown;

    PresetBanner(ExplorerViewModel vm, AppActions actions) {
        super(8);
        this.actions = actions;
        setId("preset-banner");
        getStyleClass().add("preset-banner");
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(4, 6, 4, 10));
        setMinWidth(0);
        setPrefWidth(0); // the column's width decides, never the sentence's length
        text.setId("preset-watch-for");
        text.setGraphic(new FontIcon("mdi2e-eye-outline"));
        text.setContentDisplay(ContentDisplay.LEFT);
        text.setTextOverrun(OverrunStyle.ELLIPSIS);
        text.setMinWidth(0);
        text.setPrefWidth(0);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button close = Controls.button(null, "mdi2c-close", "Hide this hint (it comes back with the next preset).",
                this::dismiss);
        close.setId("preset-banner-close");
        close.getStyleClass().addAll("flat", "small");
        getChildren().addAll(text, close);
        managedProperty().bind(visibleProperty());
        setVisible(false);

        actions.appliedPresetProperty().addListener((o, was, p) -> {
            if (p != null) {
                show(p);
            }
        });
        for (Field f : Field.values()) {
            vm.form().text(f).addListener(this::settingsChanged);
        }
        vm.form().datasetProperty().addListener(this::settingsChanged);
        vm.form().couplingProperty().addListener(this::settingsChanged);
        vm.sketch().sketchPointsProperty().addListener(o -> dismiss()); // drawn data is not the preset's
    }

    private void show(Preset p) {
        shown = p;
        text.setText(p.name() + " — " + p.watchFor());
        Controls.tip(text, p.watchFor() + "\n\n" + p.description());
        setVisible(true);
    }

    /** Hides the hint as soon as the form no longer holds the preset's settings. */
    private void settingsChanged(Observable o) {
        if (shown != null && !actions.describeChanges(shown).equals(AppActions.UNCHANGED)) {
            dismiss();
        }
    }

    void dismiss() {
        shown = null;
        setVisible(false);
    }

    /** The text shown, empty when hidden (tests). */
    String shownText() {
        return isVisible() ? text.getText() : "";
    }
}

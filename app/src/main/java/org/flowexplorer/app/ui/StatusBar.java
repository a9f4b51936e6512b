package org.flowexplorer.app.ui;

import java.util.Locale;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.Window;
import org.flowexplorer.app.viewmodel.ExplorerViewModel;
import org.flowexplorer.app.viewmodel.WorkerTimings;

/**
 * The line at the bottom of the window: a busy spinner while a file is read or written, the latest
 * status (the view model's or an action's, whichever is newer), the training error, and the worker
 * timings. Errors reported to the {@link Notifications} (including the view model's file errors)
 * open one error dialog each.
 */
public final class StatusBar extends HBox {
    private final Label status = new Label();
    private final Label error = new Label();
    private final Label timings = new Label();
    private final Supplier<Window> owner;

    public StatusBar(ExplorerViewModel vm, Notifications notes, Supplier<Window> owner) {
        super(12);
        this.owner = owner;
        status.setId("status");
        status.setText(vm.status().messageProperty().get());
        vm.status().messageProperty().addListener((o, was, now) -> status.setText(now));
        notes.messageProperty().addListener((o, was, now) -> status.setText(now));
        vm.status().failureProperty().addListener((o, was, msg) -> {
            if (msg != null) {
                notes.error("The file operation failed", msg);
                vm.status().clearFailure();
            }
        });
        notes.addErrorListener(this::showError);
        ProgressIndicator busy = new ProgressIndicator();
        busy.setId("file-busy");
        busy.setPrefSize(16, 16);
        busy.visibleProperty().bind(vm.files().fileOperationsProperty().greaterThan(0));
        busy.managedProperty().bind(busy.visibleProperty());
        Controls.tip(busy, "A file is being read or written in the background.");
        // a long status or preset message is cut with "…" (the whole of it in the tooltip), never
        // pushing the window's layout wider than the window
        status.setMinWidth(0);
        status.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(status, Priority.ALWAYS);
        Controls.lazyTooltip(status, () -> {
            Tooltip statusTip = new Tooltip();
            statusTip.textProperty().bind(status.textProperty());
            statusTip.setWrapText(true);
            statusTip.setMaxWidth(600);
            return statusTip;
        });
        error.setMinWidth(0);
        error.setId("error");
        error.getStyleClass().add("danger");
        error.textProperty().bind(vm.training().errorProperty());
        timings.setId("timings");
        timings.getStyleClass().add("text-muted");
        timings.setMinWidth(0);
        timings.maxWidthProperty().bind(widthProperty().multiply(0.4));
        getChildren().addAll(busy, status, error, new Readout(timings)); // new with every snapshot: no window layout
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("status-bar");
        setPadding(new Insets(4, 10, 4, 10));
        PacedText.follow(timings.textProperty(), javafx.beans.binding.Bindings.createStringBinding(
                () -> describeTimings(vm.plots().timingsProperty().get()), vm.plots().timingsProperty()));
    }

    private void showError(Notifications.Error e) {
        Alert a = new Alert(Alert.AlertType.ERROR);
        Window w = owner.get();
        if (w != null) {
            a.initOwner(w);
        }
        a.setTitle("Flow Explorer");
        a.setHeaderText(e.title());
        a.setContentText(e.message());
        a.getDialogPane().setId("error-dialog");
        a.show();
    }

    /** The timings line; empty before the model is ready (null timings). */
    static String describeTimings(WorkerTimings t) {
        if (t == null) {
            return "";
        }
        return String.format(Locale.ROOT, "step %s · trace %.0f ms · density %s · model built in %.0f ms",
                Double.isNaN(t.stepMillis()) ? "–" : String.format(Locale.ROOT, "%.1f ms", t.stepMillis()),
                t.traceMillis(),
                Double.isNaN(t.densityMillis()) ? "off" : String.format(Locale.ROOT, "%.0f ms", t.densityMillis()),
                t.firstBuildMillis());
    }
}

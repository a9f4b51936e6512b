package org.flowexplorer.app.ui;

import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.flowexplorer.app.viewmodel.ExplorerViewModel;
import org.flowexplorer.app.worker.Snapshot;

/**
 * The explorer's window content: the control panel on the left; on the right, resizable split panes
 * with data space, latent space and the layer stepper on top, the loss chart and sample &amp; invert
 * below; a status bar at the bottom.
 */
public final class MainWindow extends BorderPane {
    private final ControlPanel controls;
    private final DataSpacePane data;
    private final LatentSpacePane latent;
    private final StepperPane stepper;
    private final LossPane loss;
    private final SampleInvertPane sampleInvert;
    private final InspectorPane inspector;
    private final Label status = new Label();
    private final Label error = new Label();
    private final Label timings = new Label();

    public MainWindow(ExplorerViewModel vm) {
        getStyleClass().add("main-window");
        PlotColors colors = PlotColors.create();
        controls = new ControlPanel(vm);
        data = new DataSpacePane(vm, colors);
        latent = new LatentSpacePane(vm, colors);
        stepper = new StepperPane(vm, colors);
        loss = new LossPane(vm);
        sampleInvert = new SampleInvertPane(vm);

        SplitPane top = new SplitPane(data, latent, stepper);
        top.setDividerPositions(0.31, 0.62);
        VBox lowerRight = new VBox(sampleInvert);
        lowerRight.setMinWidth(260);
        javafx.scene.Node maskPane = stepper.maskPane();
        inspector = new InspectorPane(vm);
        SplitPane bottom = new SplitPane(loss, maskPane, inspector, lowerRight);
        bottom.setDividerPositions(0.24, 0.36, 0.8);
        DataSpacePane.installDrop(this, vm);
        SplitPane rows = new SplitPane(top, bottom);
        rows.setOrientation(Orientation.VERTICAL);
        rows.setDividerPositions(0.66);
        for (Region r : new Region[] {data, latent, stepper, loss}) {
            r.setPadding(new Insets(6));
            r.setMinSize(180, 160);
        }

        ScrollPane left = new ScrollPane(controls);
        left.setFitToWidth(true);
        left.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        left.setMinWidth(300);
        SplitPane main = new SplitPane(left, rows);
        main.setDividerPositions(0.215);
        SplitPane.setResizableWithParent(left, false);
        setCenter(main);

        status.setId("status");
        status.textProperty().bind(vm.statusProperty());
        error.setId("error");
        error.getStyleClass().add("danger");
        error.textProperty().bind(vm.errorProperty());
        timings.setId("timings");
        timings.getStyleClass().add("text-muted");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(12, status, error, spacer, timings);
        bar.getStyleClass().add("status-bar");
        bar.setPadding(new Insets(4, 10, 4, 10));
        setBottom(bar);
        vm.snapshotProperty().addListener((o, was, s) -> timings.setText(describeTimings(s)));
    }

    static String describeTimings(Snapshot s) {
        if (s == null || s.phase() != Snapshot.Phase.READY) {
            return "";
        }
        Snapshot.Timings t = s.timings();
        return String.format(Locale.ROOT, "step %s · trace %.0f ms · density %s · model built in %.0f ms",
                Double.isNaN(t.stepMillis()) ? "–" : String.format(Locale.ROOT, "%.1f ms", t.stepMillis()),
                t.traceMillis(),
                Double.isNaN(t.densityMillis()) ? "off" : String.format(Locale.ROOT, "%.0f ms", t.densityMillis()),
                t.firstBuildMillis());
    }

    public ControlPanel controls() {
        return controls;
    }

    public DataSpacePane dataSpace() {
        return data;
    }

    public LatentSpacePane latentSpace() {
        return latent;
    }

    public StepperPane stepper() {
        return stepper;
    }

    public LossPane loss() {
        return loss;
    }

    public InspectorPane inspector() {
        return inspector;
    }

    public SampleInvertPane sampleInvert() {
        return sampleInvert;
    }
}

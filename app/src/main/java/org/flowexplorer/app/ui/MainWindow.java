package org.flowexplorer.app.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.flowexplorer.app.preset.Preset;
import org.flowexplorer.app.teach.Explanations;
import org.flowexplorer.app.teach.FormulaInspectorView;
import org.flowexplorer.app.teach.MaskGalleryView;
import org.flowexplorer.app.teach.WorkedExampleView;
import org.flowexplorer.app.viewmodel.ExplorerViewModel;
import org.flowexplorer.app.worker.Snapshot;
import org.flowexplorer.model.flow.FlowTrace;

/**
 * The window content. Menu bar and toolbar on top; tabs "Explorer | Worked example | Mask gallery"
 * in the centre, the explorer being the control panel on the left and resizable split panes with
 * data space, latent space and the layer stepper on top, the loss chart, the masks and sample &amp;
 * invert below; the collapsible explanation strip and the status bar at the bottom.
 *
 * <p>Every view is an {@link ExportTarget}: it has a context menu with the image exports, and the
 * view last hovered or clicked ({@link ViewFocus}) is the one the explanation strip explains and
 * the toolbar exports. Panels can be hidden from the View menu.
 */
public final class MainWindow extends BorderPane {
    /** Names of the panels the View menu can hide, in menu order. */
    public static final List<String> PANELS = List.of("Controls", "Data space", "Latent space", "Layer stepper", "Loss",
            "Masks", "Formula inspector", "Sample & invert");

    private final ExplorerViewModel vm;
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
    private final ViewFocus focus = new ViewFocus();
    private final AppActions actions;
    private final TeachingTabs tabs;
    private final ExplanationPanel explanation;
    private final AppMenuBar menuBar;
    private final AppToolBar toolBar;
    private final Map<String, BooleanProperty> panelVisible = new LinkedHashMap<>();
    private final List<ExportTarget> targets = new ArrayList<>();
    private final ExportTarget dataTarget;
    private final ExportTarget latentTarget;
    private final ExportTarget stepperTarget;
    private final ExportTarget masksTarget;
    private final ExportTarget lossTarget;
    private final ExportTarget sampleTarget;
    private final ExportTarget inspectorTarget;
    private final ExportTarget workedTarget;
    private final ExportTarget galleryTarget;
    private final BooleanProperty toolBarVisible = new SimpleBooleanProperty(this, "toolBarVisible", true);

    public MainWindow(ExplorerViewModel vm) {
        this.vm = vm;
        getStyleClass().add("main-window");
        PlotColors colors = PlotColors.create();
        controls = new ControlPanel(vm);
        data = new DataSpacePane(vm, colors);
        latent = new LatentSpacePane(vm, colors);
        stepper = new StepperPane(vm, colors);
        loss = new LossPane(vm);
        sampleInvert = new SampleInvertPane(vm);
        inspector = new InspectorPane(vm);
        for (String p : PANELS) {
            panelVisible.put(p, new SimpleBooleanProperty(this, p, true));
        }

        // ---------------------------------------------------------------- explorer layout
        Node maskPane = stepper.maskPane();
        VBox lowerRight = new VBox(sampleInvert);
        lowerRight.setMinWidth(260);
        for (Region r : new Region[] {data, latent, stepper, loss}) {
            r.setPadding(new Insets(6));
            r.setMinSize(180, 160);
        }
        ScrollPane left = new ScrollPane(controls);
        left.setFitToWidth(true);
        left.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        left.setMinWidth(300);
        SplitPane.setResizableWithParent(left, false);

        SplitItems top = new SplitItems(new SplitPane(), new double[] {0.333, 0.667});
        top.add(data, visible("Data space"));
        top.add(latent, visible("Latent space"));
        top.add(stepper, visible("Layer stepper"));
        SplitItems bottom = new SplitItems(new SplitPane(), new double[] {0.22, 0.36, 0.79});
        bottom.add(loss, visible("Loss"));
        bottom.add(maskPane, visible("Masks"));
        bottom.add(inspector, visible("Formula inspector"));
        bottom.add(lowerRight, visible("Sample & invert"));
        SplitItems rows = new SplitItems(new SplitPane(), new double[] {0.58});
        rows.pane.setOrientation(Orientation.VERTICAL);
        rows.add(top.pane, top.anyVisible);
        rows.add(bottom.pane, bottom.anyVisible);
        rows.pane.setId("explorer");

        // ---------------------------------------------------------------- views: export and explanation
        actions = new AppActions(vm, this::window, this::tracePositions);
        InspectorPane fullInspector = new InspectorPane(vm);
        fullInspector.setId("inspector-full");
        tabs = new TeachingTabs(rows.pane, fullInspector);
        dataTarget = target(new ExportTarget(
                () -> vm.densityVisibleProperty().get() ? Explanations.DENSITY : Explanations.DATA_SPACE,
                "Data space", "data-space", data.plot(), data::plot, false));
        latentTarget = target(ExportTarget.of(Explanations.LATENT_SPACE, "Latent space", "latent-space", latent.plot()));
        stepperTarget = target(new ExportTarget(() -> Explanations.LAYER_STEPPER, "Layer stepper", "layer-stepper",
                stepper.plot(), stepper::plot, true));
        masksTarget = target(ExportTarget.of(Explanations.MASK_VIEW, "Masks", "masks", stepper.masks()));
        lossTarget = target(ExportTarget.of(Explanations.LOSS_CHART, "Loss", "loss", loss.chart()));
        sampleTarget = target(new ExportTarget(() -> Explanations.SAMPLE_INVERT, "Sample & invert", "sample-invert",
                sampleInvert, null, false));
        inspectorTarget = target(new ExportTarget(() -> Explanations.FORMULA_INSPECTOR, "Formula inspector",
                "formula-inspector", inspector, () -> {
                    FormulaInspectorView copy = new FormulaInspectorView();
                    copy.setDirection(inspector.view().getDirection());
                    copy.setInspection(inspector.view().getInspection());
                    return copy;
                }, false));
        WorkedExampleView worked = tabs.workedExample();
        workedTarget = target(new ExportTarget(() -> Explanations.WORKED_EXAMPLE, "Worked example", "worked-example",
                worked, () -> new WorkedExampleView(worked.getExample()), false));
        MaskGalleryView gallery = tabs.maskGallery();
        galleryTarget = target(new ExportTarget(() -> Explanations.MASK_GALLERY, "Mask gallery", "mask-gallery",
                gallery, () -> {
                    MaskGalleryView copy = new MaskGalleryView();
                    copy.setChannels(gallery.getChannels());
                    copy.setLayer(gallery.getLayer());
                    return copy;
                }, false));
        focus.set(dataTarget);
        vm.densityVisibleProperty().addListener((o, was, now) -> {
            focus.set(dataTarget);
            focus.refresh();
        });
        ExportTarget[] lastExplorer = {dataTarget};
        focus.currentProperty().addListener((o, was, now) -> {
            if (now != workedTarget && now != galleryTarget && now != null) {
                lastExplorer[0] = now;
            }
        });
        vm.requestedViewProperty().addListener((o, was, v) -> {
            if (v != null) {
                showPresetView(v);
            }
        });
        DataSpacePane.installDrop(this, vm);
        tabs.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> focus.set(
                now == tabs.workedExampleTab() ? workedTarget : now == tabs.maskGalleryTab() ? galleryTarget
                        : now == tabs.inspectorTab() ? inspectorTarget : lastExplorer[0]));

        // The controls stay on the left whatever the tab (Play is never more than a click away), and the
        // chrome above them is one row, so the column fits a 1280×800 projector with as little scrolling as possible.
        explanation = new ExplanationPanel(focus);
        VBox right = new VBox(tabs, explanation);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        SplitItems main = new SplitItems(new SplitPane(), new double[] {0.2});
        main.add(left, visible("Controls"));
        main.add(right, new SimpleBooleanProperty(true));
        menuBar = new AppMenuBar(this);
        toolBar = new AppToolBar(this);
        toolBar.visibleProperty().bind(toolBarVisible);
        toolBar.managedProperty().bind(toolBarVisible);
        HBox.setHgrow(toolBar, Priority.ALWAYS);
        HBox topBar = new HBox(menuBar, toolBar);
        topBar.getStyleClass().add("top-bar");
        topBar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        setTop(topBar);
        setCenter(main.pane);

        // ---------------------------------------------------------------- status bar
        status.setId("status");
        // one status line: the view model's (worker state, file operations) or the window's last action, whichever is newer
        status.setText(vm.statusMessage().get());
        vm.statusMessage().addListener((o, was, now) -> status.setText(now));
        actions.messageProperty().addListener((o, was, now) -> status.setText(now));
        ProgressIndicator busy = new ProgressIndicator();
        busy.setId("file-busy");
        busy.setPrefSize(16, 16);
        busy.visibleProperty().bind(vm.fileOperationsProperty().greaterThan(0));
        busy.managedProperty().bind(busy.visibleProperty());
        Controls.tip(busy, "A file is being read or written in the background.");
        vm.errorMessage().addListener((o, was, msg) -> {
            if (msg != null) {
                actions.exports().showError("The file operation failed", msg);
                vm.clearErrorMessage();
            }
        });
        status.setMinWidth(Region.USE_PREF_SIZE);
        error.setId("error");
        error.getStyleClass().add("danger");
        error.textProperty().bind(vm.errorProperty());
        timings.setId("timings");
        timings.getStyleClass().add("text-muted");
        timings.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(12, busy, status, error, spacer, timings);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        bar.getStyleClass().add("status-bar");
        bar.setPadding(new Insets(4, 10, 4, 10));
        setBottom(bar);
        vm.snapshotProperty().addListener((o, was, s) -> timings.setText(describeTimings(s)));
    }

    private ExportTarget target(ExportTarget t) {
        targets.add(t);
        if (t.exportNode() != null) {
            actions.exports().install(t);
        }
        return focus.track(t);
    }

    private BooleanProperty visible(String panel) {
        return panelVisible.get(panel);
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    /** Positions per layer (0 = data … L = latent) of the displayed points, or null before the first trace. */
    private float[][] tracePositions() {
        FlowTrace t = vm.currentTrace().get();
        return t == null || t.dim() != 2 ? null : t.positions();
    }

    private void showPresetView(Preset.View v) {
        tabs.selectExplorer();
        switch (v) {
            case DENSITY, SAMPLES -> {
                // the view model has switched the density on or drawn the samples
                visible("Data space").set(true);
                focus.set(dataTarget);
            }
            case LAYERS -> {
                visible("Layer stepper").set(true);
                focus.set(stepperTarget);
            }
            case LOSS -> {
                visible("Loss").set(true);
                focus.set(lossTarget);
            }
        }
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

    /**
     * The items of one split pane, in a fixed order, each shown while its flag is true. With all
     * items shown the dividers go back to their defaults; otherwise the space is shared evenly.
     */
    private static final class SplitItems {
        final SplitPane pane;
        final BooleanProperty anyVisible = new SimpleBooleanProperty(true);
        private final double[] defaults;
        private final List<Node> nodes = new ArrayList<>();
        private final List<BooleanProperty> flags = new ArrayList<>();

        SplitItems(SplitPane pane, double[] defaults) {
            this.pane = pane;
            this.defaults = defaults;
        }

        void add(Node n, BooleanProperty flag) {
            nodes.add(n);
            flags.add(flag);
            flag.addListener((o, was, now) -> rebuild());
            rebuild();
        }

        private void rebuild() {
            List<Node> shown = new ArrayList<>();
            for (int i = 0; i < nodes.size(); i++) {
                if (flags.get(i).get()) {
                    shown.add(nodes.get(i));
                }
            }
            pane.getItems().setAll(shown);
            if (shown.size() == defaults.length + 1) {
                pane.setDividerPositions(defaults);
            } else if (shown.size() > 1) {
                double[] even = new double[shown.size() - 1];
                for (int i = 0; i < even.length; i++) {
                    even[i] = (i + 1.0) / shown.size();
                }
                pane.setDividerPositions(even);
            }
            anyVisible.set(!shown.isEmpty());
        }
    }

    // ---------------------------------------------------------------- accessors

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

    public SampleInvertPane sampleInvert() {
        return sampleInvert;
    }

    public InspectorPane inspector() {
        return inspector;
    }

    public ExportTarget inspectorTarget() {
        return inspectorTarget;
    }

    public ExplorerViewModel viewModel() {
        return vm;
    }

    public AppActions actions() {
        return actions;
    }

    public ViewFocus focus() {
        return focus;
    }

    public TeachingTabs tabs() {
        return tabs;
    }

    public ExplanationPanel explanation() {
        return explanation;
    }

    public AppMenuBar menu() {
        return menuBar;
    }

    public AppToolBar toolBar() {
        return toolBar;
    }

    /** Every explainable view, in window order. */
    public List<ExportTarget> targets() {
        return List.copyOf(targets);
    }

    /** The flag behind a View-menu panel entry; see {@link #PANELS}. */
    public BooleanProperty panelVisibleProperty(String panel) {
        BooleanProperty p = panelVisible.get(panel);
        if (p == null) {
            throw new IllegalArgumentException("no panel '" + panel + "' (known: " + PANELS + ")");
        }
        return p;
    }

    public BooleanProperty toolBarVisibleProperty() {
        return toolBarVisible;
    }

    public ExportTarget dataTarget() {
        return dataTarget;
    }

    public ExportTarget latentTarget() {
        return latentTarget;
    }

    public ExportTarget stepperTarget() {
        return stepperTarget;
    }

    public ExportTarget masksTarget() {
        return masksTarget;
    }

    public ExportTarget lossTarget() {
        return lossTarget;
    }

    public ExportTarget sampleTarget() {
        return sampleTarget;
    }

    public ExportTarget workedTarget() {
        return workedTarget;
    }

    public ExportTarget galleryTarget() {
        return galleryTarget;
    }
}

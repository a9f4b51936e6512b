package org.flowexplorer.app.ui;

import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.flowexplorer.app.preset.Preset;
import org.flowexplorer.app.scene.Palette;
import org.flowexplorer.app.task.TaskRunner;
import org.flowexplorer.app.teach.Explanations;
import org.flowexplorer.app.teach.FormulaInspectorView;
import org.flowexplorer.app.teach.MaskGalleryView;
import org.flowexplorer.app.teach.WorkedExampleView;
import org.flowexplorer.app.viewmodel.ExplorerViewModel;
import org.flowexplorer.model.flow.FlowTrace;
import org.flowexplorer.model.teach.CouplingInspection;

/**
 * The window content. Menu bar and toolbar on top; tabs "Explorer | Worked example | Mask gallery"
 * in the centre, the explorer being the control panel on the left and resizable split panes
 * ({@link ExplorerLayout}) with data space, latent space and the layer stepper on top, the loss
 * chart, the masks and sample &amp; invert below; the collapsible explanation strip and the
 * {@link StatusBar} at the bottom.
 *
 * <p>Every view is registered by its {@link Panel} in the {@link ViewRegistry}: it has a context
 * menu with the image exports, and the view last hovered or clicked ({@link ViewFocus}) is the one
 * the explanation strip explains and the toolbar exports. Panels can be hidden from the View menu.
 */
public final class MainWindow extends BorderPane {
    private final ExplorerViewModel vm;
    private final ControlPanel controls;
    private final DataSpacePane data;
    private final LatentSpacePane latent;
    private final StepperPane stepper;
    private final LossPane loss;
    private final SampleInvertPane sampleInvert;
    private final InspectorPane inspector;
    private final ViewFocus focus = new ViewFocus();
    private final ViewRegistry views = new ViewRegistry();
    private final Notifications notes = new Notifications();
    private final AppActions actions;
    private final LessonActions lessons;
    private final PreferenceActions preferences;
    private final TeachingTabs tabs;
    private final ExplanationPanel explanation;
    private final AppMenuBar menuBar;
    private final AppToolBar toolBar;
    private final BooleanProperty toolBarVisible = new SimpleBooleanProperty(this, "toolBarVisible", true);
    private static final String PRESENTATION = "presentation";
    private final BooleanProperty presentation = new SimpleBooleanProperty(this, "presentation", false);
    private final ExplorerLayout explorerLayout;
    /** The control column is on show: its View-menu flag, and not presenting (held here: bindings are weak). */
    private final javafx.beans.binding.BooleanBinding columnShown;

    /** A window whose exports run on a runner of its own (tests and tools). */
    public MainWindow(ExplorerViewModel vm) {
        this(vm, TaskRunner.background("flow-explorer-export"));
    }

    /** @param tasks runs the export encoding and file writes (the app's one background runner) */
    public MainWindow(ExplorerViewModel vm, TaskRunner tasks) {
        this.vm = vm;
        getStyleClass().add("main-window");
        Palette.Cache colors = new Palette.Cache();
        controls = new ControlPanel(vm);
        data = new DataSpacePane(vm, colors);
        latent = new LatentSpacePane(vm, colors);
        stepper = new StepperPane(vm, colors);
        loss = new LossPane(vm);
        sampleInvert = new SampleInvertPane(vm);
        inspector = new InspectorPane(vm);

        // ---------------------------------------------------------------- explorer layout
        for (Region r : new Region[] {data, latent, stepper, loss}) {
            r.setPadding(new Insets(6));
        }
        sampleInvert.setMinWidth(200);
        ScrollPane left = new ScrollPane(controls);
        left.setId("controls-scroll");
        left.setFitToWidth(true);
        left.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        left.setMinWidth(ControlPanel.MIN_WIDTH + 14);
        left.setMaxWidth(ControlPanel.MAX_WIDTH + 14);
        explorerLayout = new ExplorerLayout()
                .add(Panel.DATA_SPACE, data, views)
                .add(Panel.LATENT_SPACE, latent, views)
                .add(Panel.LAYER_STEPPER, stepper, views)
                .add(Panel.LOSS, loss, views)
                .add(Panel.MASKS, stepper.maskPane(), views)
                .add(Panel.FORMULA_INSPECTOR, inspector, views)
                .add(Panel.SAMPLE_INVERT, sampleInvert, views);
        Node rows = explorerLayout.build();

        // ---------------------------------------------------------------- views: export and explanation
        actions = new AppActions(vm, this::window, this::tracePositions, notes, tasks);
        InspectorPane fullInspector = new InspectorPane(vm);
        fullInspector.setId("inspector-full");
        tabs = new TeachingTabs(rows, fullInspector);
        inspector.offerFullSize(() -> tabs.getSelectionModel().select(tabs.inspectorTab()));
        WorkedExampleView worked = tabs.workedExample();
        MaskGalleryView gallery = tabs.maskGallery();
        LayerAnatomyPane anatomy = new LayerAnatomyPane(vm);
        Tab anatomyTab = TeachingTabs.tab("Log-det", anatomy, "logdet-tab", "Log-det & Jacobian: where each layer expands and squeezes space, its local Jacobians, and the query point's log p(x) bar by bar.");
        tabs.getTabs().add(anatomyTab);
        anatomyTab.selectedProperty().addListener((o, was, now) -> vm.logDet().setVisible(now));
        ExportTarget dataTarget = register(Panel.DATA_SPACE, data.plot(),
                () -> vm.plots().densityVisibleProperty().get() ? Explanations.DENSITY : Explanations.DATA_SPACE, data::plot);
        register(Panel.LATENT_SPACE, latent.plot(), null, latent::plot);
        register(Panel.LAYER_STEPPER, stepper.plot(), null, stepper::plot);
        register(Panel.MASKS, stepper.masks(), null, stepper::masks);
        register(Panel.LOSS, loss.chart(), null, loss::chart);
        register(Panel.SAMPLE_INVERT, sampleInvert, null, null);
        ExportTarget inspectorTarget = register(Panel.FORMULA_INSPECTOR, inspector,
                () -> inspectorExplanation(vm.layers().inspectionDirectionProperty().get(), inspector.view().getInspection()), () -> {
            FormulaInspectorView copy = new FormulaInspectorView();
            copy.setDirection(inspector.view().getDirection());
            copy.setInspection(inspector.view().getInspection());
            return copy;
        });
        register(Panel.WORKED_EXAMPLE, worked, null, () -> new WorkedExampleView(worked.getExample()));
        register(Panel.MASK_GALLERY, gallery, null, () -> {
            MaskGalleryView copy = new MaskGalleryView();
            copy.setChannels(gallery.getChannels());
            copy.setLayer(gallery.getLayer());
            return copy;
        });
        register(Panel.LOGDET_JACOBIAN, anatomy, null, anatomy.board()::copy);
        anatomy.installExports(actions.exports());
        DiagnosticsPane diagnostics = new DiagnosticsPane(vm.diagnostics());
        tabs.getTabs().add(diagnostics.tab());
        register(Panel.CONDITIONER_CURVES, diagnostics.curves(), () -> vm.diagnostics().conditionerProperty().get() != null
                && !vm.diagnostics().conditionerProperty().get().splines().isEmpty()
                ? Explanations.CONDITIONER_CURVES_SPLINE : Explanations.CONDITIONER_CURVES, diagnostics::curves);
        register(Panel.NUMERICAL_HEALTH, diagnostics.health(), null, diagnostics::health);
        focus.set(dataTarget);
        vm.layers().inspectionDirectionProperty().addListener((o, was, now) -> {
            focus.set(inspectorTarget); // the toggle was just used: explain the direction it shows
            focus.refresh();
        });
        vm.plots().densityVisibleProperty().addListener((o, was, now) -> {
            focus.set(dataTarget);
            focus.refresh();
        });
        ExportTarget[] lastExplorer = {dataTarget};
        focus.currentProperty().addListener((o, was, now) -> {
            if (now != null && now != target(Panel.WORKED_EXAMPLE) && now != target(Panel.MASK_GALLERY)
                    && now != target(Panel.LOGDET_JACOBIAN)) {
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
                now == tabs.workedExampleTab() ? target(Panel.WORKED_EXAMPLE)
                        : now == tabs.maskGalleryTab() ? target(Panel.MASK_GALLERY)
                        : now == tabs.inspectorTab() ? target(Panel.FORMULA_INSPECTOR)
                        : now == anatomyTab ? target(Panel.LOGDET_JACOBIAN) : lastExplorer[0]));

        // The controls stay on the left whatever the tab (Play is never more than a click away), and the
        // chrome above them is one row, so the column fits a 1280×800 projector with as little scrolling as possible.
        explanation = new ExplanationPanel(focus, vm.plots().baseComponentsProperty());
        VBox right = new VBox(new LessonPanel(vm.lesson()), new PresetBanner(vm, actions), tabs, explanation);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        lessons = new LessonActions(this, actions);
        lessons.installDrop(this);
        preferences = new PreferenceActions(this);
        menuBar = new AppMenuBar(this);
        toolBar = new AppToolBar(this);
        toolBar.visibleProperty().bind(toolBarVisible);
        toolBar.managedProperty().bind(toolBarVisible);
        HBox.setHgrow(toolBar, Priority.ALWAYS);
        menuBar.setMinWidth(Region.USE_PREF_SIZE); // the toolbar folds into its overflow menu first
        HBox topBar = new HBox(menuBar, toolBar);
        topBar.getStyleClass().add("top-bar");
        topBar.setAlignment(Pos.CENTER_LEFT);
        setTop(topBar);
        columnShown = views.visibleProperty(Panel.CONTROLS).and(presentation.not());
        setCenter(ExplorerLayout.withColumn(left, columnShown, right));
        setBottom(new StatusBar(vm, notes, this::window));
        presentation.addListener((o, was, now) -> {
            if (now) {
                getStyleClass().add(PRESENTATION);
            } else {
                getStyleClass().remove(PRESENTATION);
            }
        });
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && explorerLayout.restore()) {
                e.consume();
            }
        });
        // on a projector (under 860 px high) the plots need the explanation's height: it starts folded
        sceneProperty().addListener((o, was, scene) -> {
            if (scene != null && was == null && scene.getHeight() > 0 && scene.getHeight() < 860) {
                explanation.setExpanded(false);
            }
            if (scene != null && was == null) {
                arrangeFor(scene, left);
            }
        });
    }

    /** Arranges the explorer for the scene's width before the first layout (a scene built around this window gets its size after). */
    private void arrangeFor(javafx.scene.Scene scene, Region column) {
        if (scene.getWidth() == 0) {
            scene.widthProperty().addListener(new javafx.beans.InvalidationListener() {
                @Override
                public void invalidated(javafx.beans.Observable o) {
                    scene.widthProperty().removeListener(this);
                    arrangeFor(scene, column);
                }
            });
            return;
        }
        // the explorer is what the column leaves: withColumn's divider, within the column's limits
        double w = scene.getWidth();
        double shown = columnShown.get()
                ? Math.max(column.getMinWidth(), Math.min(column.getMaxWidth(), ExplorerLayout.COLUMN_SHARE * w)) : 0;
        explorerLayout.expectWidth(w - shown);
    }

    private ExportTarget register(Panel panel, Node view, java.util.function.Supplier<String> explanation,
            java.util.function.Supplier<Node> exportCopy) {
        ExportTarget t = views.register(panel, view, explanation, exportCopy);
        if (t.exportable()) {
            actions.exports().install(t);
        }
        return focus.track(t);
    }

    /** The inverse walk-through's text; forward, the flow's blocks when it has more than the seed's. */
    private static String inspectorExplanation(CouplingInspection.Direction direction, CouplingInspection shown) {
        if (shown != null && shown.type() == org.flowexplorer.model.flow.CouplingType.SPLINE) {
            return Explanations.inspector(shown.type(), direction == CouplingInspection.Direction.INVERSE);
        }
        if (direction == CouplingInspection.Direction.INVERSE) {
            return Explanations.FORMULA_INSPECTOR_INVERSE;
        }
        boolean moreThanSeed = shown != null && (!shown.followedBy().isEmpty() || shown.scale() != null && !shown.scale().isDefault());
        return moreThanSeed ? Explanations.FLOW_BLOCKS : Explanations.FORMULA_INSPECTOR;
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    /** Positions per layer (0 = data … L = latent) of the displayed points, or null before the first trace. */
    private float[][] tracePositions() {
        FlowTrace t = vm.layers().currentTraceProperty().get();
        return t == null || t.dim() != 2 ? null : t.positions();
    }

    private void showPresetView(Preset.View v) {
        tabs.selectExplorer();
        Panel p = switch (v) {
            // the view model has switched the density on or drawn the samples
            case DENSITY, SAMPLES -> Panel.DATA_SPACE;
            case LAYERS -> Panel.LAYER_STEPPER;
            case LOSS -> Panel.LOSS;
        };
        views.visibleProperty(p).set(true);
        focus.set(target(p));
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

    public ExplorerViewModel viewModel() {
        return vm;
    }

    public AppActions actions() {
        return actions;
    }

    /** Opening, saving and showing lessons. */
    public LessonActions lessons() {
        return lessons;
    }

    /** The remembered layout, the first-run welcome and "Reset to defaults". */
    public PreferenceActions preferences() {
        return preferences;
    }

    /** Where every action reports successes and failures (the status bar shows them). */
    public Notifications notifications() {
        return notes;
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

    /** The registered view of a panel (every {@link Panel} but the controls). */
    public ExportTarget target(Panel panel) {
        return views.target(panel);
    }

    /** Every explainable view, in {@link Panel} order. */
    public List<ExportTarget> targets() {
        return views.targets();
    }

    /** The flag behind a View-menu panel entry. */
    public BooleanProperty panelVisibleProperty(Panel panel) {
        return views.visibleProperty(panel);
    }

    /**
     * Presentation mode (View menu, F5): the control panel gives its room to the plots and every
     * text is set at 18 px or more, readable from the back of a classroom.
     */
    public BooleanProperty presentationProperty() {
        return presentation;
    }

    /** Enlarges a panel of the explorer to fill it, or puts it back (its button, a double-click on its title). */
    public void toggleEnlarged(Panel panel) {
        tabs.selectExplorer();
        explorerLayout.toggleEnlarged(panel);
    }

    /** The explorer panel filling the explorer, or null when all are in their places. */
    public javafx.beans.property.ReadOnlyObjectProperty<Panel> enlargedPanelProperty() {
        return explorerLayout.enlargedProperty();
    }

    public BooleanProperty toolBarVisibleProperty() {
        return toolBarVisible;
    }

    // ---------------------------------------------------------------- compare mode

    private CompareMode compareMode;

    /** Adds compare mode (View menu, toolbar toggle, the side-by-side pane) driven by {@code compare}; once. */
    public void installCompare(org.flowexplorer.app.viewmodel.CompareViewModel compare) {
        if (compareMode != null) {
            throw new IllegalStateException("compare mode is installed already");
        }
        compareMode = new CompareMode(this, compare);
        vm.lesson().attachCompare(compare);
    }

    /** Compare mode's view model ({@code enter(CompareSide)}, {@code leave()}), or null when not installed. */
    public org.flowexplorer.app.viewmodel.CompareViewModel compare() {
        return compareMode == null ? null : compareMode.compareModel();
    }

    /** The explorer's panels (tests). */
    ExplorerLayout explorerLayout() {
        return explorerLayout;
    }

    /** The side-by-side pane while or after comparing, else null (tests). */
    Node comparePane() {
        return compareMode == null ? null : compareMode.pane();
    }
}

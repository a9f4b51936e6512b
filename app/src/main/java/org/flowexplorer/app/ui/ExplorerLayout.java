package org.flowexplorer.app.ui;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.StackPane;

/**
 * The explorer's panels in two rows of resizable split panes, arranged for the width they get
 * (a projector's 1024 px is not a 1920 px monitor):
 * <ul>
 * <li>{@link Arrangement#WIDE}: data, latent, stepper on top; loss, masks, formula inspector and
 * sample &amp; invert side by side below;</li>
 * <li>{@link Arrangement#MEDIUM}: the same top row; below, the loss chart, one tab pane holding
 * masks and the formula inspector, and sample &amp; invert;</li>
 * <li>{@link Arrangement#NARROW}: data and stepper on top (the stepper needs the width for its
 * scrubber); latent space, loss and one tab pane of masks, inspector and sample &amp; invert below.</li>
 * </ul>
 * The top row gets the height the window adds (the bottom row is capped), so plots grow with the
 * window; the proportions come back whenever the arrangement, the window size or the shown panels
 * change. A panel hidden from the View menu leaves its row, and a row with nothing left disappears.
 * Any panel can be enlarged to fill the explorer ({@link #toggleEnlarged}).
 */
final class ExplorerLayout {
    /** How the panels are placed; chosen from the explorer's width. */
    enum Arrangement {
        NARROW, MEDIUM, WIDE;

        /** Below 960 px the three top plots cannot all be 220 px wide beside the stepper's scrubber. */
        static Arrangement forWidth(double width) {
            return width < 960 ? NARROW : width < 1300 ? MEDIUM : WIDE;
        }
    }

    /** The bottom row's height: a third of the explorer, at least a readable loss chart, at most 330 px. */
    private static final double BOTTOM_SHARE = 0.34;
    /** The settings column's share of the window's width, where {@link #withColumn} puts its divider. */
    static final double COLUMN_SHARE = 0.2;
    private static final double BOTTOM_MIN = 282;
    private static final double BOTTOM_MAX = 330;

    private final Map<Panel, PanelFrame> frames = new EnumMap<>(Panel.class);
    private final Map<Panel, ObservableBooleanValue> shown = new EnumMap<>(Panel.class);
    private final SplitPane top = new SplitPane();
    private final SplitPane bottom = new SplitPane();
    private final SplitPane rows = new SplitPane();
    private final TabPane grouped = new TabPane();
    private final StackPane host = new StackPane();
    private final ObjectProperty<Panel> enlarged = new SimpleObjectProperty<>(this, "enlarged");
    private Arrangement arrangement = Arrangement.WIDE;
    private List<Double> topWeights = List.of();
    private List<Double> bottomWeights = List.of();
    private boolean dividersPending;

    ExplorerLayout() {
        rows.setOrientation(Orientation.VERTICAL);
        rows.setId("explorer");
        top.setId("explorer-top");
        bottom.setId("explorer-bottom");
        grouped.setId("explorer-more");
        grouped.getStyleClass().add("explorer-more");
        grouped.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        host.getStyleClass().add("explorer-host");
        grouped.setMinWidth(220);
        host.widthProperty().addListener((o, was, now) -> {
            Arrangement a = Arrangement.forWidth(now.doubleValue());
            if (a != arrangement) {
                arrangement = a;
                rebuild();
            } else {
                placeDividersAfterLayout();
            }
        });
        host.heightProperty().addListener((o, was, now) -> placeDividersAfterLayout());
    }

    /** Adds {@code node} as {@code panel}'s view, shown while the View menu's flag for it is on. */
    ExplorerLayout add(Panel panel, Node node, ViewRegistry registry) {
        if (panel.slot() != Panel.Slot.TOP && panel.slot() != Panel.Slot.BOTTOM) {
            throw new IllegalArgumentException(panel + " is not in the explorer's rows");
        }
        BooleanProperty flag = registry.visibleProperty(panel);
        frames.put(panel, new PanelFrame(panel, node, this::toggleEnlarged));
        shown.put(panel, flag);
        flag.addListener((o, was, now) -> {
            if (!now && enlarged.get() == panel) {
                enlarged.set(null);
            }
            rebuild();
        });
        return this;
    }

    /** The explorer, laid out; call after the last {@link #add}. */
    StackPane build() {
        rebuild();
        return host;
    }

    /**
     * Arranges the panels for {@code width}, the explorer's expected width, before it has been laid out.
     * The arrangement follows the explorer's width, known only in the first layout pass: built for
     * {@link Arrangement#WIDE} until then, the first frame applied CSS to one arrangement and laid out
     * another (its panels re-parented, their CSS applied again, the tab group skinned a pulse later).
     * A wrong guess costs nothing more: the first layout corrects it as before.
     */
    void expectWidth(double width) {
        Arrangement a = Arrangement.forWidth(width);
        if (host.getWidth() == 0 && width > 0 && a != arrangement) {
            arrangement = a;
            rebuild();
        }
    }

    /** How the panels are placed now (tests). */
    Arrangement arrangement() {
        return arrangement;
    }

    /** Enlarges {@code panel} to fill the explorer, or puts it back if it is the enlarged one. */
    void toggleEnlarged(Panel panel) {
        enlarged.set(enlarged.get() == panel ? null : panel);
        rebuild();
    }

    /** Puts an enlarged panel back; false if none was enlarged. */
    boolean restore() {
        if (enlarged.get() == null) {
            return false;
        }
        enlarged.set(null);
        rebuild();
        return true;
    }

    /** The panel filling the explorer, or null. */
    ObjectProperty<Panel> enlargedProperty() {
        return enlarged;
    }

    private void rebuild() {
        String selectedTab = grouped.getSelectionModel().getSelectedItem() == null ? null
                : grouped.getSelectionModel().getSelectedItem().getText();
        top.getItems().clear();
        bottom.getItems().clear();
        rows.getItems().clear();
        grouped.getTabs().forEach(t -> t.setContent(null));
        grouped.getTabs().clear();
        frames.values().forEach(f -> f.setEnlarged(f.panel() == enlarged.get()));
        if (enlarged.get() != null) {
            host.getChildren().setAll(frames.get(enlarged.get()));
            return;
        }
        // null in the bottom row: the tab group's place
        List<Panel> topRow = new ArrayList<>(List.of(Panel.DATA_SPACE, Panel.LATENT_SPACE, Panel.LAYER_STEPPER));
        List<Panel> bottomRow = new ArrayList<>();
        List<Panel> tabbed = new ArrayList<>();
        switch (arrangement) {
            case NARROW -> {
                topRow.remove(Panel.LATENT_SPACE);
                bottomRow.addAll(java.util.Arrays.asList(Panel.LATENT_SPACE, Panel.LOSS, null));
                tabbed.addAll(List.of(Panel.MASKS, Panel.FORMULA_INSPECTOR, Panel.SAMPLE_INVERT));
            }
            case MEDIUM -> {
                bottomRow.addAll(java.util.Arrays.asList(Panel.LOSS, null, Panel.SAMPLE_INVERT));
                tabbed.addAll(List.of(Panel.MASKS, Panel.FORMULA_INSPECTOR));
            }
            case WIDE -> bottomRow.addAll(List.of(Panel.LOSS, Panel.MASKS, Panel.FORMULA_INSPECTOR, Panel.SAMPLE_INVERT));
        }
        for (Panel p : tabbed) {
            if (shown.get(p).get()) {
                Tab t = new Tab(p == Panel.FORMULA_INSPECTOR ? "Formula" : p == Panel.SAMPLE_INVERT ? "Sample" : p.title());
                // a tab behind another costs no CSS, skins or layout until it is first opened (the view follows the model meanwhile)
                TeachingTabs.attachWhenFirstSelected(t, frames.get(p));
                t.setTooltip(new javafx.scene.control.Tooltip(p.title()));
                t.setId("explorer-tab-" + p.fileStem());
                grouped.getTabs().add(t);
            }
        }
        grouped.getTabs().stream().filter(t -> t.getText().equals(selectedTab)).findFirst()
                .ifPresent(t -> grouped.getSelectionModel().select(t));
        topWeights = fill(top, topRow);
        bottomWeights = fill(bottom, bottomRow);
        if (!top.getItems().isEmpty()) {
            rows.getItems().add(top);
        }
        if (!bottom.getItems().isEmpty()) {
            rows.getItems().add(bottom);
        }
        host.getChildren().setAll(rows);
        placeDividersAfterLayout();
    }

    /**
     * Sets the dividers now and once more after the coming layout pass: a split pane's skin spreads a
     * change of its size over its items as it lays them out (it would squeeze the newest item to
     * nothing), so positions set in the middle of a resize do not hold by themselves.
     */
    private void placeDividersAfterLayout() {
        placeDividers();
        if (!dividersPending) {
            dividersPending = true;
            Platform.runLater(() -> {
                dividersPending = false;
                placeDividers();
            });
        }
    }

    private void placeDividers() {
        place(top, topWeights);
        place(bottom, bottomWeights);
        placeRowDivider();
    }

    /** Puts the shown panels of {@code panels} (null: the tab group) into {@code row}; returns their width weights. */
    private List<Double> fill(SplitPane row, List<Panel> panels) {
        List<Double> weights = new ArrayList<>();
        for (Panel p : panels) {
            if (p == null) {
                if (!grouped.getTabs().isEmpty()) {
                    row.getItems().add(grouped);
                    weights.add(arrangement == Arrangement.NARROW ? 1.1 : 1.4);
                }
            } else if (shown.get(p).get()) {
                row.getItems().add(frames.get(p));
                weights.add(weight(p));
            }
        }
        return weights;
    }

    /** Relative widths: the stepper needs room for its scrubber, the masks are a narrow strip. */
    private double weight(Panel p) {
        return switch (p) {
            case LAYER_STEPPER -> 1.3;
            case MASKS -> 0.55;
            // at 1024 px latent, loss (1 each) and the tab group (1.1) just fit side by side
            case LOSS -> arrangement == Arrangement.NARROW ? 1.0 : 1.4;
            case FORMULA_INSPECTOR -> 1.3; // its formula needs about 420 px
            case SAMPLE_INVERT -> 0.8;
            default -> 1.0;
        };
    }

    /** Dividers at the cumulative weights. */
    private static void place(SplitPane row, List<Double> weights) {
        double total = weights.stream().mapToDouble(Double::doubleValue).sum();
        double[] at = new double[Math.max(0, weights.size() - 1)];
        double sum = 0;
        for (int i = 0; i < at.length; i++) {
            sum += weights.get(i);
            at[i] = sum / total;
        }
        row.setDividerPositions(at);
    }

    /** The bottom row's capped height; the top row takes the rest, so the plots grow with the window. */
    private void placeRowDivider() {
        double h = host.getHeight();
        if (rows.getItems().size() == 2 && h > 0) {
            double b = Math.max(BOTTOM_MIN, Math.min(BOTTOM_MAX, BOTTOM_SHARE * h));
            rows.setDividerPositions(Math.max(0.3, 1 - b / h));
        }
    }

    /** A left column beside the rest in a horizontal split pane; the column is shown while its flag is on. */
    static SplitPane withColumn(Node column, ObservableBooleanValue columnVisible, Node rest) {
        SplitPane main = new SplitPane();
        SplitPane.setResizableWithParent(column, false);
        Runnable arrange = () -> {
            main.getItems().setAll(columnVisible.get() ? List.of(column, rest) : List.of(rest));
            if (columnVisible.get()) {
                main.setDividerPositions(COLUMN_SHARE);
            }
        };
        columnVisible.addListener((o, was, now) -> arrange.run());
        arrange.run();
        return main;
    }
}

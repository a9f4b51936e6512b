package org.flowexplorer.app.chart;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/**
 * All coupling layers' binary masks at a glance: one row per coupling (coupling 1, index 0, at the
 * top; the rows are numbered 1…L under a "coupling" header, as every view numbers them), one cell
 * per coordinate, coloured by whether the coordinate conditions the layer (passed through,
 * mask = 1) or is transformed (scaled and shifted, mask = 0). The current layer is outlined, and
 * clicking a row selects that layer.
 *
 * <p>Built from styled nodes so colours come from CSS: cells have style class {@code mask-cell} plus
 * {@code condition} or {@code transform}; rows have pseudo-class {@code :highlighted}; see
 * {@code views.css}. Being nodes, it exports as a raster snapshot or, for SVG, by having its
 * laid-out nodes walked ({@link #paintVector} paints nothing and returns false).
 */
public class MaskGridView extends ChartRegion {
    private static final PseudoClass HIGHLIGHTED = PseudoClass.getPseudoClass("highlighted");
    private static final double LABEL_WIDTH = 60;
    private static final double HEADER_HEIGHT = 22;
    private static final double LEGEND_HEIGHT = 30;
    private static final double LEGEND_X = 6;
    private static final double MAX_CELL_HEIGHT = 26;
    /** A row label's height (12 px text): rows never get thinner, a deep flow's grid scrolls instead. */
    private static final double MIN_CELL_HEIGHT = 16;
    private static final double GAP = 2;
    private static final int MAX_LABELLED_COLUMNS = 8;

    private final IntegerProperty selectedLayer = new SimpleIntegerProperty(this, "selectedLayer", 0);
    /** Wraps its two items onto two lines when the view is narrow, so neither is cut short. */
    private final FlowPane legend = new FlowPane(14, 2, legendItem("condition", "conditions"),
            legendItem("transform", "transformed"));
    /** "coupling" over the row numbers 1…L (the numbering every view uses). */
    private final Label rowHeader = new Label("coupling");
    private final List<Label> columnLabels = new ArrayList<>();
    private final List<Label> rowLabels = new ArrayList<>();
    private final List<Region> rowBacks = new ArrayList<>();
    private final List<Region[]> cells = new ArrayList<>();
    private boolean[][] masks = new boolean[0][];
    private int highlightedLayer = -1;

    public MaskGridView() {
        super(360, 0);
        getStyleClass().add("mask-grid");
        legend.getStyleClass().add("mask-legend");
        legend.setAlignment(Pos.CENTER_LEFT);
        rowHeader.getStyleClass().add("mask-column-label");
        getChildren().addAll(legend, rowHeader);
        selectedLayer.addListener((o, a, b) -> setHighlightedLayer(b.intValue()));
    }

    private static HBox legendItem(String kind, String text) {
        Region swatch = new Region();
        swatch.getStyleClass().addAll("mask-cell", kind, "legend-swatch");
        swatch.setMinSize(14, 14);
        swatch.setPrefSize(14, 14);
        swatch.setMaxSize(14, 14);
        HBox item = new HBox(6, swatch, new Label(text));
        item.setAlignment(Pos.CENTER_LEFT);
        return item;
    }

    /** Replaces all masks; {@code masks[l][d]} true means coordinate d conditions layer l. */
    public void setMasks(boolean[][] newMasks) {
        masks = newMasks == null ? new boolean[0][] : newMasks;
        getChildren().removeAll(columnLabels);
        getChildren().removeAll(rowLabels);
        getChildren().removeAll(rowBacks);
        cells.forEach(row -> getChildren().removeAll(row));
        columnLabels.clear();
        rowLabels.clear();
        rowBacks.clear();
        cells.clear();
        int dims = masks.length == 0 ? 0 : masks[0].length;
        if (dims <= MAX_LABELLED_COLUMNS) {
            for (int d = 0; d < dims; d++) {
                Label l = new Label(coordinateName(d));
                l.getStyleClass().add("mask-column-label");
                columnLabels.add(l);
            }
        }
        for (int l = 0; l < masks.length; l++) {
            int layer = l;
            Region back = new Region();
            back.getStyleClass().add("mask-row");
            back.setOnMouseClicked(e -> selectedLayer.set(layer));
            Tooltip.install(back, new Tooltip("Coupling " + (l + 1) + ". Click to step to position " + l
                    + ", where it is applied next."));
            rowBacks.add(back);
            Label label = new Label(Integer.toString(l + 1));
            label.getStyleClass().add("mask-row-label");
            label.setMouseTransparent(true);
            rowLabels.add(label);
            Region[] row = new Region[masks[l].length];
            for (int d = 0; d < row.length; d++) {
                Region cell = new Region();
                boolean condition = masks[l][d];
                cell.getStyleClass().addAll("mask-cell", condition ? "condition" : "transform");
                cell.setOnMouseClicked(e -> selectedLayer.set(layer));
                Tooltip.install(cell, new Tooltip("Coupling " + (l + 1) + ", " + coordinateName(d) + ": "
                        + (condition ? "conditions the others and passes through unchanged (mask = 1)."
                                : "is scaled and shifted by this coupling (mask = 0).")));
                row[d] = cell;
            }
            cells.add(row);
        }
        getChildren().addAll(rowBacks);
        getChildren().addAll(columnLabels);
        getChildren().addAll(rowLabels);
        cells.forEach(row -> getChildren().addAll(row));
        setHighlightedLayer(highlightedLayer);
        requestLayout();
    }

    /** Outlines layer {@code layer} (e.g. the scrubber's current layer); out of range clears it. */
    public void setHighlightedLayer(int layer) {
        highlightedLayer = layer;
        for (int l = 0; l < rowBacks.size(); l++) {
            rowBacks.get(l).pseudoClassStateChanged(HIGHLIGHTED, l == layer);
            rowLabels.get(l).pseudoClassStateChanged(HIGHLIGHTED, l == layer);
        }
    }

    public int getHighlightedLayer() {
        return highlightedLayer;
    }

    /** The layer last clicked (or set); selecting also highlights it. */
    public IntegerProperty selectedLayerProperty() {
        return selectedLayer;
    }

    /** A copy with the same masks and highlighted layer (for export; not part of any window). */
    @Override
    protected ChartRegion copyForExport() {
        MaskGridView copy = new MaskGridView();
        copy.setMasks(masks);
        copy.setHighlightedLayer(highlightedLayer);
        return copy;
    }

    @Override
    protected boolean paintExport(ChartGraphics g, int width, int height) {
        return false;
    }

    /** Nothing to draw: the cells are styled nodes, laid out in {@link #layoutChildren()}. */
    @Override
    protected void redraw() {
    }

    /** "x₁", "x₂", ... for coordinate index d (0-based). */
    static String coordinateName(int d) {
        StringBuilder s = new StringBuilder("x");
        for (char c : Integer.toString(d + 1).toCharArray()) {
            s.append((char) ('₀' + (c - '0')));
        }
        return s.toString();
    }

    /** The cell node for layer l, coordinate d (tests). */
    Region cell(int l, int d) {
        return cells.get(l)[d];
    }

    /** The legend swatch for "condition" (index 0) or "transform" (index 1) (tests). */
    Region legendSwatch(int index) {
        return (Region) ((HBox) legend.getChildren().get(index)).getChildren().get(0);
    }

    private double cellHeight(double h) {
        int rows = Math.max(1, masks.length);
        return Math.max(rowMinHeight(), Math.min(Math.max(MAX_CELL_HEIGHT, rowMinHeight()), (h - HEADER_HEIGHT - legendHeight(getWidth()) - 6) / rows - GAP));
    }

    /** The thinnest row: its label's height (larger text in presentation mode gives taller rows). */
    private double rowMinHeight() {
        return rowLabels.isEmpty() ? MIN_CELL_HEIGHT
                : Math.max(MIN_CELL_HEIGHT, Math.ceil(rowLabels.get(rowLabels.size() - 1).prefHeight(-1)) - 2);
    }

    /** Room for the widest row label ("layer 31", bold when highlighted), at least {@link #LABEL_WIDTH}. */
    private double labelWidth() {
        return rowLabels.isEmpty() ? LABEL_WIDTH
                : Math.max(LABEL_WIDTH, Math.ceil(rowLabels.get(rowLabels.size() - 1).prefWidth(-1) * 1.15) + 10);
    }

    /** Height of the legend at this view width: one line, or two when the items wrap. */
    private double legendHeight(double width) {
        double lw = Math.max(10, width - LEGEND_X);
        return Math.max(LEGEND_HEIGHT - 6, Math.ceil(legend.prefHeight(lw)));
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        int dims = masks.length == 0 ? 0 : masks[0].length;
        double ch = cellHeight(h);
        double labelW = labelWidth();
        double gridW = Math.max(10, w - labelW - 4);
        double cw = dims == 0 ? 0 : (gridW - GAP * (dims - 1)) / dims;
        rowHeader.resizeRelocate(6, 0, LABEL_WIDTH - 8, HEADER_HEIGHT);
        for (int d = 0; d < columnLabels.size(); d++) {
            Label l = columnLabels.get(d);
            l.resizeRelocate(snapPositionX(labelW + d * (cw + GAP)), 0, cw, HEADER_HEIGHT);
            l.setAlignment(Pos.CENTER);
        }
        for (int r = 0; r < masks.length; r++) {
            double y = snapPositionY(HEADER_HEIGHT + r * (ch + GAP));
            rowBacks.get(r).resizeRelocate(0, y - 1, w, ch + 2);
            rowLabels.get(r).resizeRelocate(6, y, labelW - 8, ch);
            Region[] row = cells.get(r);
            for (int d = 0; d < row.length; d++) {
                double x = snapPositionX(labelW + d * (cw + GAP));
                double x2 = snapPositionX(labelW + d * (cw + GAP) + cw);
                row[d].resizeRelocate(x, y + 2, x2 - x, Math.max(2, ch - 4));
            }
        }
        double legendY = HEADER_HEIGHT + masks.length * (ch + GAP) + 6;
        legend.resizeRelocate(LEGEND_X, snapPositionY(legendY), Math.max(10, w - LEGEND_X), legendHeight(w));
    }

    @Override
    protected double computePrefHeight(double width) {
        double w = width > 0 ? width : computePrefWidth(-1);
        return HEADER_HEIGHT + Math.max(1, masks.length) * (MAX_CELL_HEIGHT + GAP) + legendHeight(w) + 12;
    }

    @Override
    protected double computeMinHeight(double width) {
        double w = width > 0 ? width : computePrefWidth(-1);
        return HEADER_HEIGHT + Math.max(1, masks.length) * (rowMinHeight() + GAP) + legendHeight(w) + 6;
    }
}

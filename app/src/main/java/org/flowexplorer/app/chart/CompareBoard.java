package org.flowexplorer.app.chart;

import java.util.List;

/**
 * A comparison as one image: side A's views in the top row, side B's below, the overlaid loss chart
 * under them and the verdict line at the bottom. The parts are painted through the same
 * {@link ChartGraphics} (each as its own vector export), so PNG and SVG hold the same drawing; they
 * are only painted, never shown, so the export copy shares them.
 */
public class CompareBoard extends PaintedChart<Void> {
    private static final double ROW_TITLE = 18;
    private static final double VERDICT = 34;
    private final String titleA;
    private final String titleB;
    private final List<? extends ChartRegion> rowA;
    private final List<? extends ChartRegion> rowB;
    private final ChartRegion loss;
    private final String verdict;

    /**
     * @param rowA    side A's views, left to right
     * @param rowB    side B's views (as many)
     * @param loss    the loss chart under both rows
     * @param verdict the verdict line
     */
    public CompareBoard(String titleA, List<? extends ChartRegion> rowA, String titleB, List<? extends ChartRegion> rowB,
            ChartRegion loss, String verdict) {
        super(1000, 900, "compare-board", () -> new CompareBoard(titleA, rowA, titleB, rowB, loss, verdict));
        if (rowA.isEmpty() || rowA.size() != rowB.size()) {
            throw new IllegalArgumentException("both rows need the same number of views, got " + rowA.size() + " and "
                    + rowB.size());
        }
        this.titleA = titleA;
        this.titleB = titleB;
        this.rowA = List.copyOf(rowA);
        this.rowB = List.copyOf(rowB);
        this.loss = loss;
        this.verdict = verdict;
    }

    @Override
    protected void paint(ChartGraphics g, Void nothing, double width, double height) {
        double lossHeight = Math.round(height * 0.26);
        double rowHeight = Math.floor((height - lossHeight - VERDICT) / 2);
        row(g, titleA, rowA, 0, width, rowHeight);
        row(g, titleB, rowB, rowHeight, width, rowHeight);
        part(g, loss, 0, 2 * rowHeight, width, lossHeight);
        wrapped(g, verdict, 8, 2 * rowHeight + lossHeight + 2, width - 16);
    }

    private void row(ChartGraphics g, String title, List<? extends ChartRegion> views, double y, double width, double h) {
        title(g, title, 8, y + 2);
        double w = Math.floor(width / views.size());
        for (int i = 0; i < views.size(); i++) {
            part(g, views.get(i), i * w, y + ROW_TITLE, w, h - ROW_TITLE);
        }
    }

    private static void part(ChartGraphics g, ChartRegion view, double x, double y, double w, double h) {
        g.save();
        g.translate(x, y);
        g.clipRect(0, 0, w, h);
        view.paintVector(g, (int) w, (int) h);
        g.restore();
    }

    /** The verdict on up to two lines, split at the " · " between its parts when too long for one. */
    private void wrapped(ChartGraphics g, String text, double x, double y, double width) {
        int split = text.indexOf(" · ");
        if (split > 0 && text.length() * 6.2 > width) {
            note(g, text.substring(0, split), x, y);
            note(g, text.substring(split + 3), x, y + 15);
        } else {
            note(g, text, x, y);
        }
    }
}

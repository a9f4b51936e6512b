package org.flowexplorer.app.chart;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

/**
 * What the loss chart's legend lists: train, test (mean) and its median, why the mean jumped, the
 * entropy floor and the distance to it. On a small chart it shortens the names (floor and gap in
 * one entry) and then leaves the notes to the hover read-out, so the legend takes at most about
 * 30 % of the height.
 */
final class LossLegend {
    private LossLegend() {
    }

    /** The series colours. */
    record Colours(Color train, Color test, Color median, Color bound) {
    }

    /**
     * The placed entries from (left, rowY), the first row ending at {@code firstRowRight}, later
     * ones at {@code right}; {@code latestTest} is the newest test NLL (NaN: none yet).
     */
    static List<Legend.Placed> layout(Colours c, TestNllDetail detail, LossFloor floor, double latestTest,
            double height, double left, double rowY, double firstRowRight, double right, Font font) {
        int maxRows = (int) Math.max(2, Math.floor(0.3 * height / Legend.ROW_HEIGHT));
        List<Legend.Placed> placed = List.of();
        for (int attempt = 0; attempt < 3; attempt++) {
            List<Legend.Item> items = items(c, detail, floor, latestTest, attempt > 0);
            if (attempt == 2) {
                items.removeIf(i -> i.colour() == null);
            }
            placed = Legend.layout(items, left, rowY, firstRowRight, right, font);
            if (Legend.rows(placed) <= maxRows) {
                return placed;
            }
        }
        double lastY = rowY + (maxRows - 1) * Legend.ROW_HEIGHT;
        return placed.stream().filter(p -> p.y() <= lastY + 1e-6).toList();
    }

    /** The entries; {@code compact}: short names, no outlier note. */
    private static List<Legend.Item> items(Colours c, TestNllDetail detail, LossFloor floor, double latestTest,
            boolean compact) {
        List<Legend.Item> items = new ArrayList<>();
        items.add(new Legend.Item(c.train(), false, "train"));
        items.add(new Legend.Item(c.test(), false, detail.size() > 0 && !compact ? "test (mean)" : "test"));
        if (detail.size() > 0) {
            String median = LossReadout.value(detail.median(detail.size() - 1));
            items.add(new Legend.Item(c.median(), false, (compact ? "median " : "test median ") + median));
            String why = detail.latestNote();
            if (!why.isEmpty() && !compact) {
                items.add(new Legend.Item(null, false, why));
            }
        }
        floor.addLegendItems(items, c.bound(), latestTest, compact);
        return items;
    }
}

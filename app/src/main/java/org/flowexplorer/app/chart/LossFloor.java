package org.flowexplorer.app.chart;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import javafx.scene.paint.Color;

/**
 * The loss chart's floor: a known lower bound of the expected NLL (the data's entropy H(p)) with
 * its label, or the reason none is known, and what the legend says about it: the bound's value
 * and how far the latest test NLL is above it (an estimate of KL(p‖q), "nats from perfect").
 */
final class LossFloor {
    private OptionalDouble bound = OptionalDouble.empty();
    private String label = "";
    private String noFloorReason = "";

    void set(OptionalDouble value, String text) {
        bound = Objects.requireNonNull(value);
        label = text == null ? "" : text;
    }

    void setNoFloorReason(String reason) {
        noFloorReason = reason == null ? "" : reason;
    }

    void copyInto(LossFloor copy) {
        copy.bound = bound;
        copy.label = label;
        copy.noFloorReason = noFloorReason;
    }

    /** The bound, NaN when none is known. */
    double value() {
        return bound.isPresent() ? bound.getAsDouble() : Double.NaN;
    }

    /**
     * The legend entries: the dashed bound and the gap to {@code latestTest} (NaN: none yet), or the
     * reason there is none; {@code compact}: one entry "H(p) 2.395 (gap 0.12)".
     */
    void addLegendItems(List<Legend.Item> items, Color colour, double latestTest, boolean compact) {
        if (bound.isPresent() && compact) {
            String gap = Double.isNaN(latestTest) ? ""
                    : String.format(java.util.Locale.ROOT, " (gap %.2f)", latestTest - value());
            items.add(new Legend.Item(colour, true, "H(p) " + LossReadout.value(value()) + gap));
        } else if (bound.isPresent()) {
            items.add(new Legend.Item(colour, true, (label.isEmpty() ? "bound" : label) + " " + LossReadout.value(value())));
            if (!Double.isNaN(latestTest)) {
                items.add(new Legend.Item(null, false, LossReadout.gap(latestTest, value())));
            }
        } else if (!noFloorReason.isEmpty()) {
            items.add(new Legend.Item(null, false, noFloorReason));
        }
    }
}

package org.flowexplorer.app.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;

/**
 * The explorer's resizable split panes: data space, latent space and the layer stepper on top; the
 * loss chart, the masks, the formula inspector and sample &amp; invert below. A panel hidden from the
 * View menu leaves its split pane, and a row with nothing left disappears.
 */
final class ExplorerLayout {
    private final SplitItems top = new SplitItems(new SplitPane(), new double[] {0.333, 0.667});
    private final SplitItems bottom = new SplitItems(new SplitPane(), new double[] {0.22, 0.36, 0.79});
    private final SplitItems rows = new SplitItems(new SplitPane(), new double[] {0.58});

    ExplorerLayout() {
        rows.pane.setOrientation(Orientation.VERTICAL);
        rows.pane.setId("explorer");
    }

    /** Adds {@code node} to the row of its panel's slot, after the ones added before; call in order. */
    ExplorerLayout add(Panel panel, Node node, ViewRegistry registry) {
        SplitItems row = switch (panel.slot()) {
            case TOP -> top;
            case BOTTOM -> bottom;
            case LEFT, TAB -> throw new IllegalArgumentException(panel + " is not in the explorer's rows");
        };
        row.add(node, registry.visibleProperty(panel));
        return this;
    }

    /** The two rows in one vertical split pane; call after the last {@link #add}. */
    SplitPane build() {
        rows.add(top.pane, top.anyVisible);
        rows.add(bottom.pane, bottom.anyVisible);
        return rows.pane;
    }

    /**
     * A left column beside the rest in a horizontal split pane; the column is hidden with its flag.
     */
    static SplitPane withColumn(Node column, BooleanProperty columnVisible, Node rest) {
        SplitItems main = new SplitItems(new SplitPane(), new double[] {0.2});
        main.add(column, columnVisible);
        main.add(rest, new SimpleBooleanProperty(true));
        return main.pane;
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
}

package org.flowexplorer.app.teach;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The mask gallery's building blocks: cells, grids, captions, legends, shape boxes and arrows (styled in {@code teach.css}). */
final class GalleryCells {
    /** The side of the gallery's images in pixels. */
    static final int SIZE = 8;
    /** The side of one cell in logical pixels. */
    static final double CELL = 24;

    private GalleryCells() {
    }

    static Region cell(String... classes) {
        return sized(new Region(), CELL, classes);
    }

    static Label numberCell(String text, String... classes) {
        Label r = sized(new Label(text), CELL + 6, classes);
        r.getStyleClass().add("gallery-number");
        r.setAlignment(Pos.CENTER);
        return r;
    }

    /** A square gallery cell of side {@code s} with these style classes. */
    static <R extends Region> R sized(R r, double s, String... classes) {
        r.getStyleClass().add("gallery-cell");
        r.getStyleClass().addAll(classes);
        r.setMinSize(s, s);
        r.setPrefSize(s, s);
        r.setMaxSize(s, s);
        return r;
    }

    static VBox captioned(String caption, Node n) {
        VBox v = new VBox(4, styled(new Label(caption), "gallery-caption"), n);
        v.setAlignment(Pos.TOP_CENTER);
        return v;
    }

    static <N extends Node> N styled(N node, String styleClass) {
        node.getStyleClass().add(styleClass);
        return node;
    }

    static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(2);
        g.setVgap(2);
        g.getStyleClass().add("gallery-grid");
        return g;
    }

    static String kind(boolean condition) {
        return condition ? "condition" : "transform";
    }

    static Node legend() {
        VBox v = new VBox(6,
                legendItem(cell("condition"), "mask 1: passes through, conditions the network"),
                legendItem(cell("transform"), "mask 0: scaled and shifted"));
        v.setAlignment(Pos.CENTER_LEFT);
        return v;
    }

    static Node legendItem(Node swatch, String text) {
        HBox h = new HBox(8, swatch, styled(new Label(text), "gallery-legend"));
        h.setAlignment(Pos.CENTER_LEFT);
        return h;
    }

    static Node box(String shape, String note, String kind) {
        Label s = new Label(shape);
        s.getStyleClass().add("ms-shape-text");
        VBox v = new VBox(2, s);
        if (!note.isEmpty()) {
            Label n = new Label(note);
            n.getStyleClass().add("ms-note");
            v.getChildren().add(n);
        }
        v.setAlignment(Pos.CENTER);
        v.getStyleClass().addAll("ms-box", kind);
        return v;
    }

    static Node arrow(String text) {
        Label a = new Label(text + " ⟶");
        a.getStyleClass().add("gallery-arrow");
        return a;
    }
}

package org.flowexplorer.app.teach;

import static org.flowexplorer.app.teach.GalleryCells.SIZE;
import static org.flowexplorer.app.teach.GalleryCells.arrow;
import static org.flowexplorer.app.teach.GalleryCells.box;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.flowexplorer.model.teach.Squeeze;

/** The gallery's multi-scale section: squeeze → couplings → factor out, at C×8×8 and at the seed's 3×32×32. */
final class MultiScaleSection {
    private MultiScaleSection() {
    }

    static Node build(int c) {
        List<Squeeze.Stage> plan = Squeeze.multiScalePlan(new int[] {c, SIZE, SIZE}, 3);
        FlowPane flow = new FlowPane(8, 10);
        flow.setAlignment(Pos.CENTER_LEFT);
        flow.getChildren().add(box(Squeeze.shape(new int[] {c, SIZE, SIZE}), "input", "ms-input"));
        for (Squeeze.Stage s : plan) {
            switch (s.operation()) {
                case SQUEEZE -> {
                    flow.getChildren().add(arrow("squeeze"));
                    flow.getChildren().add(box(Squeeze.shape(s.to()), "", "ms-shape"));
                }
                case COUPLING_BLOCKS -> {
                    flow.getChildren().add(arrow("couplings"));
                    flow.getChildren().add(box(Squeeze.shape(s.to()), "", "ms-shape"));
                }
                case FACTOR_OUT -> {
                    flow.getChildren().add(arrow("factor out"));
                    VBox split = new VBox(4, box(Squeeze.shape(s.factoredOut()), "→ base N(0, I)", "ms-base"),
                            box(Squeeze.shape(s.to()), "keeps going", "ms-shape"));
                    flow.getChildren().add(split);
                }
                case BASE_DISTRIBUTION -> {
                    flow.getChildren().add(arrow("all"));
                    flow.getChildren().add(box(Squeeze.shape(s.from()), "→ base N(0, I)", "ms-base"));
                }
            }
        }
        StringBuilder seed = new StringBuilder("Seed 001, full size:  3×32×32");
        for (Squeeze.Stage s : Squeeze.multiScalePlan(new int[] {3, 32, 32}, 3)) {
            switch (s.operation()) {
                case SQUEEZE -> seed.append("  → squeeze → ").append(Squeeze.shape(s.to()));
                case FACTOR_OUT -> seed.append("  → factor out ").append(Squeeze.shape(s.factoredOut()));
                case BASE_DISTRIBUTION -> seed.append("  → base");
                case COUPLING_BLOCKS -> { }
            }
        }
        Label full = new Label(seed.toString());
        full.getStyleClass().add("teach-paragraph");
        full.setWrapText(true);
        return new VBox(10, flow, full);
    }
}

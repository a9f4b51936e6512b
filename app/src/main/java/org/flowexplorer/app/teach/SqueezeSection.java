package org.flowexplorer.app.teach;

import static org.flowexplorer.app.teach.GalleryCells.CELL;
import static org.flowexplorer.app.teach.GalleryCells.SIZE;
import static org.flowexplorer.app.teach.GalleryCells.captioned;
import static org.flowexplorer.app.teach.GalleryCells.grid;
import static org.flowexplorer.app.teach.GalleryCells.legendItem;
import static org.flowexplorer.app.teach.GalleryCells.numberCell;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.flowexplorer.model.teach.Squeeze;

/**
 * The gallery's squeeze section for a C×8×8 image: every input cell numbered by its 2×2 block and
 * coloured by its place in the block, and the same cells after the squeeze in the half-size image.
 */
final class SqueezeSection {
    final Label[][] squeezeIn;
    final Label[][] squeezeOut;
    final Node node;

    SqueezeSection(int c) {

        int[] shape = {c, SIZE, SIZE};
        int[] out = Squeeze.squeezedShape(shape);
        int n = c * SIZE * SIZE;
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) {
            ids[i] = i;
        }
        int[] sq = Squeeze.squeeze(ids, shape);
        Label[][] squeezeIn = new Label[c][SIZE * SIZE];
        FlowPane in = new FlowPane(12, 10);
        int half = SIZE / 2;
        for (int ch = 0; ch < c; ch++) {
            GridPane g = grid();
            for (int y = 0; y < SIZE; y++) {
                for (int x = 0; x < SIZE; x++) {
                    int block = (y / 2) * half + x / 2;
                    Label r = numberCell(Integer.toString(block), "squeeze-" + Squeeze.blockPosition(y, x));
                    squeezeIn[ch][y * SIZE + x] = r;
                    g.add(r, x, y);
                }
            }
            in.getChildren().add(captioned("input channel " + (ch + 1), g));
        }
        Label[][] squeezeOut = new Label[out[0]][half * half];
        FlowPane outPane = new FlowPane(12, 10);
        for (int oc = 0; oc < out[0]; oc++) {
            GridPane g = grid();
            for (int p = 0; p < half * half; p++) {
                int src = sq[oc * half * half + p];
                int pix = src % (SIZE * SIZE);
                int y = pix / SIZE, x = pix % SIZE;
                int block = (y / 2) * half + x / 2;
                Label r = numberCell(Integer.toString(block), "squeeze-" + Squeeze.blockPosition(y, x));
                squeezeOut[oc][p] = r;
                g.add(r, p % half, p / half);
            }
            outPane.getChildren().add(captioned(c == 1 ? "channel " + (oc + 1)
                    : "channel " + (oc + 1) + " ← in " + (oc / 4 + 1), g));
        }
        Label arrow = new Label("squeeze ⟶  " + Squeeze.shape(out));
        arrow.getStyleClass().add("gallery-arrow");
        HBox legend = new HBox(14);
        String[] names = {"top-left", "top-right", "bottom-left", "bottom-right"};
        for (int k = 0; k < 4; k++) {
            Label sw = numberCell("", "squeeze-" + k);
            legend.getChildren().add(legendItem(sw, names[k]));
        }
        in.setPrefWrapLength(Math.min(c, 2) * (SIZE * (CELL + 8) + 12));
        outPane.setPrefWrapLength(4 * (4 * (CELL + 8) + 12));
        HBox flow = new HBox(16, in, arrow, outPane);
        flow.setAlignment(Pos.CENTER_LEFT);
        this.squeezeIn = squeezeIn;
        this.squeezeOut = squeezeOut;
        node = new VBox(10, flow, legend);
    }
}

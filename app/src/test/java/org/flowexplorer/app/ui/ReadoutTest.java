package org.flowexplorer.app.ui;

import static org.flowexplorer.app.testing.FxTesting.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.flowexplorer.app.testing.FxToolkitExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A readout's new text re-lays out the label alone while it fits, and its parents when it does not. */
@ExtendWith(FxToolkitExtension.class)
class ReadoutTest {
    @Test
    void aTextThatFitsLeavesTheParentsLaidOut() throws Exception {
        onFx(() -> {
            Label label = new Label("1234");
            Readout readout = new Readout(label);
            HBox row = laidOutRow(readout);
            VBox root = (VBox) row.getParent();
            assertFalse(row.isNeedsLayout(), "laid out before the change");
            label.setText("987"); // narrower: fits in the room kept
            assertFalse(row.isNeedsLayout(), "the row is not asked to lay out again");
            assertFalse(root.isNeedsLayout(), "nor the root");
            settle(root);
            assertEquals("987", label.getText());
            assertEquals(readout.getWidth(), label.getWidth(), 1e-9, "the label fills the readout");
            return null;
        });
    }

    @Test
    void aWiderTextGrowsTheReadout() throws Exception {
        onFx(() -> {
            Label label = new Label("12");
            Readout readout = new Readout(label);
            HBox row = laidOutRow(readout);
            VBox root = (VBox) row.getParent();
            double before = readout.getWidth();
            label.setText("1234567890");
            assertTrue(row.isNeedsLayout(), "the row makes room for the wider text");
            root.layout();
            assertTrue(readout.getWidth() > before, before + " → " + readout.getWidth());
            assertTrue(label.getWidth() >= label.prefWidth(-1), "the whole text is shown, not cut: " + label.getWidth());
            return null;
        });
    }

    @Test
    void aWrappingTextThatNeedsAnotherLineGrowsTheReadout() throws Exception {
        onFx(() -> {
            Label label = new Label("one line");
            label.setWrapText(true);
            Readout readout = new Readout(label);
            VBox root = new VBox(readout);
            root.setFillWidth(true);
            new Scene(root, 120, 300);
            settle(root);
            double before = readout.getHeight();
            label.setText("one line");
            assertFalse(root.isNeedsLayout(), "the same height: nothing above lays out");
            label.setText("several words that need more than one line at this width");
            assertTrue(root.isNeedsLayout(), "more lines: the parent makes room");
            root.layout();
            assertTrue(readout.getHeight() > before, before + " → " + readout.getHeight());
            return null;
        });
    }

    /** "Step" and the readout in a row of a 400 × 100 scene, laid out. */
    private static HBox laidOutRow(Readout readout) {
        HBox row = new HBox(8, new Label("Step"), readout);
        VBox root = new VBox(row);
        new Scene(root, 400, 100);
        settle(root);
        return row;
    }

    /** Lays out until nothing asks for layout (a skin created in the first pass asks once more). */
    private static void settle(javafx.scene.Parent root) {
        root.applyCss();
        for (int i = 0; i < 5 && (i == 0 || root.isNeedsLayout() || anyNeedsLayout(root)); i++) {
            root.layout();
        }
    }

    private static boolean anyNeedsLayout(javafx.scene.Parent p) {
        return p.isNeedsLayout() || p.getChildrenUnmodifiable().stream()
                .anyMatch(c -> c instanceof javafx.scene.Parent q && anyNeedsLayout(q));
    }
}

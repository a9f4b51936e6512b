package org.flowexplorer.app.teach;

import static org.flowexplorer.app.testing.FxTesting.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.flowexplorer.app.testing.FxTesting;
import org.flowexplorer.app.testing.FxToolkitExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.flowexplorer.model.teach.WorkedExample;
import org.junit.jupiter.api.Test;

@ExtendWith(FxToolkitExtension.class)
class WorkedExampleViewTest {
    private static String row(WorkedExampleView v, String stage, int r) {
        return v.cell(stage, r, 0).getText() + " " + v.cell(stage, r, 1).getText() + " " + v.cell(stage, r, 2).getText();
    }

    /** The 3×3 tensor of {@code stage}, row by row as {@link #row} prints it. */
    private static void assertRows(WorkedExampleView v, String stage, String... rows) {
        for (int r = 0; r < rows.length; r++) {
            assertEquals(rows[r], row(v, stage, r), stage + " row " + r);
        }
    }

    @Test
    void showsTheNotebooksInputsExactly() throws Exception {
        onFx(() -> {
            WorkedExampleView v = new WorkedExampleView(WorkedExample.create(5));
            FxTesting.render(v, 1400, 900);
            // the notebook prints x, mask, x * mask and 1 - mask as 3×3 tensors
            assertRows(v, "x", "1.0000 2.0000 3.0000", "4.0000 5.0000 6.0000", "7.0000 8.0000 9.0000");
            assertRows(v, "mask", "1.0000 1.0000 1.0000", "1.0000 1.0000 1.0000", "0.0000 0.0000 0.0000");
            assertRows(v, "x_m", "1.0000 2.0000 3.0000", "4.0000 5.0000 6.0000", "0.0000 0.0000 0.0000");
            assertRows(v, "one_minus_mask", "0.0000 0.0000 0.0000", "0.0000 0.0000 0.0000", "1.0000 1.0000 1.0000");
            // later steps: 4 decimals of the model's values; y keeps x's first two rows
            WorkedExample ex = v.getExample();
            double[] y = ex.stage("y").values();
            for (int i = 0; i < 9; i++) {
                assertEquals(TeachFormat.fixed4(y[i]), v.cell("y", i / 3, i % 3).getText());
            }
            assertEquals("1.0000 2.0000 3.0000", row(v, "y", 0));
            assertEquals(TeachFormat.fixed4(ex.stage("s after tanh").values()[4]), v.cell("s after tanh", 1, 1).getText());
            assertTrue(v.cell("y", 2, 0).getStyleClass().contains("transform"));
            assertTrue(v.cell("y", 0, 0).getStyleClass().contains("pass"));
            return null;
        });
    }

    @Test
    void seedButtonsRedrawWeightsButNotTheInputs() throws Exception {
        onFx(() -> {
            WorkedExampleView v = new WorkedExampleView(WorkedExample.create(5));
            String before = row(v, "y", 2);
            v.seedUpButton().fire();
            assertEquals(6, v.getExample().seed());
            assertNotEquals(before, row(v, "y", 2));
            assertEquals("1.0000 2.0000 3.0000", row(v, "y", 0));
            v.seedDownButton().fire();
            assertEquals(before, row(v, "y", 2));
            v.newWeightsButton().fire();
            assertEquals("7.0000 8.0000 9.0000", row(v, "x", 2));
            assertTrue(WorkedExampleView.NOTE.contains("never printed"));
            return null;
        });
    }
}

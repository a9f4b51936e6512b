package org.flowexplorer.app.teach;

import static org.flowexplorer.app.testing.FxTesting.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.flowexplorer.app.testing.FxTesting;
import org.flowexplorer.app.testing.FxToolkitExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import javafx.scene.control.Label;
import org.flowexplorer.model.flow.RealNVP;
import org.flowexplorer.model.teach.CouplingInspection;
import org.flowexplorer.model.teach.CouplingInspection.Direction;
import org.flowexplorer.model.teach.CouplingInspection.Step;
import org.junit.jupiter.api.Test;

@ExtendWith(FxToolkitExtension.class)
class FormulaInspectorViewTest {
    private static void assertShows(FormulaInspectorView view, CouplingInspection in) {
        for (int r = 0; r < in.steps().size(); r++) {
            Step s = in.step(r);
            assertEquals(s.symbol(), view.symbolLabel(r).getText());
            assertEquals(s.formula(), view.formulaLabel(r).getText());
            for (int i = 0; i < in.dim(); i++) {
                String text = view.valueLabel(r, i).getText();
                assertEquals(TeachFormat.sig4(s.value(i)), text, "step " + s.symbol() + " coordinate " + i);
                double shown = TeachFormat.parse(text);
                if (Double.isNaN(s.value(i))) {
                    assertEquals("—", text);
                } else {
                    assertEquals(s.value(i), shown, 1e-3 * Math.max(1e-3, Math.abs(s.value(i))), s.symbol());
                }
            }
        }
    }

    @Test
    void showsTheInspectionsNumbersAndUpdatesInPlace() throws Exception {
        RealNVP flow = TeachFx.randomModel(6, 3);
        onFx(() -> {
            FormulaInspectorView view = new FormulaInspectorView();
            CouplingInspection a = CouplingInspection.forward(flow, new float[] {0.3f, -1.2f}, 2);
            view.setInspection(a);
            FxTesting.render(view, 1200, 700);
            assertShows(view, a);
            assertEquals("point (0.3000, −1.200)  in coupling 3 of 6", view.headerLabel().getText());
            // layer 2 is even: x₁ passes through, x₂ is scaled and shifted
            assertTrue(view.coordinateTag(0).getText().startsWith("passes through"));
            assertTrue(view.coordinateTag(1).getText().startsWith("scaled + shifted"));
            assertTrue(view.valueLabel(0, 0).getStyleClass().contains("pass"));
            assertTrue(view.valueLabel(0, 1).getStyleClass().contains("transform"));
            int last = a.steps().size() - 1;
            assertEquals("= " + TeachFormat.sig4(a.logDet()), view.totalLabel(last).getText());
            assertEquals("", view.totalLabel(0).getText());
            // same shape: the same label nodes get new text (no rebuild)
            Label before = view.valueLabel(last - 1, 1);
            CouplingInspection b = CouplingInspection.forward(flow, new float[] {1.5f, 0.25f}, 3);
            view.setInspection(b);
            assertSame(before, view.valueLabel(last - 1, 1));
            assertShows(view, b);
            assertTrue(view.valueLabel(0, 0).getStyleClass().contains("transform"), "layer 3 transforms x₁");
            assertTrue(!view.valueLabel(0, 0).getStyleClass().contains("pass"));
            return null;
        });
    }

    @Test
    void directionToggleDrivesThePropertyAndInverseIsShown() throws Exception {
        RealNVP flow = TeachFx.randomModel(4, 8);
        onFx(() -> {
            FormulaInspectorView view = new FormulaInspectorView();
            float[] p = {-0.7f, 0.9f};
            view.directionProperty().addListener((o, x, d) -> view.setInspection(CouplingInspection.of(flow, p, 1, d)));
            view.setInspection(CouplingInspection.of(flow, p, 1, view.getDirection()));
            FxTesting.render(view, 1200, 700);
            Label forwardY = view.valueLabel(0, 0);
            view.inverseButton().fire();
            assertEquals(Direction.INVERSE, view.getDirection());
            CouplingInspection inv = view.getInspection();
            assertEquals(Direction.INVERSE, inv.direction());
            assertNotSame(forwardY, view.valueLabel(0, 0), "a new shape rebuilds the table once");
            assertShows(view, inv);
            assertEquals("y", view.symbolLabel(0).getText());
            assertEquals("x", view.symbolLabel(inv.steps().size() - 2).getText());
            view.inverseButton().fire(); // clicking the selected button keeps a direction selected
            assertTrue(view.inverseButton().isSelected());
            view.setDirection(Direction.FORWARD);
            assertTrue(view.forwardButton().isSelected());
            view.setInspection(null);
            assertEquals("no point selected", view.headerLabel().getText());
            return null;
        });
    }

    @Test
    void formatting() {
        assertEquals("1.235", TeachFormat.sig4(1.23456));
        assertEquals("−0.001235", TeachFormat.sig4(-0.00123456));
        assertEquals("1235", TeachFormat.sig4(1234.5));
        assertEquals("1", TeachFormat.sig4(1));
        assertEquals("−2", TeachFormat.sig4(-2.0));
        assertEquals("1.000", TeachFormat.sig4(0.99999));
        assertEquals("0", TeachFormat.sig4(0));
        assertEquals("—", TeachFormat.sig4(Double.NaN));
        assertEquals("1.235e+07", TeachFormat.sig4(12345678));
        assertEquals(-1.235e-7, TeachFormat.parse(TeachFormat.sig4(-1.2345e-7)), 1e-12);
        assertEquals("0.0000", TeachFormat.fixed4(-0.00001));
        assertEquals("−0.3039", TeachFormat.fixed4(-0.30390143394470215));
    }
}

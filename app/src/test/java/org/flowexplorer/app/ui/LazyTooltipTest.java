package org.flowexplorer.app.ui;

import static org.flowexplorer.app.testing.FxTesting.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import javafx.event.Event;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import org.flowexplorer.app.testing.FxToolkitExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Tooltips are made when the pointer first moves over their control, with the texts and timings they always had. */
@ExtendWith(FxToolkitExtension.class)
class LazyTooltipTest {

    private static void moveOver(javafx.scene.Node n) {
        Event.fireEvent(n, new MouseEvent(MouseEvent.MOUSE_MOVED, 5, 5, 5, 5, MouseButton.NONE, 0,
                false, false, false, false, false, false, false, false, false, false, null));
    }

    @Test
    void aTipIsMadeOnTheFirstMoveOverItsControlAndKept() {
        Button b = fx(() -> Controls.button("Go", null, "Runs it.", () -> { }));
        assertNull(fx(b::getTooltip), "no popup window before the pointer comes");
        fx(() -> {
            moveOver(b);
            return null;
        });
        Tooltip made = fx(b::getTooltip);
        assertEquals("Runs it.", made.getText());
        assertEquals(400, made.getShowDelay().toMillis());
        assertEquals(360, made.getMaxWidth());
        fx(() -> {
            moveOver(b);
            return null;
        });
        assertSame(made, fx(b::getTooltip), "made once");
        assertSame(made, fx(() -> Controls.tooltip(b)));
    }

    @Test
    void aNewTextReachesTheTipBeforeAndAfterItIsMade() {
        Label l = fx(() -> Controls.tip(new Label("x"), "first"));
        fx(() -> Controls.tip(l, "second"));
        assertEquals("second", fx(() -> Controls.tooltip(l).getText()));
        fx(() -> Controls.tip(l, "third"));
        assertEquals("third", fx(() -> l.getTooltip().getText()));
    }

    @Test
    void aControlWithoutATipHasNone() {
        assertNull(fx(() -> Controls.tooltip(new Label("plain"))));
    }
}

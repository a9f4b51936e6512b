package org.flowexplorer.app.ui;

import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.StackPane;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * One explorer panel as it sits in the layout: the view with a small enlarge button in its top-right
 * corner. The button, or a double-click on the panel's title strip, asks for the panel to fill the
 * explorer (Esc or the button again brings it back).
 */
final class PanelFrame extends StackPane {
    /** Height of the strip at the top of a panel where its title is drawn. */
    static final double TITLE_STRIP = 32;

    private final Panel panel;
    private final FontIcon icon = new FontIcon("mdi2a-arrow-expand");

    PanelFrame(Panel panel, Node view, Consumer<Panel> toggleEnlarged) {
        this.panel = panel;
        getStyleClass().add("panel-frame");
        Button enlarge = new Button(null, icon);
        enlarge.setId("enlarge-" + panel.fileStem());
        enlarge.getStyleClass().addAll("flat", "button-icon", "enlarge-button");
        enlarge.setFocusTraversable(false);
        Controls.tip(enlarge, "Enlarge " + panel.title() + " to fill the explorer (or double-click its title); Esc goes back.");
        enlarge.setOnAction(e -> toggleEnlarged.accept(panel));
        setAlignment(enlarge, Pos.TOP_RIGHT);
        setMargin(enlarge, new Insets(2, 2, 0, 0));
        getChildren().addAll(view, enlarge);
        addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && e.getY() >= 0
                    && e.getY() < TITLE_STRIP) {
                toggleEnlarged.accept(panel);
                e.consume();
            }
        });
    }

    Panel panel() {
        return panel;
    }

    /** Shows the button as "back" while the panel fills the explorer. */
    void setEnlarged(boolean enlarged) {
        icon.setIconLiteral(enlarged ? "mdi2a-arrow-collapse" : "mdi2a-arrow-expand");
    }
}

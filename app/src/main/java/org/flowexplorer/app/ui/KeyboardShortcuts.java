package org.flowexplorer.app.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.event.EventTarget;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/**
 * The window's keys: Space toggles training from anywhere in the window except where it would type
 * (text fields, editable combo boxes and spinners), and the "Keyboard shortcuts" list, built from
 * the menu bar's accelerators plus the keys no menu item carries, so it cannot fall out of date.
 */
public final class KeyboardShortcuts {
    /** Start or pause training. */
    public static final KeyCodeCombination PLAY = new KeyCodeCombination(KeyCode.SPACE);

    /** One line of the list: the key as the platform writes it, and what it does. */
    public record Shortcut(String keys, String action) {
    }

    private KeyboardShortcuts() {
    }

    /**
     * Lets Space toggle play in {@code root}'s scene graph. A filter, so it runs before a focused
     * button or check box would take Space as a click; holding the key toggles once, not per repeat.
     */
    public static void installPlayKey(Node root, Runnable togglePlay) {
        boolean[] down = {false};
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (PLAY.match(e) && !typesText(e.getTarget())) {
                e.consume();
                if (!down[0]) {
                    down[0] = true;
                    togglePlay.run();
                }
            }
        });
        root.addEventFilter(KeyEvent.KEY_RELEASED, e -> {
            if (e.getCode() == KeyCode.SPACE && down[0]) {
                down[0] = false;
                e.consume(); // a focused button never saw the press: it must not see the release either
            }
        });
    }

    /** Whether a key typed at {@code target} goes into text: a text field or area, or an editable combo/spinner. */
    static boolean typesText(EventTarget target) {
        for (Node n = target instanceof Node node ? node : null; n != null; n = n.getParent()) {
            if (n instanceof TextInputControl t && t.isEditable()
                    || n instanceof ComboBoxBase<?> c && c.isEditable()
                    || n instanceof Spinner<?> s && s.isEditable()) {
                return true;
            }
        }
        return false;
    }

    /** Every shortcut: the keys without a menu item first, then each menu item's accelerator in menu order. */
    public static List<Shortcut> all(MenuBar menus) {
        List<Shortcut> out = new ArrayList<>();
        out.add(new Shortcut(PLAY.getDisplayText(), "Start or pause training (anywhere except in a text field)"));
        out.add(new Shortcut("Enter", "In Points, Noise, Seed: new data; in Layers, Hidden: new model; in Learning rate, Batch size: apply"));
        out.add(new Shortcut("Right-click", "On a plot: save it as PNG or SVG, copy it; on the stepper: export the animation"));
        for (Menu m : menus.getMenus()) {
            collect(m, m.getText(), out);
        }
        return out;
    }

    private static void collect(Menu menu, String path, List<Shortcut> out) {
        for (MenuItem item : menu.getItems()) {
            if (item instanceof Menu sub) {
                collect(sub, path + " › " + sub.getText(), out);
            } else if (item.getAccelerator() != null) {
                out.add(new Shortcut(item.getAccelerator().getDisplayText(),
                        path + " › " + item.getText().replace("…", "")));
            }
        }
    }

    /** The Help › Keyboard shortcuts dialog (non-modal, id {@code shortcuts-dialog}). */
    public static Dialog<Void> show(Window owner, MenuBar menus) {
        GridPane grid = new GridPane();
        grid.setHgap(18);
        grid.setVgap(4);
        grid.setPadding(new Insets(4));
        ColumnConstraints keys = new ColumnConstraints();
        keys.setHalignment(HPos.RIGHT);
        grid.getColumnConstraints().addAll(keys, new ColumnConstraints());
        int row = 0;
        for (Shortcut s : all(menus)) {
            Label k = new Label(s.keys());
            k.getStyleClass().addAll("text-bold", "shortcut-keys");
            k.setMinWidth(Label.USE_PREF_SIZE);
            Label a = new Label(s.action());
            a.setWrapText(true);
            a.setMaxWidth(440);
            grid.addRow(row++, k, a);
        }
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(420);
        scroll.setPrefViewportWidth(600);
        Dialog<Void> d = new Dialog<>();
        if (owner != null) {
            d.initOwner(owner);
        }
        d.setTitle("Keyboard shortcuts");
        d.setHeaderText("Keyboard shortcuts");
        d.getDialogPane().setContent(scroll);
        d.getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        d.getDialogPane().setId("shortcuts-dialog");
        d.show();
        return d;
    }
}

package org.flowexplorer.app.ui;

import static org.flowexplorer.app.testing.FxTesting.await;
import static org.flowexplorer.app.testing.FxTesting.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.flowexplorer.app.testing.FxToolkitExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The control column's combo boxes style their drop-down list when it first opens, and it opens and picks as before. */
@ExtendWith(FxToolkitExtension.class)
class ListOnFirstShowSkinTest {
    private static final String[] WORDS = {"one", "two", "three", "a much longer fourth choice"};
    private Stage stage;

    @AfterEach
    void close() {
        fx(() -> {
            stage.close();
            return null;
        });
    }

    @Test
    void theListIsNotInTheFirstFrameAndOpensWithEveryItemWhenAsked() {
        SimpleObjectProperty<String> value = new SimpleObjectProperty<>("two");
        ComboBox<String> box = fx(() -> {
            ComboBox<String> c = Controls.choice("words", WORDS, value, s -> s, s -> s, "Pick a word.");
            c.setMaxWidth(Double.MAX_VALUE);
            stage = new Stage();
            stage.setScene(new Scene(new VBox(c), 300, 200));
            stage.show();
            c.getScene().getRoot().applyCss();
            c.getScene().getRoot().layout();
            return c;
        });
        assertNull(fx(() -> box.lookup(".list-view")), "no list view styled and laid out before the first opening");
        ListView<?> list = fx(() -> (ListView<?>) ((ListOnFirstShowSkin<?>) box.getSkin()).getPopupContent());
        fx(() -> {
            box.show();
            return null;
        });
        await("popup shown", () -> fx(() -> list.getScene() != null && list.getScene().getWindow().isShowing()));
        assertTrue(fx(() -> list.getSkin() != null), "the list is skinned in its popup");
        assertEquals(WORDS.length, fx(() -> list.getItems().size()));
        assertTrue(fx(() -> list.getWidth() >= box.getWidth() - 1), "the popup is at least as wide as the box: " + fx(list::getWidth));
        assertTrue(fx(() -> list.getHeight() > 3 * 20), "the popup shows the items: " + fx(list::getHeight));
        fx(() -> {
            list.getSelectionModel().select(3);
            box.hide();
            return null;
        });
        assertEquals(WORDS[3], value.get(), "picking in the list sets the value, as with the stock skin");
        assertFalse(fx(box::isShowing));
        fx(() -> {
            box.show(); // a second opening: the list is the popup's already
            return null;
        });
        await("shown again", () -> fx(() -> list.getScene().getWindow().isShowing()));
    }
}

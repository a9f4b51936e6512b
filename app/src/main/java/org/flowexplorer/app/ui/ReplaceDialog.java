package org.flowexplorer.app.ui;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The "Replace the trained model (N steps)?" dialog: Save it first / Replace / Cancel. FX thread. */
final class ReplaceDialog {
    private ReplaceDialog() {
    }

    static ConfirmDiscard.Replace ask(Window owner, String header, String text, boolean canSave) {
        ButtonType save = new ButtonType("Save it first…", ButtonBar.ButtonData.LEFT);
        ButtonType replace = new ButtonType("Replace", ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert a = canSave ? new Alert(Alert.AlertType.CONFIRMATION, text, save, replace, cancel)
                : new Alert(Alert.AlertType.CONFIRMATION, text, replace, cancel);
        if (owner != null) {
            a.initOwner(owner);
        }
        a.setTitle("Replace the trained model?");
        a.setHeaderText(header);
        a.getDialogPane().setGraphic(null);
        a.getDialogPane().setContent(new VBox(ConfirmDiscard.wrapped(text)));
        a.getDialogPane().setId("confirm-replace");
        ((javafx.scene.control.Button) a.getDialogPane().lookupButton(replace)).setDefaultButton(false);
        ((javafx.scene.control.Button) a.getDialogPane().lookupButton(cancel)).setDefaultButton(true); // Enter keeps the model
        ButtonType chosen = a.showAndWait().orElse(cancel);
        return chosen == replace ? ConfirmDiscard.Replace.REPLACE
                : chosen == save ? ConfirmDiscard.Replace.SAVE_FIRST : ConfirmDiscard.Replace.CANCEL;
    }
}

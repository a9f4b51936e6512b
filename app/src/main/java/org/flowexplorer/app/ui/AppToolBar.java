package org.flowexplorer.app.ui;

import static org.flowexplorer.app.ui.Controls.tip;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The toolbar: a large Play/Pause (Space) and Step, presets, the explanation-panel toggle and the
 * help, session open/save, the image exports of the selected view (the one last clicked, named next
 * to the buttons) and the layer animation.
 */
public final class AppToolBar extends ToolBar {
    private final Label target = new Label();
    private final Button play = new Button();

    AppToolBar(MainWindow w) {
        setId("tool-bar");
        getStyleClass().add("app-tool-bar");
        AppActions a = w.actions();
        ViewFocus focus = w.focus();
        ExportActions ex = a.exports();

        Button open = icon("mdi2f-folder-open-outline", "tool-open-session",
                "Open a saved session: data, model, training state and view settings (Ctrl+O).", a::openSession);
        Button save = icon("mdi2c-content-save-outline", "tool-save-session",
                "Save this session so you can pick up exactly here later (Ctrl+S).", a::saveSession);

        // large, labelled and first, so it is the one control a class can always find; fixed width so
        // nothing after it moves when it flips between Play and Pause
        play.setId("tool-play");
        play.getStyleClass().addAll("accent", "tool-play");
        play.setMinWidth(Region.USE_PREF_SIZE);
        // its width is in em (controls.css), so it grows with presentation mode's text instead of clipping "Pa…"
        var playing = w.viewModel().training().playingProperty();
        play.textProperty().bind(Bindings.when(playing).then("Pause").otherwise("Play"));
        play.graphicProperty().bind(Bindings.createObjectBinding(
                () -> new FontIcon(playing.get() ? "mdi2p-pause" : "mdi2p-play"), playing));
        play.setOnAction(e -> w.viewModel().training().togglePlay());
        play.disableProperty().bind(w.viewModel().training().readyProperty().not());
        KeyboardShortcuts.installPlayKey(w, play::fire); // fire() does nothing while the model is not ready
        tip(play, "Start or pause training (" + KeyboardShortcuts.PLAY.getDisplayText()
                + ", from anywhere in the window except a text field).");
        Button step = icon("mdi2s-step-forward", "tool-step", "Train exactly one step, then pause.",
                () -> w.viewModel().training().stepOnce());
        step.disableProperty().bind(w.viewModel().training().readyProperty().not());

        target.setId("tool-export-target");
        target.getStyleClass().add("tool-export-target");
        // one width for every view's name, so the export buttons after it never move
        target.setMinWidth(118);
        target.setPrefWidth(118);
        target.setMaxWidth(118);
        target.setAlignment(javafx.geometry.Pos.CENTER_RIGHT);
        target.setTextOverrun(javafx.scene.control.OverrunStyle.ELLIPSIS);
        target.textProperty().bind(Bindings.createStringBinding(
                () -> focus.selected() == null ? "" : focus.selected().title() + ":", focus.selectedProperty()));
        tip(target, "The view the export buttons save: click a plot to choose it.");
        Button png = icon("mdi2f-file-image-outline", "tool-save-png",
                "Save the selected view as a PNG image at a size and pixel density you choose (Ctrl+Shift+P).",
                () -> ex.savePng(focus.selected()));
        Button svg = icon("mdi2v-vector-square", "tool-save-svg",
                "Save the selected view as an SVG vector drawing for papers and slides (Ctrl+Shift+V).",
                () -> ex.saveSvg(focus.selected()));
        Button copy = icon("mdi2c-content-copy", "tool-copy-image",
                "Copy the selected view to the clipboard as an image (Ctrl+Shift+C).",
                () -> ex.copyImage(focus.selected()));
        BooleanBinding notExportable = Bindings.createBooleanBinding(
                () -> focus.selected() == null || !focus.selected().exportable(), focus.selectedProperty());
        png.disableProperty().bind(notExportable);
        svg.disableProperty().bind(notExportable);
        copy.disableProperty().bind(notExportable);
        Button gif = icon("mdi2a-animation-play-outline", "tool-export-gif",
                "Export the layer stepper as an animated GIF: the points flowing from data to latent (Ctrl+Shift+G).",
                () -> ex.exportGif(w.target(Panel.LAYER_STEPPER)));

        MenuButton presets = new MenuButton("Presets", new FontIcon("mdi2t-tune"));
        presets.setId("tool-presets");
        presets.getItems().setAll(AppMenuBar.presetItems(a::applyPreset, "tool-preset-"));
        tip(presets, "Instructive set-ups in one click; each says what to look for.");

        // a panel toggle, so it looks like one (a panel docked at the bottom) and says what it toggles
        ToggleButton explain = new ToggleButton("Explain", new FontIcon("mdi2p-page-layout-footer"));
        explain.setId("tool-explanation");
        explain.getStyleClass().add("flat");
        explain.setMinWidth(Region.USE_PREF_SIZE);
        explain.selectedProperty().bindBidirectional(w.explanation().visibleProperty());
        tip(explain, "Show or hide the explanation panel at the bottom of the window, which explains the view "
                + "under the mouse (F2).");
        Button help = icon("mdi2h-help-circle-outline", "tool-help", "How to read this window (F1).", a::howToRead);

        // what a class needs first, then files and exports: a narrow window tucks the exports into the » menu
        getItems().addAll(play, step, new Separator(), presets, new Separator(), explain, help, new Separator(), open,
                save, new Separator(), target, png, svg, copy, gif);
    }

    private static Button icon(String icon, String id, String tooltip, Runnable action) {
        Button b = Controls.button(null, icon, tooltip, action);
        b.setId(id);
        b.setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        b.getStyleClass().add("flat");
        return b;
    }

    /** The large Play/Pause button. */
    public Button playButton() {
        return play;
    }

    /** The label naming the export target (tests). */
    Label targetLabel() {
        return target;
    }
}

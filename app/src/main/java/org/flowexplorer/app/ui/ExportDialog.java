package org.flowexplorer.app.ui;

import java.util.Locale;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.stage.Window;
import org.flowexplorer.app.export.LayerAnimation;

/**
 * The size dialogs in front of the image exports: width and height in logical pixels and a pixel
 * density 1×/2×/3× (a 600×600 view at 2× is a 1200×1200 image drawn at that resolution); the
 * animation dialog adds frames per layer, hold frames and the frame delay. The resulting pixel
 * size (and frame count) is shown live; OK is disabled while a field is invalid.
 */
public final class ExportDialog {
    /** Chosen raster size: {@code width}×{@code height} logical pixels at {@code scale}. */
    public record ImageSize(int width, int height, double scale) {
    }

    static final int MIN_SIZE = 50;
    static final int MAX_SIZE = 4000;

    private ExportDialog() {
    }

    /**
     * Asks for the image size; empty when cancelled. FX thread, blocks in a nested event loop.
     *
     * @param withScale offer 1×/2×/3× (PNG); without it the scale is 1 (SVG, which scales freely)
     */
    public static Optional<ImageSize> askImageSize(Window owner, String viewTitle, int width, int height,
            double scale, boolean withScale) {
        Dialog<ImageSize> d = dialog(owner, (withScale ? "Save PNG — " : "Save SVG — ") + viewTitle,
                "Size of the " + (withScale ? "image" : "drawing") + " of the " + viewTitle.toLowerCase(Locale.ROOT)
                        + " view.");
        Form f = new Form(width, height, withScale ? scale : 1, withScale);
        d.getDialogPane().setContent(f.grid);
        Label out = f.outputLabel();
        out.textProperty().bind(Bindings.createStringBinding(() -> f.valid()
                ? String.format(Locale.ROOT, withScale ? "Image: %d × %d pixels" : "Drawing: %d × %d units",
                        Math.round(f.w() * f.scale()), Math.round(f.h() * f.scale()))
                : "Width and height must be whole numbers from " + MIN_SIZE + " to " + MAX_SIZE + ".",
                f.width.textProperty(), f.height.textProperty(), f.scales.selectedToggleProperty()));
        d.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(f.invalid());
        d.setResultConverter(b -> b == ButtonType.OK && f.valid() ? new ImageSize(f.w(), f.h(), f.scale()) : null);
        return d.showAndWait();
    }

    /** Asks for the layer animation's frame size and timing; empty when cancelled. FX thread. */
    public static Optional<LayerAnimation.Options> askAnimation(Window owner, String what, int layers,
            LayerAnimation.Options initial) {
        Dialog<LayerAnimation.Options> d = dialog(owner, what,
                "Points move from the data (position 0) through couplings 1–" + layers + " to the latent space (position "
                        + layers + ").");
        Form f = new Form(initial.width(), initial.height(), initial.scale(), true);
        TextField perLayer = f.field("export-frames-per-layer", initial.framesPerLayer(),
                "Frames drawn for each layer-to-layer move (1 to 200): more frames, smoother motion.");
        TextField hold = f.field("export-hold-frames", initial.holdFrames(),
                "Extra copies of the first and of the last frame (0 to 200), a pause at both ends of the loop.");
        TextField delay = f.field("export-frame-delay", initial.frameDelayMs(),
                "How long each GIF frame is shown, in milliseconds (20 to 2000).");
        f.row("Frames per layer", perLayer);
        f.row("Hold frames", hold);
        f.row("Frame delay (ms)", delay);
        d.getDialogPane().setContent(f.grid);
        Label out = f.outputLabel();
        BooleanBinding bad = f.invalid().or(Bindings.createBooleanBinding(
                () -> parse(perLayer, 1, 200) < 0 || parse(hold, 0, 200) < 0 || parse(delay, 20, 2000) < 0,
                perLayer.textProperty(), hold.textProperty(), delay.textProperty()));
        out.textProperty().bind(Bindings.createStringBinding(() -> bad.get()
                ? "Check the fields: size " + MIN_SIZE + "–" + MAX_SIZE + " px, 1–200 frames per layer, 0–200 hold frames, "
                        + "20–2000 ms."
                : String.format(Locale.ROOT, "%d frames of %d × %d pixels (%d layers × %d + 1 + 2 × %d hold)",
                        LayerAnimation.frameCount(layers, parse(perLayer, 1, 200), parse(hold, 0, 200)),
                        Math.round(f.w() * f.scale()), Math.round(f.h() * f.scale()), layers,
                        parse(perLayer, 1, 200), parse(hold, 0, 200)),
                bad, f.width.textProperty(), f.height.textProperty(), f.scales.selectedToggleProperty(),
                perLayer.textProperty(), hold.textProperty()));
        d.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(bad);
        d.setResultConverter(b -> b == ButtonType.OK && !bad.get()
                ? initial.withSize(f.w(), f.h(), f.scale()).withFrames(parse(perLayer, 1, 200), parse(hold, 0, 200),
                        parse(delay, 20, 2000))
                : null);
        return d.showAndWait();
    }

    private static <T> Dialog<T> dialog(Window owner, String title, String header) {
        Dialog<T> d = new Dialog<>();
        if (owner != null) {
            d.initOwner(owner);
        }
        d.setTitle(title);
        d.setHeaderText(header);
        d.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        d.getDialogPane().setId("export-dialog");
        ((javafx.scene.control.Button) d.getDialogPane().lookupButton(ButtonType.OK)).setText("Save…");
        ButtonBar.setButtonData(d.getDialogPane().lookupButton(ButtonType.OK), ButtonBar.ButtonData.OK_DONE);
        return d;
    }

    /** Parses a whole number in [min, max]; −1 when it is not one. */
    static int parse(TextField f, int min, int max) {
        try {
            int v = Integer.parseInt(f.getText().strip());
            return v >= min && v <= max ? v : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Width, height and scale fields in a grid; more rows can be added. */
    private static final class Form {
        final GridPane grid = new GridPane();
        final TextField width;
        final TextField height;
        final ToggleGroup scales = new ToggleGroup();
        private int rows;

        Form(int w, int h, double scale, boolean withScale) {
            grid.setHgap(10);
            grid.setVgap(8);
            grid.setPadding(new Insets(10, 10, 4, 10));
            width = field("export-width", w, "Width of the image in logical pixels (" + MIN_SIZE + " to " + MAX_SIZE + ").");
            height = field("export-height", h, "Height of the image in logical pixels (" + MIN_SIZE + " to " + MAX_SIZE + ").");
            HBox scaleBox = new HBox(4);
            for (int s = 1; s <= 3; s++) {
                ToggleButton b = Controls.tip(new ToggleButton(s + "×"), s == 1
                        ? "One image pixel per logical pixel, as on a normal screen."
                        : "Draw at " + s + "× the pixel density for print and hi-DPI screens (text and lines stay sharp).");
                b.setId("export-scale-" + s);
                b.setUserData((double) s);
                b.setToggleGroup(scales);
                if (Math.round(scale) == s) {
                    b.setSelected(true);
                }
                scaleBox.getChildren().add(b);
            }
            if (scales.getSelectedToggle() == null) {
                scales.selectToggle(scales.getToggles().get(0));
            }
            // keep one scale selected at all times
            scales.selectedToggleProperty().addListener((o, was, now) -> {
                if (now == null && was != null) {
                    scales.selectToggle(was);
                }
            });
            row("Width (px)", width);
            row("Height (px)", height);
            if (withScale) {
                row("Scale", scaleBox);
            }
        }

        TextField field(String id, int value, String tip) {
            TextField t = Controls.tip(new TextField(Integer.toString(value)), tip);
            t.setId(id);
            t.setPrefColumnCount(6);
            return t;
        }

        void row(String label, Node control) {
            Label l = new Label(label);
            l.setMinWidth(Label.USE_PREF_SIZE);
            grid.addRow(rows++, l, control);
        }

        Label outputLabel() {
            Label out = new Label();
            out.setId("export-output-size");
            out.getStyleClass().add("text-muted");
            grid.add(out, 0, rows++, 2, 1);
            return out;
        }

        int w() {
            return parse(width, MIN_SIZE, MAX_SIZE);
        }

        int h() {
            return parse(height, MIN_SIZE, MAX_SIZE);
        }

        double scale() {
            return scales.getSelectedToggle() == null ? 1 : (double) scales.getSelectedToggle().getUserData();
        }

        boolean valid() {
            return w() > 0 && h() > 0;
        }

        BooleanBinding invalid() {
            return Bindings.createBooleanBinding(() -> !valid(), width.textProperty(), height.textProperty());
        }
    }
}

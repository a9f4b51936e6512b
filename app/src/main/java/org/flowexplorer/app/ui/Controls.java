package org.flowexplorer.app.ui;

import java.util.function.Function;
import java.util.function.Supplier;
import javafx.event.EventHandler;
import javafx.scene.input.MouseEvent;
import javafx.beans.property.Property;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.FXCollections;
import javafx.scene.control.ComboBox;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.util.StringConverter;
import javafx.util.Duration;
import org.flowexplorer.app.chart.PlotView;
import org.kordamp.ikonli.javafx.FontIcon;

/** Small helpers shared by the panes. */
final class Controls {
    private Controls() {
    }

    /** Gives {@code control} the app's wrapping tooltip with {@code text}, made when first needed ({@link #lazyTooltip}). */
    static <T extends Control> T tip(T control, String text) {
        if (control.getTooltip() != null) { // already made: a new text for it (the preset banner's changes)
            control.getTooltip().setText(text);
            return control;
        }
        return lazyTooltip(control, () -> {
            Tooltip t = new Tooltip(text);
            t.setShowDelay(Duration.millis(400));
            t.setWrapText(true);
            t.setMaxWidth(360);
            return t;
        });
    }

    private static final Object PENDING_TOOLTIP = new Object();

    /** Makes a pending tooltip the first time the pointer moves over its control: one handler shared by all. */
    private static final EventHandler<MouseEvent> MAKE_TOOLTIP = e -> tooltip((Control) e.getSource());

    /**
     * Installs the tooltip {@code make} returns on {@code control} when the pointer first moves over it, not now.
     * A {@link Tooltip} is a popup window with a scene of its own, and the window has dozens of them:
     * making them all took 8 % of the FX thread's start-up. JavaFX shows a tooltip once the pointer rests
     * on a control, timed from its moves, so one made on the first move shows as one made beforehand
     * would (a move, not the entry: a control enabled under a resting pointer gets no second entry).
     */
    static <T extends Control> T lazyTooltip(T control, Supplier<Tooltip> make) {
        if (control.getProperties().put(PENDING_TOOLTIP, make) == null) {
            control.addEventHandler(MouseEvent.MOUSE_MOVED, MAKE_TOOLTIP);
        }
        return control;
    }

    /** The control's tooltip, made now if it is still pending; null when it has none (tests read the texts). */
    static Tooltip tooltip(Control control) {
        Object make = control.getProperties().remove(PENDING_TOOLTIP);
        if (make != null) {
            control.removeEventHandler(MouseEvent.MOUSE_MOVED, MAKE_TOOLTIP);
            control.setTooltip((Tooltip) ((Supplier<?>) make).get());
        }
        return control.getTooltip();
    }

    static Button button(String text, String icon, String tooltip, Runnable action) {
        Button b = new Button(text, icon == null ? null : new FontIcon(icon));
        b.setOnAction(e -> action.run());
        return tip(b, tooltip);
    }

    /** A red, wrapping label that is visible (and takes space) only while {@code message} is non-empty. */
    static Label errorLabel(ObservableStringValue message, String id) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().addAll("inline-error", "danger");
        l.setWrapText(true);
        l.textProperty().bind(message);
        l.visibleProperty().bind(l.textProperty().isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }

    static Label header(String text) {
        Label l = new Label(text);
        l.getStyleClass().addAll("title-4", "section-header");
        return l;
    }

    static Label caption(String text) {
        Label l = new Label(text);
        l.getStyleClass().addAll("text-small", "text-muted");
        l.setWrapText(true);
        return l;
    }

    static Node labelled(String text, Node control) {
        Label l = new Label(text);
        l.setLabelFor(control);
        l.setMinWidth(Label.USE_PREF_SIZE);
        l.setPrefWidth(108); // wide enough for "Learning rate" at the theme's 14 px
        javafx.scene.layout.HBox row = new javafx.scene.layout.HBox(6, l, control);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        javafx.scene.layout.HBox.setHgrow(control, javafx.scene.layout.Priority.ALWAYS);
        if (control instanceof Control c) {
            c.setMaxWidth(Double.MAX_VALUE);
        }
        return row;
    }

    static String nats(double v) {
        return Double.isFinite(v) ? String.format(java.util.Locale.ROOT, "%.3f", v) : "–";
    }

    /** A combo box over {@code values}, bound both ways to {@code value}, showing each value as {@code name} does. */
    static <T> ComboBox<T> choice(String id, T[] values, Property<T> value, Function<T, String> name,
            Function<String, T> parse, String tooltip) {
        ComboBox<T> c = tip(ListOnFirstShowSkin.install(new ComboBox<>(FXCollections.observableArrayList(values))), tooltip);
        c.setId(id);
        c.valueProperty().bindBidirectional(value);
        c.setConverter(new StringConverter<>() {
            public String toString(T v) {
                return v == null ? "" : name.apply(v);
            }

            public T fromString(String s) {
                return parse.apply(s);
            }
        });
        return c;
    }

    /** Puts {@code plot} in the centre of a plot pane with its id, title and axis titles. */
    static void plotPane(BorderPane pane, PlotView plot, String id, String title, String xTitle, String yTitle) {
        pane.getStyleClass().add("plot-pane");
        plot.setId(id);
        plot.setTitle(title);
        plot.setAxisTitles(xTitle, yTitle);
        pane.setCenter(plot);
    }
}

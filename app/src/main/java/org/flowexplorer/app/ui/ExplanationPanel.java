package org.flowexplorer.app.ui;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.beans.value.ObservableValue;
import org.flowexplorer.app.teach.Explanations;
import org.flowexplorer.model.flow.MixtureBase;

/**
 * A collapsible strip under the views that explains, in plain words and one formula, the view the
 * user last hovered or clicked ({@link ViewFocus}). Collapsed it is a single header line. For a
 * flow over a mixture base, the views that involve the base also get the mixture's explanation,
 * its formula and its weights now ({@link Explanations#MIXTURE_BASE}).
 */
public final class ExplanationPanel extends TitledPane {
    private final Label text = new Label();
    private final Label formula = new Label();
    private final ObservableValue<MixtureBase.Components> base;
    private String shownId;
    private String shownKey;

    /** @param base the model's mixture components, null while its base is N(0, I) */
    public ExplanationPanel(ViewFocus focus, ObservableValue<MixtureBase.Components> base) {
        this.base = base;
        getStyleClass().add("explanation-panel");
        setId("explanation-panel");
        setAnimated(false);
        text.setId("explanation-text");
        text.setWrapText(true);
        text.getStyleClass().add("explanation-text");
        formula.setId("explanation-formula");
        formula.getStyleClass().add("explanation-formula");
        formula.setWrapText(true);
        VBox box = new VBox(4, formula, text);
        box.setPadding(new Insets(6, 12, 8, 12));
        // a fixed height (app.css: .explanation-box), scrolling a long text: the views above do not
        // jump each time the explained view changes
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("explanation-box");
        setContent(scroll);
        Controls.lazyTooltip(this, () -> {
            Tooltip tip = new Tooltip("Explains the view you last pointed at or clicked; click the header to fold it away.");
            tip.setShowDelay(javafx.util.Duration.millis(400));
            return tip;
        });
        focus.currentProperty().addListener((o, was, now) -> show(now));
        focus.revisionProperty().addListener((o, was, now) -> show(focus.get()));
        base.addListener((o, was, now) -> show(focus.get()));
        show(focus.get());
    }

    private void show(ExportTarget t) {
        String id = t == null ? Explanations.DATA_SPACE : t.explanation().get();
        MixtureBase.Components c = Explanations.aboutBase(id) ? base.getValue() : null;
        String now = c == null ? "" : weightsNow(c);
        String key = id + "|" + now; // the weights to 2 digits: not a new text for every training step
        if (key.equals(shownKey)) {
            return;
        }
        shownId = id;
        shownKey = key;
        Explanations.Entry e = Explanations.get(id);
        setText("Explanation — " + e.title() + (c == null ? "" : " · mixture base"));
        text.setText(c == null ? e.text() : e.text() + "\n\n" + Explanations.get(Explanations.MIXTURE_BASE).text() + " " + now);
        String f = Explanations.formula(id);
        if (c != null) { // a view formula with N(0, I) in it is not this model's: the mixture's replaces it
            String m = Explanations.formula(Explanations.MIXTURE_BASE);
            f = f.isEmpty() || f.contains("N(") ? m : f + "\n" + m;
        }
        formula.setText(f);
        formula.setVisible(!f.isEmpty());
        formula.setManaged(!f.isEmpty());
    }

    /** "Its K weights now: 0.13, 0.12, …" to two significant digits. */
    private static String weightsNow(MixtureBase.Components c) {
        StringBuilder b = new StringBuilder("Its " + c.weights().length + " weights now: ");
        for (int k = 0; k < c.weights().length; k++) {
            b.append(k == 0 ? "" : ", ").append(String.format(java.util.Locale.ROOT, "%.2g", c.weights()[k]));
        }
        return b.append('.').toString();
    }

    /** The explanation id on show (tests). */
    public String shownId() {
        return shownId;
    }

    public Label textLabel() {
        return text;
    }
}

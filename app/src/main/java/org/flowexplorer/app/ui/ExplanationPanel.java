package org.flowexplorer.app.ui;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import org.flowexplorer.app.teach.Explanations;

/**
 * A collapsible strip under the views that explains, in plain words and one formula, the view the
 * user last hovered or clicked ({@link ViewFocus}). Collapsed it is a single header line.
 */
public final class ExplanationPanel extends TitledPane {
    private final Label text = new Label();
    private final Label formula = new Label();
    private String shownId;

    public ExplanationPanel(ViewFocus focus) {
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
        Tooltip tip = new Tooltip("Explains the view you last pointed at or clicked; click the header to fold it away.");
        tip.setShowDelay(javafx.util.Duration.millis(400));
        setTooltip(tip);
        focus.currentProperty().addListener((o, was, now) -> show(now));
        focus.revisionProperty().addListener((o, was, now) -> show(focus.get()));
        show(focus.get());
    }

    private void show(ExportTarget t) {
        String id = t == null ? Explanations.DATA_SPACE : t.explanation().get();
        if (id.equals(shownId)) {
            return;
        }
        shownId = id;
        Explanations.Entry e = Explanations.get(id);
        setText("Explanation — " + e.title());
        text.setText(e.text());
        String f = Explanations.formula(id);
        formula.setText(f);
        formula.setVisible(!f.isEmpty());
        formula.setManaged(!f.isEmpty());
    }

    /** The explanation id on show (tests). */
    public String shownId() {
        return shownId;
    }

    public Label textLabel() {
        return text;
    }
}

package org.flowexplorer.app.teach;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.flowexplorer.model.teach.WorkedExample;
import org.flowexplorer.model.teach.WorkedExample.Stage;

/**
 * Seed 000's notebook as cards a class can follow: the input x = 1…9 and the mask, then Steps 1–8
 * (x_m, 1 − mask, the s-net's three layers and tanh, the t-net's three layers, x·exp(s), + t,
 * (1 − mask)·(…), y), each printed as a 3×3 matrix with 4 decimals. The last row (mask 0, the part
 * that gets transformed) is tinted. Buttons change the seed of the random weights; a note says
 * that the notebook's own weights were random and never printed, so from Step 3 on its numbers
 * differ from any seed here — the recipe is the same.
 *
 * <p>Usage: {@code new WorkedExampleView()} (seed 0) or {@link #setExample(WorkedExample)}.
 */
public class WorkedExampleView extends BorderPane {
    /** The note shown under the title. */
    public static final String NOTE = "Steps 1–2 match the notebook exactly. From Step 3 on the numbers depend on the "
            + "s-net and t-net weights: the notebook drew them at random (PyTorch's default init) and never printed "
            + "them, so here they are drawn from U(−1/3, 1/3) with the seed shown. As in the notebook, s uses plain "
            + "tanh (the app's flows use 2·tanh), and exp(s) is applied to all of x before masking.";

    private final Label title = new Label("Worked example (seed 000): y = x_m + (1 − mask) · (x · exp(s) + t) on a 3×3 matrix");
    private final Label seedLabel = new Label();
    private final Button seedDown = new Button("seed −");
    private final Button seedUp = new Button("seed +");
    private final Button newWeights = new Button("new random weights");
    private final Map<String, Label[]> cells = new LinkedHashMap<>();
    private WorkedExample example;

    public WorkedExampleView() {
        this(WorkedExample.create(0));
    }

    public WorkedExampleView(WorkedExample initial) {
        getStyleClass().add("worked-example");
        title.getStyleClass().add("teach-title");
        title.setWrapText(true);
        Label note = new Label(NOTE);
        note.getStyleClass().add("teach-note");
        note.setWrapText(true);
        note.setId("worked-note");
        seedLabel.getStyleClass().add("teach-seed");
        seedLabel.setId("worked-seed");
        seedDown.setOnAction(e -> setExample(WorkedExample.create(example.seed() - 1)));
        seedUp.setOnAction(e -> setExample(WorkedExample.create(example.seed() + 1)));
        newWeights.setOnAction(e -> setExample(WorkedExample.create(ThreadLocalRandom.current().nextInt(1, 10_000))));
        newWeights.getStyleClass().add("accent");
        HBox controls = new HBox(8, newWeights, seedDown, seedLabel, seedUp);
        controls.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(8, title, controls, note);
        top.setPadding(new Insets(0, 0, 10, 0));
        setTop(top);

        FlowPane cards = new FlowPane(14, 14);
        cards.getStyleClass().add("worked-cards");
        List<Stage> stages = initial.stages();
        for (Stage s : stages) {
            cards.getChildren().add(card(s));
        }
        ScrollPane scroll = new ScrollPane(cards);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        setCenter(scroll);
        setExample(initial);
    }

    private VBox card(Stage s) {
        Label head = new Label(s.step() + " · " + s.label());
        head.getStyleClass().add("worked-card-title");
        Label formula = new Label(s.formula());
        formula.getStyleClass().add("worked-formula");
        GridPane grid = new GridPane();
        grid.getStyleClass().add("worked-matrix");
        grid.setHgap(4);
        grid.setVgap(3);
        Label[] labels = new Label[9];
        for (int i = 0; i < 9; i++) {
            Label v = new Label();
            v.getStyleClass().addAll("worked-value", WorkedExample.MASK[i] == 1 ? "pass" : "transform");
            v.setAlignment(Pos.CENTER_RIGHT);
            v.setMaxWidth(Double.MAX_VALUE);
            v.setId("worked-" + id(s.label()) + "-" + i);
            labels[i] = v;
            grid.add(v, i % 3, i / 3);
        }
        cells.put(s.label(), labels);
        VBox card = new VBox(6, head, formula, grid);
        card.getStyleClass().add("worked-card");
        return card;
    }

    private static String id(String label) {
        return label.replaceAll("[^A-Za-z0-9]+", "_");
    }

    /** Shows {@code ex}'s matrices (labels only are updated). */
    public void setExample(WorkedExample ex) {
        example = Objects.requireNonNull(ex);
        seedLabel.setText("seed " + ex.seed());
        for (Stage s : ex.stages()) {
            Label[] labels = cells.get(s.label());
            double[] v = s.values();
            for (int i = 0; i < 9; i++) {
                labels[i].setText(TeachFormat.fixed4(v[i]));
            }
        }
    }

    public WorkedExample getExample() {
        return example;
    }

    /** The label of matrix entry (row, col) of the stage printed as {@code stageLabel} (e.g. "x_m", "y"). */
    public Label cell(String stageLabel, int row, int col) {
        Label[] l = cells.get(stageLabel);
        if (l == null) {
            throw new IllegalArgumentException("no stage " + stageLabel);
        }
        return l[row * 3 + col];
    }

    public Button newWeightsButton() {
        return newWeights;
    }

    public Button seedUpButton() {
        return seedUp;
    }

    public Button seedDownButton() {
        return seedDown;
    }

    @Override
    public String getUserAgentStylesheet() {
        return Objects.requireNonNull(WorkedExampleView.class.getResource("teach.css")).toExternalForm();
    }
}

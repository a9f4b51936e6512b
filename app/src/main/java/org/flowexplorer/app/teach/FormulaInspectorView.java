package org.flowexplorer.app.teach;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.flowexplorer.app.chart.SplineCurveView;
import org.flowexplorer.model.flow.CouplingType;
import org.flowexplorer.model.teach.CouplingInspection;
import org.flowexplorer.model.teach.CouplingInspection.Direction;
import org.flowexplorer.model.teach.CouplingInspection.Kind;
import org.flowexplorer.model.teach.CouplingInspection.Step;

/**
 * Seed 000's walk-through of {@code y = x_m + (1 − m)·(x·exp(s) + t)} for one point and one
 * coupling layer, as a table: one row per step (symbol, formula, one value per coordinate, 4
 * significant digits; "—" where a step is not defined for a coordinate), coordinates as columns.
 * Columns of coordinates that pass through (mask 1) and those that are scaled and shifted (mask 0)
 * are tinted differently and tagged in the header.
 *
 * <p>Usage: {@code setInspection(CouplingInspection.of(flow, point, layer, view.getDirection()))},
 * and recompute when {@link #directionProperty()} changes (the toggle only changes the property).
 * Setting an inspection of the same shape (dimension, direction, coupling type) only rewrites label
 * texts, so it is cheap enough to call every frame; a new shape rebuilds the table once.
 */
public class FormulaInspectorView extends VBox {
    private final ObjectProperty<Direction> direction = new SimpleObjectProperty<>(this, "direction", Direction.FORWARD);
    private final Label header = new Label("no point selected");
    private final Label subheader = new Label("Pick a point to see each step of the coupling formula with its numbers.");
    private final ToggleButton forwardButton = new ToggleButton("forward  x → y");
    private final ToggleButton inverseButton = new ToggleButton("inverse  y → x");
    private final GridPane table = new GridPane();
    private final SplineCurveView spline = new SplineCurveView();
    private final List<Label> coordinateHeaders = new ArrayList<>();
    private final List<Label> coordinateTags = new ArrayList<>();
    private final List<Label> symbolLabels = new ArrayList<>();
    private final List<Label> formulaLabels = new ArrayList<>();
    private final List<Label[]> valueLabels = new ArrayList<>();
    private final List<Label> totalLabels = new ArrayList<>();
    private CouplingInspection inspection;
    private String shapeKey = "";

    public FormulaInspectorView() {
        getStyleClass().add("formula-inspector");
        setSpacing(10);
        header.getStyleClass().add("teach-title");
        header.setId("inspector-header");
        header.setWrapText(true); // "point (…) in coupling k of L" on two lines rather than cut at 1024 px
        subheader.getStyleClass().add("teach-subtitle");
        subheader.setWrapText(true);
        ToggleGroup group = new ToggleGroup();
        forwardButton.setToggleGroup(group);
        inverseButton.setToggleGroup(group);
        forwardButton.setSelected(true);
        forwardButton.getStyleClass().add("left-pill");
        inverseButton.getStyleClass().add("right-pill");
        forwardButton.setId("inspector-forward");
        inverseButton.setId("inspector-inverse");
        group.selectedToggleProperty().addListener((o, old, now) -> {
            if (now == null) {
                old.setSelected(true); // always one direction
            } else {
                direction.set(now == forwardButton ? Direction.FORWARD : Direction.INVERSE);
            }
        });
        direction.addListener((o, a, b) -> (b == Direction.FORWARD ? forwardButton : inverseButton).setSelected(true));
        HBox toggle = new HBox(0, forwardButton, inverseButton);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(12, header, spacer, toggle);
        top.setAlignment(Pos.CENTER_LEFT);
        table.getStyleClass().add("inspector-table");
        table.setHgap(4);
        table.setVgap(3);
        spline.setId("inspector-spline");
        spline.setMinSize(200, 200);
        spline.setPrefSize(300, 240);
        spline.setMaxWidth(360);
        showSpline(null);
        getChildren().addAll(top, subheader, spline, table);
    }

    /** A spline coupling's curves above the table; hidden for the other couplings. */
    private void showSpline(CouplingInspection in) {
        boolean on = in != null && !in.splines().isEmpty();
        spline.setVisible(on);
        spline.setManaged(on);
        spline.show(on ? in.splines() : null);
    }

    /** The spline chart above the table (shown for spline couplings only). */
    public SplineCurveView splineView() {
        return spline;
    }

    /** The direction the toggle shows; the owner recomputes the inspection when it changes. */
    public ObjectProperty<Direction> directionProperty() {
        return direction;
    }

    public Direction getDirection() {
        return direction.get();
    }

    public void setDirection(Direction d) {
        direction.set(Objects.requireNonNull(d));
    }

    public CouplingInspection getInspection() {
        return inspection;
    }

    /** Shows {@code next} (null clears the table). Cheap when the shape is unchanged: labels only. */
    public void setInspection(CouplingInspection next) {
        inspection = next;
        showSpline(next);
        if (next == null) {
            shapeKey = "";
            table.getChildren().clear();
            clearLists();
            header.setText("no point selected");
            subheader.setText("Pick a point to see each step of the coupling formula with its numbers.");
            return;
        }
        String key = next.dim() + "|" + next.direction() + "|" + next.type() + "|" + next.steps().size();
        if (!key.equals(shapeKey)) {
            rebuild(next);
            shapeKey = key;
        }
        update(next);
    }

    /** The scale function in use and what follows the coupling, e.g. "Scale tanh:2 (the seed's). Then, …: batch norm.  ". */
    private static String blocks(CouplingInspection in) {
        String scale = in.scale() == null ? "" : "Scale " + in.scale().id() + (in.scale().isDefault() ? " (the seed's). " : ". ");
        String after = in.followedBy().isEmpty() ? "" : "Then, before the next position: " + String.join(", ", in.followedBy()) + ". ";
        return scale + after + (scale.isEmpty() && after.isEmpty() ? "" : " ");
    }

    private void clearLists() {
        coordinateHeaders.clear();
        coordinateTags.clear();
        symbolLabels.clear();
        formulaLabels.clear();
        valueLabels.clear();
        totalLabels.clear();
    }

    private static Label styled(String text, String... classes) {
        Label l = new Label(text);
        l.getStyleClass().addAll(classes);
        l.setMaxWidth(Double.MAX_VALUE);
        return l;
    }

    private void rebuild(CouplingInspection in) {
        table.getChildren().clear();
        table.getColumnConstraints().clear();
        clearLists();
        int d = in.dim();
        ColumnConstraints sym = new ColumnConstraints();
        sym.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints formula = new ColumnConstraints();
        formula.setHgrow(Priority.NEVER);
        formula.setMinWidth(120);
        formula.setMaxWidth(560);
        table.getColumnConstraints().addAll(sym, formula);
        for (int i = 0; i <= d; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setMinWidth(Region.USE_PREF_SIZE);
            c.setHalignment(HPos.RIGHT);
            table.getColumnConstraints().add(c);
        }
        table.add(styled("step", "inspector-column-head"), 0, 0);
        table.add(styled("formula", "inspector-column-head"), 1, 0);
        for (int i = 0; i < d; i++) {
            Label h = styled("", "inspector-column-head", "inspector-coordinate");
            h.setId("inspector-coordinate-" + i);
            Label tag = styled("", "inspector-tag");
            tag.setId("inspector-tag-" + i);
            coordinateHeaders.add(h);
            coordinateTags.add(tag);
            table.add(h, 2 + i, 0);
            table.add(tag, 2 + i, 1);
        }
        table.add(styled("Σ", "inspector-column-head"), 2 + d, 0);
        List<Step> steps = in.steps();
        for (int r = 0; r < steps.size(); r++) {
            int row = 2 + r;
            Label s = styled("", "inspector-symbol");
            s.setId("inspector-symbol-" + r);
            Label f = styled("", "inspector-formula");
            f.setId("inspector-formula-" + r);
            f.setWrapText(true);
            symbolLabels.add(s);
            formulaLabels.add(f);
            table.add(s, 0, row);
            table.add(f, 1, row);
            Label[] vals = new Label[d];
            for (int i = 0; i < d; i++) {
                Label v = styled("", "inspector-value");
                v.setId("inspector-value-" + r + "-" + i);
                v.setAlignment(Pos.CENTER_RIGHT);
                vals[i] = v;
                table.add(v, 2 + i, row);
            }
            valueLabels.add(vals);
            Label total = styled("", "inspector-value", "inspector-total");
            total.setId("inspector-total-" + r);
            total.setAlignment(Pos.CENTER_RIGHT);
            totalLabels.add(total);
            table.add(total, 2 + d, row);
        }
    }

    private void update(CouplingInspection in) {
        int d = in.dim();
        float[] p = in.point();
        StringBuilder pt = new StringBuilder("point (");
        for (int i = 0; i < p.length; i++) {
            pt.append(i > 0 ? ", " : "").append(TeachFormat.sig4(p[i]));
        }
        header.setText(pt.append(")  in coupling ").append(in.layer() + 1).append(" of ").append(in.layerCount()).toString());
        boolean fwd = in.direction() == Direction.FORWARD;
        subheader.setText(in.type() == CouplingType.SPLINE
                ? "Spline coupling, " + (fwd ? "forward (data → latent): y = x_m + (1 − m) · g(x), g a monotone rational-quadratic spline"
                        : "inverse (latent → data): x = y_m + (1 − m) · g⁻¹(y), the root of the bin's quadratic")
                : (in.type() == CouplingType.AFFINE ? "Affine" : "Additive") + " coupling, "
                + (fwd ? "forward (data → latent): y = x_m + (1 − m) · (x · exp(s) + t)"
                        : "inverse (latent → data): x = y_m + (1 − m) · (y − t) · exp(−s)")
                + ".  " + blocks(in) + numbering(in.layerCount()));
        String letter = fwd ? "x" : "y";
        for (int i = 0; i < d; i++) {
            boolean pass = in.passesThrough(i);
            coordinateHeaders.get(i).setText(TeachFormat.subscripted(letter, i + 1));
            Label tag = coordinateTags.get(i);
            tag.setText(pass ? "passes through (m = 1)" : in.type() == CouplingType.SPLINE ? (fwd ? "bent by g (m = 0)" : "g undone (m = 0)")
                    : (fwd ? "scaled + shifted (m = 0)" : "un-shifted + un-scaled (m = 0)"));
            setKind(tag, pass);
        }
        List<Step> steps = in.steps();
        for (int r = 0; r < steps.size(); r++) {
            Step s = steps.get(r);
            symbolLabels.get(r).setText(s.symbol());
            formulaLabels.get(r).setText(s.formula());
            Label[] vals = valueLabels.get(r);
            for (int i = 0; i < d; i++) {
                vals[i].setText(TeachFormat.sig4(s.value(i)));
                setKind(vals[i], in.passesThrough(i));
            }
            Label total = totalLabels.get(r);
            total.setText(s.kind() == Kind.SUM ? "= " + TeachFormat.sig4(s.total()) : "");
        }
    }

    /** The one numbering, as the stepper and the mask view use it (see the layer stepper's explanation). */
    static String numbering(int couplings) {
        return couplings == 1 ? "The flow has one coupling; the stepper's position 0 is before it, 1 after it."
                : "Couplings are numbered 1–" + couplings + " as in the mask view; the stepper's position k lies after "
                        + "coupling k, and shown is the coupling it applies next (at position " + couplings
                        + ", the last one).";
    }

    private static void setKind(Label l, boolean pass) {
        List<String> c = l.getStyleClass();
        String want = pass ? "pass" : "transform", other = pass ? "transform" : "pass";
        c.remove(other);
        if (!c.contains(want)) {
            c.add(want);
        }
    }

    // ---- lookups (tests, the main window's tooltips) --------------------------------------------

    /** The header "point (…) in coupling k of L" (couplings numbered 1…L). */
    public Label headerLabel() {
        return header;
    }

    /** The value label of step {@code step}, coordinate {@code coordinate} (0-based). */
    public Label valueLabel(int step, int coordinate) {
        return valueLabels.get(step)[coordinate];
    }

    /** The "= Σ" label of a step (empty text unless the step is a sum). */
    public Label totalLabel(int step) {
        return totalLabels.get(step);
    }

    public Label symbolLabel(int step) {
        return symbolLabels.get(step);
    }

    public Label formulaLabel(int step) {
        return formulaLabels.get(step);
    }

    public Label coordinateTag(int coordinate) {
        return coordinateTags.get(coordinate);
    }

    public ToggleButton forwardButton() {
        return forwardButton;
    }

    public ToggleButton inverseButton() {
        return inverseButton;
    }

    @Override
    public String getUserAgentStylesheet() {
        return Objects.requireNonNull(FormulaInspectorView.class.getResource("teach.css")).toExternalForm();
    }
}

package org.flowexplorer.app.teach;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.geometry.HPos;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.flowexplorer.model.flow.MixtureBase;

/**
 * The formula inspector's part for a Gaussian-mixture base: what the base is, the log-likelihood
 * log p(x) = log Σ_k w_k N(z; μ_k, σ_k) + Σ log|det J|, one row per component with its learned
 * weight, mean and scales, and for the query point's latent z the responsibilities r_k(z) (the
 * component that explains z is marked). Hidden for the seed's N(0, I) base. Cheap to update every
 * snapshot: a new K rebuilds the rows, otherwise only label texts change.
 */
public final class MixtureBaseSection extends VBox {
    /** The base's key formula, as the inspector and the explanation panel show it. */
    public static final String FORMULA = Explanations.formula(Explanations.MIXTURE_BASE);
    private final Label title = new Label();
    private final Label formula = new Label(FORMULA);
    private final Label summary = new Label();
    private final GridPane table = new GridPane();
    private final List<Label[]> rows = new ArrayList<>();
    private MixtureBase.Components shown;
    private double[] shownZ;

    public MixtureBaseSection() {
        setId("inspector-mixture");
        getStyleClass().add("inspector-mixture");
        setSpacing(4);
        title.getStyleClass().add("teach-title");
        title.setWrapText(true);
        title.setId("inspector-mixture-title");
        formula.getStyleClass().add("teach-subtitle");
        formula.setWrapText(true);
        formula.setId("inspector-mixture-formula");
        summary.getStyleClass().add("teach-subtitle");
        summary.setWrapText(true);
        summary.setId("inspector-mixture-summary");
        table.getStyleClass().add("inspector-table");
        table.setHgap(10);
        table.setVgap(2);
        getChildren().addAll(title, formula, table, summary);
        show(null, null);
    }

    /**
     * Shows the mixture {@code c} (null: the standard normal, the section hides) and, if {@code z}
     * is not null, the query point's latent z with its responsibilities.
     */
    public void show(MixtureBase.Components c, double[] z) {
        shown = c;
        shownZ = z == null ? null : z.clone();
        setVisible(c != null);
        setManaged(c != null);
        if (c == null) {
            return;
        }
        int k = c.weights().length;
        if (rows.size() != k) {
            rebuild(k);
        }
        title.setText("Base: a mixture of " + k + " Gaussians");
        double[] r = z == null ? null : c.responsibilities(z);
        int best = 0;
        for (int i = 0; r != null && i < k; i++) {
            best = r[i] > r[best] ? i : best;
        }
        for (int i = 0; i < k; i++) {
            Label[] row = rows.get(i);
            row[1].setText(TeachFormat.sig4(c.weights()[i]));
            row[2].setText("(" + TeachFormat.sig4(c.means()[i][0]) + ", " + TeachFormat.sig4(c.means()[i][1]) + ")");
            row[3].setText("(" + TeachFormat.sig4(c.scales()[i][0]) + ", " + TeachFormat.sig4(c.scales()[i][1]) + ")");
            row[4].setText(r == null ? TeachFormat.UNDEFINED : TeachFormat.sig4(r[i]));
            for (Label l : row) {
                mark(l, r != null && i == best);
            }
        }
        summary.setText(z == null
                ? "Instead of N(0, I), z is scored by " + k + " Gaussians with weights w_k = softmax(logits), means μ_k and "
                        + "scales σ_k = exp(log σ_k), all trained with the couplings. Pick a point to see which component explains it."
                : "The query point lands at z = (" + TeachFormat.sig4(z[0]) + ", " + TeachFormat.sig4(z[1]) + "): log p_base(z) = "
                        + TeachFormat.sig4(c.logDensity(z)) + ". Component " + (best + 1) + " is responsible (r_" + (best + 1)
                        + " = " + TeachFormat.sig4(r[best]) + "), r_k = w_k N(z; μ_k, σ_k) / Σ_j w_j N(z; μ_j, σ_j).");
    }

    private void rebuild(int k) {
        table.getChildren().clear();
        table.getColumnConstraints().clear();
        rows.clear();
        String[] heads = {"k", "weight w_k", "mean μ_k", "scale σ_k", "r_k(z)"};
        for (int col = 0; col < heads.length; col++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setMinWidth(Region.USE_PREF_SIZE);
            cc.setHalignment(col == 0 ? HPos.LEFT : HPos.RIGHT);
            table.getColumnConstraints().add(cc);
            Label h = new Label(heads[col]);
            h.getStyleClass().add("inspector-column-head");
            table.add(h, col, 0);
        }
        for (int i = 0; i < k; i++) {
            Label[] row = new Label[heads.length];
            for (int col = 0; col < heads.length; col++) {
                row[col] = new Label(col == 0 ? Integer.toString(i + 1) : "");
                row[col].getStyleClass().add("inspector-value");
                row[col].setId("inspector-mixture-" + i + "-" + col);
                table.add(row[col], col, i + 1);
            }
            rows.add(row);
        }
    }

    /** The responsible component's row is tinted as the coordinates a coupling transforms. */
    private static void mark(Label l, boolean responsible) {
        if (responsible) {
            if (!l.getStyleClass().contains("transform")) {
                l.getStyleClass().add("transform");
            }
        } else {
            l.getStyleClass().remove("transform");
        }
    }

    /** The mixture shown, or null. */
    public MixtureBase.Components shown() {
        return shown;
    }

    /** The text of a cell: component {@code k} (0-based), column 1 weight, 2 mean, 3 scale, 4 responsibility. */
    public String cell(int k, int column) {
        return rows.get(k)[column].getText();
    }

    public Label summaryLabel() {
        return summary;
    }

    /** The latent point shown, or null. */
    public double[] shownLatent() {
        return shownZ == null ? null : shownZ.clone();
    }

    @Override
    public String getUserAgentStylesheet() {
        return Objects.requireNonNull(MixtureBaseSection.class.getResource("teach.css")).toExternalForm();
    }
}

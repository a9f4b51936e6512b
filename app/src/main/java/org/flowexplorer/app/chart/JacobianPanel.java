package org.flowexplorer.app.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.flowexplorer.app.scene.LogDetMap;
import org.flowexplorer.app.scene.QueryAnatomy;
import org.flowexplorer.model.flow.CouplingType;
import org.flowexplorer.model.teach.JacobianChain.Role;

/**
 * The query point's local Jacobians: each coupling's triangular 2×2 matrix J_l for l = k … 1 with
 * its numbers, every entry tinted by what it is (1: the conditioning coordinate passes through;
 * exp(s): the transformed coordinate's scale; ∂y_B/∂x_A: the conditioner's slope; 0), then their
 * product J_k⋯J_1 beside ∂h_k/∂x by central differences of the map: the chain rule, checked.
 *
 * <p>CSS: style class {@code jacobian-panel}; the shared colours of {@link ChartRegion}.
 */
public class JacobianPanel extends PaintedChart<QueryAnatomy> {
    private static final double CARD_W = 128;
    private static final double CARD_H = 78;
    private static final double GAP = 22;
    private static final double TOP = 56;

    public JacobianPanel() {
        super(560, 300, "jacobian-panel", JacobianPanel::new, "Local Jacobians at the query point",
                "Click in the Explorer's data plot to pick a query point.");
    }

    /** One matrix to draw: its caption, numbers, the roles of its entries (null: a composite) and a line below. */
    private record Card(String caption, double[] m, Role[] roles, String below, String before) {
    }

    @Override
    protected void paint(ChartGraphics g, QueryAnatomy query, double width, double height) {
        title(g, "Local Jacobians at the query point", 8, 6);
        legend(g, query.coupling(), 8, 22, width);
        List<Card> cards = new ArrayList<>();
        int k = query.layer();
        for (int l = k; l >= 1; l--) {
            Role[] roles = new Role[4];
            for (int i = 0; i < 4; i++) {
                roles[i] = query.role(l - 1, i / 2, i % 2);
            }
            double[] m = query.layerMatrices()[l - 1];
            cards.add(new Card("J" + LogDetMap.sub(l) + " (layer " + l + ")", m, roles,
                    String.format(Locale.ROOT, "log|det| = %+.4f", query.layerLogDets()[l - 1]), l == k ? "" : "·"));
        }
        String chain = k == 1 ? "J₁" : "J" + LogDetMap.sub(k) + "⋯J₁";
        cards.add(new Card(chain, query.product(), null, String.format(Locale.ROOT, "log|det| = %+.4f",
                Math.log(Math.abs(det(query.product())))), "="));
        cards.add(new Card("∂h" + LogDetMap.sub(k) + "/∂x, central diff.", query.differences(), null,
                String.format(Locale.ROOT, "h = %.0e", QueryAnatomy.FD_STEP), "≈"));
        double scale = fit(cards.size(), width - 8, height - TOP);
        int cols = Math.max(1, (int) Math.floor((width - 8 - GAP * scale) / ((CARD_W + GAP) * scale)));
        for (int i = 0; i < cards.size(); i++) {
            double x = 8 + GAP * scale + (i % cols) * (CARD_W + GAP) * scale;
            double y = TOP + (i / cols) * (CARD_H + 10) * scale;
            card(g, cards.get(i), x, y, scale);
        }
    }

    /** The largest scale (at most 1.25) at which n cards fit in rows across w × h. */
    private static double fit(int n, double w, double h) {
        double best = 0.4;
        for (int rows = 1; rows <= n; rows++) {
            int cols = (n + rows - 1) / rows;
            double s = Math.min(w / (cols * (CARD_W + GAP) + GAP), h / (rows * (CARD_H + 10)));
            best = Math.max(best, Math.min(1.25, s));
        }
        return best;
    }

    private void legend(ChartGraphics g, CouplingType coupling, double x, double y, double width) {
        g.setFont(Font.font(11));
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        Object[][] items = {{tint(Role.IDENTITY), "1: x_A passes through"},
            {tint(Role.SCALE), switch (coupling) {
                case AFFINE -> "exp(s): scales x_B";
                case ADDITIVE -> "1: s = 0 (additive)";
                case SPLINE -> "g′(x_B): the spline's slope";
            }},
            {tint(Role.COUPLING), "∂y_B/∂x_A: conditioner's slope"}};
        double left = x;
        for (Object[] it : items) {
            String text = (String) it[1];
            double w = 22 + 6.0 * text.length();
            if (x + w > width && x > left) {
                x = left;
                y += 15;
            }
            g.setFill((Color) it[0]);
            g.fillRect(x, y + 2, 11, 11);
            g.setFill(textColor.get());
            g.fillText(text, x + 15, y + 8);
            x += w;
        }
    }

    private void card(ChartGraphics g, Card c, double x, double y, double scale) {
        g.setFont(Font.font(null, FontWeight.BOLD, 11 * scale));
        g.setFill(textColor.get());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(c.caption(), x, y);
        double top = y + 16 * scale;
        double cw = (CARD_W - 12) * scale / 2;
        double ch = 22 * scale;
        if (!c.before().isEmpty()) {
            g.setFont(Font.font(16 * scale));
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(c.before(), x - GAP * scale / 2, top + ch);
        }
        for (int i = 0; i < 4; i++) {
            double cx = x + 6 * scale + (i % 2) * cw;
            double cy = top + (i / 2) * ch;
            Color fill = c.roles() == null ? null : tint(c.roles()[i]);
            if (fill != null) {
                g.setFill(fill);
                g.fillRect(cx + 1, cy + 1, cw - 2, ch - 2);
            }
            g.setFont(Font.font("Monospaced", 11 * scale));
            g.setFill(c.roles() != null && c.roles()[i] == Role.ZERO ? axisColor.get() : textColor.get());
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(String.format(Locale.ROOT, "%.4f", c.m()[i]), cx + cw / 2, cy + ch / 2);
        }
        bracket(g, x + 3 * scale, top, 2 * ch, 4 * scale);
        bracket(g, x + CARD_W * scale - 3 * scale, top, 2 * ch, -4 * scale);
        g.setFont(Font.font(10 * scale));
        g.setFill(axisColor.get());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(c.below(), x, top + 2 * ch + 3 * scale);
    }

    /** A matrix bracket at x, its serifs {@code serif} long (negative: pointing left). */
    private void bracket(ChartGraphics g, double x, double y, double h, double serif) {
        g.setStroke(textColor.get());
        g.setLineWidth(1.2);
        g.beginPath();
        g.moveTo(x + serif, y);
        g.lineTo(x, y);
        g.lineTo(x, y + h);
        g.lineTo(x + serif, y + h);
        g.stroke();
    }

    /** The background of an entry by what it is; null (none) for the zeros. */
    private static Color tint(Role role) {
        return switch (role) {
            case IDENTITY -> Color.web("#d0d7de");
            case SCALE -> Color.web("#ffd8b5");
            case COUPLING -> Color.web("#d8c6ff");
            case ZERO -> null;
        };
    }

    private static double det(double[] m) {
        return m[0] * m[3] - m[1] * m[2];
    }
}

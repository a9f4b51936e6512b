package org.flowexplorer.app.export;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import javax.imageio.ImageIO;
import org.flowexplorer.app.chart.ChartGraphics;

/**
 * A {@link ChartGraphics} that writes SVG 1.1: lines and paths become {@code <line>},
 * {@code <polyline>} (a path of one sub-path) or {@code <path>}, discs {@code <circle>}, text
 * {@code <text>} (font family "sans-serif" unless the font names a real family), rasters an
 * embedded base64 PNG {@code <image>}. Transforms and clips open {@code <g>} groups that
 * {@link #restore()} closes. Coordinates are the view's logical pixels, so the document's
 * {@code width}/{@code height} match a 1× PNG of the same view. Not thread-safe; any thread.
 */
public final class SvgWriter implements ChartGraphics {
    private final int width;
    private final int height;
    private final StringBuilder body = new StringBuilder(1 << 16);
    private final Deque<State> stack = new ArrayDeque<>();
    private State state = new State();
    private final StringBuilder path = new StringBuilder();
    private int pathMoves;
    private int pathPoints;
    private int clipIds;
    private int depth = 1;

    private static final class State {
        Color stroke = Color.BLACK;
        Color fill = Color.BLACK;
        double lineWidth = 1;
        double[] dashes = new double[0];
        Font font = Font.font(12);
        TextAlignment align = TextAlignment.LEFT;
        VPos baseline = VPos.BASELINE;
        int openGroups;

        State copy() {
            State s = new State();
            s.stroke = stroke;
            s.fill = fill;
            s.lineWidth = lineWidth;
            s.dashes = dashes;
            s.font = font;
            s.align = align;
            s.baseline = baseline;
            return s;
        }
    }

    /** A document of {@code width}×{@code height} user units (= logical pixels), viewBox to match. */
    public SvgWriter(int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("SVG size must be positive, got " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
    }

    /** The complete SVG document; open groups are closed in the output (the writer stays usable). */
    public String toSvg() {
        StringBuilder out = new StringBuilder(body.length() + 512);
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" version=\"1.1\"")
                .append(" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\">\n");
        out.append(body);
        int open = state.openGroups;
        for (State s : stack) {
            open += s.openGroups;
        }
        for (int i = 0; i < open; i++) {
            out.append("</g>\n");
        }
        out.append("</svg>\n");
        return out.toString();
    }

    // ---------------------------------------------------------------- state

    @Override
    public void save() {
        stack.push(state);
        state = state.copy();
    }

    @Override
    public void restore() {
        for (int i = 0; i < state.openGroups; i++) {
            depth--;
            indent().append("</g>\n");
        }
        state = stack.isEmpty() ? new State() : stack.pop();
    }

    private void openGroup(String attributes) {
        indent().append("<g ").append(attributes).append(">\n");
        depth++;
        state.openGroups++;
    }

    @Override
    public void translate(double x, double y) {
        if (x != 0 || y != 0) {
            openGroup("transform=\"translate(" + num(x) + "," + num(y) + ")\"");
        }
    }

    @Override
    public void rotate(double degrees) {
        if (degrees != 0) {
            openGroup("transform=\"rotate(" + num(degrees) + ")\"");
        }
    }

    @Override
    public void clipRect(double x, double y, double w, double h) {
        String id = "clip" + (++clipIds);
        indent().append("<clipPath id=\"").append(id).append("\"><rect x=\"").append(num(x)).append("\" y=\"")
                .append(num(y)).append("\" width=\"").append(num(w)).append("\" height=\"").append(num(h))
                .append("\"/></clipPath>\n");
        openGroup("clip-path=\"url(#" + id + ")\"");
    }

    @Override
    public void setStroke(Color c) {
        state.stroke = c;
    }

    @Override
    public void setFill(Color c) {
        state.fill = c;
    }

    @Override
    public void setLineWidth(double w) {
        state.lineWidth = w;
    }

    @Override
    public void setLineDashes(double... dashes) {
        state.dashes = dashes == null ? new double[0] : dashes.clone();
    }

    @Override
    public void setFont(Font f) {
        state.font = f;
    }

    @Override
    public Font getFont() {
        return state.font;
    }

    @Override
    public void setTextAlign(TextAlignment align) {
        state.align = align;
    }

    @Override
    public void setTextBaseline(VPos baseline) {
        state.baseline = baseline;
    }

    // ---------------------------------------------------------------- shapes

    @Override
    public void strokeLine(double x1, double y1, double x2, double y2) {
        indent().append("<line x1=\"").append(num(x1)).append("\" y1=\"").append(num(y1)).append("\" x2=\"")
                .append(num(x2)).append("\" y2=\"").append(num(y2)).append('"').append(strokeAttrs()).append("/>\n");
    }

    @Override
    public void strokeRect(double x, double y, double w, double h) {
        rect(x, y, w, h, " fill=\"none\"" + strokeAttrs());
    }

    @Override
    public void fillRect(double x, double y, double w, double h) {
        rect(x, y, w, h, fillAttrs(state.fill));
    }

    /** A rectangle with corner radius {@code r} (0 for square corners) and raw presentation attributes. */
    void rect(double x, double y, double w, double h, double r, String attributes) {
        indent().append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"")
                .append(num(w)).append("\" height=\"").append(num(h)).append('"');
        if (r > 0) {
            body.append(" rx=\"").append(num(r)).append('"');
        }
        body.append(attributes).append("/>\n");
    }

    private void rect(double x, double y, double w, double h, String attributes) {
        rect(x, y, w, h, 0, attributes);
    }

    @Override
    public void strokeOval(double x, double y, double w, double h) {
        oval(x, y, w, h, " fill=\"none\"" + strokeAttrs());
    }

    @Override
    public void fillOval(double x, double y, double w, double h) {
        oval(x, y, w, h, fillAttrs(state.fill));
    }

    private void oval(double x, double y, double w, double h, String attributes) {
        if (w == h) {
            indent().append("<circle cx=\"").append(num(x + w / 2)).append("\" cy=\"").append(num(y + h / 2))
                    .append("\" r=\"").append(num(w / 2)).append('"');
        } else {
            indent().append("<ellipse cx=\"").append(num(x + w / 2)).append("\" cy=\"").append(num(y + h / 2))
                    .append("\" rx=\"").append(num(w / 2)).append("\" ry=\"").append(num(h / 2)).append('"');
        }
        body.append(attributes).append("/>\n");
    }

    @Override
    public void beginPath() {
        path.setLength(0);
        pathMoves = 0;
        pathPoints = 0;
    }

    @Override
    public void moveTo(double x, double y) {
        path.append(path.length() == 0 ? "M" : " M").append(num(x)).append(' ').append(num(y));
        pathMoves++;
        pathPoints++;
    }

    @Override
    public void lineTo(double x, double y) {
        path.append(" L").append(num(x)).append(' ').append(num(y));
        pathPoints++;
    }

    @Override
    public void stroke() {
        if (pathPoints < 2) {
            return;
        }
        if (pathMoves == 1) {
            String points = path.substring(1).replace(" L", " ").replaceAll("(-?[0-9.]+) (-?[0-9.]+)", "$1,$2");
            indent().append("<polyline points=\"").append(points).append("\" fill=\"none\"").append(strokeAttrs())
                    .append(" stroke-linejoin=\"round\"/>\n");
        } else {
            indent().append("<path d=\"").append(path).append("\" fill=\"none\"").append(strokeAttrs())
                    .append(" stroke-linejoin=\"round\"/>\n");
        }
    }

    // ---------------------------------------------------------------- text

    @Override
    public void fillText(String text, double x, double y) {
        text(text, x, y, fillAttrs(state.fill));
    }

    @Override
    public void strokeText(String text, double x, double y) {
        text(text, x, y, " fill=\"none\"" + strokeAttrs() + " stroke-linejoin=\"round\"");
    }

    private void text(String text, double x, double y, String paint) {
        if (text == null || text.isEmpty()) {
            return;
        }
        Font f = state.font;
        double size = f.getSize();
        double baselineY = switch (state.baseline) {
            case TOP -> y + 0.9 * size;
            case CENTER -> y + 0.35 * size;
            case BOTTOM -> y - 0.22 * size;
            default -> y;
        };
        String anchor = switch (state.align) {
            case CENTER -> "middle";
            case RIGHT -> "end";
            default -> "start";
        };
        indent().append("<text x=\"").append(num(x)).append("\" y=\"").append(num(baselineY)).append('"')
                .append(" font-family=\"").append(escape(family(f))).append("\" font-size=\"").append(num(size))
                .append('"');
        String style = f.getStyle().toLowerCase(Locale.ROOT);
        if (style.contains("bold")) {
            body.append(" font-weight=\"bold\"");
        }
        if (style.contains("italic") || style.contains("oblique")) {
            body.append(" font-style=\"italic\"");
        }
        if (!"start".equals(anchor)) {
            body.append(" text-anchor=\"").append(anchor).append('"');
        }
        body.append(paint).append('>').append(escape(text)).append("</text>\n");
    }

    /** A CSS font-family list: the font's family if it is a real one, then sans-serif. */
    static String family(Font f) {
        String fam = f.getFamily();
        if (fam == null || fam.isBlank() || fam.equalsIgnoreCase("System") || fam.equalsIgnoreCase("System Regular")) {
            return "sans-serif";
        }
        return "'" + fam.replace("'", "") + "', sans-serif";
    }

    // ---------------------------------------------------------------- images and points

    @Override
    public void drawImage(int[] argb, int w, int h, double x, double y, double dw, double dh) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        img.setRGB(0, 0, w, h, argb, 0, w);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        indent().append("<image x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"")
                .append(num(dw)).append("\" height=\"").append(num(dh))
                .append("\" preserveAspectRatio=\"none\" xlink:href=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(png.toByteArray())).append("\"/>\n");
    }

    @Override
    public void fillDiscs(double[] cx, double[] cy, int n, double r, int[] argb, int colour, double opacity) {
        if (n == 0) {
            return;
        }
        String rr = num(r);
        if (argb == null) {
            openGroup("fill=\"" + hex(colour) + "\" fill-opacity=\"" + num(opacity * (colour >>> 24) / 255.0) + "\"");
        } else {
            openGroup("fill-opacity=\"" + num(opacity) + "\"");
        }
        for (int i = 0; i < n; i++) {
            indent().append("<circle cx=\"").append(num(cx[i])).append("\" cy=\"").append(num(cy[i])).append("\" r=\"")
                    .append(rr).append('"');
            if (argb != null) {
                body.append(" fill=\"").append(hex(argb[i])).append('"');
                int a = argb[i] >>> 24;
                if (a != 255) {
                    body.append(" opacity=\"").append(num(a / 255.0)).append('"');
                }
            }
            body.append("/>\n");
        }
        depth--;
        state.openGroups--;
        indent().append("</g>\n");
    }

    // ---------------------------------------------------------------- helpers

    private String strokeAttrs() {
        StringBuilder a = new StringBuilder();
        a.append(" stroke=\"").append(hex(state.stroke)).append('"');
        if (state.stroke.getOpacity() < 1) {
            a.append(" stroke-opacity=\"").append(num(state.stroke.getOpacity())).append('"');
        }
        a.append(" stroke-width=\"").append(num(state.lineWidth)).append('"');
        if (state.dashes.length > 0) {
            a.append(" stroke-dasharray=\"");
            for (int i = 0; i < state.dashes.length; i++) {
                a.append(i > 0 ? "," : "").append(num(state.dashes[i]));
            }
            a.append('"');
        }
        return a.toString();
    }

    static String fillAttrs(Color c) {
        String a = " fill=\"" + hex(c) + "\"";
        return c.getOpacity() < 1 ? a + " fill-opacity=\"" + num(c.getOpacity()) + "\"" : a;
    }

    static String hex(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }

    static String hex(int argb) {
        return String.format(Locale.ROOT, "#%06x", argb & 0xFFFFFF);
    }

    /** Up to two decimals, no trailing zeros, never exponent notation. */
    static String num(double v) {
        if (!Double.isFinite(v)) {
            return "0";
        }
        long r = Math.round(v * 100);
        if (r % 100 == 0) {
            return Long.toString(r / 100);
        }
        String s = String.format(Locale.ROOT, "%.2f", r / 100.0);
        return s.endsWith("0") ? s.substring(0, s.length() - 1) : s;
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n') {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    private StringBuilder indent() {
        for (int i = 0; i < Math.min(depth, 8); i++) {
            body.append(' ');
        }
        return body;
    }

    /** Raw markup appended as is (callers in this package, e.g. the node walker). */
    void raw(String markup) {
        indent().append(markup).append('\n');
    }
}

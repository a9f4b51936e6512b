package org.flowexplorer.app.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.BorderStroke;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Text;
import org.flowexplorer.app.chart.ExportableChart;
import org.flowexplorer.app.chart.LossChart;
import org.flowexplorer.app.chart.MaskGridView;
import org.flowexplorer.app.chart.PlotView;
import org.flowexplorer.model.fs.AtomicFiles;

/**
 * Vector export of the views as SVG, laid out exactly like {@link PngExport} at scale 1:
 * <ul>
 * <li>{@link PlotView} (any {@link ExportableChart} that paints vectors): background, heatmap as an embedded PNG, grid lines, samples and points as
 *     {@code <circle>}s, warped grid as polylines, contours as dashed circles, markers, axes, ticks,
 *     tick labels and titles as {@code <text>} ({@link PlotView#paintVector});
 * <li>{@link LossChart}: curves as polylines (min/max downsampled per pixel column like the
 *     screen), dashed bound line, legend, axes ({@link LossChart#paintVector});
 * <li>{@link MaskGridView} (a chart of styled nodes): its laid-out export copy walked into rects
 *     (with their CSS colours and corner radii) and texts, on the theme's background colour;
 * <li>any other node: a raster snapshot embedded as one {@code <image>} (not vector).
 * </ul>
 * Build the document on the FX thread; writing the string is cheap.
 */
public final class SvgExport {
    private SvgExport() {
    }

    /** The SVG document for {@code view} at {@code width}×{@code height} (FX thread). */
    public static String toSvg(Node view, int width, int height) {
        PngExport.checkSize(width, height, 1);
        SvgWriter svg = new SvgWriter(width, height);
        if (view instanceof ExportableChart chart) {
            if (!chart.paintVector(svg, width, height)) {
                svg.setFill(chart.exportBackground());
                svg.fillRect(0, 0, width, height);
                walk(svg, chart.exportCopy(width, height));
            }
        } else {
            BufferedImage img = PngExport.render(view, width, height, 2);
            int w = img.getWidth();
            int h = img.getHeight();
            svg.drawImage(img.getRGB(0, 0, w, h, null, 0, w), w, h, 0, 0, width, height);
        }
        return svg.toSvg();
    }

    /** Writes {@link #toSvg} to {@code file} as UTF-8, atomically (builds on the FX thread, then writes). */
    public static void write(Node view, Path file, int width, int height) throws IOException {
        writeString(toSvg(view, width, height), file);
    }

    /** Writes an SVG document atomically; any thread. */
    public static void writeString(String svg, Path file) throws IOException {
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write(svg);
            w.flush();
        });
    }

    /** Draws visible regions' colour backgrounds and borders, and texts, in scene coordinates. */
    private static void walk(SvgWriter svg, Node node) {
        if (!node.isVisible() || node.getOpacity() == 0) {
            return;
        }
        if (node instanceof Region r && r.getWidth() > 0 && r.getHeight() > 0) {
            Point2D o = r.localToScene(0, 0);
            if (r.getBackground() != null) {
                for (BackgroundFill f : r.getBackground().getFills()) {
                    if (f.getFill() instanceof Color c && c.getOpacity() > 0) {
                        double x = o.getX() + f.getInsets().getLeft();
                        double y = o.getY() + f.getInsets().getTop();
                        double w = r.getWidth() - f.getInsets().getLeft() - f.getInsets().getRight();
                        double h = r.getHeight() - f.getInsets().getTop() - f.getInsets().getBottom();
                        svg.rect(x, y, w, h, f.getRadii().getTopLeftHorizontalRadius(), SvgWriter.fillAttrs(c));
                    }
                }
            }
            if (r.getBorder() != null) {
                for (BorderStroke s : r.getBorder().getStrokes()) {
                    Paint p = s.getTopStroke();
                    double bw = s.getWidths().getTop();
                    if (p instanceof Color c && c.getOpacity() > 0 && bw > 0) {
                        svg.rect(o.getX() + bw / 2, o.getY() + bw / 2, r.getWidth() - bw, r.getHeight() - bw,
                                s.getRadii().getTopLeftHorizontalRadius(), " fill=\"none\" stroke=\"" + SvgWriter.hex(c)
                                        + "\" stroke-width=\"" + SvgWriter.num(bw) + "\"");
                    }
                }
            }
        }
        if (node instanceof Text t && t.getText() != null && !t.getText().isEmpty()) {
            Bounds b = t.getLayoutBounds();
            Point2D p = t.localToScene(b.getMinX(), b.getMinY() + t.getBaselineOffset());
            Color fill = t.getFill() instanceof Color c ? c : Color.BLACK;
            svg.setFont(t.getFont());
            svg.setFill(fill);
            svg.setTextAlign(javafx.scene.text.TextAlignment.LEFT);
            svg.setTextBaseline(javafx.geometry.VPos.BASELINE);
            svg.fillText(t.getText(), p.getX(), p.getY());
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                walk(svg, child);
            }
        }
    }

}

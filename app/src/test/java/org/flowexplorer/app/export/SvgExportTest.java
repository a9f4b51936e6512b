package org.flowexplorer.app.export;

import static org.flowexplorer.app.testing.FxTesting.count;
import static org.flowexplorer.app.testing.FxTesting.onFx;
import static org.flowexplorer.app.testing.FxTesting.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.flowexplorer.app.testing.TestData;
import org.flowexplorer.app.testing.FxToolkitExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.flowexplorer.app.chart.LossChart;
import org.flowexplorer.app.chart.Marker;
import org.flowexplorer.app.chart.PlotView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

@ExtendWith(FxToolkitExtension.class)
class SvgExportTest {
    private static final String NS = "http://www.w3.org/2000/svg";

    @TempDir
    Path dir;

    private static List<String> texts(Document doc) {
        NodeList list = doc.getElementsByTagNameNS(NS, "text");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            out.add(list.item(i).getTextContent());
        }
        return out;
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    @Test
    void plotViewIsVector() throws Exception {
        Path file = dir.resolve("plot.svg");
        onFx(() -> {
            PlotView v = new PlotView();
            v.setPoints(new float[] {0, 0, 1, 1, -1, 1, 1, -1, -1, -1}, new int[] {0xFFFF0000, 0xFF00FF00, 0xFF0000FF,
                0xFF000000, 0xFF888888});
            v.setWarpedGrid(new float[][] {{-1, 0, 0, 0.2f, 1, 0}, {0, -1, 0.1f, 0, 0, 1}});
            v.setMarkers(List.of(new Marker(0.5, 0.5, "z*", 0xFFCF222E, new float[] {0.5f, 0.5f, 0.2f, 0.3f, 0, 0})));
            v.setTitle("five points");
            v.setAxisTitles("x₁", "x₂");
            SvgExport.write(v, file, 500, 400);
            return null;
        });
        Document doc = parse(Files.readString(file));
        Element svg = doc.getDocumentElement();
        assertEquals("svg", svg.getLocalName());
        assertEquals("500", svg.getAttribute("width"));
        assertEquals("400", svg.getAttribute("height"));
        assertEquals("0 0 500 400", svg.getAttribute("viewBox"));
        // 5 points + 3 path vertices + marker disc and its ring
        assertEquals(10, count(doc, "circle"));
        // 2 warped grid lines + the marker's path
        assertEquals(3, count(doc, "polyline"));
        List<String> texts = texts(doc);
        long ticks = texts.stream().filter(SvgExportTest::isNumber).count();
        assertTrue(ticks >= 6, "tick labels: " + texts);
        // ticks + title + two axis titles + marker label (halo and fill)
        assertEquals(ticks + 5, texts.size(), texts.toString());
        assertTrue(texts.containsAll(List.of("five points", "x₁", "x₂", "z*")), texts.toString());
        assertEquals(0, count(doc, "image"), "no heatmap, no raster");
    }

    @Test
    void heatmapIsEmbeddedPngAndContoursAreDashedCircles() throws Exception {
        String s = onFx(() -> {
            PlotView v = new PlotView();
            float[] values = new float[16 * 16];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) Math.exp(-((i % 16 - 8) * (i % 16 - 8) + (i / 16 - 8) * (i / 16 - 8)) / 20.0);
            }
            v.setHeatmap(values, 16, 16, -3, 3, -3, 3, false);
            v.setGaussianContours(true);
            return SvgExport.toSvg(v, 300, 300);
        });
        Document doc = parse(s);
        assertEquals(1, count(doc, "image"));
        Element img = (Element) doc.getElementsByTagNameNS(NS, "image").item(0);
        assertTrue(img.getAttributeNS("http://www.w3.org/1999/xlink", "href").startsWith("data:image/png;base64,"));
        NodeList circles = doc.getElementsByTagNameNS(NS, "circle");
        assertEquals(3, circles.getLength());
        for (int i = 0; i < 3; i++) {
            assertTrue(((Element) circles.item(i)).hasAttribute("stroke-dasharray"));
        }
        assertTrue(texts(doc).containsAll(List.of("1σ", "2σ", "3σ")));
    }

    @Test
    void lossChartCurvesLegendAndDashedBound() throws Exception {
        String s = onFx(() -> SvgExport.toSvg(PngExportTest.chart(), 600, 300));
        Document doc = parse(s);
        assertEquals("600", doc.getDocumentElement().getAttribute("width"));
        assertEquals(2, count(doc, "polyline"), "train and test curves");
        NodeList lines = doc.getElementsByTagNameNS(NS, "line");
        int dashed = 0;
        for (int i = 0; i < lines.getLength(); i++) {
            if (((Element) lines.item(i)).hasAttribute("stroke-dasharray")) {
                dashed++;
            }
        }
        assertEquals(2, dashed, "bound line and its legend entry");
        List<String> texts = texts(doc);
        assertTrue(texts.containsAll(List.of("train", "test", "step", "NLL (nats)")), texts.toString());
        assertTrue(texts.stream().anyMatch(t -> t.startsWith("entropy ")), texts.toString());
    }

    @Test
    void longLossCurveIsDownsampledLikeTheScreen() throws Exception {
        String s = onFx(() -> {
            LossChart c = new LossChart();
            int n = 100_000;
            TestData.Series curve = TestData.series(n, i -> 1 + Math.exp(-i / 5000.0) + 0.1 * Math.sin(i * 0.37));
            c.appendTrain(curve.steps(), curve.values());
            return SvgExport.toSvg(c, 600, 300);
        });
        Document doc = parse(s);
        Element poly = (Element) doc.getElementsByTagNameNS(NS, "polyline").item(0);
        int vertices = poly.getAttribute("points").trim().split("\\s+").length;
        assertTrue(vertices <= 4 * (600 - 58 - 14) + 8 && vertices > 500, "vertices: " + vertices);
    }

    @Test
    void maskGridIsRectsAndText() throws Exception {
        String s = onFx(() -> SvgExport.toSvg(PngExportTest.masks(), 360, 200));
        Document doc = parse(s);
        List<String> texts = texts(doc);
        assertTrue(texts.containsAll(List.of("coupling", "1", "2", "3", "4", "x₁", "x₂")), texts.toString());
        // background + 8 cells + 2 legend swatches + highlighted row (fill and border)
        NodeList rects = doc.getElementsByTagNameNS(NS, "rect");
        int rounded = 0;
        for (int i = 0; i < rects.getLength(); i++) {
            if (((Element) rects.item(i)).hasAttribute("rx")) {
                rounded++;
            }
        }
        assertTrue(rounded >= 10, "cells and swatches have rounded corners: " + rounded);
    }

    @Test
    void numbersAndEscaping() {
        assertEquals("1.5", SvgWriter.num(1.5));
        assertEquals("2", SvgWriter.num(2.0001));
        assertEquals("-0.25", SvgWriter.num(-0.25));
        assertEquals("a &lt;&amp;&gt; &quot;b&quot;", SvgWriter.escape("a <&> \"b\""));
    }
}

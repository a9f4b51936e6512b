package org.flowexplorer.app.teach;

import java.util.List;
import java.util.Objects;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.flowexplorer.model.teach.Masks;
import org.flowexplorer.model.teach.Squeeze;

/**
 * How RealNVP masks images (seed 001), on a small C×8×8 image (C = 1…4 selectable) with a layer
 * stepper: the spatial checkerboard mask and the channel-wise mask, both flipping from one layer
 * to the next; the squeeze (every 2×2 block of pixels becomes 4 channels at one position, colour
 * coded by the pixel's place in its block and numbered by block); the multi-scale architecture
 * (squeeze → couplings → factor out half the channels) scaled down to C×8×8 next to the seed's
 * 3×32×32 version; and the 2-D alternating half masks this app actually trains. Every section has
 * a plain-words paragraph.
 *
 * <p>Cells are styled regions: {@code gallery-cell} plus {@code condition}/{@code transform}
 * (mask 1/0) or {@code squeeze-0…3} (place in the 2×2 block); see {@code teach.css}.
 */
public class MaskGalleryView extends BorderPane {
    static final int SIZE = 8;
    private static final double CELL = 24;

    private final Spinner<Integer> channels = new Spinner<>(1, 4, 1);
    private final Spinner<Integer> layer = new Spinner<>(0, 7, 0);
    private final VBox content = new VBox(18);
    private Region[][] checkerCells;
    private Region[] channelPanels;
    private Label[][] squeezeIn;
    private Label[][] squeezeOut;
    private Region[] halfCells;

    public MaskGalleryView() {
        getStyleClass().add("mask-gallery");
        Label title = new Label("Masks for images, squeeze and factor-out (RealNVP, seed 001)");
        title.getStyleClass().add("teach-title");
        channels.setEditable(false);
        layer.setEditable(false);
        channels.setPrefWidth(90);
        layer.setPrefWidth(90);
        channels.valueProperty().addListener((o, a, b) -> rebuild());
        layer.valueProperty().addListener((o, a, b) -> rebuild());
        Label cl = new Label("channels C");
        Label ll = new Label("coupling layer");
        cl.getStyleClass().add("teach-control-label");
        ll.getStyleClass().add("teach-control-label");
        HBox controls = new HBox(10, cl, channels, ll, layer);
        controls.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(8, title, controls);
        top.setPadding(new Insets(0, 0, 10, 0));
        setTop(top);
        content.setPadding(new Insets(4, 12, 12, 4));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        setCenter(scroll);
        rebuild();
    }

    public int getChannels() {
        return channels.getValue();
    }

    /** Image channels, 1…4. */
    public void setChannels(int c) {
        channels.getValueFactory().setValue(c);
    }

    public int getLayer() {
        return layer.getValue();
    }

    /** The coupling layer whose masks are shown, 0…7 (even and odd layers swap roles). */
    public void setLayer(int l) {
        layer.getValueFactory().setValue(l);
    }

    private void rebuild() {
        int c = channels.getValue(), l = layer.getValue();
        FlowPane masks = new FlowPane(28, 18);
        masks.getChildren().setAll(
                section("Checkerboard mask — layer " + l, Explanations.GALLERY_CHECKERBOARD, checkerboard(c, l)),
                section("Channel-wise mask — layer " + l, Explanations.GALLERY_CHANNELWISE, channelwise(c, l)));
        content.getChildren().setAll(masks,
                section("Squeeze: " + Squeeze.shape(new int[] {c, SIZE, SIZE}) + " → "
                                + Squeeze.shape(Squeeze.squeezedShape(new int[] {c, SIZE, SIZE})),
                        Explanations.GALLERY_SQUEEZE, squeeze(c)),
                section("Multi-scale architecture and factor-out", Explanations.galleryMultiScale(c), multiScale(c)),
                section("This app: alternating half masks in 2-D — layer " + l, Explanations.GALLERY_HALF_MASKS,
                        halfMasks(l)));
    }

    private static VBox section(String heading, String text, Node body) {
        Label h = new Label(heading);
        h.getStyleClass().add("gallery-heading");
        Label p = new Label(text);
        p.getStyleClass().add("teach-paragraph");
        p.setWrapText(true);
        p.setMaxWidth(720);
        p.setPrefWidth(720);
        VBox box = new VBox(8, h, p, body);
        box.getStyleClass().add("gallery-section");
        return box;
    }

    private static Region cell(String... classes) {
        return sized(new Region(), CELL, classes);
    }

    private static Label numberCell(String text, String... classes) {
        Label r = sized(new Label(text), CELL + 6, classes);
        r.getStyleClass().add("gallery-number");
        r.setAlignment(Pos.CENTER);
        return r;
    }

    /** A square gallery cell of side {@code s} with these style classes. */
    private static <R extends Region> R sized(R r, double s, String... classes) {
        r.getStyleClass().add("gallery-cell");
        r.getStyleClass().addAll(classes);
        r.setMinSize(s, s);
        r.setPrefSize(s, s);
        r.setMaxSize(s, s);
        return r;
    }

    private static VBox captioned(String caption, Node n) {
        VBox v = new VBox(4, styled(new Label(caption), "gallery-caption"), n);
        v.setAlignment(Pos.TOP_CENTER);
        return v;
    }

    private static <N extends Node> N styled(N node, String styleClass) {
        node.getStyleClass().add(styleClass);
        return node;
    }

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(2);
        g.setVgap(2);
        g.getStyleClass().add("gallery-grid");
        return g;
    }

    private static String kind(boolean condition) {
        return condition ? "condition" : "transform";
    }

    private Node checkerboard(int c, int l) {
        boolean[] m = Masks.checkerboard(SIZE, SIZE, l);
        checkerCells = new Region[c][SIZE * SIZE];
        FlowPane row = new FlowPane(16, 10);
        for (int ch = 0; ch < c; ch++) {
            GridPane g = grid();
            for (int i = 0; i < SIZE * SIZE; i++) {
                Region r = cell(kind(m[i]));
                checkerCells[ch][i] = r;
                g.add(r, i % SIZE, i / SIZE);
            }
            row.getChildren().add(captioned("channel " + (ch + 1), g));
        }
        row.getChildren().add(legend());
        return row;
    }

    private static Node legend() {
        VBox v = new VBox(6,
                legendItem(cell("condition"), "mask 1: passes through, conditions the network"),
                legendItem(cell("transform"), "mask 0: scaled and shifted"));
        v.setAlignment(Pos.CENTER_LEFT);
        return v;
    }

    private static Node legendItem(Node swatch, String text) {
        HBox h = new HBox(8, swatch, styled(new Label(text), "gallery-legend"));
        h.setAlignment(Pos.CENTER_LEFT);
        return h;
    }

    private Node channelwise(int c, int l) {
        FlowPane row = new FlowPane(16, 10);
        if (c < 2) {
            channelPanels = new Region[0];
            Label note = new Label("With 1 channel there is nothing to split — choose C ≥ 2, or squeeze first "
                    + "(1×8×8 → 4×4×4).");
            note.getStyleClass().add("teach-note");
            note.setWrapText(true);
            row.getChildren().add(note);
            return row;
        }
        boolean[] m = Masks.channelwise(c, l);
        channelPanels = new Region[c];
        for (int ch = 0; ch < c; ch++) {
            GridPane g = grid();
            g.getStyleClass().add(kind(m[ch]) + "-panel");
            for (int i = 0; i < SIZE * SIZE; i++) {
                g.add(cell(kind(m[ch])), i % SIZE, i / SIZE);
            }
            channelPanels[ch] = g;
            row.getChildren().add(captioned("channel " + (ch + 1) + (m[ch] ? " · passes" : " · transformed"), g));
        }
        row.getChildren().add(legend());
        return row;
    }

    private Node squeeze(int c) {
        int[] shape = {c, SIZE, SIZE};
        int[] out = Squeeze.squeezedShape(shape);
        int n = c * SIZE * SIZE;
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) {
            ids[i] = i;
        }
        int[] sq = Squeeze.squeeze(ids, shape);
        squeezeIn = new Label[c][SIZE * SIZE];
        FlowPane in = new FlowPane(12, 10);
        int half = SIZE / 2;
        for (int ch = 0; ch < c; ch++) {
            GridPane g = grid();
            for (int y = 0; y < SIZE; y++) {
                for (int x = 0; x < SIZE; x++) {
                    int block = (y / 2) * half + x / 2;
                    Label r = numberCell(Integer.toString(block), "squeeze-" + Squeeze.blockPosition(y, x));
                    squeezeIn[ch][y * SIZE + x] = r;
                    g.add(r, x, y);
                }
            }
            in.getChildren().add(captioned("input channel " + (ch + 1), g));
        }
        squeezeOut = new Label[out[0]][half * half];
        FlowPane outPane = new FlowPane(12, 10);
        for (int oc = 0; oc < out[0]; oc++) {
            GridPane g = grid();
            for (int p = 0; p < half * half; p++) {
                int src = sq[oc * half * half + p];
                int pix = src % (SIZE * SIZE);
                int y = pix / SIZE, x = pix % SIZE;
                int block = (y / 2) * half + x / 2;
                Label r = numberCell(Integer.toString(block), "squeeze-" + Squeeze.blockPosition(y, x));
                squeezeOut[oc][p] = r;
                g.add(r, p % half, p / half);
            }
            outPane.getChildren().add(captioned(c == 1 ? "channel " + (oc + 1)
                    : "channel " + (oc + 1) + " ← in " + (oc / 4 + 1), g));
        }
        Label arrow = new Label("squeeze ⟶  " + Squeeze.shape(out));
        arrow.getStyleClass().add("gallery-arrow");
        HBox legend = new HBox(14);
        String[] names = {"top-left", "top-right", "bottom-left", "bottom-right"};
        for (int k = 0; k < 4; k++) {
            Label sw = numberCell("", "squeeze-" + k);
            legend.getChildren().add(legendItem(sw, names[k]));
        }
        in.setPrefWrapLength(Math.min(c, 2) * (SIZE * (CELL + 8) + 12));
        outPane.setPrefWrapLength(4 * (4 * (CELL + 8) + 12));
        HBox flow = new HBox(16, in, arrow, outPane);
        flow.setAlignment(Pos.CENTER_LEFT);
        return new VBox(10, flow, legend);
    }

    private static Node multiScale(int c) {
        List<Squeeze.Stage> plan = Squeeze.multiScalePlan(new int[] {c, SIZE, SIZE}, 3);
        FlowPane flow = new FlowPane(8, 10);
        flow.setAlignment(Pos.CENTER_LEFT);
        flow.getChildren().add(box(Squeeze.shape(new int[] {c, SIZE, SIZE}), "input", "ms-input"));
        for (Squeeze.Stage s : plan) {
            switch (s.operation()) {
                case "squeeze" -> {
                    flow.getChildren().add(arrow("squeeze"));
                    flow.getChildren().add(box(Squeeze.shape(s.to()), "", "ms-shape"));
                }
                case "coupling blocks" -> {
                    flow.getChildren().add(arrow("couplings"));
                    flow.getChildren().add(box(Squeeze.shape(s.to()), "", "ms-shape"));
                }
                case "factor out" -> {
                    flow.getChildren().add(arrow("factor out"));
                    VBox split = new VBox(4, box(Squeeze.shape(s.factoredOut()), "→ base N(0, I)", "ms-base"),
                            box(Squeeze.shape(s.to()), "keeps going", "ms-shape"));
                    flow.getChildren().add(split);
                }
                default -> {
                    flow.getChildren().add(arrow("all"));
                    flow.getChildren().add(box(Squeeze.shape(s.from()), "→ base N(0, I)", "ms-base"));
                }
            }
        }
        StringBuilder seed = new StringBuilder("Seed 001, full size:  3×32×32");
        for (Squeeze.Stage s : Squeeze.multiScalePlan(new int[] {3, 32, 32}, 3)) {
            switch (s.operation()) {
                case "squeeze" -> seed.append("  → squeeze → ").append(Squeeze.shape(s.to()));
                case "factor out" -> seed.append("  → factor out ").append(Squeeze.shape(s.factoredOut()));
                case "base distribution" -> seed.append("  → base");
                default -> { }
            }
        }
        Label full = new Label(seed.toString());
        full.getStyleClass().add("teach-paragraph");
        full.setWrapText(true);
        return new VBox(10, flow, full);
    }

    private static Node box(String shape, String note, String kind) {
        Label s = new Label(shape);
        s.getStyleClass().add("ms-shape-text");
        VBox v = new VBox(2, s);
        if (!note.isEmpty()) {
            Label n = new Label(note);
            n.getStyleClass().add("ms-note");
            v.getChildren().add(n);
        }
        v.setAlignment(Pos.CENTER);
        v.getStyleClass().addAll("ms-box", kind);
        return v;
    }

    private static Node arrow(String text) {
        Label a = new Label(text + " ⟶");
        a.getStyleClass().add("gallery-arrow");
        return a;
    }

    private Node halfMasks(int l) {
        HBox rows = new HBox(30);
        halfCells = new Region[2];
        for (int k = 0; k < 2; k++) {
            int layerK = l + k;
            boolean[] m = Masks.alternatingHalf(2, layerK);
            HBox cells = new HBox(6);
            cells.setAlignment(Pos.CENTER_LEFT);
            for (int d = 0; d < 2; d++) {
                Label cellLabel = numberCell(TeachFormat.subscripted("x", d + 1), kind(m[d]), "half-cell");
                cellLabel.setMinWidth(56);
                cellLabel.setPrefWidth(56);
                if (k == 0) {
                    halfCells[d] = cellLabel;
                }
                cells.getChildren().add(cellLabel);
            }
            rows.getChildren().add(captioned("layer " + layerK + (k == 0 ? " (selected)" : " (next)"), cells));
        }
        rows.getChildren().add(legend());
        return rows;
    }

    // ---- lookups (tests) --------------------------------------------------------------------------

    /** Checkerboard cell of channel {@code ch} (0-based) at pixel (y, x). */
    public Region checkerboardCell(int ch, int y, int x) {
        return checkerCells[ch][y * SIZE + x];
    }

    /** The panel of channel {@code ch} in the channel-wise section (none when C = 1). */
    public Region channelPanel(int ch) {
        return channelPanels[ch];
    }

    public int channelPanelCount() {
        return channelPanels.length;
    }

    /** The squeeze section's input cell of channel ch at (y, x); its text is the 2×2 block number. */
    public Label squeezeInputCell(int ch, int y, int x) {
        return squeezeIn[ch][y * SIZE + x];
    }

    /** The squeeze section's output cell of channel ch at (y, x) of the half-size image. */
    public Label squeezeOutputCell(int ch, int y, int x) {
        return squeezeOut[ch][y * (SIZE / 2) + x];
    }

    /** The 2-D half-mask cell of coordinate d for the selected layer. */
    public Region halfMaskCell(int d) {
        return halfCells[d];
    }

    /** Whether a gallery cell is coloured as conditioning (mask 1). */
    public static boolean isCondition(Node cell) {
        return cell.getStyleClass().contains("condition");
    }

    @Override
    public String getUserAgentStylesheet() {
        return Objects.requireNonNull(MaskGalleryView.class.getResource("teach.css")).toExternalForm();
    }
}

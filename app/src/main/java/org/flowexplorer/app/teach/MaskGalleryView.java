package org.flowexplorer.app.teach;

import static org.flowexplorer.app.teach.GalleryCells.captioned;
import static org.flowexplorer.app.teach.GalleryCells.cell;
import static org.flowexplorer.app.teach.GalleryCells.grid;
import static org.flowexplorer.app.teach.GalleryCells.kind;
import static org.flowexplorer.app.teach.GalleryCells.legend;
import static org.flowexplorer.app.teach.GalleryCells.numberCell;

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
    static final int SIZE = GalleryCells.SIZE;

    private final Spinner<Integer> channels = new Spinner<>(1, 4, 1);
    private final Spinner<Integer> layer = new Spinner<>(0, 7, 0);
    private final VBox content = new VBox(18);
    private Region[][] checkerCells;
    private Region[] channelPanels;
    private SqueezeSection squeeze;
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
        squeeze = new SqueezeSection(c);
        FlowPane masks = new FlowPane(28, 18);
        masks.getChildren().setAll(
                section("Checkerboard mask — layer " + l, Explanations.GALLERY_CHECKERBOARD, checkerboard(c, l)),
                section("Channel-wise mask — layer " + l, Explanations.GALLERY_CHANNELWISE, channelwise(c, l)));
        content.getChildren().setAll(masks,
                section("Squeeze: " + Squeeze.shape(new int[] {c, SIZE, SIZE}) + " → "
                                + Squeeze.shape(Squeeze.squeezedShape(new int[] {c, SIZE, SIZE})),
                        Explanations.GALLERY_SQUEEZE, squeeze.node),
                section("Multi-scale architecture and factor-out", Explanations.galleryMultiScale(c),
                        MultiScaleSection.build(c)),
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
        return squeeze.squeezeIn[ch][y * SIZE + x];
    }

    /** The squeeze section's output cell of channel ch at (y, x) of the half-size image. */
    public Label squeezeOutputCell(int ch, int y, int x) {
        return squeeze.squeezeOut[ch][y * (SIZE / 2) + x];
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

package org.flowexplorer.app.teach;

import java.util.List;
import java.util.SplittableRandom;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.control.ScrollPane;
import org.flowexplorer.app.testing.DemoWindow;
import org.flowexplorer.model.flow.CouplingType;
import org.flowexplorer.model.flow.FlowSpec;
import org.flowexplorer.model.flow.RealNVP;
import org.flowexplorer.model.teach.CouplingInspection;
import org.flowexplorer.model.teach.WorkedExample;

/**
 * Manual check of the teaching views with a small random model. Argument: {@code inspector}
 * (default), {@code inverse}, {@code worked} or {@code gallery} [channels] [layer].
 */
public class TeachDemo {
    public static void main(String[] args) {
        DemoWindow.launch(TeachDemo::content, args);
    }

    private static DemoWindow.Content content(List<String> args) {
        String which = args.isEmpty() ? "inspector" : args.get(0);
        Parent root;
        switch (which) {
            case "worked" -> root = new WorkedExampleView(WorkedExample.create(1));
            case "gallery" -> {
                MaskGalleryView g = new MaskGalleryView();
                if (args.size() > 1) {
                    g.setChannels(Integer.parseInt(args.get(1)));
                }
                if (args.size() > 2) {
                    g.setLayer(Integer.parseInt(args.get(2)));
                }
                root = g;
            }
            default -> {
                RealNVP flow = RealNVP.create(FlowSpec.alternating(2, 6, new int[] {16, 16}, CouplingType.AFFINE), 3);
                double[] p = flow.parameterValues();
                SplittableRandom rng = new SplittableRandom(4);
                for (int i = 0; i < p.length; i++) {
                    p[i] = rng.nextGaussian() * 0.4;
                }
                flow.setParameters(p);
                float[] point = {0.3f, -1.2f};
                FormulaInspectorView v = new FormulaInspectorView();
                v.directionProperty().addListener((o, a, d) -> v.setInspection(CouplingInspection.of(flow, point, 2, d)));
                if (which.equals("inverse")) {
                    v.setDirection(CouplingInspection.Direction.INVERSE);
                } else {
                    v.setInspection(CouplingInspection.of(flow, point, 2, v.getDirection()));
                }
                root = v;
            }
        }
        return new DemoWindow.Content("Teaching views — " + which, root, 1580, 980, stage -> {
            stage.setX(0);
            stage.setY(0);
            if (args.contains("bottom")) {
                Platform.runLater(() -> root.lookupAll(".scroll-pane").forEach(n -> ((ScrollPane) n).setVvalue(1)));
            }
        });
    }
}

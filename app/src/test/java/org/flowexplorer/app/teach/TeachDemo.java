package org.flowexplorer.app.teach;

import atlantafx.base.theme.PrimerLight;
import java.util.SplittableRandom;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
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
        Application.launch(App.class, args);
    }

    /** The demo window. */
    public static class App extends Application {
        @Override
        public void start(Stage stage) {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            var args = getParameters().getRaw();
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
            stage.setTitle("Teaching views — " + which);
            stage.setScene(new Scene(root, 1580, 980));
            stage.setX(0);
            stage.setY(0);
            stage.show();
            if (args.contains("bottom")) {
                javafx.application.Platform.runLater(() -> root.lookupAll(".scroll-pane")
                        .forEach(n -> ((javafx.scene.control.ScrollPane) n).setVvalue(1)));
            }
        }
    }
}

package org.flowexplorer.app.viewmodel;

import java.util.Locale;
import java.util.StringJoiner;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.flowexplorer.app.worker.Command;
import org.flowexplorer.model.flow.CouplingType;
import org.flowexplorer.model.flow.FlowTrace;
import org.flowexplorer.model.teach.CouplingInspection;

/**
 * Where the layer stepper is (a continuous position 0 = data … L = latent), the coupling the
 * formula inspector shows there and which way it runs, the stepper's blended picture, and the
 * current coupling's mask in words. Couplings are numbered 1…L and positions 0…L lie between them
 * ({@link #where}).
 */
public final class LayerViewModel {
    private final CommandChannel commands;
    private final DoubleProperty layerPosition = new SimpleDoubleProperty(this, "layerPosition");
    private final ReadOnlyIntegerWrapper currentLayer = new ReadOnlyIntegerWrapper(this, "currentLayer");
    private final ReadOnlyIntegerWrapper layerCount = new ReadOnlyIntegerWrapper(this, "layerCount", 1);
    private final ReadOnlyIntegerWrapper inspectedLayer = new ReadOnlyIntegerWrapper(this, "inspectedLayer");
    private final ObjectProperty<CouplingInspection.Direction> inspectionDirection =
            new SimpleObjectProperty<>(this, "inspectionDirection", CouplingInspection.Direction.FORWARD);
    private final ReadOnlyObjectWrapper<CouplingInspection> inspection = new ReadOnlyObjectWrapper<>(this, "inspection");
    private final ReadOnlyObjectWrapper<FlowTrace> currentTrace = new ReadOnlyObjectWrapper<>(this, "currentTrace");
    private final ReadOnlyStringWrapper maskDescription = new ReadOnlyStringWrapper(this, "maskDescription", "");
    private final ReadOnlyObjectWrapper<StepperFrame> stepperFrame = new ReadOnlyObjectWrapper<>(this, "stepperFrame");
    private StepperFrame.Source stepperSource;
    /** The blocks after every coupling (e.g. "ActNorm", "rotation"), empty for the seed's flow. */
    private java.util.List<String> blockNames = java.util.List.of();
    private double framePosition = Double.NaN;
    private CouplingInspection.Direction sentDirection = CouplingInspection.Direction.FORWARD;
    private boolean[][] masks;
    private float[] meanAbsScale;
    private float[] meanAbsShift;
    private CouplingType couplingType = CouplingType.AFFINE;

    public LayerViewModel(CommandChannel commands) {
        this.commands = commands;
        inspectionDirection.addListener((o, was, now) -> sendInspection());
        layerPosition.addListener((o, was, now) -> {
            int l = (int) Math.min(Math.round(now.doubleValue()), layerCount.get());
            if (l != currentLayer.get()) {
                currentLayer.set(l);
                commands.send(new Command.SetDisplayedLayer(l));
            }
            sendInspection();
            showFrame(now.doubleValue());
            describe();
        });
    }

    void accept(SnapshotDiff d) {
        if (layerCount.get() != d.layers()) {
            layerCount.set(d.layers());
            if (layerPosition.get() > d.layers()) {
                layerPosition.set(d.layers());
            }
            sendInspection();
        }
        if (d.flowTrace() != null) {
            currentTrace.set(d.flowTrace());
        }
        inspection.set(d.inspection());
        masks = d.masks();
        meanAbsScale = d.meanAbsScale();
        meanAbsShift = d.meanAbsShift();
        couplingType = d.settings().architecture().coupling();
        blockNames = d.flowTrace() == null ? java.util.List.of() : d.flowTrace().blockNames();
        if (d.hasTrace() && (d.traceChanged() || stepperSource == null)) {
            stepperSource = new StepperFrame.Source(d.tracePositions(), d.traceBounds(), d.gridPositions(), d.gridLines(),
                    d.gridPointsPerLine(), StepperFrame.Source.subStepsOf(d.flowTrace()));
            framePosition = Double.NaN;
        }
        showFrame(layerPosition.get());
        describe();
    }

    /** What the stepper's pictures are blended from (e.g. for the animation exports), null before the first trace. */
    public StepperFrame.Source stepperSource() {
        return stepperSource;
    }

    /** The stepper's picture at {@code position}, recomputed when the trace or the position changed. */
    private void showFrame(double position) {
        if (stepperSource != null && position != framePosition) {
            framePosition = position;
            stepperFrame.set(stepperSource.at(position));
        }
    }

    /** The coupling the stepper is on (0..L−1) and the toggle's direction, to the worker when they change. */
    private void sendInspection() {
        int l = (int) Math.max(0, Math.min(Math.floor(layerPosition.get()), layerCount.get() - 1));
        if (l != inspectedLayer.get() || sentDirection != inspectionDirection.get()) {
            inspectedLayer.set(l);
            sentDirection = inspectionDirection.get();
            commands.send(new Command.SetInspection(l, sentDirection));
        }
    }

    /**
     * "Position 1 of 4, after coupling 1. Next: coupling 2 of 4: h₁ conditions (passes through), h₂
     * is scaled and shifted. mean |s| = …", in the one numbering of {@link #where}.
     */
    private void describe() {
        int count = layerCount.get();
        double p = layerPosition.get();
        int coupling = (int) Math.min(Math.floor(p), count - 1);
        if (masks == null || coupling < 0 || coupling >= masks.length || masks.length != count) {
            maskDescription.set("");
            return;
        }
        boolean[] m = masks[coupling];
        StringJoiner cond = new StringJoiner(", ");
        StringJoiner trans = new StringJoiner(", ");
        for (int d = 0; d < m.length; d++) {
            (m[d] ? cond : trans).add("h" + (char) ('₁' + d));
        }
        String stats = "";
        if (meanAbsScale != null && coupling < meanAbsScale.length) {
            stats = String.format(Locale.ROOT, "  mean |s| = %.3f, mean |t| = %.3f.", meanAbsScale[coupling],
                    meanAbsShift[coupling]);
        }
        maskDescription.set(where(p, count) + ": " + cond + " conditions (passes through), " + trans
                + switch (couplingType) {
                    case AFFINE -> " is scaled and shifted.";
                    case ADDITIVE -> " is shifted.";
                    case SPLINE -> " is bent by a monotone spline (s = log slope, t = intercept at each point).";
                } + stats

                + (blockNames.isEmpty() ? "" : " Then " + String.join(", then ", blockNames)
                        + " — between two positions the points pass through each in turn."));
    }

    /**
     * Where position {@code p} of {@code layers} is and which coupling the caption and the inspector
     * show there. The one numbering of every view: couplings 1…L; positions 0…L between them
     * (0 = the data x, k = after coupling k, L = the latent z); shown is the coupling applied next
     * from p, and at p = L the last one, just applied.
     */
    static String where(double p, int layers) {
        String of = " of " + layers;
        if (p >= layers) {
            return "Position " + layers + of + " = the latent z, after coupling " + layers + of;
        }
        int k = (int) Math.floor(p);
        if (p != k) {
            return "Position " + NumberText.format(Math.floor(p * 100) / 100) + of + ", inside coupling " + (k + 1) + of;
        }
        return "Position " + k + of + (k == 0 ? " = the data x" : ", after coupling " + k) + ". Next: coupling "
                + (k + 1) + of;
    }

    /** Continuous stepper position in [0, L]; bind the scrubber's position to it. */
    public DoubleProperty layerPositionProperty() {
        return layerPosition;
    }

    /** The rounded stepper position: 0 = data … L = latent. */
    public ReadOnlyIntegerProperty currentLayerProperty() {
        return currentLayer.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty layerCountProperty() {
        return layerCount.getReadOnlyProperty();
    }

    /**
     * The index (0..L−1) of the coupling the inspector, the caption and the mask view show: coupling
     * index + 1, the one applied next from the stepper's position (at position L the last one).
     */
    public ReadOnlyIntegerProperty inspectedLayerProperty() {
        return inspectedLayer.getReadOnlyProperty();
    }

    /** Which way the inspector runs the layer; bind the inspector view's direction to it. */
    public ObjectProperty<CouplingInspection.Direction> inspectionDirectionProperty() {
        return inspectionDirection;
    }

    /** The formula inspector's content for the query point, or null when there is none. */
    public ReadOnlyObjectProperty<CouplingInspection> inspectionProperty() {
        return inspection.getReadOnlyProperty();
    }

    /** The displayed points' trace through every layer (for GIF and CSV export); null until computed. */
    public ReadOnlyObjectProperty<FlowTrace> currentTraceProperty() {
        return currentTrace.getReadOnlyProperty();
    }

    /** The current coupling's mask and mean |s|, |t| in words, empty before the masks are known. */
    public ReadOnlyStringProperty maskDescriptionProperty() {
        return maskDescription.getReadOnlyProperty();
    }

    /** What the layer stepper shows for the current trace and position; null before the first trace. */
    public ReadOnlyObjectProperty<StepperFrame> stepperFrameProperty() {
        return stepperFrame.getReadOnlyProperty();
    }
}

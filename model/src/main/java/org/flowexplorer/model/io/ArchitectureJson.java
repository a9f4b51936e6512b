package org.flowexplorer.model.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.flowexplorer.model.flow.Architecture;
import org.flowexplorer.model.flow.CouplingType;
import org.flowexplorer.model.flow.SplineShape;
import org.flowexplorer.model.train.TrainingConfig;

/**
 * The JSON of an architecture and a data source, as sessions write them and lessons (in the app)
 * write and read them too, so a lesson keeps every block a session keeps: layers, hidden widths,
 * coupling, then scale / norm / mixer ({@link FlowBlocksJson}) and a spline's shape.
 */
public final class ArchitectureJson {
    private ArchitectureJson() {
    }

    /** Writes {@code a} into {@code arch}. */
    public static void put(ObjectNode arch, Architecture a) {
        arch.put("layers", a.layers());
        putShape(arch, a);
    }

    /** Writes {@code a} but its layer count (a model's manifest lists its masks instead). */
    static void putShape(ObjectNode arch, Architecture a) {
        ArrayNode hidden = arch.putArray("hidden");
        for (int h : a.hidden()) {
            hidden.add(h);
        }
        arch.put("coupling", a.coupling().id());
        FlowBlocksJson.put(arch, a.scale(), a.norm(), a.mixer(), a.base());
        if (a.coupling() == CouplingType.SPLINE) {
            SplineShapeJson.put(arch, a.spline());
        }
    }

    /** Writes a training configuration's learning rate, batch size, clip norm and seed into {@code t}. */
    public static void putTraining(ObjectNode t, TrainingConfig c) {
        t.put("learningRate", c.learningRate());
        t.put("batchSize", c.batchSize());
        t.put("clipNorm", c.clipNorm());
        t.put("seed", c.seed());
    }

    /** Writes a toy set's name, n, noise and seed, or "custom" with its origin, into {@code ds}. */
    public static void putDataSource(ObjectNode ds, DataSource source) {
        if (source instanceof DataSource.Toy t) {
            ds.put("kind", "toy");
            ds.put("name", t.dataset().id());
            ds.put("n", t.n());
            ds.put("noise", t.noise());
            ds.put("seed", t.seed());
        } else if (source instanceof DataSource.Custom c) {
            ds.put("kind", "custom");
            if (c.origin() != null) {
                ds.put("origin", c.origin());
            }
        }
    }

    /**
     * {@code plain} (layers, widths, coupling) with the scale, norm, mixer and spline shape that
     * {@code arch} names; absent fields keep the seed's.
     *
     * @throws IllegalArgumentException with one line, e.g. "unknown mixer 'x' (expected none, lu or rotation)"
     */
    public static Architecture withBlocks(JsonNode arch, Architecture plain) {
        FlowBlocksJson.Blocks b = FlowBlocksJson.read(arch);
        Architecture a = plain.withScale(b.scale()).withNorm(b.norm()).withMixer(b.mixer()).withBase(b.base());
        JsonNode s = arch.get(SplineShapeJson.FIELD);
        if (s == null || s.isNull()) {
            return a;
        }
        if (!s.isObject() || !s.path("bins").isIntegralNumber() || !s.path("tailBound").isNumber()) {
            throw new IllegalArgumentException("spline must be an object {\"bins\": K, \"tailBound\": B}, got " + s);
        }
        return a.withSpline(new SplineShape(s.get("bins").asInt(), s.get("tailBound").asDouble()));
    }
}

package org.flowexplorer.model.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.flowexplorer.model.flow.BaseDistribution;
import org.flowexplorer.model.flow.Mixer;
import org.flowexplorer.model.flow.Norm;
import org.flowexplorer.model.flow.ScaleFunction;

/**
 * The JSON fields of a flow's blocks beyond the seed's, shared by the model manifest and the
 * session settings: {@code scale} (when not tanh:2), {@code batchNorm: true} (as version 2 wrote
 * it), {@code norm: "act"}, {@code mixer: "lu" | "rotation"} and {@code base: "mixture:K"}; each absent for the seed's choice,
 * so older files read as before.
 */
final class FlowBlocksJson {
    /** What the fields say. */
    record Blocks(ScaleFunction scale, Norm norm, Mixer mixer, BaseDistribution base) {
    }

    private FlowBlocksJson() {
    }

    static void put(ObjectNode o, ScaleFunction scale, Norm norm, Mixer mixer, BaseDistribution base) {
        if (!base.isGaussian()) {
            o.put("base", base.id());
        }
        if (!scale.isDefault()) {
            o.put("scale", scale.id());
        }
        if (norm == Norm.BATCH) {
            o.put("batchNorm", true);
        } else if (norm != Norm.NONE) {
            o.put("norm", norm.id());
        }
        if (mixer != Mixer.NONE) {
            o.put("mixer", mixer.id());
        }
    }

    /** @throws IllegalArgumentException with one line, e.g. "unknown mixer 'x' (expected none, lu or rotation)" */
    static Blocks read(JsonNode o) {
        ScaleFunction scale = o.hasNonNull("scale") ? ScaleFunction.parse(text(o, "scale")) : ScaleFunction.DEFAULT;
        JsonNode batch = o.get("batchNorm");
        if (batch != null && !batch.isBoolean()) {
            throw new IllegalArgumentException("'batchNorm' must be true or false, got " + batch);
        }
        Norm norm = o.hasNonNull("norm") ? Norm.fromId(text(o, "norm")) : Norm.NONE;
        if (batch != null && batch.asBoolean()) {
            if (norm != Norm.NONE && norm != Norm.BATCH) {
                throw new IllegalArgumentException("'batchNorm' and 'norm': '" + norm.id() + "' contradict each other");
            }
            norm = Norm.BATCH;
        }
        Mixer mixer = o.hasNonNull("mixer") ? Mixer.fromId(text(o, "mixer")) : Mixer.NONE;
        BaseDistribution base = o.hasNonNull("base") ? BaseDistribution.parse(text(o, "base")) : BaseDistribution.GAUSSIAN;
        return new Blocks(scale, norm, mixer, base);
    }

    private static String text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (!v.isTextual()) {
            throw new IllegalArgumentException("'" + field + "' must be a string, got " + v);
        }
        return v.asText();
    }
}

package org.flowexplorer.model.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.flowexplorer.model.flow.SplineShape;

/**
 * A spline coupling's shape in a manifest or session, {@code "spline": {"bins": K, "tailBound": B}},
 * written for spline models only; absent (every file from before splines) means K = 8, B = 4.
 */
final class SplineShapeJson {
    static final String FIELD = "spline";

    private SplineShapeJson() {
    }

    static void put(ObjectNode parent, SplineShape shape) {
        parent.putObject(FIELD).put("bins", shape.bins()).put("tailBound", shape.bound());
    }

    /** The shape under {@code parent}; {@code where} names it in errors, e.g. "" or "architecture.". */
    static SplineShape read(JsonEntry json, JsonNode parent, String where) throws ModelFormatException {
        JsonNode s = parent.get(FIELD);
        if (s == null || s.isNull()) {
            return SplineShape.DEFAULT;
        }
        if (!s.isObject()) {
            throw json.error("'" + where + FIELD + "' must be an object {\"bins\": K, \"tailBound\": B}");
        }
        int bins = json.integer(s, "bins", where + "spline.bins", 2);
        double bound = json.number(s, "tailBound", where + "spline.tailBound");
        try {
            return new SplineShape(bins, bound);
        } catch (IllegalArgumentException e) {
            throw json.error(where + FIELD + ": " + e.getMessage());
        }
    }
}

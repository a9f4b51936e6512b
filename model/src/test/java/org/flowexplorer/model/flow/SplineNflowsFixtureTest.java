package org.flowexplorer.model.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * {@link RationalQuadraticSpline} against nflows itself: {@code flow/nflows_spline_fixture.json}
 * holds inputs, unnormalised parameters and what nflows' {@code unconstrained_rational_quadratic_spline}
 * (tails='linear', float64) returned forward and inverse, written by
 * {@code make_nflows_spline_fixture.py <nflows checkout>} (nflows commit 5d22344). Two shapes
 * (K=8, B=4 and K=5, B=2), tails and the bounds ±B included.
 */
class SplineNflowsFixtureTest {
    private static final double TOLERANCE = 1e-5;

    @Test
    void forwardInverseAndLogDetsMatchNflows() throws IOException {
        JsonNode root;
        try (InputStream in = getClass().getResourceAsStream("/flow/nflows_spline_fixture.json")) {
            root = new ObjectMapper().readTree(in);
        }
        int checked = 0, inTails = 0;
        for (JsonNode c : root.get("cases")) {
            SplineShape shape = new SplineShape(c.get("bins").asInt(), c.get("tailBound").asDouble());
            for (int i = 0; i < c.get("inputs").size(); i++) {
                double x = c.get("inputs").get(i).asDouble();
                double[] params = new double[shape.outputsPerTransformed()];
                for (int k = 0; k < params.length; k++) {
                    params[k] = c.get("params").get(i).get(k).asDouble();
                }
                RationalQuadraticSpline g = RationalQuadraticSpline.of(shape, params);
                String at = shape + ", x = " + x;
                double y = c.get("outputs").get(i).asDouble();
                assertEquals(y, g.forward(x), TOLERANCE, "g(x), " + at);
                assertEquals(c.get("logabsdet").get(i).asDouble(), g.logDerivative(x), TOLERANCE, "log g'(x), " + at);
                double xi = g.inverse(y);
                assertEquals(c.get("inverse").get(i).asDouble(), xi, TOLERANCE, "g^-1(y), " + at);
                assertEquals(c.get("inverseLogabsdet").get(i).asDouble(), -g.logDerivative(xi), TOLERANCE, "-log g'(g^-1(y)), " + at);
                inTails += g.binOf(x) < 0 ? 1 : 0;
                checked++;
            }
        }
        assertEquals(84, checked);
        assertTrue(inTails >= 4, "the fixture covers the tails (" + inTails + " points)");
    }
}

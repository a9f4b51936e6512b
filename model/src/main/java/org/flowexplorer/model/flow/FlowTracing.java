package org.flowexplorer.model.flow;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link FlowEngine}'s trace: every position, trace term and log|det| of a pass, chunk by chunk. */
final class FlowTracing {
    private FlowTracing() {
    }

    /**
     * Positions after every layer and each layer's trace terms and log|det| for n points; with
     * blocks also each coupling's output before its blocks, the points between two blocks and the
     * blocks' log|det|.
     */
    static <A> FlowTrace trace(FlowEngine<A> e, A in, int n, boolean inverse) {
        int nl = e.layers.size();
        boolean withNorms = e.withBlocks;
        int between = e.withBlocks ? Math.max(0, e.blocks.get(0).size() - 1) : 0;
        float[][][] betweenBlocks = new float[nl][between][n * e.dim];
        float[][] positions = new float[nl + 1][n * e.dim];
        float[][] beforeNorm = withNorms ? new float[nl][n * e.dim] : null;
        float[][][] terms = new float[nl][][];
        float[][] logDets = new float[nl][n];
        float[][] normLogDets = withNorms ? new float[nl][n] : null;
        for (int l = 0; l < nl; l++) {
            CouplingLayer layer = e.layers.get(l);
            terms[l] = new float[layer.traceTerms().size()][n * layer.transformedCount()];
        }
        for (int from = 0; from < n; from += e.chunk) {
            int rows = Math.min(e.chunk, n - from);
            FlowEngine.Pass<A> p = e.pass(rows);
            e.nm.copy(in, from * e.dim, p.xs.get(inverse ? nl : 0), 0, rows * e.dim);
            for (int step = 0; step < nl; step++) {
                int l = inverse ? nl - 1 - step : step;
                CouplingLayer layer = e.layers.get(l);
                e.nm.fill(p.layerLd, 0, rows, 0.0);
                e.nm.fill(p.normLd, 0, rows, 0.0);
                List<float[]> steps = new ArrayList<>();
                if (inverse) {
                    e.inverseStep(p, l, rows, p.layerLd, p.normLd, steps);
                } else {
                    e.forwardStep(p, l, rows, p.layerLd, p.normLd, false, steps);
                }
                for (int b = 0; b < steps.size(); b++) {
                    System.arraycopy(steps.get(b), 0, betweenBlocks[l][b], from * e.dim, rows * e.dim);
                }
                for (int k = 0; k < terms[l].length; k++) {
                    layer.copyTraceTerm(k, e.nm, p.ws.get(l), rows, terms[l][k], from * layer.transformedCount());
                }
                double sign = inverse ? -1 : 1;
                for (int r = 0; r < rows; r++) {
                    double c = e.nm.get(p.layerLd, r), m = e.nm.get(p.normLd, r);
                    logDets[l][from + r] = (float) (sign * (c + m));
                    if (withNorms) {
                        normLogDets[l][from + r] = (float) (sign * m);
                    }
                }
                if (withNorms) {
                    System.arraycopy(e.nm.toFloats(p.beforeBlocks.get(l), 0, rows * e.dim), 0, beforeNorm[l], from * e.dim, rows * e.dim);
                }
            }
            for (int l = 0; l <= nl; l++) {
                float[] pos = e.nm.toFloats(p.xs.get(l), 0, rows * e.dim);
                System.arraycopy(pos, 0, positions[l], from * e.dim, rows * e.dim);
            }
        }
        List<Map<String, float[]>> named = new ArrayList<>();
        for (int l = 0; l < nl; l++) {
            Map<String, float[]> m = new LinkedHashMap<>();
            List<String> names = e.layers.get(l).traceTerms();
            for (int k = 0; k < names.size(); k++) {
                m.put(names.get(k), terms[l][k]);
            }
            named.add(Collections.unmodifiableMap(m));
        }
        List<String> blockNames = e.withBlocks ? e.blocks.get(0).stream().map(FlowBlock::displayName).toList() : List.of();
        return new FlowTrace(e.dim, n, positions, named, logDets, beforeNorm, normLogDets, blockNames, betweenBlocks);
    }
}

package org.flowexplorer.model.flow;

/**
 * log p(x) at the nodes of a regular 2-D grid, for density heatmaps, with one piece of work the
 * grid makes redundant left out. The first coupling conditions on x_A = the input's own coordinates
 * (nothing runs before it); with a half mask x_A is one coordinate, and on a grid it takes only as
 * many values as the grid has columns (mask (1, 0): x) or rows ((0, 1): y). Its conditioner, an
 * eighth of the work at 8 layers, is therefore run once per distinct value and its outputs copied
 * to every point that shares it. Exact: each point's outputs are computed by the same kernels from
 * the same float input as in {@link FlowEngine#logProb}; everything after is the engine's own pass.
 */
final class GridLogDensity {
    /**
     * Fewest rows the shared conditioner runs on: a chunk of points takes the register-blocked
     * kernel from 64 rows on (Float32Numerics), so fewer distinct values are padded up to it to be
     * rounded by the same kernel as the points would be.
     */
    private static final int MIN_TABLE_ROWS = 64;

    private GridLogDensity() {
    }

    /**
     * log p at nodes {@code from..to-1} of the grid of nodes (xs[j], ys[i]), numbered row-major
     * (node i·xs.length + j), into {@code out[from..to)}.
     */
    static <A> void logProb(FlowEngine<A> e, float[] xs, float[] ys, int from, int to, float[] out) {
        if (e.dim != 2) {
            throw new IllegalArgumentException("a grid's points are 2-D, the flow is " + e.dim + "-D");
        }
        int gw = xs.length;
        if (from < 0 || to > gw * ys.length || from > to) {
            throw new IllegalArgumentException("nodes " + from + ".." + to + " outside a " + gw + " × " + ys.length + " grid");
        }
        CouplingLayer first = e.layers.get(0);
        int[] ci = first.mask().conditioningIndicesView();
        int axis = ci.length == 1 ? ci[0] : -1;
        A table = axis < 0 ? null : conditionerTable(e, first, axis == 0 ? xs : ys);
        int outs = first.conditioner().outputs();
        for (int start = from; start < to; start += e.chunk) {
            int rows = Math.min(e.chunk, to - start);
            FlowEngine.Pass<A> p = e.pass(rows);
            A x0 = p.xs.get(0);
            for (int r = 0; r < rows; r++) {
                int node = start + r;
                e.nm.set(x0, 2 * r, xs[node % gw]);
                e.nm.set(x0, 2 * r + 1, ys[node / gw]);
            }
            if (table == null) {
                e.runForward(p, rows, false);
            } else {
                CouplingWorkspace<A> w = p.ws.get(0);
                for (int r = 0; r < rows; r++) {
                    int node = start + r, value = axis == 0 ? node % gw : node / gw;
                    e.nm.copy(table, value * outs, w.output(), r * outs, outs);
                }
                e.nm.fill(p.ld, 0, rows, 0.0);
                first.forwardConditioned(e.nm, x0, p.xs.get(1), p.ld, rows, w);
                e.forwardBlocks(e.nm, p, 0, rows, p.ld, false, null);
                for (int l = 1; l < e.layers.size(); l++) {
                    e.forwardStep(p, l, rows, p.ld, p.ld, false, null);
                }
            }
            A z = p.xs.get(e.layers.size());
            for (int r = 0; r < rows; r++) {
                out[start + r] = (float) e.logProb(z, p.ld, r);
            }
        }
    }

    /** The first coupling's conditioner outputs for each of the axis's values, [values, outputs]. */
    private static <A> A conditionerTable(FlowEngine<A> e, CouplingLayer first, float[] values) {
        int rows = Math.max(values.length, MIN_TABLE_ROWS);
        CouplingWorkspace<A> w = new CouplingWorkspace<>(e.nm, rows, 1, first.transformedCount(), first.conditioner(),
                first.headBuffers());
        for (int r = 0; r < rows; r++) {
            e.nm.set(w.xc, r, values[Math.min(r, values.length - 1)]);
        }
        first.runConditioner(e.nm, e.store.values(), w, rows);
        return w.output();
    }
}

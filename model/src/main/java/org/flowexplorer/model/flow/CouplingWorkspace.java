package org.flowexplorer.model.flow;

import java.util.ArrayList;
import java.util.List;
import org.flowexplorer.model.nn.ConditionerLayout;
import org.flowexplorer.model.nn.Numerics;

/**
 * Preallocated buffers for one coupling layer at a fixed batch size, so the training loop
 * allocates nothing. Forward buffers (inputs split by the mask, every Linear's output, and the
 * coupling's own per-coordinate scratch, e.g. affine's s and exp s) stay valid until the backward
 * pass of the same batch.
 */
final class CouplingWorkspace<A> {
    final int rows;
    final A xc;          // conditioning coordinates   [rows, dc]
    final A u;           // transformed coordinates (input side)  [rows, dt]
    final A yT;          // transformed coordinates (output side) [rows, dt]
    final List<A> acts;  // output of Linear i (after ReLU for hidden ones); the last is o [rows, head]
    final List<A> head;  // the coupling's scratch, [rows, dt] each (see CouplingLayer.headBuffers)
    final A dyT;
    final A dyc;
    final A dO;
    final A dU;
    final A dHiddenA;
    final A dHiddenB;
    final A dxc;

    CouplingWorkspace(Numerics<A> nm, int rows, int maxDc, int maxDt, ConditionerLayout net, int headBuffers) {
        this.rows = rows;
        xc = nm.alloc(rows * maxDc);
        u = nm.alloc(rows * maxDt);
        yT = nm.alloc(rows * maxDt);
        acts = new ArrayList<>();
        for (int i = 0; i < net.linearCount(); i++) {
            acts.add(nm.alloc(rows * net.out(i)));
        }
        head = new ArrayList<>();
        for (int i = 0; i < headBuffers; i++) {
            head.add(nm.alloc(rows * maxDt));
        }
        dyT = nm.alloc(rows * maxDt);
        dyc = nm.alloc(rows * maxDc);
        dO = nm.alloc(rows * net.outputs());
        dU = nm.alloc(rows * maxDt);
        dHiddenA = nm.alloc(rows * net.maxWidth());
        dHiddenB = nm.alloc(rows * net.maxWidth());
        dxc = nm.alloc(rows * maxDc);
    }

    A output() {
        return acts.get(acts.size() - 1);
    }
}

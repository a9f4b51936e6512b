package org.flowexplorer.model.train;

/**
 * Whether each of the last few optimisation steps had its gradient clipped: a ring of flags with
 * a running count, so the share costs nothing per step. An undone step is dropped again.
 */
final class ClippingWindow {
    private final boolean[] clipped;
    private int next;
    private int size;
    private int count;

    ClippingWindow(int capacity) {
        clipped = new boolean[capacity];
    }

    void record(boolean wasClipped) {
        if (size == clipped.length) {
            count -= clipped[next] ? 1 : 0;
        } else {
            size++;
        }
        clipped[next] = wasClipped;
        count += wasClipped ? 1 : 0;
        next = (next + 1) % clipped.length;
    }

    /** Forgets the last recorded step (it was undone); the step it displaced stays forgotten. */
    void dropLast() {
        if (size == 0) {
            return;
        }
        next = (next - 1 + clipped.length) % clipped.length;
        count -= clipped[next] ? 1 : 0;
        clipped[next] = false;
        size--;
    }

    int size() {
        return size;
    }

    /** Share of the recorded steps that were clipped; NaN before the first. */
    double share() {
        return size == 0 ? Double.NaN : (double) count / size;
    }
}

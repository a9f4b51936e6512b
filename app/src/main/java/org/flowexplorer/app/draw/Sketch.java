package org.flowexplorer.app.draw;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * The hand-edited point set of draw mode, with bounded undo and redo. Every edit replaces the
 * current point array with a new one (arrays are never modified in place, so a caller may keep
 * and hand out {@link #points()} freely, e.g. to a training thread); the previous array goes on
 * the undo stack, which keeps the newest {@link #capacity()} states.
 *
 * <p>A drag made of many pointer events should be one undo step: call {@link #beginEdit()} on
 * press, then {@link #addWithinEdit} for each event. Not synchronized: UI thread only.
 */
public final class Sketch {
    /** Default number of undo steps. */
    public static final int DEFAULT_CAPACITY = 50;

    private final int capacity;
    private final Deque<float[]> undo = new ArrayDeque<>();
    private final Deque<float[]> redo = new ArrayDeque<>();
    private float[] points;

    /** Starts with {@code initial} (not copied; it is never modified), e.g. a loaded data set or an empty array. */
    public Sketch(float[] initial, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("undo capacity must be at least 1, got " + capacity);
        }
        if (initial.length % 2 != 0) {
            throw new IllegalArgumentException("point array has odd length " + initial.length);
        }
        this.points = initial;
        this.capacity = capacity;
    }

    public Sketch(float[] initial) {
        this(initial, DEFAULT_CAPACITY);
    }

    /** The current points, row-major; never modified afterwards. */
    public float[] points() {
        return points;
    }

    public int size() {
        return points.length / 2;
    }

    public int capacity() {
        return capacity;
    }

    /** Adds points as one undoable step (a single click of the brush). */
    public void add(float[] newPoints) {
        beginEdit();
        addWithinEdit(newPoints);
    }

    /** Records the current state as one undo step for the edit that follows (e.g. on mouse press). */
    public void beginEdit() {
        push(undo, points);
        redo.clear();
    }

    /** Adds points to the edit begun by {@link #beginEdit()} without a new undo step (e.g. on drag). */
    public void addWithinEdit(float[] newPoints) {
        if (newPoints.length % 2 != 0) {
            throw new IllegalArgumentException("point array has odd length " + newPoints.length);
        }
        if (newPoints.length == 0) {
            return;
        }
        float[] next = Arrays.copyOf(points, points.length + newPoints.length);
        System.arraycopy(newPoints, 0, next, points.length, newPoints.length);
        points = next;
    }

    /** Erases within the edit begun by {@link #beginEdit()}; see {@link Brush#erase}. Returns how many points went. */
    public int eraseWithinEdit(double x, double y, double radius) {
        float[] next = Brush.erase(points, x, y, radius);
        int removed = (points.length - next.length) / 2;
        points = next;
        return removed;
    }

    /** Erases as one undoable step; returns how many points went (0 leaves no undo step). */
    public int erase(double x, double y, double radius) {
        float[] next = Brush.erase(points, x, y, radius);
        if (next == points) {
            return 0;
        }
        beginEdit();
        int removed = (points.length - next.length) / 2;
        points = next;
        return removed;
    }

    /** Removes every point as one undoable step (nothing to do when already empty). */
    public void clear() {
        if (points.length == 0) {
            return;
        }
        beginEdit();
        points = new float[0];
    }

    /** Replaces all points (e.g. after an import) as one undoable step. */
    public void replace(float[] newPoints) {
        if (newPoints.length % 2 != 0) {
            throw new IllegalArgumentException("point array has odd length " + newPoints.length);
        }
        beginEdit();
        points = newPoints;
    }

    public boolean canUndo() {
        return !undo.isEmpty();
    }

    public boolean canRedo() {
        return !redo.isEmpty();
    }

    /** Goes back one step; returns false when there is nothing to undo. */
    public boolean undo() {
        return move(undo, redo);
    }

    /** Re-applies the last undone step; returns false when there is nothing to redo. */
    public boolean redo() {
        return move(redo, undo);
    }

    /** Replaces the points by the top of {@code from}, keeping the current ones on {@code to}. */
    private boolean move(Deque<float[]> from, Deque<float[]> to) {
        if (from.isEmpty()) {
            return false;
        }
        push(to, points);
        points = from.pop();
        return true;
    }

    private void push(Deque<float[]> stack, float[] state) {
        stack.push(state);
        while (stack.size() > capacity) {
            stack.removeLast();
        }
    }
}

package org.flowexplorer.app.export;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.flowexplorer.model.data.CsvTable;
import org.flowexplorer.model.data.PointCsv;
import org.flowexplorer.model.flow.FlowTrace;
import org.flowexplorer.model.io.AtomicFiles;
import org.flowexplorer.model.io.LossHistory;

/**
 * CSV exports of what the views show. All files are replaced atomically and read back with the
 * CLI's and numpy's CSV readers; any thread.
 */
public final class CsvExport {
    private CsvExport() {
    }

    /** Data points as {@code x,y} (the {@link PointCsv} format, readable by {@code train --data}). */
    public static void writePoints(Path file, float[] xy) throws IOException {
        PointCsv.write(file, xy);
    }

    /** Model samples as {@code x,y} (same format as {@link #writePoints}). */
    public static void writeSamples(Path file, float[] xy) throws IOException {
        PointCsv.write(file, xy);
    }

    /**
     * Per-layer positions: columns {@code l0_x,l0_y,l1_x,l1_y,…,lL_x,lL_y}, one row per point.
     *
     * @param positionsPerLayer L+1 arrays of x,y pairs of equal length (e.g. {@link FlowTrace#positions()})
     */
    public static void writeTrace(Path file, float[][] positionsPerLayer) throws IOException {
        List<String> header = new ArrayList<>();
        List<float[]> columns = new ArrayList<>();
        for (int l = 0; l < positionsPerLayer.length; l++) {
            float[] xy = positionsPerLayer[l];
            if (xy.length % 2 != 0 || xy.length != positionsPerLayer[0].length) {
                throw new IllegalArgumentException("layer " + l + " does not hold the same number of x,y pairs as layer 0");
            }
            float[] x = new float[xy.length / 2];
            float[] y = new float[xy.length / 2];
            for (int i = 0; i < x.length; i++) {
                x[i] = xy[2 * i];
                y[i] = xy[2 * i + 1];
            }
            header.add("l" + l + "_x");
            header.add("l" + l + "_y");
            columns.add(x);
            columns.add(y);
        }
        CsvTable.writeColumns(file, header, columns);
    }

    /** As {@link #writeTrace(Path, float[][])} for a 2-D trace. */
    public static void writeTrace(Path file, FlowTrace trace) throws IOException {
        if (trace.dim() != 2) {
            throw new IllegalArgumentException("trace export needs 2-D points, got " + trace.dim() + "-D");
        }
        writeTrace(file, trace.positions());
    }

    /**
     * The loss history as {@code step,train_nll,test_nll}: one row per distinct step of either
     * series in ascending order, an empty cell where a series has no value at that step (test
     * losses are usually measured less often). Non-finite losses are written as {@code NaN} /
     * {@code Infinity}. (CsvTable has no empty cells, so this one formats its own rows.)
     */
    public static void writeLossHistory(Path file, int[] trainSteps, float[] trainNll, int[] testSteps, float[] testNll)
            throws IOException {
        LossHistory h = new LossHistory(trainSteps, trainNll, testSteps, testNll);
        writeLossHistory(file, h);
    }

    /** As {@link #writeLossHistory(Path, int[], float[], int[], float[])}. */
    public static void writeLossHistory(Path file, LossHistory history) throws IOException {
        int[] ts = history.trainSteps();
        float[] tv = history.trainNll();
        int[] vs = history.testSteps();
        float[] vv = history.testNll();
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write("step,train_nll,test_nll\n");
            int i = 0;
            int j = 0;
            while (i < ts.length || j < vs.length) {
                int step = j >= vs.length || (i < ts.length && ts[i] <= vs[j]) ? ts[i] : vs[j];
                w.write(Integer.toString(step));
                w.write(',');
                if (i < ts.length && ts[i] == step) {
                    w.write(Float.toString(tv[i++]));
                }
                w.write(',');
                if (j < vs.length && vs[j] == step) {
                    w.write(Float.toString(vv[j++]));
                }
                w.write('\n');
            }
            w.flush();
        });
    }
}

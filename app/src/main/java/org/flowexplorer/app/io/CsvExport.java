package org.flowexplorer.app.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.flowexplorer.model.data.CsvTable;
import org.flowexplorer.model.data.PointCsv;
import org.flowexplorer.model.flow.FlowTrace;
import org.flowexplorer.model.train.LossSnapshot;

/**
 * CSV exports of what the views show: the files view model's one writer for them (JavaFX-free, like
 * the rest of {@code app.io}). All files are replaced atomically and read back with the CLI's and
 * numpy's CSV readers; any thread.
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
     * The loss history as {@code step,train_nll,test_nll}: one row per recorded step, {@code NaN}
     * where a value was not measured at that step (test losses are usually measured less often);
     * readable by {@code numpy.loadtxt(..., delimiter=",", skiprows=1)}. The same writer as
     * {@link LossSnapshot#writeCsv}.
     */
    public static void writeLossHistory(Path file, LossSnapshot history) throws IOException {
        history.writeCsv(file);
    }
}

package org.flowexplorer.app.viewmodel;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.flowexplorer.model.data.CsvTable;
import org.flowexplorer.model.data.PointCsv;
import org.flowexplorer.model.flow.FlowTrace;
import org.flowexplorer.model.train.LossSnapshot;

/**
 * The CSV files the view model writes, on the model's JavaFX-free writers (the same formats as
 * {@code export.CsvExport}, which the view model does not use: it stands next to the chart code).
 * Any thread; files are replaced atomically.
 */
final class ExportWriters {
    private ExportWriters() {
    }

    /** x,y points (data points or model samples), readable by {@code train --data}. */
    static void points(Path file, float[] xy) throws IOException {
        PointCsv.write(file, xy);
    }

    /** step,train_nll,test_nll with NaN where a value was not measured. */
    static void lossHistory(Path file, LossSnapshot history) throws IOException {
        history.writeCsv(file);
    }

    /** Per-layer positions: columns l0_x, l0_y, …, lL_x, lL_y, one row per point. */
    static void trace(Path file, FlowTrace trace) throws IOException {
        if (trace.dim() != 2) {
            throw new IllegalArgumentException("trace export needs 2-D points, got " + trace.dim() + "-D");
        }
        List<String> header = new ArrayList<>();
        List<float[]> columns = new ArrayList<>();
        for (int l = 0; l <= trace.layers(); l++) {
            for (int axis = 0; axis < 2; axis++) {
                header.add("l" + l + (axis == 0 ? "_x" : "_y"));
                columns.add(coordinate(trace.positionsAt(l), axis));
            }
        }
        CsvTable.writeColumns(file, header, columns);
    }

    private static float[] coordinate(float[] xy, int axis) {
        float[] out = new float[xy.length / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = xy[2 * i + axis];
        }
        return out;
    }
}

package org.flowexplorer.app.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.flowexplorer.app.testing.TestData;
import org.flowexplorer.model.data.PointCsv;
import org.flowexplorer.model.train.LossHistory;
import org.flowexplorer.model.train.LossSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvExportTest {
    @TempDir
    Path dir;

    @Test
    void pointsAndSamplesRoundTrip() throws Exception {
        float[] xy = {0.1f, -2.5f, 3e-7f, 1e6f, -0f, 42f};
        Path p = dir.resolve("points.csv");
        CsvExport.writePoints(p, xy);
        assertArrayEquals(xy, PointCsv.read(p));
        Path s = dir.resolve("samples.csv");
        CsvExport.writeSamples(s, xy);
        assertArrayEquals(xy, PointCsv.read(s));
    }

    @Test
    void traceHasOneColumnPairPerLayer() throws Exception {
        float[][] layers = TestData.ringLayers(5);
        Path f = dir.resolve("trace.csv");
        CsvExport.writeTrace(f, layers);
        List<String> lines = Files.readAllLines(f);
        assertEquals("l0_x,l0_y,l1_x,l1_y,l2_x,l2_y,l3_x,l3_y", lines.get(0));
        assertEquals(6, lines.size());
        for (int i = 0; i < 5; i++) {
            String[] cells = lines.get(i + 1).split(",");
            for (int l = 0; l < 4; l++) {
                assertEquals(layers[l][2 * i], Float.parseFloat(cells[2 * l]));
                assertEquals(layers[l][2 * i + 1], Float.parseFloat(cells[2 * l + 1]));
            }
        }
    }

    @Test
    void lossHistoryHasOneRowPerStepWithNaNWhereNotMeasured() throws Exception {
        Path f = dir.resolve("loss.csv");
        LossHistory h = new LossHistory();
        h.append(1, 3.5, Double.NaN);
        h.append(2, 3.25, 3.0);
        h.append(4, 2.75, 2.5);
        h.append(6, Double.NaN, 2.25);
        CsvExport.writeLossHistory(f, h.snapshot());
        assertEquals(List.of("step,train_nll,test_nll", "1,3.5,NaN", "2,3.25,3.0", "4,2.75,2.5", "6,NaN,2.25"),
                Files.readAllLines(f));
        CsvExport.writeLossHistory(f, LossSnapshot.empty());
        assertEquals(List.of("step,train_nll,test_nll"), Files.readAllLines(f));
    }
}

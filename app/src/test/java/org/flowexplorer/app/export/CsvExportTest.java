package org.flowexplorer.app.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.flowexplorer.model.data.PointCsv;
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
        float[][] layers = AnimationExportTest.layers(5);
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
    void lossHistoryMergesStepsWithEmptyCells() throws Exception {
        Path f = dir.resolve("loss.csv");
        CsvExport.writeLossHistory(f, new int[] {1, 2, 3, 4}, new float[] {3.5f, 3.25f, Float.NaN, 2.75f},
                new int[] {2, 4, 6}, new float[] {3.0f, 2.5f, 2.25f});
        assertEquals(List.of("step,train_nll,test_nll", "1,3.5,", "2,3.25,3.0", "3,NaN,", "4,2.75,2.5", "6,,2.25"),
                Files.readAllLines(f));
        CsvExport.writeLossHistory(f, new int[] {1}, new float[] {1f}, null, null);
        assertEquals(List.of("step,train_nll,test_nll", "1,1.0,"), Files.readAllLines(f));
    }
}

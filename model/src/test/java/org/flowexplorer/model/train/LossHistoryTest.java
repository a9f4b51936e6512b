package org.flowexplorer.model.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LossHistoryTest {
    @TempDir
    Path dir;

    @Test
    void snapshotsAreImmutableWhileTheHistoryGrows() {
        LossHistory h = new LossHistory();
        h.append(0, 5.0, 5.5);
        h.append(10, 4.0, Double.NaN);
        LossSnapshot early = h.snapshot();
        for (int s = 11; s < 1000; s++) {
            h.append(s, 1.0 / s, Double.NaN); // grows past the initial capacity several times
        }
        assertEquals(2, early.size());
        assertArrayEquals(new long[] {0, 10}, early.steps());
        assertArrayEquals(new double[] {5.0, 4.0}, early.trainNll());
        assertEquals(5.5, early.testNll(0));
        assertTrue(Double.isNaN(early.testNll(1)));
        assertThrows(IndexOutOfBoundsException.class, () -> early.step(2));
        LossSnapshot late = h.snapshot();
        assertEquals(991, late.size());
        assertEquals(999, late.lastStep());
        h.clear();
        assertEquals(0, h.size());
        assertEquals(991, late.size());
        assertEquals(999, late.step(990));
        h.append(3, 1, 1); // after clear, steps start over
        assertEquals(999, late.lastStep());
        late.steps()[0] = 77; // copies
        assertEquals(0, late.step(0));
    }

    @Test
    void stepsMustIncrease() {
        LossHistory h = new LossHistory();
        h.append(5, 1, 1);
        assertThrows(IllegalArgumentException.class, () -> h.append(5, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> h.append(4, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new LossHistory().append(-1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> LossSnapshot.of(new long[] {1, 1}, new double[2], new double[2]));
        assertThrows(IllegalArgumentException.class, () -> LossSnapshot.of(new long[] {1}, new double[2], new double[1]));
    }

    @Test
    void continuesFromASnapshot() {
        LossSnapshot s = LossSnapshot.of(new long[] {1, 2, 3}, new double[] {3, 2, 1}, new double[] {Double.NaN, Double.NaN, 1.5});
        LossHistory h = LossHistory.of(s);
        assertEquals(s, h.snapshot());
        assertThrows(IllegalArgumentException.class, () -> h.append(3, 0, 0));
        h.append(4, 0.5, Double.NaN);
        assertEquals(3, s.size());
        assertNotEquals(s, h.snapshot());
        assertEquals(LossSnapshot.empty(), new LossHistory().snapshot());
    }

    @Test
    void csvExport() throws IOException {
        LossHistory h = new LossHistory();
        h.append(1, 3.25, Double.NaN);
        h.append(200, 0.1, 2.5);
        Path file = dir.resolve("loss.csv");
        h.snapshot().writeCsv(file);
        assertEquals(List.of("step,train_nll,test_nll", "1,3.25,NaN", "200,0.1,2.5"), Files.readAllLines(file));
        new LossHistory().snapshot().writeCsv(file);
        assertEquals(List.of("step,train_nll,test_nll"), Files.readAllLines(file));
    }

    @Test
    void concurrentAppendsAndSnapshotsStayConsistent() throws InterruptedException {
        LossHistory h = new LossHistory();
        Thread writer = new Thread(() -> {
            for (int s = 0; s < 200_000; s++) {
                h.append(s, s, -s);
            }
        });
        writer.start();
        while (writer.isAlive()) {
            LossSnapshot snap = h.snapshot();
            for (int i = 0; i < snap.size(); i += 997) {
                assertEquals(i, snap.step(i));
                assertEquals(i, snap.trainNll(i));
                assertEquals(-i, snap.testNll(i));
            }
        }
        writer.join();
        assertEquals(200_000, h.size());
    }
}

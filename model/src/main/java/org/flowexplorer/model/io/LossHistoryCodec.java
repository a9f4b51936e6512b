package org.flowexplorer.model.io;

import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.ZipEntry;
import org.flowexplorer.model.Limits;
import org.flowexplorer.model.train.LossSnapshot;

/**
 * The loss curves of a model archive: {@link ModelFile#TRAIN_HISTORY} and (when not empty)
 * {@link ModelFile#TEST_HISTORY}, each a float64 {@code [n, 2]} array of (step, nll) rows with
 * steps increasing; read back merged by step into one {@link LossSnapshot}.
 */
final class LossHistoryCodec {
    private LossHistoryCodec() {
    }

    /** Writes the curves of {@code history} (nothing for a null or empty one). */
    static void write(ZipArchive.Writer zip, LossSnapshot history) throws IOException {
        if (history == null || history.isEmpty()) {
            return;
        }
        zip.deflated(ModelFile.TRAIN_HISTORY, Npy.write(rows(history.trainSeries())));
        LossSnapshot.Series test = history.testSeries();
        if (test.size() > 0) {
            zip.deflated(ModelFile.TEST_HISTORY, Npy.write(rows(test)));
        }
    }

    /** Rows (step, nll) as a float64 {@code [n, 2]} array. */
    private static NdArray rows(LossSnapshot.Series series) {
        double[] rows = new double[series.size() * 2];
        for (int i = 0; i < series.size(); i++) {
            rows[2 * i] = series.steps()[i];
            rows[2 * i + 1] = series.values()[i];
        }
        return NdArray.ofDoubles(rows, series.size(), 2);
    }

    /** The stored curves, or null when the archive has none. */
    static LossSnapshot read(ZipArchive zip) throws IOException {
        ZipEntry train = zip.entry(ModelFile.TRAIN_HISTORY);
        if (train == null) {
            return null;
        }
        ZipEntry test = zip.entry(ModelFile.TEST_HISTORY);
        LossSnapshot.Series trainSeries = series(zip, train);
        LossSnapshot.Series testSeries = test != null ? series(zip, test) : new LossSnapshot.Series(new long[0], new double[0]);
        try {
            return LossSnapshot.ofSeries(trainSeries, testSeries);
        } catch (IllegalArgumentException e) {
            throw zip.fail("history/: " + e.getMessage());
        }
    }

    /** One stored curve, validated to be a float64 [n, 2] array of at most {@link Limits#MAX_HISTORY_ROWS} rows. */
    private static LossSnapshot.Series series(ZipArchive zip, ZipEntry entry) throws IOException {
        NdArray a = zip.readNpy(entry, (name, dtype, shape) -> {
            if (shape.length != 2 || shape[1] != 2 || dtype != NdType.FLOAT64) {
                throw zip.fail("entry " + name + " must be a float64 [n, 2] array of (step, nll), got "
                        + dtype.name().toLowerCase(Locale.ROOT) + " " + Arrays.toString(shape));
            }
            if (shape[0] > Limits.MAX_HISTORY_ROWS) {
                throw zip.fail("entry " + name + " holds " + shape[0] + " rows, over the limit of " + Limits.MAX_HISTORY_ROWS);
            }
        });
        double[] rows = a.toDoubles();
        int n = rows.length / 2;
        long[] steps = new long[n];
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            double step = rows[2 * i];
            if (!(step >= 0 && step <= 0x1p53) || step != Math.rint(step)) {
                throw zip.fail("history: step " + step + " is not a non-negative integer");
            }
            steps[i] = (long) step;
            values[i] = rows[2 * i + 1];
        }
        return new LossSnapshot.Series(steps, values);
    }
}

package org.flowexplorer.model.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import org.flowexplorer.model.Precision;
import org.flowexplorer.model.flow.RealNVP;
import org.flowexplorer.model.train.Checkpoint;

/**
 * Training checkpoints inside a model or session archive (optional; readers that predate them
 * ignore the folder, and files without it load as before):
 *
 * <ul>
 *   <li>{@code checkpoints/steps.npy}: int64 [k], strictly increasing;</li>
 *   <li>{@code checkpoints/parameters.npy}: [k, P] in the model's precision, row i the flat
 *       parameter vector at steps[i] (the order of {@link RealNVP#parameterValues()});</li>
 *   <li>{@code checkpoints/buffers.npy}: float64 [k, B], the batch norms' running statistics
 *       (only for models with batch normalisation).</li>
 * </ul>
 *
 * Loading checks every header against the archive's own model before reading data and refuses
 * non-finite values, with a one-line {@link ModelFormatException} naming the file.
 */
public final class CheckpointFile {
    public static final String DIR = "checkpoints/";
    public static final String STEPS = DIR + "steps.npy";
    public static final String PARAMETERS = DIR + "parameters.npy";
    public static final String BUFFERS = DIR + "buffers.npy";
    /** The most checkpoints one file may hold. */
    public static final int MAX_CHECKPOINTS = 4096;

    /** A model file's model and metadata with its checkpoints (empty when the file has none). */
    public record Loaded(LoadedModel model, List<Checkpoint> checkpoints) {
        public Loaded {
            checkpoints = List.copyOf(checkpoints);
        }
    }

    private CheckpointFile() {
    }

    /** The archive entries holding {@code checkpoints} (none for an empty list); all must fit {@code model}. */
    public static Map<String, byte[]> entries(RealNVP model, List<Checkpoint> checkpoints) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        int k = checkpoints.size();
        if (k == 0) {
            return out;
        }
        if (k > MAX_CHECKPOINTS) {
            throw new IllegalArgumentException(k + " checkpoints is over the limit of " + MAX_CHECKPOINTS);
        }
        int p = model.parameterCount();
        int b = model.bufferValues().length;
        long[] steps = new long[k];
        double[] params = new double[Math.multiplyExact(k, p)];
        double[] buffers = new double[k * b];
        for (int i = 0; i < k; i++) {
            Checkpoint c = checkpoints.get(i);
            if (c.parameterCount() != p || c.precision() != model.precision() || c.bufferValues().length != b) {
                throw new IllegalArgumentException(c + " does not fit the model saved with it");
            }
            steps[i] = c.step();
            System.arraycopy(c.parameterValues(), 0, params, i * p, p);
            System.arraycopy(c.bufferValues(), 0, buffers, i * b, b);
        }
        out.put(STEPS, Npy.write(NdArray.ofLongs(steps, k)));
        out.put(PARAMETERS, Npy.write(model.precision() == Precision.FLOAT32
                ? NdArray.ofFloats(toFloats(params), k, p) : NdArray.ofDoubles(params, k, p)));
        if (b > 0) {
            out.put(BUFFERS, Npy.write(NdArray.ofDoubles(buffers, k, b)));
        }
        return out;
    }

    private static float[] toFloats(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }

    /** Writes a model file ({@link ModelFile}) with {@code checkpoints} beside it, atomically. */
    public static void saveModel(Path file, RealNVP model, ModelMetadata metadata, List<Checkpoint> checkpoints)
            throws IOException {
        ModelFile.save(file, model, metadata, entries(model, checkpoints));
    }

    /** Writes a session file ({@link SessionFile}) with {@code checkpoints} beside it, atomically. */
    public static void saveSession(Path file, Session session, List<Checkpoint> checkpoints) throws IOException {
        SessionFile.save(file, session, entries(session.model(), checkpoints));
    }

    /** The model of a model or session archive with its checkpoints (an empty list when it has none). */
    public static Loaded load(Path file) throws ModelFormatException {
        return ZipArchive.readArchive(file, "model", zip -> {
            LoadedModel m = ModelFile.load(zip);
            return new Loaded(m, read(zip, m.model()));
        });
    }

    /** The checkpoints of an open archive whose model is {@code model}. */
    static List<Checkpoint> read(ZipArchive zip, RealNVP model) throws IOException {
        ZipEntry stepsEntry = zip.entry(STEPS);
        if (stepsEntry == null) {
            if (zip.entry(PARAMETERS) != null) {
                throw zip.fail(PARAMETERS + " without " + STEPS);
            }
            return List.of();
        }
        long[] steps = zip.readNpy(stepsEntry, (name, type, shape) -> {
            if (type != NdType.INT64 || shape.length != 1 || shape[0] > MAX_CHECKPOINTS) {
                throw zip.fail("entry " + name + " must be an int64 [k] array of at most " + MAX_CHECKPOINTS
                        + " steps, got " + type.name().toLowerCase(Locale.ROOT) + " " + Arrays.toString(shape));
            }
        }).toLongs();
        for (int i = 0; i < steps.length; i++) {
            if (steps[i] < 0 || (i > 0 && steps[i] <= steps[i - 1])) {
                throw zip.fail("entry " + STEPS + ": steps must be non-negative and increasing, step " + steps[i] + " at " + i);
            }
        }
        int k = steps.length;
        int p = model.parameterCount();
        int b = model.bufferValues().length;
        NdType dtype = model.precision() == Precision.FLOAT32 ? NdType.FLOAT32 : NdType.FLOAT64;
        double[] params = matrix(zip, PARAMETERS, dtype, k, p);
        double[] buffers = b == 0 ? new double[0] : matrix(zip, BUFFERS, NdType.FLOAT64, k, b);
        List<Checkpoint> out = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            out.add(Checkpoint.ofValues(steps[i], model.precision(), Arrays.copyOfRange(params, i * p, (i + 1) * p),
                    Arrays.copyOfRange(buffers, i * b, (i + 1) * b)));
        }
        return out;
    }

    private static double[] matrix(ZipArchive zip, String entry, NdType dtype, int rows, int cols) throws IOException {
        NdArray a = zip.readNpy(zip.require(entry, "; the checkpoints are incomplete"), (name, type, shape) -> {
            if (type != dtype || shape.length != 2 || shape[0] != rows || shape[1] != cols) {
                throw zip.fail("entry " + name + " must be " + dtype.name().toLowerCase(Locale.ROOT) + " [" + rows + ", "
                        + cols + "] for the model in the archive, got " + type.name().toLowerCase(Locale.ROOT) + " "
                        + Arrays.toString(shape));
            }
        });
        double[] v = a.toDoubles();
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw zip.fail("entry " + entry + ": value " + i + " is not finite");
            }
        }
        return v;
    }
}

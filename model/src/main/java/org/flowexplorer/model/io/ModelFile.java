package org.flowexplorer.model.io;

import org.flowexplorer.model.fs.AtomicFiles;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.flowexplorer.model.Precision;
import org.flowexplorer.model.flow.CouplingType;
import org.flowexplorer.model.flow.FlowSpec;
import org.flowexplorer.model.flow.Mask;
import org.flowexplorer.model.flow.RealNVP;
import org.flowexplorer.model.train.LossSnapshot;
import org.flowexplorer.model.train.TrainingConfig;

/**
 * Flow Explorer's native model file: one {@code .zip} holding
 *
 * <ul>
 *   <li>{@code manifest.json}: {@code format} ({@value #FORMAT}), {@code version} ({@value #VERSION}),
 *       the architecture ({@code dim}, {@code layers}, {@code masks} as 0/1 lists, {@code hidden},
 *       {@code coupling}, {@code precision}, {@code parameterCount}), an optional {@code training}
 *       section (batchSize, learningRate, clipNorm, seed, steps, dataset {name, n, noise, seed}),
 *       {@code createdAt} (ISO-8601 UTC) and {@code appVersion};</li>
 *   <li>{@code params/<key>.npy}: one NumPy array per weight and bias, named by its PyTorch
 *       state_dict key (e.g. {@code params/layers.0.net.0.weight.npy}, shape [out, in]), in the
 *       model's precision. The masks live in the manifest.</li>
 * </ul>
 *
 * The archive is thus readable without Flow Explorer ({@code zipfile} + {@code np.load}). Saving
 * is atomic and loading gives back bit-identical parameters. Every problem while loading is a
 * one-line {@link ModelFormatException} naming the file.
 */
public final class ModelFile {
    public static final String FORMAT = "flow-explorer-model";
    /** The version this code writes, and the newest it reads. */
    public static final int VERSION = 1;
    public static final String MANIFEST = "manifest.json";
    public static final String PARAMS_DIR = "params/";
    /**
     * Optional loss curves, float64 [n, 2] arrays of (step, nll), steps increasing: the training
     * series and (if not empty) the test series of a {@link LossSnapshot} (see
     * {@link LossSnapshot#trainSeries()}); read back merged by step. Readers that predate these
     * entries ignore them.
     */
    public static final String TRAIN_HISTORY = "history/train.npy";
    public static final String TEST_HISTORY = "history/test.npy";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final LocalDateTime FIXED_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);
    private static final int MAX_MANIFEST_BYTES = 1 << 20;
    /** Generous bound on an .npy header, so a huge (or zip-bomb) entry is refused before it is inflated. */
    private static final int NPY_HEADER_ALLOWANCE = 1 << 17;

    private ModelFile() {
    }

    // ---------------------------------------------------------------- saving

    /**
     * Writes {@code model} and {@code metadata} (may be null) to {@code file} atomically. When the
     * metadata has no {@code createdAt}, the current time is recorded.
     */
    public static void save(Path file, RealNVP model, ModelMetadata metadata) throws IOException {
        save(file, model, metadata, Map.of());
    }

    /**
     * As {@link #save(Path, RealNVP, ModelMetadata)}, with further entries written after the
     * parameters in the same atomic write (used by {@link SessionFile}); their names must lie
     * outside {@code manifest.json} and {@code params/}, which the loader owns.
     */
    static void save(Path file, RealNVP model, ModelMetadata metadata, Map<String, byte[]> extraEntries) throws IOException {
        for (String name : extraEntries.keySet()) {
            if (name.equals(MANIFEST) || name.startsWith(PARAMS_DIR)) {
                throw new IllegalArgumentException("entry " + name + " belongs to the model part of the archive");
            }
        }
        ModelMetadata meta = metadata == null ? ModelMetadata.none() : metadata;
        if (meta.createdAt() == null) {
            meta = meta.withCreatedAt(Instant.now());
        }
        byte[] manifest = JSON.writeValueAsBytes(manifest(model, meta));
        Map<String, NdArray> arrays = TorchStateDict.toArrays(model);
        List<StateDictLayout.Tensor> tensors = StateDictLayout.parameters(model);
        LossSnapshot h = meta.lossHistory();
        AtomicFiles.write(file, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            putEntry(zip, MANIFEST, manifest);
            for (StateDictLayout.Tensor t : tensors) {
                putEntry(zip, entryName(t.key()), Npy.write(arrays.get(t.key())));
            }
            if (h != null && !h.isEmpty()) {
                putEntry(zip, TRAIN_HISTORY, Npy.write(historyArray(h.trainSeries())));
                LossSnapshot.Series test = h.testSeries();
                if (test.size() > 0) {
                    putEntry(zip, TEST_HISTORY, Npy.write(historyArray(test)));
                }
            }
            for (Map.Entry<String, byte[]> e : extraEntries.entrySet()) {
                putEntry(zip, e.getKey(), e.getValue());
            }
            zip.finish();
        });
    }

    /** Rows (step, nll) as a float64 {@code [n, 2]} array. */
    private static NdArray historyArray(LossSnapshot.Series series) {
        double[] rows = new double[series.size() * 2];
        for (int i = 0; i < series.size(); i++) {
            rows[2 * i] = series.steps()[i];
            rows[2 * i + 1] = series.values()[i];
        }
        return NdArray.ofDoubles(rows, series.size(), 2);
    }

    private static void putEntry(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(FIXED_TIME);
        entry.setMethod(ZipEntry.DEFLATED);
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
    }

    static String entryName(String key) {
        return PARAMS_DIR + key + ".npy";
    }

    private static ObjectNode manifest(RealNVP model, ModelMetadata meta) {
        FlowSpec spec = model.spec();
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("dim", spec.dim());
        root.put("layers", spec.layers());
        ArrayNode masks = root.putArray("masks");
        for (Mask m : spec.masks()) {
            ArrayNode row = masks.addArray();
            for (boolean b : m.values()) {
                row.add(b ? 1 : 0);
            }
        }
        ArrayNode hidden = root.putArray("hidden");
        for (int h : spec.hidden()) {
            hidden.add(h);
        }
        root.put("coupling", spec.coupling().id());
        root.put("precision", TorchStateDict.name(model.precision()));
        root.put("parameterCount", model.parameterCount());
        if (meta.training() != null || meta.steps() != 0 || meta.dataset() != null) {
            ObjectNode training = root.putObject("training");
            TrainingConfig c = meta.training();
            if (c != null) {
                training.put("batchSize", c.batchSize());
                training.put("learningRate", c.learningRate());
                training.put("clipNorm", c.clipNorm());
                training.put("seed", c.seed());
            }
            training.put("steps", meta.steps());
            ModelMetadata.DatasetInfo d = meta.dataset();
            if (d != null) {
                ObjectNode ds = training.putObject("dataset");
                if (d.name() != null) {
                    ds.put("name", d.name());
                }
                if (d.n() != null) {
                    ds.put("n", d.n());
                }
                if (d.noise() != null) {
                    ds.put("noise", d.noise());
                }
                if (d.seed() != null) {
                    ds.put("seed", d.seed());
                }
            }
        }
        root.put("createdAt", meta.createdAt().toString());
        if (meta.appVersion() != null) {
            root.put("appVersion", meta.appVersion());
        }
        return root;
    }

    // ---------------------------------------------------------------- loading

    /** Reads a model archive written by {@link #save}. */
    public static LoadedModel load(Path file) throws ModelFormatException {
        return readZip(file, "model", zip -> load(file, zip));
    }

    /** Reads from a zip archive; reading failures and a file that is no zip become one-line {@link ModelFormatException}s. */
    static <T> T readZip(Path file, String kind, ZipReader<T> reader) throws ModelFormatException {
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new ModelFormatException(file, "not a Flow Explorer " + kind + ": not a valid zip archive ("
                    + e.getMessage() + "); the file may be truncated", e);
        } catch (IOException e) {
            throw ModelFormatException.wrap(file, e);
        }
        try (zip) {
            return reader.read(zip);
        } catch (IOException e) {
            throw ModelFormatException.wrap(file, e);
        }
    }

    @FunctionalInterface
    interface ZipReader<T> {
        T read(ZipFile zip) throws IOException;
    }

    /** Reads the model part of an open archive (shared with {@link SessionFile}, which reads the rest of the same archive). */
    static LoadedModel load(Path file, ZipFile zip) throws IOException {
        ZipEntry manifestEntry = zip.getEntry(MANIFEST);
        if (manifestEntry == null) {
            throw new ModelFormatException(file, "missing " + MANIFEST + "; not a Flow Explorer model file");
        }
        byte[] manifestBytes = readEntry(file, zip, manifestEntry, MAX_MANIFEST_BYTES);
        JsonNode root;
        try {
            root = JSON.readTree(manifestBytes);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String why = e.getOriginalMessage();
            int cut = why.indexOf(" (start marker");
            throw new ModelFormatException(file, MANIFEST + " is not valid JSON (" + (cut < 0 ? why : why.substring(0, cut))
                    + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr()) + ")");
        }
        Manifest m = new Manifest(file, root);
        FlowSpec spec = m.spec();
        Precision precision = m.precision();
        RealNVP model = RealNVP.create(spec, precision, 0);
        long declared = m.requireLong(root, "parameterCount");
        if (declared != model.parameterCount()) {
            throw m.error("'parameterCount' is " + declared + " but the architecture has " + model.parameterCount() + " parameters");
        }
        ModelMetadata metadata = m.metadata();

        // the parameters: exactly the architecture's tensors under params/
        Map<String, StateDictLayout.Tensor> expected = new HashMap<>();
        List<StateDictLayout.Tensor> tensors = StateDictLayout.parameters(model);
        for (StateDictLayout.Tensor t : tensors) {
            expected.put(entryName(t.key()), t);
        }
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            String name = entries.nextElement().getName();
            if (name.startsWith(PARAMS_DIR) && !name.equals(PARAMS_DIR) && !expected.containsKey(name)) {
                throw new ModelFormatException(file, "unexpected entry " + name + " (not a parameter of the architecture in " + MANIFEST + ")");
            }
        }
        NdType dtype = precision == Precision.FLOAT64 ? NdType.FLOAT64 : NdType.FLOAT32;
        double[] values = new double[model.parameterCount()];
        for (StateDictLayout.Tensor t : tensors) {
            String name = entryName(t.key());
            ZipEntry entry = zip.getEntry(name);
            if (entry == null) {
                throw new ModelFormatException(file, "missing entry " + name);
            }
            byte[] bytes = readEntry(file, zip, entry, (long) t.size() * dtype.itemSize() + NPY_HEADER_ALLOWANCE);
            NdArray a = Npy.read(bytes, file + "!" + name);
            if (!Arrays.equals(a.intShape(), t.shape())) {
                throw new ModelFormatException(file, "entry " + name + " has shape " + Arrays.toString(a.intShape())
                        + ", expected " + Arrays.toString(t.shape()) + " for the architecture in " + MANIFEST);
            }
            if (a.dtype() != dtype) {
                throw new ModelFormatException(file, "entry " + name + " has dtype " + a.dtype().name().toLowerCase(java.util.Locale.ROOT)
                        + ", expected " + TorchStateDict.name(precision) + " (the manifest's precision)");
            }
            System.arraycopy(a.toDoubles(), 0, values, t.offset(), t.size());
        }
        model.setParameters(values);
        ZipEntry trainHistory = zip.getEntry(TRAIN_HISTORY);
        if (trainHistory != null) {
            ZipEntry testHistory = zip.getEntry(TEST_HISTORY);
            double[][] train = readHistory(file, zip, trainHistory);
            double[][] test = testHistory != null ? readHistory(file, zip, testHistory) : new double[2][0];
            try {
                metadata = metadata.withLossHistory(LossSnapshot.ofSeries(
                        new LossSnapshot.Series(toSteps(file, train[0]), train[1]),
                        new LossSnapshot.Series(toSteps(file, test[0]), test[1])));
            } catch (IllegalArgumentException e) {
                throw new ModelFormatException(file, "history/: " + e.getMessage());
            }
        }
        return new LoadedModel(model, metadata);
    }

    /** A stored loss curve as {steps, values}, validated to be a float64 [n, 2] array. */
    private static double[][] readHistory(Path file, ZipFile zip, ZipEntry entry) throws IOException {
        NdArray a = Npy.read(readEntry(file, zip, entry, MAX_MANIFEST_BYTES * 64L), file + "!" + entry.getName());
        int[] shape = a.intShape();
        if (shape.length != 2 || shape[1] != 2 || a.dtype() != NdType.FLOAT64) {
            throw new ModelFormatException(file, "entry " + entry.getName() + " must be a float64 [n, 2] array of (step, nll),"
                    + " got " + a.dtype().name().toLowerCase(java.util.Locale.ROOT) + " " + Arrays.toString(shape));
        }
        double[] rows = a.toDoubles();
        double[][] out = new double[2][shape[0]];
        for (int i = 0; i < shape[0]; i++) {
            out[0][i] = rows[2 * i];
            out[1][i] = rows[2 * i + 1];
        }
        return out;
    }

    private static long[] toSteps(Path file, double[] v) throws ModelFormatException {
        long[] s = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            if (!(v[i] >= 0 && v[i] <= 0x1p53) || v[i] != Math.rint(v[i])) {
                throw new ModelFormatException(file, "history: step " + v[i] + " is not a non-negative integer");
            }
            s[i] = (long) v[i];
        }
        return s;
    }

    /** Reads a whole entry, refusing more than {@code limit} bytes and checking the CRC (ZipFile does not). */
    static byte[] readEntry(Path file, ZipFile zip, ZipEntry entry, long limit) throws ModelFormatException {
        String name = entry.getName();
        byte[] bytes;
        try (InputStream in = zip.getInputStream(entry)) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, limit + 1));
        } catch (ZipException | EOFException e) {
            throw new ModelFormatException(file, "corrupt entry " + name + " (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new ModelFormatException(file, "cannot read entry " + name + " (" + e.getMessage() + ")", e);
        }
        if (bytes.length > limit) {
            throw new ModelFormatException(file, "entry " + name + " is larger than its contents can be (over " + limit + " bytes)");
        }
        if (entry.getSize() >= 0 && bytes.length != entry.getSize()) {
            throw new ModelFormatException(file, "corrupt entry " + name + " (" + bytes.length + " bytes, the archive says " + entry.getSize() + ")");
        }
        if (entry.getCrc() >= 0) {
            CRC32 crc = new CRC32();
            crc.update(bytes);
            if (crc.getValue() != entry.getCrc()) {
                throw new ModelFormatException(file, "corrupt entry " + name + " (CRC mismatch)");
            }
        }
        return bytes;
    }

    /** Typed, validated access to manifest.json; every error names the file and the field. */
    private static final class Manifest {
        private final Path file;
        private final JsonNode root;

        Manifest(Path file, JsonNode root) throws ModelFormatException {
            this.file = file;
            this.root = root;
            if (!root.isObject()) {
                throw error("expected a JSON object");
            }
            JsonNode format = root.get("format");
            if (format == null) {
                throw new ModelFormatException(file, MANIFEST + " has no 'format' field; not a Flow Explorer model file");
            }
            if (!format.isTextual() || !format.asText().equals(FORMAT)) {
                throw new ModelFormatException(file, "not a Flow Explorer model (" + MANIFEST + " format is " + format
                        + ", expected \"" + FORMAT + "\")");
            }
            long version = requireLong(root, "version");
            if (version > VERSION) {
                throw new ModelFormatException(file, "model format version " + version + " is newer than this Flow Explorer reads (up to "
                        + VERSION + "); open it with a newer version");
            }
            if (version < 1) {
                throw error("'version' must be at least 1, got " + version);
            }
        }

        ModelFormatException error(String detail) {
            return new ModelFormatException(file, MANIFEST + ": " + detail);
        }

        FlowSpec spec() throws ModelFormatException {
            int dim = requireInt(root, "dim", 2);
            int layers = requireInt(root, "layers", 1);
            JsonNode masks = root.get("masks");
            if (masks == null || !masks.isArray() || masks.size() != layers) {
                throw error("'masks' must be a list of " + layers + " masks (one per layer)");
            }
            List<Mask> list = new ArrayList<>();
            for (int i = 0; i < layers; i++) {
                JsonNode row = masks.get(i);
                if (!row.isArray() || row.size() != dim) {
                    throw error("masks[" + i + "] must be a list of " + dim + " values 0 or 1");
                }
                double[] v = new double[dim];
                for (int k = 0; k < dim; k++) {
                    JsonNode x = row.get(k);
                    if (!x.isIntegralNumber() || (x.asInt() != 0 && x.asInt() != 1)) {
                        throw error("masks[" + i + "] must hold only 0 and 1, found " + x + " at index " + k);
                    }
                    v[k] = x.asInt();
                }
                try {
                    list.add(Mask.fromValues(v));
                } catch (IllegalArgumentException e) {
                    throw error("masks[" + i + "]: " + e.getMessage());
                }
            }
            JsonNode hiddenNode = root.get("hidden");
            if (hiddenNode == null || !hiddenNode.isArray() || hiddenNode.isEmpty()) {
                throw error("'hidden' must be a non-empty list of layer widths");
            }
            int[] hidden = new int[hiddenNode.size()];
            for (int k = 0; k < hidden.length; k++) {
                JsonNode x = hiddenNode.get(k);
                if (!x.isIntegralNumber() || !x.canConvertToInt() || x.asInt() < 1) {
                    throw error("'hidden' must hold positive integers, found " + x);
                }
                hidden[k] = x.asInt();
            }
            CouplingType coupling;
            try {
                coupling = CouplingType.fromId(requireText(root, "coupling"));
            } catch (IllegalArgumentException e) {
                throw error(e.getMessage());
            }
            try {
                return new FlowSpec(dim, list, hidden, coupling);
            } catch (IllegalArgumentException e) {
                throw error(e.getMessage());
            }
        }

        Precision precision() throws ModelFormatException {
            String p = requireText(root, "precision");
            return switch (p) {
                case "float32" -> Precision.FLOAT32;
                case "float64" -> Precision.FLOAT64;
                default -> throw error("unknown precision '" + p + "' (expected float32 or float64)");
            };
        }

        ModelMetadata metadata() throws ModelFormatException {
            TrainingConfig config = null;
            long steps = 0;
            ModelMetadata.DatasetInfo dataset = null;
            JsonNode t = root.get("training");
            if (t != null && !t.isNull()) {
                if (!t.isObject()) {
                    throw error("'training' must be an object");
                }
                boolean any = t.has("batchSize") || t.has("learningRate") || t.has("clipNorm") || t.has("seed");
                if (any) {
                    try {
                        config = new TrainingConfig(requireInt(t, "batchSize", 1), requireDouble(t, "learningRate"),
                                requireDouble(t, "clipNorm"), requireLong(t, "seed"));
                    } catch (IllegalArgumentException e) {
                        throw error("training: " + e.getMessage());
                    }
                }
                if (t.has("steps")) {
                    steps = requireLong(t, "steps");
                    if (steps < 0) {
                        throw error("training.steps must not be negative, got " + steps);
                    }
                }
                JsonNode d = t.get("dataset");
                if (d != null && !d.isNull()) {
                    if (!d.isObject()) {
                        throw error("training.dataset must be an object");
                    }
                    String name = d.has("name") ? requireText(d, "name") : null;
                    Integer n = d.has("n") ? requireInt(d, "n", 0) : null;
                    Double noise = d.has("noise") ? requireDouble(d, "noise") : null;
                    Long seed = d.has("seed") ? requireLong(d, "seed") : null;
                    dataset = new ModelMetadata.DatasetInfo(name, n, noise, seed);
                }
            }
            Instant created = null;
            if (root.hasNonNull("createdAt")) {
                String s = requireText(root, "createdAt");
                try {
                    created = Instant.parse(s);
                } catch (DateTimeParseException e) {
                    throw error("'createdAt' is not an ISO-8601 time: '" + s + "'");
                }
            }
            String app = root.hasNonNull("appVersion") ? requireText(root, "appVersion") : null;
            return new ModelMetadata(config, steps, dataset, created, app);
        }

        long requireLong(JsonNode node, String field) throws ModelFormatException {
            JsonNode x = node.get(field);
            if (x == null || !x.isIntegralNumber() || !x.canConvertToLong()) {
                throw error(describe(node, field) + " must be an integer" + (x == null ? " (missing)" : ", got " + x));
            }
            return x.asLong();
        }

        int requireInt(JsonNode node, String field, int min) throws ModelFormatException {
            JsonNode x = node.get(field);
            if (x == null || !x.isIntegralNumber() || !x.canConvertToInt() || x.asInt() < min) {
                throw error(describe(node, field) + " must be an integer of at least " + min + (x == null ? " (missing)" : ", got " + x));
            }
            return x.asInt();
        }

        double requireDouble(JsonNode node, String field) throws ModelFormatException {
            JsonNode x = node.get(field);
            if (x == null || !x.isNumber()) {
                throw error(describe(node, field) + " must be a number" + (x == null ? " (missing)" : ", got " + x));
            }
            return x.asDouble();
        }

        String requireText(JsonNode node, String field) throws ModelFormatException {
            JsonNode x = node.get(field);
            if (x == null || !x.isTextual()) {
                throw error(describe(node, field) + " must be a string" + (x == null ? " (missing)" : ", got " + x));
            }
            return x.asText();
        }

        private String describe(JsonNode node, String field) {
            if (node == root) {
                return "'" + field + "'";
            }
            return node == root.get("training") ? "training." + field : "training.dataset." + field;
        }
    }
}

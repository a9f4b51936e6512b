package org.flowexplorer.model.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.flowexplorer.model.data.ToyDataset;
import org.flowexplorer.model.flow.Architecture;
import org.flowexplorer.model.flow.CouplingType;
import org.flowexplorer.model.flow.RealNVP;
import org.flowexplorer.model.train.LossHistory;
import org.flowexplorer.model.train.LossSnapshot;
import org.flowexplorer.model.train.TrainingConfig;

/**
 * A saved session: the native model archive of {@link ModelFile}, unchanged, plus a
 * {@code session/} folder:
 *
 * <ul>
 *   <li>{@code session/settings.json}: {@code format} ({@value #FORMAT}), {@code version}
 *       ({@value #VERSION}), {@code dataSource} ({@code {"kind":"toy","name","n","noise","seed"}} or
 *       {@code {"kind":"custom","origin"}}), {@code architecture} ({@code layers}, {@code hidden},
 *       {@code coupling}), {@code training} ({@code learningRate}, {@code batchSize}, {@code clipNorm},
 *       {@code seed}) and {@code view} (string → string);</li>
 *   <li>{@code session/data.npy}: the training points, float32 [n, 2] (n may be 0).</li>
 * </ul>
 *
 * <p>The loss curve is stored once, where every model file keeps it: {@link ModelFile#TRAIN_HISTORY}
 * and {@link ModelFile#TEST_HISTORY} (float64 (step, nll) rows), so a session opened as a plain
 * model still shows its loss curve.
 *
 * <p><b>File name.</b> A session is written as an ordinary {@code .zip} and the app suggests the
 * name {@code <name>}{@value #EXTENSION}. Keeping the {@code .zip} extension means a session is
 * accepted, unchanged, everywhere a model is ({@link ModelFiles} dispatches on the extension, the
 * CLI's {@code eval}/{@code sample}/{@code convert}, Python's {@code zipfile}); the
 * {@code .session} infix only tells people (and file-chooser filters) which zips carry a session.
 * What makes a file a session is its content: {@link #isSession(Path)} checks for
 * {@code session/settings.json}, so the app's Open command can accept any {@code .zip} and open
 * a session or just a model accordingly.
 *
 * <p>Saving is atomic (one write of the whole archive). Loading reads the model and the session
 * entries from one open archive and validates all of it before returning, so the caller gets a
 * complete {@link Session} or a one-line {@link ModelFormatException} naming the file — never a
 * partly restored session.
 */
public final class SessionFile {
    public static final String FORMAT = "flow-explorer-session";
    /** The session-part version this code writes, and the newest it reads. */
    public static final int VERSION = 1;
    /** Suggested file-name ending; any {@code .zip} holding the session entries loads. */
    public static final String EXTENSION = ".session.zip";
    public static final String DIR = "session/";
    public static final String SETTINGS = DIR + "settings.json";
    public static final String DATA = DIR + "data.npy";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final int MAX_SETTINGS_BYTES = 1 << 20;
    /** Up to 2^27 points (1 GiB of float32); a larger entry is refused before it is inflated. */
    private static final long MAX_ARRAY_BYTES = 1L << 30;
    private static final int NPY_HEADER_ALLOWANCE = 1 << 17;

    private SessionFile() {
    }

    // ---------------------------------------------------------------- saving

    /**
     * Writes {@code session} to {@code file} atomically: an existing file is replaced only by a
     * complete new one.
     *
     * @throws IllegalArgumentException if the data has a non-finite coordinate or the model is not 2-D
     */
    public static void save(Path file, Session session) throws IOException {
        RealNVP model = session.model();
        if (model.dim() != 2) {
            throw new IllegalArgumentException("sessions hold 2-D data; the model has dimension " + model.dim());
        }
        float[] data = session.data();
        for (int i = 0; i < data.length; i++) {
            if (!Float.isFinite(data[i])) {
                throw new IllegalArgumentException("point " + i / 2 + " has a non-finite coordinate: " + data[i]);
            }
        }
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(SETTINGS, JSON.writeValueAsBytes(settingsJson(session.settings())));
        entries.put(DATA, Npy.write(NdArray.ofFloats(data, data.length / 2, 2)));
        ModelFile.save(file, model, session.metadata().withLossHistory(session.history().snapshot()), entries);
    }

    private static ObjectNode settingsJson(SessionSettings s) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        ObjectNode ds = root.putObject("dataSource");
        if (s.dataSource() instanceof DataSource.Toy t) {
            ds.put("kind", "toy");
            ds.put("name", t.dataset().id());
            ds.put("n", t.n());
            ds.put("noise", t.noise());
            ds.put("seed", t.seed());
        } else if (s.dataSource() instanceof DataSource.Custom c) {
            ds.put("kind", "custom");
            if (c.origin() != null) {
                ds.put("origin", c.origin());
            }
        }
        ObjectNode arch = root.putObject("architecture");
        arch.put("layers", s.architecture().layers());
        ArrayNode hidden = arch.putArray("hidden");
        for (int h : s.architecture().hidden()) {
            hidden.add(h);
        }
        arch.put("coupling", s.architecture().coupling().id());
        ObjectNode training = root.putObject("training");
        training.put("learningRate", s.training().learningRate());
        training.put("batchSize", s.training().batchSize());
        training.put("clipNorm", s.training().clipNorm());
        training.put("seed", s.training().seed());
        ObjectNode view = root.putObject("view");
        s.view().forEach(view::put);
        return root;
    }

    // ---------------------------------------------------------------- loading

    /** Whether {@code file} is a readable zip archive holding {@code session/settings.json}; never throws. */
    public static boolean isSession(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return zip.getEntry(SETTINGS) != null;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Reads a session written by {@link #save}; all or nothing. */
    public static Session load(Path file) throws ModelFormatException {
        return ModelFile.readZip(file, "session", zip -> load(file, zip));
    }

    private static Session load(Path file, ZipFile zip) throws IOException {
        ZipEntry settingsEntry = zip.getEntry(SETTINGS);
        if (settingsEntry == null) {
            if (zip.getEntry(ModelFile.MANIFEST) != null) {
                throw new ModelFormatException(file, "a model file without a session (no " + SETTINGS + "); open it as a model instead");
            }
            throw new ModelFormatException(file, "missing " + SETTINGS + "; not a Flow Explorer session file");
        }
        SessionSettings settings = new SettingsReader(file, readJson(file, zip, settingsEntry)).settings();
        LoadedModel loaded = ModelFile.load(file, zip);
        if (loaded.model().dim() != 2) {
            throw new ModelFormatException(file, "the model has dimension " + loaded.model().dim() + "; sessions hold 2-D models");
        }

        NdArray dataArray = readArray(file, zip, DATA, NdType.FLOAT32);
        int[] shape = dataArray.intShape();
        if (shape.length != 2 || shape[1] != 2) {
            throw new ModelFormatException(file, "entry " + DATA + " has shape " + Arrays.toString(shape) + ", expected [n, 2]");
        }
        float[] data = dataArray.toFloats();
        for (int i = 0; i < data.length; i++) {
            if (!Float.isFinite(data[i])) {
                throw new ModelFormatException(file, "entry " + DATA + ": point " + i / 2 + " has a non-finite coordinate " + data[i]);
            }
        }

        LossSnapshot loss = loaded.metadata().lossHistory();
        return new Session(loaded.model(), loaded.metadata(), data, settings,
                LossHistory.of(loss == null ? LossSnapshot.empty() : loss));
    }

    private static JsonNode readJson(Path file, ZipFile zip, ZipEntry entry) throws ModelFormatException {
        byte[] bytes = ModelFile.readEntry(file, zip, entry, MAX_SETTINGS_BYTES);
        try {
            return JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            String why = e.getOriginalMessage();
            int cut = why.indexOf(" (start marker");
            var at = e.getLocation();
            throw new ModelFormatException(file, SETTINGS + " is not valid JSON (" + (cut < 0 ? why : why.substring(0, cut))
                    + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr()) + ")");
        } catch (IOException e) {
            throw new ModelFormatException(file, "cannot read " + SETTINGS + " (" + e.getMessage() + ")", e);
        }
    }

    private static NdArray readArray(Path file, ZipFile zip, String name, NdType dtype) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new ModelFormatException(file, "missing entry " + name + "; the session is incomplete");
        }
        NdArray a = Npy.read(ModelFile.readEntry(file, zip, entry, MAX_ARRAY_BYTES + NPY_HEADER_ALLOWANCE), file + "!" + name);
        if (a.dtype() != dtype) {
            throw new ModelFormatException(file, "entry " + name + " has dtype " + a.dtype().name().toLowerCase(java.util.Locale.ROOT)
                    + ", expected " + dtype.name().toLowerCase(java.util.Locale.ROOT));
        }
        return a;
    }

    /** Typed, validated access to settings.json; every error names the file, the entry and the field. */
    private static final class SettingsReader {
        private final Path file;
        private final JsonNode root;

        SettingsReader(Path file, JsonNode root) throws ModelFormatException {
            this.file = file;
            this.root = root;
            if (!root.isObject()) {
                throw error("expected a JSON object");
            }
            JsonNode format = root.get("format");
            if (format == null || !format.isTextual() || !format.asText().equals(FORMAT)) {
                throw error("'format' is " + format + ", expected \"" + FORMAT + "\"");
            }
            long version = integer(root, "version", "version");
            if (version > VERSION) {
                throw new ModelFormatException(file, "session format version " + version + " is newer than this Flow Explorer reads (up to "
                        + VERSION + "); open it with a newer version, or open it as a model");
            }
            if (version < 1) {
                throw error("'version' must be at least 1, got " + version);
            }
        }

        ModelFormatException error(String detail) {
            return new ModelFormatException(file, SETTINGS + ": " + detail);
        }

        SessionSettings settings() throws ModelFormatException {
            return new SessionSettings(dataSource(), architecture(), training(), view());
        }

        private DataSource dataSource() throws ModelFormatException {
            JsonNode ds = object(root, "dataSource");
            String kind = text(ds, "kind", "dataSource.kind");
            try {
                switch (kind) {
                    case "toy": {
                        String name = text(ds, "name", "dataSource.name");
                        ToyDataset set = ToyDataset.fromId(name);
                        long n = integer(ds, "n", "dataSource.n");
                        if (n < 1 || n > Integer.MAX_VALUE) {
                            throw error("dataSource.n must be a positive int, got " + n);
                        }
                        return new DataSource.Toy(set, (int) n, number(ds, "noise", "dataSource.noise"), integer(ds, "seed", "dataSource.seed"));
                    }
                    case "custom":
                        return new DataSource.Custom(ds.hasNonNull("origin") ? text(ds, "origin", "dataSource.origin") : null);
                    default:
                        throw error("dataSource.kind is \"" + kind + "\", expected \"toy\" or \"custom\"");
                }
            } catch (IllegalArgumentException e) {
                throw error("dataSource: " + e.getMessage());
            }
        }

        private Architecture architecture() throws ModelFormatException {
            JsonNode a = object(root, "architecture");
            long layers = integer(a, "layers", "architecture.layers");
            JsonNode h = a.get("hidden");
            if (h == null || !h.isArray()) {
                throw error("architecture.hidden must be a list of layer widths");
            }
            int[] hidden = new int[h.size()];
            for (int i = 0; i < hidden.length; i++) {
                if (!h.get(i).isIntegralNumber() || !h.get(i).canConvertToInt()) {
                    throw error("architecture.hidden must hold integers, found " + h.get(i));
                }
                hidden[i] = h.get(i).asInt();
            }
            try {
                if (layers > Integer.MAX_VALUE) {
                    throw new IllegalArgumentException("too many layers: " + layers);
                }
                return new Architecture((int) layers, hidden, CouplingType.fromId(text(a, "coupling", "architecture.coupling")));
            } catch (IllegalArgumentException e) {
                throw error("architecture: " + e.getMessage());
            }
        }

        private TrainingConfig training() throws ModelFormatException {
            JsonNode t = object(root, "training");
            long batch = integer(t, "batchSize", "training.batchSize");
            try {
                if (batch > Integer.MAX_VALUE) {
                    throw new IllegalArgumentException("batch size too large: " + batch);
                }
                return new TrainingConfig((int) batch, number(t, "learningRate", "training.learningRate"),
                        number(t, "clipNorm", "training.clipNorm"), integer(t, "seed", "training.seed"));
            } catch (IllegalArgumentException e) {
                throw error("training: " + e.getMessage());
            }
        }

        private Map<String, String> view() throws ModelFormatException {
            JsonNode v = root.get("view");
            Map<String, String> view = new LinkedHashMap<>();
            if (v == null || v.isNull()) {
                return view;
            }
            if (!v.isObject()) {
                throw error("'view' must be an object of strings");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isTextual()) {
                    throw error("view." + e.getKey() + " must be a string, got " + e.getValue());
                }
                view.put(e.getKey(), e.getValue().asText());
            }
            return view;
        }

        private JsonNode object(JsonNode node, String field) throws ModelFormatException {
            JsonNode x = node.get(field);
            if (x == null || !x.isObject()) {
                throw error("'" + field + "' must be an object" + (x == null ? " (missing)" : ", got " + x));
            }
            return x;
        }

        private long integer(JsonNode node, String field, String path) throws ModelFormatException {
            JsonNode x = node.get(field);
            if (x == null || !x.isIntegralNumber() || !x.canConvertToLong()) {
                throw error(path + " must be an integer" + (x == null ? " (missing)" : ", got " + x));
            }
            return x.asLong();
        }

        private double number(JsonNode node, String field, String path) throws ModelFormatException {
            JsonNode x = node.get(field);
            if (x == null || !x.isNumber()) {
                throw error(path + " must be a number" + (x == null ? " (missing)" : ", got " + x));
            }
            return x.asDouble();
        }

        private String text(JsonNode node, String field, String path) throws ModelFormatException {
            JsonNode x = node.get(field);
            if (x == null || !x.isTextual()) {
                throw error(path + " must be a string" + (x == null ? " (missing)" : ", got " + x));
            }
            return x.asText();
        }
    }
}

package org.flowexplorer.model.io;

import static org.flowexplorer.model.io.Models.assertFormatError;
import static org.flowexplorer.model.io.Models.assertIdentical;
import static org.flowexplorer.model.io.Models.bits;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.flowexplorer.model.Precision;
import org.flowexplorer.model.data.ToyDataset;
import org.flowexplorer.model.flow.Architecture;
import org.flowexplorer.model.flow.CouplingType;
import org.flowexplorer.model.flow.FlowSpec;
import org.flowexplorer.model.flow.RealNVP;
import org.flowexplorer.model.train.LossHistory;
import org.flowexplorer.model.train.TrainingConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionFileTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Architecture ARCH = new Architecture(4, new int[] {8, 8}, CouplingType.AFFINE);
    private static final FlowSpec SPEC = ARCH.toSpec(2);
    private static final ModelMetadata META = new ModelMetadata(new TrainingConfig(128, 3e-4, 0.5, 42), 300,
            new ModelMetadata.DatasetInfo("moons", 500, 0.1, 7L), Instant.parse("2024-05-01T12:34:56Z"), "0.1.0-SNAPSHOT");
    private static final SessionSettings SETTINGS = new SessionSettings(new DataSource.Toy(ToyDataset.MOONS, 500, 0.1, 7),
            ARCH, new TrainingConfig(128, 3e-4, 0.5, 42), Map.of("density", "on", "layer", "3"));

    @TempDir
    Path dir;

    private static Session session(long seed) {
        RealNVP model = Models.random(SPEC, Precision.FLOAT32, seed);
        float[] data = ToyDataset.MOONS.generate(500, 0.1, 7);
        data[0] = 1e-30f; // an odd hand-placed value survives exactly
        data[1] = -3.4028235e38f;
        LossHistory history = new LossHistory();
        for (int s = 1; s <= 300; s++) {
            history.append(s, 3.0 / Math.sqrt(s), s % 100 == 0 ? 2.0 / Math.sqrt(s) : Double.NaN);
        }
        return new Session(model, META, data, SETTINGS, history);
    }

    private Path saved() throws IOException {
        Path file = dir.resolve("good" + SessionFile.EXTENSION);
        SessionFile.save(file, session(17));
        return file;
    }

    @Test
    void saveLoadRestoresEverythingExactly() throws IOException {
        Session original = session(11);
        Path file = dir.resolve("s.session.zip");
        SessionFile.save(file, original);
        Session loaded = SessionFile.load(file);
        assertIdentical(original.model(), loaded.model());
        assertEquals(META, loaded.metadata());
        assertArrayEquals(bits(original.data()), bits(loaded.data()));
        assertEquals(SETTINGS, loaded.settings());
        assertEquals(original.history().snapshot(), loaded.history().snapshot());
        assertEquals(null, loaded.metadata().lossHistory()); // held once, in history()
        try (ZipFile zip = new ZipFile(file.toFile())) {
            assertTrue(zip.getEntry(ModelFile.TRAIN_HISTORY) != null && zip.getEntry(ModelFile.TEST_HISTORY) != null);
            assertTrue(zip.stream().noneMatch(e -> e.getName().startsWith(SessionFile.DIR + "loss")), "stored once");
        }
        assertTrue(Double.isNaN(loaded.history().snapshot().testNll(0)));
        // the loaded history continues
        loaded.history().append(301, 0.1, 0.2);
        assertEquals(301, loaded.history().size());
    }

    @Test
    void customDataDrawnAndImportedAndEmpty() throws IOException {
        RealNVP model = Models.random(SPEC, Precision.FLOAT64, 3);
        for (DataSource source : List.of(DataSource.Custom.DRAWN, new DataSource.Custom("my points.csv"))) {
            for (float[] data : List.of(new float[0], new float[] {0.5f, -0.25f})) {
                Session s = new Session(model, ModelMetadata.none(), data,
                        new SessionSettings(source, ARCH, TrainingConfig.DEFAULT, null), new LossHistory());
                Path file = dir.resolve("custom.session.zip");
                SessionFile.save(file, s);
                Session loaded = SessionFile.load(file);
                assertEquals(source, loaded.settings().dataSource());
                assertArrayEquals(data, loaded.data());
                assertEquals(0, loaded.history().size());
                assertEquals(Map.of(), loaded.settings().view());
                assertIdentical(model, loaded.model());
            }
        }
    }

    @Test
    void aSessionIsAlsoAModelFile() throws IOException {
        Session s = session(5);
        Path file = saved();
        for (LoadedModel m : List.of(ModelFile.load(file), ModelFiles.load(file))) {
            assertIdentical(Models.random(SPEC, Precision.FLOAT32, 17), m.model());
            assertEquals(META, m.metadata().withLossHistory(null));
            assertEquals(s.history().snapshot(), m.metadata().lossHistory()); // a session opened as a model shows its loss
        }
        assertTrue(ModelFiles.isSupported(file));
        assertTrue(SessionFile.isSession(file));
        assertFalse(s.model() == null);
    }

    @Test
    void aPlainModelIsNotASession() throws IOException {
        Path model = dir.resolve("model.zip");
        ModelFile.save(model, Models.random(SPEC, Precision.FLOAT32, 1), META);
        assertFalse(SessionFile.isSession(model));
        assertFormatError(model, () -> SessionFile.load(model), "a model file without a session", "open it as a model");
        Path text = dir.resolve("notes.zip");
        Files.writeString(text, "hello");
        assertFalse(SessionFile.isSession(text));
        assertFalse(SessionFile.isSession(dir.resolve("absent.zip")));
    }

    @Test
    void savingReplacesAtomicallyAndLeavesNoTemporaries() throws IOException {
        Path file = saved();
        Session second = session(99);
        SessionFile.save(file, second);
        assertIdentical(second.model(), SessionFile.load(file).model());
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(file), s.toList());
        }
        float[] bad = {1f, Float.NaN};
        Session nan = new Session(second.model(), META, bad, SETTINGS, null);
        assertThrows(IllegalArgumentException.class, () -> SessionFile.save(file, nan));
        assertIdentical(second.model(), SessionFile.load(file).model()); // untouched
    }

    // ---- broken files

    /** The saved archive with {@code edit} applied to its entries (name → bytes, in order). */
    private Path rewritten(String name, Consumer<Map<String, byte[]>> edit) throws IOException {
        return ZipEdits.rewrite(saved(), dir.resolve(name), edit);
    }

    private Path withSettings(String name, Consumer<ObjectNode> edit) throws IOException {
        return ZipEdits.withJson(saved(), dir.resolve(name), SessionFile.SETTINGS, edit);
    }

    @Test
    void truncatedAndCorruptFiles() throws IOException {
        byte[] bytes = Files.readAllBytes(saved());
        for (int cut : new int[] {10, 100, bytes.length / 2, bytes.length - 1}) {
            Path truncated = dir.resolve("truncated" + cut + ".zip");
            Files.write(truncated, Arrays.copyOf(bytes, bytes.length - cut));
            assertFormatError(truncated, () -> SessionFile.load(truncated), "not a valid zip archive");
        }
        // flip bytes inside the compressed data of the entries (well before the central directory)
        for (int at = 200; at < bytes.length - 2000; at += bytes.length / 7) {
            byte[] copy = bytes.clone();
            for (int i = at; i < at + 40; i++) {
                copy[i] ^= 0x5A;
            }
            Path corrupt = dir.resolve("corrupt" + at + ".zip");
            Files.write(corrupt, copy);
            assertFormatError(corrupt, () -> SessionFile.load(corrupt));
        }
        Path missing = dir.resolve("absent.session.zip");
        assertFormatError(missing, () -> SessionFile.load(missing), "file not found");
    }

    @Test
    void missingSessionEntries() throws IOException {
        Path noData = rewritten("no-entry.zip", e -> e.remove(SessionFile.DATA));
        assertFormatError(noData, () -> SessionFile.load(noData), "missing entry " + SessionFile.DATA, "incomplete");
        // without the (optional) loss entries a session loads with an empty history
        Path noLoss = rewritten("no-loss.zip", e -> {
            e.remove(ModelFile.TRAIN_HISTORY);
            e.remove(ModelFile.TEST_HISTORY);
        });
        assertEquals(0, SessionFile.load(noLoss).history().size());
        Path noParam = rewritten("no-param.zip", e -> e.remove("params/layers.2.net.2.bias.npy"));
        assertFormatError(noParam, () -> SessionFile.load(noParam), "missing entry params/layers.2.net.2.bias.npy");
        Path noManifest = rewritten("no-manifest.zip", e -> e.remove("manifest.json"));
        assertFormatError(noManifest, () -> SessionFile.load(noManifest), "missing manifest.json");
        Path noSettings = rewritten("no-settings.zip", e -> e.remove(SessionFile.SETTINGS));
        assertFormatError(noSettings, () -> SessionFile.load(noSettings), "without a session");
    }

    @Test
    void versionsAndFormat() throws IOException {
        Path newer = withSettings("newer.zip", s -> s.put("version", 2));
        assertFormatError(newer, () -> SessionFile.load(newer), "session format version 2 is newer than this Flow Explorer reads (up to 1)");
        Path zero = withSettings("zero.zip", s -> s.put("version", 0));
        assertFormatError(zero, () -> SessionFile.load(zero), "'version' must be at least 1");
        Path format = withSettings("format.zip", s -> s.put("format", "something-else"));
        assertFormatError(format, () -> SessionFile.load(format), "session/settings.json: 'format' is \"something-else\"");
        Path modelNewer = rewritten("model-newer.zip", e -> {
            try {
                ObjectNode m = (ObjectNode) JSON.readTree(e.get(ModelFile.MANIFEST));
                m.put("version", 7);
                e.put(ModelFile.MANIFEST, JSON.writeValueAsBytes(m));
            } catch (IOException x) {
                throw new UncheckedIOException(x);
            }
        });
        assertFormatError(modelNewer, () -> SessionFile.load(modelNewer), "model format version 7 is newer");
    }

    @Test
    void badSettings() throws IOException {
        Path json = rewritten("json.zip", e -> e.put(SessionFile.SETTINGS, "{\"format\": ".getBytes(StandardCharsets.UTF_8)));
        assertFormatError(json, () -> SessionFile.load(json), "session/settings.json is not valid JSON");
        Path kind = withSettings("kind.zip", s -> ((ObjectNode) s.get("dataSource")).put("kind", "webcam"));
        assertFormatError(kind, () -> SessionFile.load(kind), "dataSource.kind is \"webcam\"");
        Path set = withSettings("set.zip", s -> ((ObjectNode) s.get("dataSource")).put("name", "blobs"));
        assertFormatError(set, () -> SessionFile.load(set), "session/settings.json: dataSource:", "blobs");
        Path lr = withSettings("lr.zip", s -> ((ObjectNode) s.get("training")).put("learningRate", -1));
        assertFormatError(lr, () -> SessionFile.load(lr), "training: learning rate must be a positive number");
        Path batch = withSettings("batch.zip", s -> ((ObjectNode) s.get("training")).remove("batchSize"));
        assertFormatError(batch, () -> SessionFile.load(batch), "training.batchSize must be an integer (missing)");
        Path coupling = withSettings("coupling.zip", s -> ((ObjectNode) s.get("architecture")).put("coupling", "maf"));
        assertFormatError(coupling, () -> SessionFile.load(coupling), "architecture: unknown coupling 'maf'");
        Path view = withSettings("view.zip", s -> ((ObjectNode) s.get("view")).put("layer", 3));
        assertFormatError(view, () -> SessionFile.load(view), "view.layer must be a string");
        Path noArch = withSettings("noarch.zip", s -> s.remove("architecture"));
        assertFormatError(noArch, () -> SessionFile.load(noArch), "'architecture' must be an object (missing)");
    }

    @Test
    void badArrays() throws IOException {
        Path shape = rewritten("shape.zip", e -> e.put(SessionFile.DATA, Npy.write(NdArray.ofFloats(new float[6], 2, 3))));
        assertFormatError(shape, () -> SessionFile.load(shape), "entry session/data.npy has shape [2, 3], expected [n, 2]");
        Path dtype = rewritten("dtype.zip", e -> e.put(SessionFile.DATA, Npy.write(NdArray.ofDoubles(new double[4], 2, 2))));
        assertFormatError(dtype, () -> SessionFile.load(dtype), "entry session/data.npy has dtype float64, expected float32");
        Path nan = rewritten("nan.zip", e -> e.put(SessionFile.DATA, Npy.write(NdArray.ofFloats(new float[] {0, 1, Float.NaN, 2}, 2, 2))));
        assertFormatError(nan, () -> SessionFile.load(nan), "point 1 has a non-finite coordinate");
        Path garbage = rewritten("garbage.zip", e -> e.put(SessionFile.DATA, "not numpy".getBytes(StandardCharsets.UTF_8)));
        assertFormatError(garbage, () -> SessionFile.load(garbage), "session/data.npy", "not an .npy file");
        Path order = rewritten("order.zip", e -> e.put(ModelFile.TEST_HISTORY,
                Npy.write(NdArray.ofDoubles(new double[] {5, 1.0, 5, 2.0}, 2, 2))));
        assertFormatError(order, () -> SessionFile.load(order), "history/: test history steps must be non-negative and increasing");
        Path stepsType = rewritten("steps-type.zip", e -> e.put(ModelFile.TRAIN_HISTORY, Npy.write(NdArray.ofFloats(new float[4], 2, 2))));
        assertFormatError(stepsType, () -> SessionFile.load(stepsType), "history/train.npy must be a float64 [n, 2] array");
    }
}

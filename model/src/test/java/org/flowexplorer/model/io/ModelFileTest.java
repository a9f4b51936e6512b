package org.flowexplorer.model.io;

import static org.flowexplorer.model.io.Models.assertFormatError;
import static org.flowexplorer.model.io.Models.assertIdentical;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.flowexplorer.model.Precision;
import org.flowexplorer.model.flow.CouplingType;
import org.flowexplorer.model.flow.FlowSpec;
import org.flowexplorer.model.flow.Mask;
import org.flowexplorer.model.flow.RealNVP;
import org.flowexplorer.model.train.LossHistory;
import org.flowexplorer.model.train.LossSnapshot;
import org.flowexplorer.model.train.TrainingConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final FlowSpec SPEC = FlowSpec.alternating(2, 4, new int[] {8, 8}, CouplingType.AFFINE);
    private static final ModelMetadata FULL = new ModelMetadata(new TrainingConfig(128, 3e-4, 0.5, 42), 1234,
            new ModelMetadata.DatasetInfo("moons", 2000, 0.05, 7L), Instant.parse("2024-05-01T12:34:56.789Z"), "0.1.0-SNAPSHOT");

    @TempDir
    Path dir;

    @Test
    void saveLoadIsBitIdenticalForBothPrecisions() throws IOException {
        FlowSpec custom = new FlowSpec(3, List.of(Mask.of(true, false, false), Mask.of(false, true, true)), new int[] {6, 5},
                CouplingType.ADDITIVE);
        for (FlowSpec spec : List.of(SPEC, custom)) {
            for (Precision p : Precision.values()) {
                RealNVP model = Models.random(spec, p, 11);
                Path file = dir.resolve("model-" + p + ".zip");
                ModelFile.save(file, model, FULL);
                LoadedModel loaded = ModelFile.load(file);
                assertIdentical(model, loaded.model());
                assertEquals(FULL, loaded.metadata());
            }
        }
    }

    @Test
    void metadataRoundTrips() throws IOException {
        RealNVP model = Models.random(SPEC, Precision.FLOAT32, 12);
        Path file = dir.resolve("m.zip");
        List<ModelMetadata> cases = List.of(FULL,
                ModelMetadata.none().withCreatedAt(Instant.EPOCH),
                ModelMetadata.trained(TrainingConfig.DEFAULT, 0).withCreatedAt(Instant.EPOCH),
                ModelMetadata.none().withTraining(null, 5).withDataset(ModelMetadata.DatasetInfo.named("points.csv"))
                        .withCreatedAt(Instant.EPOCH).withAppVersion("x"),
                FULL.withTraining(new TrainingConfig(1, 1e-300, 0, Long.MIN_VALUE), Long.MAX_VALUE),
                FULL.withDataset(new ModelMetadata.DatasetInfo(null, 0, null, -1L)));
        for (ModelMetadata meta : cases) {
            ModelFile.save(file, model, meta);
            assertEquals(meta, ModelFile.load(file).metadata());
        }
    }

    @Test
    void missingCreationTimeIsFilledIn() throws IOException {
        Path file = dir.resolve("m.zip");
        Instant before = Instant.now();
        ModelFile.save(file, Models.random(SPEC, Precision.FLOAT32, 13), null);
        ModelMetadata meta = ModelFile.load(file).metadata();
        assertNotNull(meta.createdAt());
        assertTrue(!meta.createdAt().isBefore(before.minusSeconds(1)) && meta.createdAt().isBefore(before.plus(Duration.ofMinutes(5))));
        assertNull(meta.training());
        assertNull(meta.dataset());
        assertNull(meta.appVersion());
    }

    @Test
    void archiveIsSelfDescribing() throws IOException {
        RealNVP model = Models.random(SPEC, Precision.FLOAT32, 14);
        Path file = dir.resolve("m.zip");
        ModelFile.save(file, model, FULL);
        Map<String, NdArray> expected = TorchStateDict.toArrays(model);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            JsonNode m = JSON.readTree(zip.getInputStream(zip.getEntry("manifest.json")));
            assertEquals("flow-explorer-model", m.get("format").asText());
            assertEquals(1, m.get("version").asInt());
            assertEquals(2, m.get("dim").asInt());
            assertEquals(4, m.get("layers").asInt());
            assertEquals("[[1,0],[0,1],[1,0],[0,1]]", m.get("masks").toString());
            assertEquals("[8,8]", m.get("hidden").toString());
            assertEquals("affine", m.get("coupling").asText());
            assertEquals("float32", m.get("precision").asText());
            assertEquals(model.parameterCount(), m.get("parameterCount").asInt());
            assertEquals(128, m.get("training").get("batchSize").asInt());
            assertEquals(3e-4, m.get("training").get("learningRate").asDouble());
            assertEquals("moons", m.get("training").get("dataset").get("name").asText());
            assertEquals("2024-05-01T12:34:56.789Z", m.get("createdAt").asText());
            assertEquals("0.1.0-SNAPSHOT", m.get("appVersion").asText());
            int params = 0;
            for (var e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                if (entry.getName().startsWith("params/")) {
                    params++;
                    String key = entry.getName().substring("params/".length(), entry.getName().length() - ".npy".length());
                    assertEquals(expected.get(key), Npy.read(zip.getInputStream(entry)), key);
                }
            }
            assertEquals(4 * 3 * 2, params);
            assertNotNull(zip.getEntry("params/layers.0.net.0.weight.npy"));
        }
    }

    @Test
    void savingOverAnExistingFileLeavesNoTemporaries() throws IOException {
        Path file = dir.resolve("m.zip");
        ModelFile.save(file, Models.random(SPEC, Precision.FLOAT32, 15), FULL);
        RealNVP second = Models.random(SPEC, Precision.FLOAT32, 16);
        ModelFile.save(file, second, FULL);
        assertIdentical(second, ModelFile.load(file).model());
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(file), s.toList());
        }
    }

    // ---- broken files

    private Path saved() throws IOException {
        Path file = dir.resolve("good.zip");
        ModelFile.save(file, Models.random(SPEC, Precision.FLOAT32, 17), FULL);
        return file;
    }

    /** Rewrites the archive with {@code edit} applied to its entries (name → bytes, in order). */
    /** The saved archive with {@code edit} applied to its entries (name → bytes, in order). */
    private Path rewritten(String name, Consumer<Map<String, byte[]>> edit) throws IOException {
        return ZipEdits.rewrite(saved(), dir.resolve(name), edit);
    }

    private Path withManifest(String name, Consumer<ObjectNode> edit) throws IOException {
        return ZipEdits.withJson(saved(), dir.resolve(name), "manifest.json", edit);
    }

    @Test
    void truncatedOrNonZipFiles() throws IOException {
        byte[] bytes = Files.readAllBytes(saved());
        Path truncated = dir.resolve("truncated.zip");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length - 100));
        assertFormatError(truncated, () -> ModelFile.load(truncated), "not a valid zip archive");
        Path text = dir.resolve("text.zip");
        Files.writeString(text, "{\"format\": \"flow-explorer-model\"}\n");
        assertFormatError(text, () -> ModelFile.load(text), "not a valid zip archive");
        Path missing = dir.resolve("missing.zip");
        assertFormatError(missing, () -> ModelFile.load(missing), "file not found");
    }

    @Test
    void corruptedEntryBytes() throws IOException {
        Path file = saved();
        byte[] bytes = Files.readAllBytes(file);
        // flip bytes inside the compressed data of an entry (well before the central directory)
        for (int i = 300; i < 340; i++) {
            bytes[i] ^= 0x5A;
        }
        Path corrupt = dir.resolve("corrupt.zip");
        Files.write(corrupt, bytes);
        assertFormatError(corrupt, () -> ModelFile.load(corrupt));
    }

    @Test
    void missingEntries() throws IOException {
        Path noManifest = rewritten("no-manifest.zip", e -> e.remove("manifest.json"));
        assertFormatError(noManifest, () -> ModelFile.load(noManifest), "missing manifest.json", "not a Flow Explorer model");
        Path noParam = rewritten("no-param.zip", e -> e.remove("params/layers.2.net.2.bias.npy"));
        assertFormatError(noParam, () -> ModelFile.load(noParam), "missing entry params/layers.2.net.2.bias.npy");
        Path extra = rewritten("extra.zip", e -> e.put("params/layers.4.net.0.weight.npy", Npy.write(NdArray.ofFloats(new float[8], 8, 1))));
        assertFormatError(extra, () -> ModelFile.load(extra), "unexpected entry params/layers.4.net.0.weight.npy");
    }

    @Test
    void wrongShapesAndDtypes() throws IOException {
        Path shape = rewritten("shape.zip", e -> e.put("params/layers.1.net.2.weight.npy", Npy.write(NdArray.ofFloats(new float[16], 2, 8))));
        assertFormatError(shape, () -> ModelFile.load(shape), "entry params/layers.1.net.2.weight.npy has shape [2, 8], expected [8, 8]");
        Path dtype = rewritten("dtype.zip", e -> e.put("params/layers.0.net.0.bias.npy", Npy.write(NdArray.ofDoubles(new double[8], 8))));
        assertFormatError(dtype, () -> ModelFile.load(dtype), "has dtype float64, expected float32");
        Path garbage = rewritten("garbage.zip", e -> e.put("params/layers.0.net.0.bias.npy", "not numpy".getBytes(StandardCharsets.UTF_8)));
        assertFormatError(garbage, () -> ModelFile.load(garbage), "params/layers.0.net.0.bias.npy", "not an .npy file");
        Path hidden = withManifest("hidden.zip", m -> ((ArrayNode) m.get("hidden")).set(1, 9));
        assertFormatError(hidden, () -> ModelFile.load(hidden), "'parameterCount' is ");
        Path hiddenAndCount = withManifest("hidden2.zip", m -> {
            ((ArrayNode) m.get("hidden")).set(1, 9);
            m.put("parameterCount", RealNVP.create(FlowSpec.alternating(2, 4, new int[] {8, 9}, CouplingType.AFFINE), 0).parameterCount());
        });
        assertFormatError(hiddenAndCount, () -> ModelFile.load(hiddenAndCount), "has shape [8, 8], expected [9, 8]");
    }

    @Test
    void manifestProblems() throws IOException {
        // the newest version read is 2 (batch norm and scale functions), so the first future one is 3
        Path future = withManifest("future.zip", m -> m.put("version", 3));
        assertFormatError(future, () -> ModelFile.load(future), "model format version 3 is newer", "up to 2");
        Path other = withManifest("other.zip", m -> m.put("format", "something-else"));
        assertFormatError(other, () -> ModelFile.load(other), "not a Flow Explorer model", "\"something-else\"");
        Path mask = withManifest("mask.zip", m -> ((ArrayNode) m.get("masks").get(2)).set(0, 2));
        assertFormatError(mask, () -> ModelFile.load(mask), "masks[2] must hold only 0 and 1, found 2 at index 0");
        Path noDim = withManifest("nodim.zip", m -> m.remove("dim"));
        assertFormatError(noDim, () -> ModelFile.load(noDim), "'dim' must be an integer", "(missing)");
        Path coupling = withManifest("coupling.zip", m -> m.put("coupling", "maf"));
        assertFormatError(coupling, () -> ModelFile.load(coupling), "unknown coupling 'maf'");
        Path lr = withManifest("lr.zip", m -> ((ObjectNode) m.get("training")).put("learningRate", -1.0));
        assertFormatError(lr, () -> ModelFile.load(lr), "training: learning rate must be a positive number");
        Path time = withManifest("time.zip", m -> m.put("createdAt", "yesterday"));
        assertFormatError(time, () -> ModelFile.load(time), "'createdAt' is not an ISO-8601 time");
        Path json = rewritten("json.zip", e -> e.put("manifest.json", "{\"format\": \n\n  [1, 2".getBytes(StandardCharsets.UTF_8)));
        assertFormatError(json, () -> ModelFile.load(json), "manifest.json is not valid JSON", "line 3");
    }

    @Test
    void lossHistoryRoundTripsAndIsOptional() throws IOException {
        RealNVP model = Models.random(SPEC, Precision.FLOAT32, 3);
        LossSnapshot history = LossSnapshot.ofSeries(
                new LossSnapshot.Series(new long[] {1, 2, 3, 10}, new double[] {2.5, 2.25, Double.NaN, 1.125}),
                new LossSnapshot.Series(new long[] {5, 10}, new double[] {2.0, 1.5}));
        assertEquals(5, history.size()); // merged by step: 1, 2, 3, 5, 10
        Path file = dir.resolve("with-history.zip");
        ModelFile.save(file, model, FULL.withLossHistory(history));
        LoadedModel loaded = ModelFile.load(file);
        assertEquals(history, loaded.metadata().lossHistory());
        assertEquals(FULL.withLossHistory(history), loaded.metadata());
        try (ZipFile zip = new ZipFile(file.toFile())) {
            assertNotNull(zip.getEntry(ModelFile.TRAIN_HISTORY));
            assertNotNull(zip.getEntry(ModelFile.TEST_HISTORY));
            // the file format is unchanged: float64 [n, 2] (step, nll) rows per series
            NdArray train = Npy.read(zip.getInputStream(zip.getEntry(ModelFile.TRAIN_HISTORY)).readAllBytes(), "train");
            assertEquals(List.of(4, 2), Arrays.stream(train.intShape()).boxed().toList());
            assertEquals(10.0, train.toDoubles()[6]);
        }

        LossHistory live = new LossHistory();
        live.append(1, 3.0, Double.NaN);
        LossSnapshot trainOnly = live.snapshot();
        ModelFile.save(file, model, FULL.withLossHistory(trainOnly));
        assertEquals(trainOnly, ModelFile.load(file).metadata().lossHistory());

        Path plain = dir.resolve("plain.zip");
        ModelFile.save(plain, model, FULL);
        assertNull(ModelFile.load(plain).metadata().lossHistory());
        try (ZipFile zip = new ZipFile(plain.toFile())) {
            assertNull(zip.getEntry(ModelFile.TRAIN_HISTORY));
        }
        // the five-part constructor still means "no history"
        assertNull(new ModelMetadata(null, 0, null, null, null).lossHistory());
        assertNull(FULL.withLossHistory(LossSnapshot.empty()).lossHistory());
    }

    @Test
    void lossHistoryValidation() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> LossSnapshot.ofSeries(new LossSnapshot.Series(new long[] {2, 1}, new double[] {1, 1}),
                        new LossSnapshot.Series(new long[0], new double[0])));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> LossSnapshot.ofSeries(new LossSnapshot.Series(new long[] {1}, new double[] {1, 2}),
                        new LossSnapshot.Series(new long[0], new double[0])));
    }
}

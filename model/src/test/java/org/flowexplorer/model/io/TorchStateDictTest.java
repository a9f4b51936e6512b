package org.flowexplorer.model.io;

import static org.flowexplorer.model.io.Models.assertFormatError;
import static org.flowexplorer.model.io.Models.assertIdentical;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.flowexplorer.model.Precision;
import org.flowexplorer.model.flow.CouplingType;
import org.flowexplorer.model.flow.FlowSpec;
import org.flowexplorer.model.flow.Mask;
import org.flowexplorer.model.flow.RealNVP;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TorchStateDictTest {
    private static final FlowSpec SEED = FlowSpec.alternating(2, 4, new int[] {8, 8}, CouplingType.AFFINE);

    @TempDir
    Path dir;

    @ParameterizedTest(name = "compressed={0}")
    @ValueSource(booleans = {false, true})
    void exportImportIsBitIdentical(boolean compressed) throws IOException {
        RealNVP model = Models.random(SEED, Precision.FLOAT32, 1);
        Path file = dir.resolve("m.npz");
        TorchStateDict.write(file, model, compressed);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            int method = compressed ? ZipEntry.DEFLATED : ZipEntry.STORED;
            zip.stream().forEach(e -> assertEquals(method, e.getMethod(), e.getName()));
        }
        LoadedModel loaded = TorchStateDict.read(file);
        assertIdentical(model, loaded.model());
        assertEquals(ModelMetadata.none(), loaded.metadata());
    }

    @Test
    void keysShapesAndDtypesAreTheSeeds() {
        RealNVP model = Models.random(FlowSpec.alternating(2, 2, new int[] {16, 8}, CouplingType.AFFINE), Precision.FLOAT32, 2);
        Map<String, NdArray> a = TorchStateDict.toArrays(model);
        assertEquals(List.of("layers.0.mask", "layers.0.net.0.weight", "layers.0.net.0.bias", "layers.0.net.2.weight",
                "layers.0.net.2.bias", "layers.0.net.4.weight", "layers.0.net.4.bias", "layers.1.mask", "layers.1.net.0.weight",
                "layers.1.net.0.bias", "layers.1.net.2.weight", "layers.1.net.2.bias", "layers.1.net.4.weight",
                "layers.1.net.4.bias"), List.copyOf(a.keySet()));
        assertArrayEquals(new float[] {1, 0}, a.get("layers.0.mask").toFloats());
        assertArrayEquals(new float[] {0, 1}, a.get("layers.1.mask").toFloats());
        assertArrayEquals(new int[] {16, 1}, a.get("layers.0.net.0.weight").intShape());
        assertArrayEquals(new int[] {8, 16}, a.get("layers.0.net.2.weight").intShape());
        assertArrayEquals(new int[] {2, 8}, a.get("layers.0.net.4.weight").intShape());
        assertArrayEquals(new int[] {2}, a.get("layers.0.net.4.bias").intShape());
        a.values().forEach(v -> assertEquals(NdType.FLOAT32, v.dtype()));
        // weight [out, in] row-major = the first out*in parameters of the layer
        double[] p = model.parameterValues();
        float[] w0 = a.get("layers.0.net.0.weight").toFloats();
        for (int i = 0; i < w0.length; i++) {
            assertEquals((float) p[i], w0[i]);
        }
    }

    @Test
    void float64AdditiveAndCustomMasksRoundTrip() throws IOException {
        FlowSpec spec = new FlowSpec(3, List.of(Mask.of(true, false, true), Mask.of(false, true, false), Mask.of(false, false, true)),
                new int[] {5, 7, 4}, CouplingType.ADDITIVE);
        for (Precision p : Precision.values()) {
            RealNVP model = Models.random(spec, p, 3);
            Path file = dir.resolve(p + ".npz");
            TorchStateDict.write(file, model, true);
            RealNVP back = TorchStateDict.read(file).model();
            assertIdentical(model, back);
            assertEquals(p == Precision.FLOAT64 ? NdType.FLOAT64 : NdType.FLOAT32,
                    Npz.read(file).get("layers.0.net.0.weight").dtype());
        }
    }

    // ---- validation: each problem one line, naming the file

    private Map<String, NdArray> seedArrays() {
        return TorchStateDict.toArrays(Models.random(SEED, Precision.FLOAT32, 4));
    }

    private void assertRejected(Map<String, NdArray> arrays, String... fragments) throws IOException {
        Models.assertStateDictRejected(dir, arrays, fragments);
    }

    @Test
    void missingKey() throws IOException {
        Map<String, NdArray> a = seedArrays();
        a.remove("layers.1.net.2.bias");
        assertRejected(a, "missing key 'layers.1.net.2.bias'");
        a = seedArrays();
        a.remove("layers.2.mask");
        assertRejected(a, "missing key 'layers.2.mask'");
        a = seedArrays();
        a.remove("layers.3.net.2.weight");
        a.remove("layers.3.net.2.bias");
        assertRejected(a, "missing key 'layers.3.net.2.weight'");
    }

    @Test
    void unexpectedKey() throws IOException {
        Map<String, NdArray> a = seedArrays();
        a.put("optimizer.step", NdArray.ofLongs(new long[] {1}));
        assertRejected(a, "unexpected key 'optimizer.step'");
        a = seedArrays();
        a.put("layers.0.net.1.weight", NdArray.ofFloats(new float[] {1}, 1, 1));
        assertRejected(a, "unexpected key 'layers.0.net.1.weight'", "ReLU");
    }

    @Test
    void inconsistentShapes() throws IOException {
        Map<String, NdArray> a = seedArrays();
        a.put("layers.0.net.2.weight", NdArray.ofFloats(new float[8 * 7], 8, 7));
        assertRejected(a, "inconsistent shapes", "'layers.0.net.2.weight' has shape [8, 7], expected [8, 8]");
        a = seedArrays();
        a.put("layers.1.net.0.weight", NdArray.ofFloats(new float[16], 8, 2));
        assertRejected(a, "'layers.1.net.0.weight' has shape [8, 2], expected [8, 1]", "conditioning");
        a = seedArrays();
        a.put("layers.0.net.0.bias", NdArray.ofFloats(new float[7], 7));
        assertRejected(a, "'layers.0.net.0.bias' has shape [7], expected [8]");
        a = seedArrays();
        a.put("layers.0.net.4.weight", NdArray.ofFloats(new float[24], 3, 8));
        a.put("layers.0.net.4.bias", NdArray.ofFloats(new float[3], 3));
        assertRejected(a, "'layers.0.net.4.weight' has 3 outputs", "expected 2 (affine", "or 1 (additive");
        a = seedArrays();
        a.put("layers.1.mask", NdArray.ofFloats(new float[] {0, 1, 0}, 3));
        assertRejected(a, "'layers.1.mask' has 3 entries but 'layers.0.mask' has 2");
        a = seedArrays();
        a.put("layers.0.net.0.weight", NdArray.ofFloats(new float[8], 8));
        assertRejected(a, "'layers.0.net.0.weight' has shape [8], expected a matrix [out, in]");
    }

    @Test
    void maskMustBeZeroOne() throws IOException {
        Map<String, NdArray> a = seedArrays();
        a.put("layers.2.mask", NdArray.ofFloats(new float[] {0.5f, 1}, 2));
        assertRejected(a, "'layers.2.mask' must hold only 0 and 1, found 0.5 at index 0");
        a = seedArrays();
        a.put("layers.0.mask", NdArray.ofFloats(new float[] {1, 1}, 2));
        assertRejected(a, "'layers.0.mask'", "at least one 1 (conditioning) and one 0");
    }

    @Test
    void hiddenWidthsDifferingBetweenLayersAreNotSupported() throws IOException {
        Map<String, NdArray> a = seedArrays();
        Map<String, NdArray> wide = TorchStateDict.toArrays(Models.random(FlowSpec.alternating(2, 4, new int[] {8, 12}, CouplingType.AFFINE),
                Precision.FLOAT32, 5));
        wide.forEach((k, v) -> {
            if (k.startsWith("layers.1.")) {
                a.put(k, v);
            }
        });
        assertRejected(a, "hidden widths differ between layers (layer 0: [8, 8], layer 1: [8, 12])", "not supported");
    }

    @Test
    void mixedCouplingsPrecisionsAndDtypes() throws IOException {
        Map<String, NdArray> a = seedArrays();
        TorchStateDict.toArrays(Models.random(FlowSpec.alternating(2, 4, new int[] {8, 8}, CouplingType.ADDITIVE), Precision.FLOAT32, 6))
                .forEach((k, v) -> {
                    if (k.startsWith("layers.3.")) {
                        a.put(k, v);
                    }
                });
        assertRejected(a, "layer 3 is additive but layer 0 is affine", "not supported");

        Map<String, NdArray> b = seedArrays();
        b.put("layers.1.net.0.bias", NdArray.ofDoubles(new double[8], 8));
        assertRejected(b, "mixed precisions", "'layers.1.net.0.bias' is float64");

        Map<String, NdArray> c = seedArrays();
        c.put("layers.0.net.0.weight", NdArray.ofInts(new int[8], 8, 1));
        assertRejected(c, "'layers.0.net.0.weight' has dtype int32, expected float32 or float64");
    }

    @Test
    void singleLinearAndEmptyArchives() throws IOException {
        Map<String, NdArray> a = new LinkedHashMap<>();
        a.put("layers.0.mask", NdArray.ofFloats(new float[] {1, 0}, 2));
        a.put("layers.0.net.0.weight", NdArray.ofFloats(new float[2], 2, 1));
        a.put("layers.0.net.0.bias", NdArray.ofFloats(new float[2], 2));
        assertRejected(a, "single Linear");
        assertRejected(new LinkedHashMap<>(), "no RealNVP parameters found");
    }

    @Test
    void brokenFiles() throws IOException {
        Path good = dir.resolve("good.npz");
        TorchStateDict.write(good, Models.random(SEED, Precision.FLOAT32, 7), false);
        byte[] bytes = Files.readAllBytes(good);
        Path truncated = dir.resolve("truncated.npz");
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertFormatError(truncated, () -> TorchStateDict.read(truncated), "not a valid .npz");
        Path text = dir.resolve("text.npz");
        Files.writeString(text, "hello\nworld\n");
        assertFormatError(text, () -> TorchStateDict.read(text));
        Path missing = dir.resolve("nope.npz");
        assertFormatError(missing, () -> TorchStateDict.read(missing), "file not found");
    }
}

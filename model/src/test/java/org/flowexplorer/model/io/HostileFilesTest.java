package org.flowexplorer.model.io;

import static org.flowexplorer.model.io.Models.assertFormatError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.flowexplorer.model.Limits;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile and damaged files (issue 10 items 3, 5, 6, 7, 8): each is refused with one line, and
 * before anything the size of the declared contents is allocated or inflated.
 */
class HostileFilesTest {
    private static final FlowSpec SPEC = FlowSpec.alternating(2, 4, new int[] {8, 8}, CouplingType.AFFINE);
    /** Far below what any of the refused files declares (hundreds of MB to GBs). */
    private static final long SMALL = 48L << 20;

    @TempDir
    Path dir;

    // ---- item 3: zip bombs and huge declared arrays in .npz

    /** A tiny .npz whose one entry declares a 2-element array but inflates to 256 MiB of zeros. */
    private Path zipBomb() throws IOException {
        Path file = dir.resolve("bomb.npz");
        byte[] npy = Npy.write(NdArray.ofFloats(new float[] {1, 0}, 2));
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("layers.0.mask.npy"));
            zip.write(npy);
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 256; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        return file;
    }

    @Test
    void npzZipBombIsRefusedWithoutInflatingIt() throws IOException {
        Path bomb = zipBomb();
        assertTrue(Files.size(bomb) < 2 << 20, "the bomb is small: " + Files.size(bomb));
        long allocated = Allocations.during(() -> TorchStateDict.read(bomb));
        assertFormatError(bomb, () -> TorchStateDict.read(bomb), "layers.0.mask.npy", "more data than its .npy header declares");
        assertTrue(allocated < SMALL, "allocated " + allocated + " bytes reading a 256 MiB bomb");
        NpyFormatException e = assertThrows(NpyFormatException.class, () -> Npz.read(bomb));
        assertTrue(e.getMessage().contains("more data than its .npy header declares"), e.getMessage());
        assertTrue(Allocations.during(() -> Npz.read(bomb)) < SMALL);
    }

    /** An .npz entry whose header declares {@code shape} (float32) but that holds only a few bytes of data. */
    private Path declaring(String key, int... shape) throws IOException {
        byte[] npy = Npy.write(NdArray.ofFloats(new float[0], 0));
        String header = new String(npy, 10, npy.length - 10, StandardCharsets.ISO_8859_1)
                .replace("(0,)", "(" + String.join(", ", Arrays.stream(shape).mapToObj(Integer::toString).toList())
                        + (shape.length == 1 ? ",)" : ")"));
        Map<String, NdArray> arrays = TorchStateDict.toArrays(Models.random(SPEC, Precision.FLOAT32, 1));
        Map<String, byte[]> entries = new LinkedHashMap<>();
        arrays.forEach((k, v) -> entries.put(k + ".npy", Npy.write(v)));
        ByteBuffer b = ByteBuffer.allocate(10 + header.length() + 64).order(ByteOrder.LITTLE_ENDIAN);
        b.put(npy, 0, 8).putShort((short) header.length()).put(header.getBytes(StandardCharsets.ISO_8859_1)).put(new byte[64]);
        entries.put(key + ".npy", b.array());
        return ZipEdits.write(dir.resolve("declares-" + key + ".npz"), entries);
    }

    @Test
    void npzShapeOverTheLimitsIsRefusedFromTheHeader() throws IOException {
        Path wide = declaring("layers.0.net.0.weight", 20000, 20000);
        assertFormatError(wide, () -> TorchStateDict.read(wide), "layers.0.net.0.weight", "20000", "over the limit of " + Limits.MAX_HIDDEN_WIDTH);
        Path mask = declaring("layers.0.mask", 400_000_000);
        assertFormatError(mask, () -> TorchStateDict.read(mask), "layers.0.mask", "over the limit of " + Limits.MAX_DIMENSION);
        Path cube = declaring("layers.0.net.2.bias", 8, 8, 8);
        assertFormatError(cube, () -> TorchStateDict.read(cube), "layers.0.net.2.bias", "[8, 8, 8]");
    }

    // ---- item 6: CRC of stored entries

    @Test
    void flippedByteInAStoredNpzIsRefused() throws IOException {
        Path file = dir.resolve("flipped.npz");
        TorchStateDict.write(file, Models.random(SPEC, Precision.FLOAT32, 5), false);
        byte[] bytes = Files.readAllBytes(file);
        String name = "layers.0.net.0.weight.npy";
        int at = indexOf(bytes, name.getBytes(StandardCharsets.UTF_8));
        int magic = indexOf(Arrays.copyOfRange(bytes, at, bytes.length), new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'}) + at;
        bytes[magic + 128 + 5] ^= 0x01; // one bit of the first weights' data (the header is 128 bytes)
        Files.write(file, bytes);
        assertFormatError(file, () -> TorchStateDict.read(file), "entry " + name + " is corrupt (CRC mismatch)");
        NpyFormatException e = assertThrows(NpyFormatException.class, () -> Npz.read(file));
        assertEquals(file + ": entry " + name + " is corrupt (CRC mismatch)", e.getMessage());
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int k = 0; k < needle.length; k++) {
                if (haystack[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }

    // ---- item 7: non-finite parameters

    private static RealNVP withNonFinite(RealNVP model, String key, int count) {
        StateDictLayout.Tensor t = StateDictLayout.parameters(model).stream().filter(x -> x.key().equals(key)).findFirst().orElseThrow();
        double[] p = model.parameterValues();
        for (int i = 0; i < count; i++) {
            p[t.offset() + i] = i % 3 == 0 ? Double.NaN : i % 3 == 1 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        }
        model.setParameters(p);
        return model;
    }

    @Test
    void nonFiniteParametersAreRefusedNamingTheTensor() throws IOException {
        RealNVP model = withNonFinite(Models.random(SPEC, Precision.FLOAT32, 7), "layers.3.net.2.weight", 12);
        String why = "tensor layers.3.net.2.weight holds 12 non-finite values (NaN/Inf); the model diverged when it was trained";
        Path npz = dir.resolve("nan.npz");
        TorchStateDict.write(npz, model, false);
        assertFormatError(npz, () -> TorchStateDict.read(npz), why);
        Path zip = dir.resolve("nan.zip");
        ModelFile.save(zip, model, ModelMetadata.none());
        assertFormatError(zip, () -> ModelFile.load(zip), why);
        assertFormatError(zip, () -> ModelFiles.load(zip), why);
    }

    // ---- item 5: architecture sizes validated before allocating

    private Path savedModel() throws IOException {
        Path file = dir.resolve("good.zip");
        ModelFile.save(file, Models.random(SPEC, Precision.FLOAT32, 17), ModelMetadata.none());
        return file;
    }

    private Path withManifest(String name, Consumer<ObjectNode> edit) throws IOException {
        return ZipEdits.withJson(savedModel(), dir.resolve(name), ModelFile.MANIFEST, edit);
    }

    @ParameterizedTest
    @ValueSource(strings = {"10000,10000", "1000000000", "30000,30000", "46341,46341", "8,100000"})
    void hugeHiddenWidthsInAManifestAreRefusedBeforeAllocating(String widths) throws IOException {
        int[] hidden = Arrays.stream(widths.split(",")).mapToInt(Integer::parseInt).toArray();
        Path file = withManifest("wide.zip", m -> {
            ArrayNode h = m.putArray("hidden");
            Arrays.stream(hidden).forEach(h::add);
        });
        int over = Arrays.stream(hidden).max().orElseThrow();
        long allocated = Allocations.during(() -> ModelFile.load(file));
        assertFormatError(file, () -> ModelFile.load(file), "hidden width " + over + " is over the limit of " + Limits.MAX_HIDDEN_WIDTH);
        assertTrue(allocated < SMALL, "allocated " + allocated);
    }

    @Test
    void manyLayersAndParameterCountsAreRefusedBeforeAllocating() throws IOException {
        Path layers = withManifest("layers.zip", m -> {
            m.put("layers", 100_000);
            ArrayNode masks = m.putArray("masks");
            for (int i = 0; i < 100_000; i++) {
                masks.addArray().add(i % 2).add(1 - i % 2);
            }
        });
        assertFormatError(layers, () -> ModelFile.load(layers), "100000 layers is over the limit of " + Limits.MAX_LAYERS);
        // within every limit, and parameterCount agrees, but the entries are far too small for it
        int[] hidden = {2000, 2000};
        long count = new Architecture(4, hidden, CouplingType.AFFINE).parameterCount(2);
        Path big = withManifest("big.zip", m -> {
            ArrayNode h = m.putArray("hidden");
            Arrays.stream(hidden).forEach(h::add);
            m.put("parameterCount", count);
        });
        long allocated = Allocations.during(() -> ModelFile.load(big));
        assertFormatError(big, () -> ModelFile.load(big), "entry params/layers.0.net.0.weight.npy has shape [8, 1], expected [2000, 1]");
        assertTrue(allocated < SMALL, "allocated " + allocated);
        Path declared = withManifest("declared.zip", m -> m.put("parameterCount", 3_000_000_000L));
        assertFormatError(declared, () -> ModelFile.load(declared),
                "'parameterCount' is 3000000000 but the architecture has " + RealNVP.create(SPEC, 0).parameterCount() + " parameters");
    }

    @Test
    void architectureCountsInLongAndRefusesOverTheLimits() {
        assertEquals(RealNVP.create(SPEC, 0).parameterCount(), new Architecture(4, new int[] {8, 8}, CouplingType.AFFINE).parameterCount(2));
        assertEquals(RealNVP.create(SPEC, 0).parameterCount(), Architecture.parameterCount(SPEC));
        long huge = new Architecture(8, new int[] {46341, 46341}, CouplingType.AFFINE).parameterCount(2);
        assertTrue(huge > Integer.MAX_VALUE, "no overflow: " + huge);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Architecture(8, new int[] {100000}, CouplingType.AFFINE).requireWithinLimits(2));
        assertEquals("hidden width 100000 is over the limit of " + Limits.MAX_HIDDEN_WIDTH, e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new Architecture(32, new int[] {4096, 4096}, CouplingType.AFFINE).requireWithinLimits(2));
        assertTrue(e.getMessage().contains("parameters is over the limit of " + Limits.MAX_PARAMETERS), e.getMessage());
    }

    // ---- item 8: one point limit, also for sessions

    private Path sessionWithData(String name, byte[] dataNpy) throws IOException {
        Architecture arch = new Architecture(4, new int[] {8, 8}, CouplingType.AFFINE);
        Session s = new Session(Models.random(arch.toSpec(2), Precision.FLOAT32, 3), ModelMetadata.none(),
                ToyDataset.MOONS.generate(100, 0.1, 7),
                new SessionSettings(new DataSource.Custom(null), arch, new TrainingConfig(128, 3e-4, 0.5, 42), Map.of()), new LossHistory());
        Path good = dir.resolve("good.session.zip");
        SessionFile.save(good, s);
        return ZipEdits.rewrite(good, dir.resolve(name), e -> e.put(SessionFile.DATA, dataNpy));
    }

    @Test
    void sessionDataOverThePointLimitIsRefused() throws IOException {
        int n = Limits.MAX_POINTS + 1;
        Path file = sessionWithData("many.session.zip", Npy.write(NdArray.ofFloats(new float[2 * n], n, 2)));
        assertFormatError(file, () -> SessionFile.load(file), SessionFile.DATA + " holds " + n + " points, over the limit of " + Limits.MAX_POINTS);
        // a header declaring 2^27 points before a few bytes of data is refused from the header alone
        byte[] npy = Npy.write(NdArray.ofFloats(new float[4], 2, 2));
        String header = new String(npy, 10, npy.length - 10 - 16, StandardCharsets.ISO_8859_1).replace("(2, 2)", "(134217728, 2)");
        ByteBuffer b = ByteBuffer.allocate(10 + header.length() + 16).order(ByteOrder.LITTLE_ENDIAN);
        b.put(npy, 0, 8).putShort((short) header.length()).put(header.getBytes(StandardCharsets.ISO_8859_1)).put(new byte[16]);
        Path declared = sessionWithData("declared.session.zip", b.array());
        assertFormatError(declared, () -> SessionFile.load(declared), "134217728 points, over the limit of " + Limits.MAX_POINTS);
    }
}

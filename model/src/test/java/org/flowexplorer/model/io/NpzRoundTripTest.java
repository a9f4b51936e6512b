package org.flowexplorer.model.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NpzRoundTripTest {
    private static final String PYTHON = "/usr/bin/python3";

    @TempDir
    Path dir;

    static Map<String, NdArray> arrays() {
        Map<String, NdArray> m = new LinkedHashMap<>();
        List<NdArray> samples = NpyTest.samples();
        for (int i = 0; i < samples.size(); i++) {
            m.put("layers." + i + "." + samples.get(i).dtype().name().toLowerCase(), samples.get(i));
        }
        return m;
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void javaWriteJavaReadIsBitIdentical(boolean compressed) throws IOException {
        Path file = dir.resolve("model.npz");
        Npz.write(file, arrays(), compressed);
        LinkedHashMap<String, NdArray> back = Npz.read(file);
        assertEquals(List.copyOf(arrays().keySet()), List.copyOf(back.keySet()));
        assertEquals(arrays(), back);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            int method = compressed ? ZipEntry.DEFLATED : ZipEntry.STORED;
            zip.stream().forEach(e -> assertEquals(method, e.getMethod(), e.getName()));
        }
        try (var listing = Files.list(dir)) {
            assertEquals(List.of(file), listing.toList(), "no temporary files left behind");
        }
    }

    @Test
    void outputIsDeterministic() throws IOException {
        ByteArrayOutputStream a = new ByteArrayOutputStream();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        Npz.write(a, arrays(), true);
        Npz.write(b, arrays(), true);
        assertArrayEquals(a.toByteArray(), b.toByteArray());
    }

    @Test
    void overwritesAnExistingArchive() throws IOException {
        Path file = dir.resolve("model.npz");
        Npz.write(file, arrays(), false);
        Map<String, NdArray> other = Map.of("only", NdArray.ofFloats(new float[] {1f}, 1));
        Npz.write(file, other, true);
        assertEquals(other, Npz.read(file));
    }

    @Test
    void notAZipFile() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.npz"), "this is not a zip");
        NpyFormatException e = assertThrows(NpyFormatException.class, () -> Npz.read(file));
        assertTrue(e.getMessage().startsWith(file + ": not a valid .npz"), e.getMessage());
    }

    @Test
    void brokenEntryNamesTheEntry() throws IOException {
        Path file = dir.resolve("broken.npz");
        byte[] npy = Npy.write(NdArray.ofFloats(new float[] {1, 2, 3}, 3));
        writeZip(file, Map.of("layers.0.mask.npy", java.util.Arrays.copyOf(npy, npy.length - 2)));
        NpyFormatException e = assertThrows(NpyFormatException.class, () -> Npz.read(file));
        assertTrue(e.getMessage().startsWith(file + "!layers.0.mask.npy: truncated data"), e.getMessage());

        writeZip(file, Map.of("notes.txt", "hello".getBytes(StandardCharsets.UTF_8)));
        e = assertThrows(NpyFormatException.class, () -> Npz.read(file));
        assertEquals(file + "!notes.txt: not an .npy entry", e.getMessage());
    }

    @Test
    void truncatedArchive() throws IOException {
        Path file = dir.resolve("model.npz");
        Npz.write(file, arrays(), true);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThrows(NpyFormatException.class, () -> Npz.read(file));
    }

    /**
     * Java writes, numpy loads and reports dtypes/shapes, then re-saves with np.savez; Java reads
     * numpy's file back. Skipped where python3 with numpy is unavailable.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void numpyReadsWhatJavaWrites(boolean compressed) throws Exception {
        Assumptions.assumeTrue(pythonWithNumpy(), "python3 with numpy not available");
        Path ours = dir.resolve("java.npz");
        Path theirs = dir.resolve("numpy.npz");
        Npz.write(ours, arrays(), compressed);
        String script = String.join("\n",
                "import sys, numpy as np",
                "d = np.load(sys.argv[1], allow_pickle=False)",
                "out = {k: d[k] for k in d.files}",
                "for k, v in out.items(): print(k, v.dtype.str, list(v.shape))",
                "np.savez(sys.argv[2], **out)");
        String output = python(script, ours.toString(), theirs.toString());
        StringBuilder expected = new StringBuilder();
        arrays().forEach((k, v) -> expected.append(k).append(' ').append(v.dtype().descr()).append(' ')
                .append(java.util.Arrays.toString(v.intShape())).append('\n'));
        assertEquals(expected.toString(), output);
        assertEquals(arrays(), Npz.read(theirs));
    }

    // ---------------------------------------------------------------- helpers

    private static void writeZip(Path file, Map<String, byte[]> entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
    }

    private static Boolean numpyAvailable;

    static synchronized boolean pythonWithNumpy() {
        if (numpyAvailable == null) {
            try {
                python("import numpy");
                numpyAvailable = true;
            } catch (Exception e) {
                numpyAvailable = false;
            }
        }
        return numpyAvailable;
    }

    /** Runs a python script, returning stdout; fails on a non-zero exit or a 60 s timeout. */
    static String python(String script, String... args) throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of(PYTHON))) {
            throw new IOException(PYTHON + " not found");
        }
        List<String> command = new java.util.ArrayList<>(List.of(PYTHON, "-c", script));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException("python failed: " + new String(out, StandardCharsets.UTF_8));
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}

package org.flowexplorer.model.io;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import org.flowexplorer.model.Precision;
import org.flowexplorer.model.flow.RealNVP;
import org.flowexplorer.model.train.LossSnapshot;

/**
 * Flow Explorer's native model file: one {@code .zip} ({@link ZipArchive}) holding
 *
 * <ul>
 *   <li>{@code manifest.json} ({@link ModelManifest}): {@code format} ({@value #FORMAT}),
 *       {@code version} ({@value #VERSION}), the architecture ({@code dim}, {@code layers},
 *       {@code masks} as 0/1 lists, {@code hidden}, {@code coupling}, {@code precision},
 *       {@code parameterCount}; from version 2 on, when not the seed's, {@code scale} (e.g.
 *       {@code "softplus"}, see {@link org.flowexplorer.model.flow.ScaleFunction#id()}) and
 *       {@code batchNorm}, or {@code norm: "act"}, and {@code mixer: "lu" | "rotation"}), an optional {@code training} section (batchSize, learningRate,
 *       clipNorm, seed, steps, dataset {name, n, noise, seed}), {@code createdAt} (ISO-8601 UTC)
 *       and {@code appVersion};</li>
 *   <li>{@code params/<key>.npy}: one NumPy array per weight and bias, named by its PyTorch
 *       state_dict key (e.g. {@code params/layers.0.net.0.weight.npy}, shape [out, in]), in the
 *       model's precision; with batch normalisation also {@code params/norms.<i>.log_gamma.npy},
 *       {@code beta}, {@code running_mean} and {@code running_var} ([D] each). The masks live in
 *       the manifest;</li>
 *   <li>optionally the loss curves ({@link LossHistoryCodec}).</li>
 * </ul>
 *
 * The archive is thus readable without Flow Explorer ({@code zipfile} + {@code np.load}). Saving
 * is atomic and loading gives back bit-identical parameters. Loading validates the manifest
 * against {@link org.flowexplorer.model.Limits} and every tensor's header against the
 * architecture before allocating, and refuses non-finite parameters; every problem is a one-line
 * {@link ModelFormatException} naming the file.
 */
public final class ModelFile {
    public static final String FORMAT = "flow-explorer-model";
    /** The newest version this code reads, and writes for a model with batch normalisation or a scale other than tanh·2. */
    public static final int VERSION = 2;
    /** The version written for the seed's flows (what Flow Explorer 0.1 reads). */
    public static final int SEED_VERSION = 1;
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

    private ModelFile() {
    }

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
        byte[] manifest = ModelManifest.encode(model, meta);
        Map<String, NdArray> arrays = TorchStateDict.toArrays(model);
        List<StateDictLayout.Tensor> tensors = StateDictLayout.parameters(model);
        tensors.addAll(StateDictLayout.buffers(model));
        LossSnapshot history = meta.lossHistory();
        ZipArchive.write(file, zip -> {
            zip.deflated(MANIFEST, manifest);
            for (StateDictLayout.Tensor t : tensors) {
                zip.deflated(entryName(t.key()), Npy.write(arrays.get(t.key())));
            }
            LossHistoryCodec.write(zip, history);
            for (Map.Entry<String, byte[]> e : extraEntries.entrySet()) {
                zip.deflated(e.getKey(), e.getValue());
            }
        });
    }

    static String entryName(String key) {
        return PARAMS_DIR + key + ".npy";
    }

    /** Reads a model archive written by {@link #save}. */
    public static LoadedModel load(Path file) throws ModelFormatException {
        return ZipArchive.readArchive(file, "model", ModelFile::load);
    }

    /** Reads the model part of an open archive (shared with {@link SessionFile}, which reads the rest of the same archive). */
    static LoadedModel load(ZipArchive zip) throws IOException {
        Path file = zip.file();
        ModelManifest m = ModelManifest.read(zip);
        List<StateDictLayout.Tensor> parameters = StateDictLayout.parameters(m.spec());
        List<StateDictLayout.Tensor> tensors = new java.util.ArrayList<>(parameters);
        tensors.addAll(StateDictLayout.buffers(m.spec()));
        Set<String> expected = new HashSet<>();
        for (StateDictLayout.Tensor t : tensors) {
            expected.add(entryName(t.key()));
        }
        for (ZipEntry entry : zip.entries()) {
            String name = entry.getName();
            if (name.startsWith(PARAMS_DIR) && !name.equals(PARAMS_DIR) && !expected.contains(name)) {
                throw new ModelFormatException(file, "unexpected entry " + name + " (not a parameter of the architecture in " + MANIFEST + ")");
            }
        }
        NdType dtype = m.precision() == Precision.FLOAT64 ? NdType.FLOAT64 : NdType.FLOAT32;
        NdArray[] arrays = new NdArray[tensors.size()];
        for (int i = 0; i < arrays.length; i++) {
            StateDictLayout.Tensor t = tensors.get(i);
            arrays[i] = zip.readNpy(zip.require(entryName(t.key()), ""), (name, type, shape) -> {
                if (!Arrays.equals(shape, t.shape())) {
                    throw new ModelFormatException(file, "entry " + name + " has shape " + Arrays.toString(shape)
                            + ", expected " + Arrays.toString(t.shape()) + " for the architecture in " + MANIFEST);
                }
                if (type != dtype) {
                    throw new ModelFormatException(file, "entry " + name + " has dtype " + type.name().toLowerCase(Locale.ROOT)
                            + ", expected " + TorchStateDict.name(m.precision()) + " (the manifest's precision)");
                }
            });
            TensorChecks.requireFinite(file, t.key(), arrays[i]);
        }
        // only now, with every tensor read and checked, is the model allocated
        double[] values = new double[Math.toIntExact(m.parameterCount())];
        int bufferCount = 0;
        for (StateDictLayout.Tensor t : tensors.subList(parameters.size(), tensors.size())) {
            bufferCount = Math.max(bufferCount, t.offset() + t.size());
        }
        double[] buffers = new double[bufferCount];
        for (int i = 0; i < arrays.length; i++) {
            StateDictLayout.Tensor t = tensors.get(i);
            System.arraycopy(arrays[i].toDoubles(), 0, i < parameters.size() ? values : buffers, t.offset(), t.size());
        }
        RealNVP model = RealNVP.withState(m.spec(), m.precision(), values, buffers);
        StateDictLayout.requireSame(tensors, model);
        LossSnapshot history = LossHistoryCodec.read(zip);
        ModelMetadata metadata = history == null ? m.metadata() : m.metadata().withLossHistory(history);
        return new LoadedModel(model, metadata);
    }
}

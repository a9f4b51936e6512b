package org.flowexplorer.model.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.flowexplorer.model.Precision;
import org.flowexplorer.model.fs.AtomicFiles;
import org.flowexplorer.model.flow.CouplingType;
import org.flowexplorer.model.flow.FlowSpec;
import org.flowexplorer.model.flow.Mixer;
import org.flowexplorer.model.flow.Norm;
import org.flowexplorer.model.flow.RealNVP;

/**
 * A model as a self-contained PyTorch script: the template {@code torch/realnvp.py.template} (the
 * seed's {@code RealNVP}, loading, {@code __main__} with {@code --check points.csv} and
 * {@code --sample N}), the snippets of the blocks the model uses (the seed's
 * {@code AffineCouplingLayer} with its scale functions, the additive coupling, the
 * rational-quadratic spline coupling, batch norm, ActNorm, the LU-linear and fixed-rotation
 * mixers), its architecture as JSON and its {@link TorchStateDict} as a base64 {@code .npz}, which
 * the script loads with {@code load_state_dict(strict=True)}. The code runs on PyTorch 1.13 and later.
 *
 * <p>A further block is one snippet under {@code torch/} (a class that registers itself in
 * {@code COUPLINGS} or {@code BLOCKS}) and one entry in {@link #COUPLINGS}, {@link #NORMS} or
 * {@link #MIXERS}; a model with a block the
 * template does not know is refused with one line before anything is written.
 */
public final class TorchScript {
    /**
     * A block of the template: its snippet, the state_dict keys its modules own beyond the
     * couplings' ({@code layers.i.mask}, {@code layers.i.net.j.weight/bias}) and the keyword
     * arguments its Python constructor takes from the model's spec.
     */
    record Block(String name, String snippet, Pattern keys, Function<FlowSpec, Map<String, Object>> options) {
    }

    /** A block after every coupling: its snippet's block, and the ModuleList its modules live in (its keys' prefix). */
    record After(Block block, String module) {
    }

    private static final String TEMPLATE = "realnvp.py.template";
    /** The keys the template itself reads: the couplings' masks and conditioners, and meta.* (skipped by the script). */
    private static final Pattern TEMPLATE_KEYS = Pattern.compile("layers\\.\\d+\\.(mask|net\\.\\d+\\.(weight|bias))|meta\\..+");
    private static final Pattern NO_KEYS = Pattern.compile("(?!)");

    /** The couplings the template knows, by the coupling type they export. */
    static final Map<CouplingType, Block> COUPLINGS = couplings();
    /** The norms and the mixers the template knows; coupling i is followed by its norm, then its mixer. */
    static final Map<Norm, After> NORMS = new EnumMap<>(Map.of(
            Norm.BATCH, after("batch_norm", "batch_norm.py", "norms", "log_gamma|beta|running_mean|running_var"),
            Norm.ACT, after("act_norm", "act_norm.py", "actnorms", "log_scale|bias|initialised")));
    static final Map<Mixer, After> MIXERS = new EnumMap<>(Map.of(
            Mixer.LU, after("lu", "lu_linear.py", "mixers", "log_abs_diagonal|lower|upper|permutation|sign"),
            Mixer.ROTATION, after("rotation", "fixed_rotation.py", "rotations", "matrix")));

    private static After after(String name, String snippet, String module, String tensors) {
        return new After(new Block(name, snippet, Pattern.compile(module + "\\.\\d+\\.(" + tensors + ")"), spec -> Map.of()), module);
    }

    private static Map<CouplingType, Block> couplings() {
        Map<CouplingType, Block> m = new EnumMap<>(CouplingType.class);
        m.put(CouplingType.AFFINE, new Block("affine", "affine_coupling.py", NO_KEYS,
                spec -> Map.of("scale", spec.scale().id())));
        m.put(CouplingType.ADDITIVE, new Block("additive", "additive_coupling.py", NO_KEYS, spec -> Map.of()));
        m.put(CouplingType.SPLINE, new Block("spline", "spline_coupling.py", NO_KEYS,
                spec -> Map.of("bins", spec.spline().bins(), "bound", spec.spline().bound())));
        return m;
    }

    private static final int BASE64_LINE = 100;

    private TorchScript() {
    }

    /** Writes the script for {@code model} atomically; refuses a model with an unknown block (nothing written). */
    public static void write(Path file, RealNVP model) throws IOException {
        String script = generate(model);
        AtomicFiles.writeText(file, w -> w.write(script));
    }

    /**
     * The script's text for {@code model}.
     *
     * @throws IllegalArgumentException with one line if the model uses a block the template does not know
     */
    public static String generate(RealNVP model) {
        return generate(model, COUPLINGS, NORMS, MIXERS);
    }

    static String generate(RealNVP model, Map<CouplingType, Block> couplings, Map<Norm, After> norms, Map<Mixer, After> mixers) {
        FlowSpec spec = model.spec();
        Block coupling = couplings.get(spec.coupling());
        if (coupling == null) {
            throw new IllegalArgumentException("cannot export as PyTorch code: the PyTorch template has no "
                    + spec.coupling().id() + " coupling (it knows " + couplings.values().stream().map(Block::name)
                    .collect(Collectors.joining(", ")) + ")");
        }
        // the template writes masks, hidden widths, coupling, scale, norm, mixer and spline shape: a spec with anything
        // beyond them (a part added to FlowSpec later) would be exported as a different flow, so it is refused
        FlowSpec expressible = new FlowSpec(spec.dim(), spec.masks(), spec.hidden(), spec.coupling(), spec.scale(), spec.norm(),
                spec.mixer(), spec.spline());
        if (!expressible.equals(spec)) {
            throw new IllegalArgumentException("cannot export as PyTorch code: the PyTorch template does not know every part of " + spec);
        }
        List<After> after = new ArrayList<>();
        if (spec.norm() != Norm.NONE) {
            after.add(known(norms, spec.norm(), spec.norm().id() + " norm"));
        }
        if (spec.mixer() != Mixer.NONE) {
            after.add(known(mixers, spec.mixer(), spec.mixer().id() + " mixer"));
        }
        List<Block> blocks = new ArrayList<>(List.of(coupling));
        after.forEach(a -> blocks.add(a.block()));
        LinkedHashMap<String, NdArray> state = TorchStateDict.toArrays(model);
        for (String key : state.keySet()) {
            if (!TEMPLATE_KEYS.matcher(key).matches() && blocks.stream().noneMatch(b -> b.keys().matcher(key).matches())) {
                throw new IllegalArgumentException("cannot export as PyTorch code: the model's tensor '" + key
                        + "' belongs to no block of the PyTorch template");
            }
        }
        StringBuilder snippets = new StringBuilder();
        for (Block b : blocks) {
            snippets.append('\n').append(resource(b.snippet())).append('\n');
        }
        return resource(TEMPLATE)
                .replace("{{DESCRIPTION}}", description(spec, model.precision()))
                .replace("{{BLOCKS}}", snippets.toString())
                .replace("{{CONFIG}}", config(spec, model.precision(), coupling, after))
                .replace("{{WEIGHTS}}", weights(state));
    }

    private static <K> After known(Map<K, After> blocks, K key, String what) {
        After a = blocks.get(key);
        if (a == null) {
            throw new IllegalArgumentException("cannot export as PyTorch code: the PyTorch template has no " + what + " (it knows "
                    + blocks.values().stream().map(b -> b.block().name()).collect(Collectors.joining(", ")) + ")");
        }
        return a;
    }

    private static String description(FlowSpec spec, Precision precision) {
        return spec.layers() + " " + spec.coupling().id() + " coupling layers in " + spec.dim() + "-D, hidden widths "
                + java.util.Arrays.toString(spec.hidden()) + (spec.coupling().hasScale() ? ", scale " + spec.scale().id() : "")
                + (spec.coupling() == CouplingType.SPLINE ? ", splines of " + spec.spline() : "")
                + (spec.norm() != Norm.NONE ? ", " + spec.norm().id() + " norm after every coupling" : "")
                + (spec.mixer() != Mixer.NONE ? ", " + spec.mixer().id() + " mixer after every coupling" : "")
                + ", " + TorchStateDict.name(precision);
    }

    private static String config(FlowSpec spec, Precision precision, Block coupling, List<After> after) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("layers", spec.layers());
        c.put("hidden", spec.hidden());
        c.put("coupling", coupling.name());
        c.put("options", coupling.options().apply(spec));
        c.put("blocks", after.stream().map(a -> List.of(a.module(), a.block().name())).toList());
        c.put("dtype", TorchStateDict.name(precision));
        try {
            return new ObjectMapper().writeValueAsString(c);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode the architecture as JSON", e);
        }
    }

    /** The state_dict as a compressed .npz in base64, in lines the script's triple-quoted string holds. */
    private static String weights(Map<String, NdArray> state) {
        ByteArrayOutputStream npz = new ByteArrayOutputStream();
        try {
            Npz.write(npz, state, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory
        }
        String text = Base64.getEncoder().encodeToString(npz.toByteArray());
        StringBuilder out = new StringBuilder(text.length() + text.length() / BASE64_LINE + 1);
        for (int i = 0; i < text.length(); i += BASE64_LINE) {
            out.append(text, i, Math.min(text.length(), i + BASE64_LINE)).append('\n');
        }
        return out.toString().strip();
    }

    private static String resource(String name) {
        try (InputStream in = TorchScript.class.getResourceAsStream("torch/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the PyTorch template's " + name + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

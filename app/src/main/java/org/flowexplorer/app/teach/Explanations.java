package org.flowexplorer.app.teach;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The plain-words explanation of every view of the app, for the main window's collapsible
 * explanation panel: a short title and 2–4 sentences, with the formula where there is one.
 * Look up by view id, e.g. {@code Explanations.get(Explanations.LOSS_CHART)}.
 */
public final class Explanations {
    /** A title and a short paragraph. */
    public record Entry(String id, String title, String text) {
        public Entry {
            Objects.requireNonNull(id);
            Objects.requireNonNull(title);
            Objects.requireNonNull(text);
        }
    }

    public static final String DATA_SPACE = "data-space";
    public static final String LATENT_SPACE = "latent-space";
    public static final String LAYER_STEPPER = "layer-stepper";
    public static final String MASK_VIEW = "mask-view";
    public static final String LOSS_CHART = "loss-chart";
    public static final String SAMPLE_INVERT = "sample-invert";
    public static final String DENSITY = "density";
    public static final String FORMULA_INSPECTOR = "formula-inspector";
    /** The formula inspector while its toggle is on inverse. */
    public static final String FORMULA_INSPECTOR_INVERSE = "formula-inspector-inverse";
    public static final String WORKED_EXAMPLE = "worked-example";
    public static final String MASK_GALLERY = "mask-gallery";
    public static final String LOGDET_JACOBIAN = "logdet-jacobian";
    public static final String CONDITIONER_CURVES = "conditioner-curves";
    public static final String NUMERICAL_HEALTH = "numerical-health";
    /** The formula inspector (forward) of a flow with more than the seed's blocks: its scale and what follows each coupling. */
    public static final String FLOW_BLOCKS = "flow-blocks";

    /** A flow over a Gaussian-mixture base: added to the explanation of every view that involves the base. */
    public static final String MIXTURE_BASE = "mixture-base";

    /** Fitting an energy by reverse KL (the form's "Energy (reverse KL)" field). */
    public static final String ENERGY_REVERSE_KL = "energy-reverse-kl";

    // ---------------------------------------------------------------- the mask gallery's sections

    /** The checkerboard section of the mask gallery. */
    public static final String GALLERY_CHECKERBOARD = "Blue pixels pass through unchanged and are fed to the network; "
            + "orange pixels are scaled and shifted using what the network computes from the blue ones. Every pixel's "
            + "neighbours are of the other kind, so each transformed pixel is predicted from the pixels around it. The "
            + "next layer swaps the colours, so after two layers every pixel has been transformed once. All channels of "
            + "a pixel share its colour.";
    /** The channel-wise section of the mask gallery. */
    public static final String GALLERY_CHANNELWISE = "Instead of splitting space, split the channels: half of them pass "
            + "through, the other half are transformed, conditioned on the first half at every position. The halves "
            + "swap at the next layer. RealNVP uses this after a squeeze, when there are 4·C channels to split.";
    /** The squeeze section of the mask gallery. */
    public static final String GALLERY_SQUEEZE = "Cut the image into 2×2 blocks. The four pixels of a block (top-left, "
            + "top-right, bottom-left, bottom-right: the four colours) become four channels at one position of a "
            + "half-size image. Nothing is lost or changed, only rearranged, so the squeeze is invertible with log-det "
            + "0. The number in each cell is its block: block 5's four pixels all end up at position 5.";
    /** The 2-D section of the mask gallery. */
    public static final String GALLERY_HALF_MASKS = "The app's points have just two coordinates, so a mask splits them "
            + "into halves: in couplings 1, 3, 5, … x₁ passes through and x₂ is scaled and shifted using s(x₁), t(x₁); "
            + "couplings 2, 4, … swap the roles. This is the 2-D case of the channel-wise split, and it is what the mask view "
            + "shows for the model being trained.";

    /** The multi-scale section of the mask gallery, for images of {@code channels}×8×8. */
    public static String galleryMultiScale(int channels) {
        return "RealNVP repeats: squeeze, a few coupling layers, then factor out — half of the channels leave the flow "
                + "and are scored directly by the base distribution N(0, I); only the other half goes on to the next "
                + "scale. Later scales therefore work on fewer, coarser values, which saves computation and lets early "
                + "layers model fine detail and later ones the overall shape. The seed's 3×32×32 images are shown "
                + "scaled down to " + channels + "×8×8.";
    }

    private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();

    static {
        put(DATA_SPACE, "Data space",
                "These are the training points x, in the space where the data lives. The flow learns an invertible "
                        + "map z = f(x) that turns this shape into a round standard-normal cloud. Each point keeps its "
                        + "colour in every view, so you can follow it through the layers.");
        put(LATENT_SPACE, "Latent space",
                "Here are the same points after all coupling layers: z = f(x). If training worked, they look like "
                        + "samples of a standard normal N(0, I) — a round blob centred at 0 with most points within "
                        + "the circles at 1, 2 and 3 standard deviations.");
        put(LAYER_STEPPER, "Layer stepper",
                "A flow is a chain of simple steps: z = f_L(…f_2(f_1(x))). Couplings are numbered 1…L and the "
                        + "stepper's positions 0…L lie between them: position 0 is the data x, position k the points "
                        + "after coupling k, position L the latent z. The caption, the outlined mask row and the formula "
                        + "inspector show the coupling applied next (at position L the last one, just applied). Each "
                        + "coupling moves only the coordinates its mask marks 0; the others stay put.");
        put(MASK_VIEW, "Masks",
                "Row k is coupling k (numbered 1…L as in the stepper), each cell one coordinate. Blue (mask 1) coordinates pass through "
                        + "unchanged and feed the small network; orange (mask 0) coordinates are scaled and shifted: "
                        + "y = x_m + (1 − m)·(x·exp(s) + t). The rows alternate so that every coordinate gets "
                        + "transformed.");
        put(LOSS_CHART, "Loss (negative log-likelihood)",
                "The loss is the average negative log-likelihood −log p(x), in nats: lower means the model gives the "
                        + "data more probability. By change of variables, log p(x) = log N(f(x); 0, I) + Σ log|det J|. "
                        + "The dashed line is a lower bound — the data's own entropy where it is known — which no "
                        + "model can beat on average; the test curve shows points the model never trained on.");
        put(SAMPLE_INVERT, "Sample & invert",
                "To create new data, draw z from the standard normal and run the flow backwards: x = f⁻¹(z). Every "
                        + "layer can be undone exactly — the pass-through half tells you s and t again, so "
                        + "x_B = (y_B − t)·exp(−s). Good samples look like the training data. They show as dark dots "
                        + "(\"samples\" in the legend) and are cleared when the model is replaced; Clear removes them, "
                        + "not the query point.");
        put(DENSITY, "Density",
                "The colours show the model's density p(x) = N(f(x); 0, I) · |det J_f(x)| on a grid. The first factor "
                        + "says how central the point lands in latent space, the second how much the flow stretches or "
                        + "squeezes space there. Bright regions should match where the data is dense.");
        put(FORMULA_INSPECTOR, "Formula inspector",
                "One point, one coupling, every step of y = x_m + (1 − m)·(x·exp(s) + t) with the point's real "
                        + "numbers: the coupling the stepper applies next from its position (at the last position, the "
                        + "last coupling). The network reads only the mask-1 coordinates and outputs s and t; the "
                        + "mask-0 coordinates are multiplied by exp(s) and shifted by t. The coupling's contribution "
                        + "to the log-likelihood is log|det J| = Σ s; switch to inverse to see the same coupling undone.");
        put(FORMULA_INSPECTOR_INVERSE, "Formula inspector (inverse)",
                "The same coupling run backwards, y → x: the mask-1 coordinates pass through unchanged, so the "
                        + "network computes the very same s and t from them, and the mask-0 coordinates are un-shifted "
                        + "and un-scaled: x = y_m + (1 − m)·(y − t)·exp(−s). The inverse's log|det J⁻¹| = −Σ s is the "
                        + "forward one with its sign flipped; switch to forward to see the coupling as training applies it.");
        put(WORKED_EXAMPLE, "Worked example (3×3)",
                "The notebook's example: x = 1…9 as a 3×3 matrix, a mask that keeps the first two rows and "
                        + "transforms the last. Steps 1–8 show x_m, 1 − mask, the s- and t-networks layer by layer, "
                        + "x·exp(s), + t, the masking and y = x_m + (1 − mask)·(x·exp(s) + t). The first two rows of y "
                        + "equal x; the weights are random, so change the seed and watch only the last row change.");
        put(MASK_GALLERY, "Masks for images",
                "For images RealNVP masks pixels in a checkerboard or splits the channels, and swaps the roles every "
                        + "layer. A squeeze turns each 2×2 block of pixels into 4 channels (C×H×W → 4C×H/2×W/2), and "
                        + "after each scale half the channels are factored out straight to the base distribution. "
                        + "This app's 2-D points use the simplest case: alternate x₁ and x₂.");
        put(LOGDET_JACOBIAN, "Log-det map and Jacobians",
                "Each layer stretches space in some places and squeezes it in others; log|det J_k| says by how much "
                        + "(red > 0 expands, blue < 0 squeezes). The map is drawn over layer k's own input plane h_(k−1) "
                        + "(the stepper's position k − 1), where a coupling's log-det Σ s depends only on its "
                        + "conditioning coordinate, so it shows as stripes; the cumulative toggle adds layers 1…k over "
                        + "data space x. The ellipses are small circles of data space under the composed local "
                        + "Jacobian, and for the query point log p(x) is built bar by bar: log N(z; 0, I) plus one "
                        + "log|det J_k| per layer. Each J_k is triangular — 1 where x_A passes through, exp(s) where "
                        + "x_B is scaled, ∂y_B/∂x_A from the conditioner's slope — and their product is the whole map's.");
        put(CONDITIONER_CURVES, "Conditioner curves",
                "In 2-D each coupling's network reads one coordinate, so all it learned fits in two curves: the "
                        + "log-scale s(h_A) and the shift t(h_A) that the layer applies to the other coordinate, over "
                        + "the range the data reach at that layer (histogram below). s = 2·tanh(raw s) can never leave "
                        + "±2; where it presses against that bound (|s| > 1.9, shaded) its gradient 2 − s²/2 vanishes "
                        + "and it stops learning. An additive coupling has only t.");
        put(NUMERICAL_HEALTH, "Numerical health",
                "Signs of trouble before training diverges: how large the gradient is before clipping and how "
                        + "often the clip cut it, how close each layer's s is to its ±2 bound, each layer's log|det J| "
                        + "range, and whether the inverse still gives back the data (‖f⁻¹(f(x)) − x‖ is about 1e-6 in "
                        + "float32). Amber is worth watching, red means the numbers can no longer be trusted; a "
                        + "divergence-guard rollback is listed with its reason.");
        // ---- b-energy: reverse-KL fitting of an energy
        put(ENERGY_REVERSE_KL, "Energy (reverse KL)",
                "The other way to train a flow: no data, only an unnormalised density exp(−U(x)), e.g. one of "
                        + "Rezende & Mohamed's U1–U4 or a formula you type. Each step samples z ~ N(0, I), pushes it "
                        + "through the inverse, x = f⁻¹(z), and lowers the mean of log q(x) + U(x) = KL(q‖p) − log Z. "
                        + "Because the average is over the model's own samples, mass it puts where exp(−U) is tiny costs "
                        + "a lot and a mode it never visits costs nothing: reverse KL is mode-seeking, while maximum "
                        + "likelihood on samples of p must cover every mode. The points drawn are a sample of exp(−U), "
                        + "for comparison; training never sees them.");
    }

    // ---------------------------------------------------------------- flow blocks beyond the seed's flow

    static {
        put(FLOW_BLOCKS, "Formula inspector: scale, norms and mixers",
                "The inspector walks one coupling; this flow adds to the seed's. The scale function turns the "
                        + "network's raw output into the log-scale s: tanh:B keeps |s| < B (the seed's tanh:2), "
                        + "softplus makes the scale exp(s) = softplus(raw) smooth and positive, exp leaves s = raw "
                        + "unbounded (fast, but it can blow up). A batch norm after a coupling shifts and rescales "
                        + "each coordinate to mean 0 and variance 1 — with the batch's statistics while training and "
                        + "running averages everywhere else — then by learned exp(log γ) and β; it adds "
                        + "Σ (log γ − ½ log(v + ε)) to log|det J|. ActNorm (Glow) is a learned scale and shift per "
                        + "coordinate, y = x·exp(log s) + b, set from the first training batch so that its outputs "
                        + "start at mean 0 and variance 1, then trained like any weight; log|det J| = Σ log s. A mixer "
                        + "after that turns the plane so the next coupling splits along new directions: LU linear is a "
                        + "learned matrix W = P·L·U (starting as the identity, log|det J| = Σ log|u_ii|), rotation a "
                        + "fixed random one (log|det J| = 0). The stepper's position k is after coupling k and its "
                        + "blocks; between two positions the points pass through the coupling and each block in turn.");
    }

    private static final Map<String, String> FORMULAS = Map.ofEntries(
            Map.entry(FLOW_BLOCKS, "batch norm: y = (x − μ)/√(v + ε)·exp(log γ) + β;   ActNorm: y = x·exp(log s) + b;   "
                    + "LU: y = P·L·U·x, log|det J| = Σ log|u_ii|;   rotation: y = R·x, log|det J| = 0"),
            Map.entry(FORMULA_INSPECTOR_INVERSE, "x = y_m + (1 − m)·(y − t)·exp(−s),   log|det J⁻¹| = −Σ s"),
            Map.entry(DATA_SPACE, "z = f(x)        x = f⁻¹(z)"),
            Map.entry(LATENT_SPACE, "z = f(x) ~ N(0, I)"),
            Map.entry(LAYER_STEPPER, "h₀ = x,   h_k = f_k(h_k−1) at position k,   h_L = z"),
            Map.entry(MASK_VIEW, "y = x_m + (1 − m)·(x·exp(s) + t)"),
            Map.entry(LOSS_CHART, "−log p(x) = −log N(f(x); 0, I) − Σ log|det J|"),
            Map.entry(SAMPLE_INVERT, "z ~ N(0, I),   x = f⁻¹(z),   x_B = (y_B − t)·exp(−s)"),
            Map.entry(DENSITY, "p(x) = N(f(x); 0, I) · |det J_f(x)|"),
            Map.entry(FORMULA_INSPECTOR, "y = x_m + (1 − m)·(x·exp(s) + t),   log|det J| = Σ s"),
            Map.entry(WORKED_EXAMPLE, "y = x_m + (1 − mask)·(x·exp(s) + t)"),
            Map.entry(MASK_GALLERY, "squeeze: C×H×W → 4C × H/2 × W/2"),
            Map.entry(ENERGY_REVERSE_KL, "min E_z[log q(f⁻¹(z)) + U(f⁻¹(z))],   log q(x) = log N(z) − log|det ∂f⁻¹/∂z|"),
            Map.entry(LOGDET_JACOBIAN,
                    "log p(x) = log N(z; 0, I) + Σ_k log|det J_k|,   J_k = [[1, 0], [∂y_B/∂x_A, exp(s)]]"));

    // ---------------------------------------------------------------- spline couplings

    /** The formula inspector on a spline coupling, forward and inverse. */
    public static final String FORMULA_INSPECTOR_SPLINE = "formula-inspector-spline";
    public static final String FORMULA_INSPECTOR_SPLINE_INVERSE = "formula-inspector-spline-inverse";
    /** The conditioner curves of a spline coupling. */
    public static final String CONDITIONER_CURVES_SPLINE = "conditioner-curves-spline";

    static {
        put(FORMULA_INSPECTOR_SPLINE, "Formula inspector (spline coupling)",
                "A spline coupling (Neural Spline Flows, Durkan et al. 2019) bends each mask-0 coordinate with a "
                        + "monotone rational-quadratic spline g: from the mask-1 coordinates the network outputs K bin "
                        + "widths, K heights (each through a softmax, at least 10⁻³) and K − 1 slopes (softplus) at the "
                        + "inner knots of [−B, B]; outside it g is the identity, and the slope at ±B is 1 so the tails join "
                        + "smoothly. The table finds the point's bin k, its knots (x_k, y_k), (x_k+1, y_k+1), δ = height / "
                        + "width and θ, the position inside the bin, and evaluates g there with the point's numbers; "
                        + "log|det J| = Σ log g′(x). The chart beside it draws g with its knots.");
        put(FORMULA_INSPECTOR_SPLINE_INVERSE, "Formula inspector (spline coupling, inverse)",
                "Undoing a spline coupling: the mask-1 coordinates pass through, so the network gives the same knots "
                        + "again; the bin is found among the y-knots, and inside it g(x) = y is a quadratic equation in θ, "
                        + "solved in closed form by its stable root θ = 2c / (−b − √(b² − 4ac)); then x = x_k + θ·(x_k+1 − "
                        + "x_k). Points outside [−B, B] are left as they are. log|det J⁻¹| = −Σ log g′(x).");
        put(CONDITIONER_CURVES_SPLINE, "Conditioner curves (spline coupling)",
                "A spline coupling's network turns the conditioning coordinate h_A into a whole curve g for the other "
                        + "coordinate, drawn on the right for the query point's h_A: a monotone spline through K + 1 knots "
                        + "(dots) on [−B, B], the identity outside (the shaded square is where it acts; the dashed diagonal "
                        + "is no change). On the left, sweeping h_A: s = log g′ and t = g − h·g′ at the query point's own "
                        + "h_B, the straight line g would be there, which is all an affine coupling could do everywhere.");
    }

    private static final Map<String, String> SPLINE_FORMULAS = Map.of(
            FORMULA_INSPECTOR_SPLINE, "y = x_m + (1 − m)·g(x),   g = y_k + h·(δθ² + d_k·θ(1−θ)) / (δ + (d_k + d_k+1 − 2δ)·θ(1−θ))",
            FORMULA_INSPECTOR_SPLINE_INVERSE, "x = y_m + (1 − m)·g⁻¹(y),   θ = 2c / (−b − √(b² − 4ac))",
            CONDITIONER_CURVES_SPLINE, "g: [−B, B] → [−B, B] monotone, identity outside;   log|det J| = Σ log g′(x_B)",
            MIXTURE_BASE, "log p(x) = log Σ_k w_k N(z; μ_k, σ_k) + Σ log|det J|,   z = f(x)");

    // ---------------------------------------------------------------- the mixture base

    /** The views whose explanation speaks of the base N(0, I): with a mixture base the panel adds {@link #MIXTURE_BASE}. */
    private static final java.util.Set<String> ABOUT_BASE = java.util.Set.of(LATENT_SPACE, LOSS_CHART, SAMPLE_INVERT, DENSITY,
            FORMULA_INSPECTOR, FORMULA_INSPECTOR_INVERSE, FLOW_BLOCKS, LOGDET_JACOBIAN, FORMULA_INSPECTOR_SPLINE,
            FORMULA_INSPECTOR_SPLINE_INVERSE);

    static {
        put(MIXTURE_BASE, "Mixture base",
                "This flow's base is not N(0, I) but a mixture of K Gaussians whose weights w_k = softmax(logits), means "
                        + "μ_k and per-axis scales σ_k = exp(log σ_k) are learned together with the couplings. The flow still "
                        + "maps x to z = f(x), but z is scored by log Σ_k w_k N(z; μ_k, σ_k) instead of −½‖z‖² − ln 2π, so "
                        + "separate clumps of data can go to separate components: with one round blob the flow has to stretch "
                        + "thin filaments of density between the modes, and those disappear. The latent view draws each "
                        + "component's 1σ and 2σ ellipses; sampling picks a component by its weight, draws z from it and "
                        + "runs x = f⁻¹(z). The formula inspector lists every component's numbers and, for the query point, "
                        + "its responsibilities r_k = w_k N(z; μ_k, σ_k) / Σ_j w_j N(z; μ_j, σ_j): which component explains it.");
    }

    /** Whether a view's explanation involves the base distribution (so a mixture base changes what it says). */
    public static boolean aboutBase(String id) {
        return ABOUT_BASE.contains(id);
    }

    /** The inspector's explanation for a coupling type and direction. */
    public static String inspector(org.flowexplorer.model.flow.CouplingType type, boolean inverse) {
        if (type == org.flowexplorer.model.flow.CouplingType.SPLINE) {
            return inverse ? FORMULA_INSPECTOR_SPLINE_INVERSE : FORMULA_INSPECTOR_SPLINE;
        }
        return inverse ? FORMULA_INSPECTOR_INVERSE : FORMULA_INSPECTOR;
    }

    private Explanations() {
    }

    /** The view's key formula on one line (also somewhere in its text), for display apart from the words. */
    public static String formula(String id) {
        get(id); // same error for an unknown id
        return FORMULAS.getOrDefault(id, SPLINE_FORMULAS.getOrDefault(id, ""));
    }

    private static void put(String id, String title, String text) {
        ENTRIES.put(id, new Entry(id, title, text));
    }

    /** The entry for a view id; throws for an unknown id. */
    public static Entry get(String id) {
        Entry e = ENTRIES.get(id);
        if (e == null) {
            throw new IllegalArgumentException("no explanation for view '" + id + "' (known: " + ENTRIES.keySet() + ")");
        }
        return e;
    }

    /** All entries, in the order listed above (unmodifiable). */
    public static Map<String, Entry> all() {
        return java.util.Collections.unmodifiableMap(ENTRIES);
    }
}

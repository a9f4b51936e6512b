package org.flowexplorer.model.flow;

/**
 * The flow's base distribution p(z): the seed's standard normal N(0, I) ({@link #GAUSSIAN}), or a
 * {@link MixtureBase} of K learnable diagonal Gaussians ({@link #mixture(int)}).
 *
 * @param components K, 1 to {@link #MAX_COMPONENTS} for a mixture; 0 for the standard normal
 */
public record BaseDistribution(int components) {
    /** The seed's N(0, I): no parameters. */
    public static final BaseDistribution GAUSSIAN = new BaseDistribution(0);
    public static final int MAX_COMPONENTS = 64;

    public BaseDistribution {
        if (components < 0 || components > MAX_COMPONENTS) {
            throw new IllegalArgumentException("a mixture base needs 1 to " + MAX_COMPONENTS + " components, got " + components);
        }
    }

    /** A mixture of {@code k} learnable diagonal Gaussians. */
    public static BaseDistribution mixture(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("a mixture base needs 1 to " + MAX_COMPONENTS + " components, got " + k);
        }
        return new BaseDistribution(k);
    }

    public boolean isGaussian() {
        return components == 0;
    }

    /** Learnable parameters in {@code dim} dimensions: K logits, K·D means, K·D log-scales. */
    public int parameterCount(int dim) {
        return MixtureBase.parameterCount(components, dim);
    }

    /** {@code "gaussian"} or {@code "mixture:K"}, as {@link #parse} reads it. */
    public String id() {
        return isGaussian() ? "gaussian" : "mixture:" + components;
    }

    /** @throws IllegalArgumentException with one line, e.g. "unknown base 'x' (expected gaussian or mixture:K)" */
    public static BaseDistribution parse(String id) {
        String s = id.trim().toLowerCase(java.util.Locale.ROOT);
        if (s.equals("gaussian") || s.equals("normal")) {
            return GAUSSIAN;
        }
        if (s.startsWith("mixture:")) {
            try {
                return mixture(Integer.parseInt(s.substring("mixture:".length())));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("the mixture's component count must be an integer, got '" + id + "'");
            }
        }
        throw new IllegalArgumentException("unknown base '" + id + "' (expected gaussian or mixture:K)");
    }

    @Override
    public String toString() {
        return isGaussian() ? "standard normal" : "mixture of " + components + " Gaussians";
    }
}

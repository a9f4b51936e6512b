package org.flowexplorer.app.cli;

/** The check that no NaN or infinity reaches a file the user will read as numbers. */
final class NonFinite {
    private NonFinite() {
    }

    static int count(float[] v) {
        int bad = 0;
        for (float f : v) {
            if (!Float.isFinite(f)) {
                bad++;
            }
        }
        return bad;
    }

    /**
     * A failure naming how many of {@code what} are NaN or infinite, if any are.
     *
     * @param what   the values, e.g. "sampled coordinates"
     * @param reason why that can happen, e.g. "the model's inverse overflows float32 on some points"
     */
    static void require(float[] values, String what, String reason) {
        int bad = count(values);
        if (bad > 0) {
            throw new CliFailure(bad + " of " + values.length + " " + what + " are not finite numbers (" + reason
                    + "); nothing written");
        }
    }
}

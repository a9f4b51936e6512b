package org.flowexplorer.app.viewmodel;

/**
 * The query point and its path through the layers.
 *
 * @param placedInData   whether it was placed in data space (pushed forward) rather than latent space
 * @param dataX          x of the point in data space (the start of the path)
 * @param dataY          y of the point in data space
 * @param latentX        x of its image in latent space (the end of the path)
 * @param latentY        y of its image in latent space
 * @param path           L+1 points (x,y pairs): index 0 data space, L latent space
 * @param roundTripError ‖f⁻¹(f(x)) − x‖ for the data-space point x
 */
public record QueryPoint(boolean placedInData, double dataX, double dataY, double latentX, double latentY,
        float[] path, double roundTripError) {

    /** The path's point at a continuous layer position in [0, L], blended between the neighbouring layers. */
    public float[] at(double position) {
        int layers = path.length / 2 - 1;
        double p = Math.max(0, Math.min(layers, position));
        int k = (int) Math.min(Math.floor(p), layers - 1);
        float f = (float) (p - k);
        return new float[] {path[2 * k] + f * (path[2 * k + 2] - path[2 * k]),
                path[2 * k + 1] + f * (path[2 * k + 3] - path[2 * k + 1])};
    }
}

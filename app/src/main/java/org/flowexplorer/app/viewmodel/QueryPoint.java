package org.flowexplorer.app.viewmodel;

/**
 * The query point and its path through the layers.
 *
 * @param placedInData   whether it was placed in data space (pushed forward) rather than latent space
 * @param dataX          x of the point in data space (the start of the path)
 * @param dataY          y of the point in data space
 * @param latentX        x of its image in latent space (the end of the path)
 * @param latentY        y of its image in latent space
 * @param path           L+1 points (x,y pairs): index 0 data space, L latent space (a point between
 *                       layers: {@code scene.LayerInterpolation.alongPath})
 * @param roundTripError ‖f⁻¹(f(x)) − x‖ for the data-space point x
 */
public record QueryPoint(boolean placedInData, double dataX, double dataY, double latentX, double latentY,
        float[] path, double roundTripError) {
}

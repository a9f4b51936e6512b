package org.flowexplorer.app.viewmodel;

/** The displayed points pushed to latent space z = f(x), with where each started in data space (to colour it). */
public record LatentPoints(float[] points, float[] origins) {
}

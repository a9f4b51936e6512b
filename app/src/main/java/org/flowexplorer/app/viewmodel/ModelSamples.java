package org.flowexplorer.app.viewmodel;

/** Model samples: base draws z ([n, 2] row-major) and their images x = f⁻¹(z) in data space. */
public record ModelSamples(float[] latent, float[] data) {
}

/**
 * What the views show, computed without JavaFX: plot bounds, the warped grid, density images,
 * masks, the interpolation between layers, loss series and the data colours. The training worker
 * builds its snapshots with it and the {@code render} command its images, so the CLI draws what
 * the app's views draw.
 */
package org.flowexplorer.app.scene;

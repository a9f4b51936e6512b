package org.flowexplorer.app.chart;

/**
 * What a plane view ({@link LogDetMapView}, {@link JacobianGlyphView}) draws: its data, the
 * displayed points in the same plane for context, and the query point there.
 *
 * @param data   the map or the glyphs, or null
 * @param points context points in the plane (x, y pairs), or null
 * @param query  the query point in the plane {x, y}, or null
 * @param <T>    the kind of data
 */
public record PlaneContent<T>(T data, float[] points, double[] query) {
}

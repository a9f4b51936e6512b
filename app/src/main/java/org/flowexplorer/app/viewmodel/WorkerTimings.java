package org.flowexplorer.app.viewmodel;

/** Durations of the worker's last expensive computations (ms; NaN where not measured), for the status bar. */
public record WorkerTimings(double stepMillis, double traceMillis, double densityMillis, double firstBuildMillis) {
}

package org.flowexplorer.app.viewmodel;

/** What a press in data space does: query the flow, spray points, or erase points. */
public enum DrawMode {
    OFF, DRAW, ERASE
}

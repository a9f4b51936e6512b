package org.flowexplorer.app;

/** Placeholder entry point; replaced below once the CLI and UI exist. */
public final class Launcher {
    public static void main(String[] args) {
        System.out.println("Flow Explorer");
    }
}

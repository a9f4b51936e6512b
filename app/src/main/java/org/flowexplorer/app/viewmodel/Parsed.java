package org.flowexplorer.app.viewmodel;

/** The outcome of parsing one text field: a value, or a one-line message saying what is wrong. */
public record Parsed<T>(T value, String error) {
    public static <T> Parsed<T> ok(T value) {
        return new Parsed<>(value, "");
    }

    public static <T> Parsed<T> fail(String error) {
        return new Parsed<>(null, error);
    }

    public boolean isOk() {
        return error.isEmpty();
    }
}

package org.flowexplorer.model.energy;

/** A formula that does not parse: one line, naming the 1-based column of the first error. */
public final class FormulaException extends IllegalArgumentException {
    private final int column;

    FormulaException(String formula, int column, String problem) {
        super("formula error at column " + column + ": " + problem + " in \"" + formula + "\"");
        this.column = column;
    }

    /** 1-based column of the first error. */
    public int column() {
        return column;
    }
}

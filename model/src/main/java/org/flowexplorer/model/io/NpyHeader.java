package org.flowexplorer.model.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Python-dict header of an {@code .npy} file, e.g.
 * {@code {'descr': '<f4', 'fortran_order': False, 'shape': (3, 2), }}.
 *
 * <p>{@link #parse} is a small recursive-descent parser for exactly the literal subset NumPy
 * writes (string, {@code True}/{@code False}, tuple of non-negative ints), rather than a general
 * Python evaluator: anything else is reported as a malformed header.
 */
record NpyHeader(String descr, boolean fortranOrder, int[] shape) {

    /** Header text as NumPy formats it (without padding or trailing newline). */
    String format() {
        StringBuilder s = new StringBuilder("{'descr': '").append(descr)
                .append("', 'fortran_order': ").append(fortranOrder ? "True" : "False")
                .append(", 'shape': (");
        for (int i = 0; i < shape.length; i++) {
            s.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        if (shape.length == 1) {
            s.append(',');
        }
        return s.append("), }").toString();
    }

    /** Parses header text; {@code source} names the file in error messages. */
    static NpyHeader parse(String text, String source) throws NpyFormatException {
        return new Parser(text, source).header();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NpyHeader h && h.descr.equals(descr) && h.fortranOrder == fortranOrder
                && Arrays.equals(h.shape, shape);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * descr.hashCode() + Boolean.hashCode(fortranOrder)) + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return format();
    }

    private static final class Parser {
        private final String text;
        private final String source;
        private int pos;

        Parser(String text, String source) {
            this.text = text;
            this.source = source;
        }

        NpyHeader header() throws NpyFormatException {
            Map<String, Object> dict = new HashMap<>();
            expect('{');
            while (!peekIs('}')) {
                String key = string();
                expect(':');
                Object value = value();
                if (dict.put(key, value) != null) {
                    throw fail("duplicate key '" + key + "'");
                }
                if (!peekIs('}')) {
                    expect(',');
                }
            }
            expect('}');
            skipSpace();
            if (pos != text.length()) {
                throw fail("unexpected text after the dictionary");
            }
            if (!dict.keySet().equals(java.util.Set.of("descr", "fortran_order", "shape"))) {
                throw fail("expected keys descr, fortran_order, shape but found " + dict.keySet());
            }
            if (!(dict.get("descr") instanceof String descr)) {
                throw fail("'descr' is not a plain dtype string (structured dtypes are not supported)");
            }
            if (!(dict.get("fortran_order") instanceof Boolean fortran)) {
                throw fail("'fortran_order' is not True or False");
            }
            if (!(dict.get("shape") instanceof int[] shape)) {
                throw fail("'shape' is not a tuple of integers");
            }
            return new NpyHeader(descr, fortran, shape);
        }

        private Object value() throws NpyFormatException {
            skipSpace();
            if (pos >= text.length()) {
                throw fail("unexpected end of header");
            }
            char c = text.charAt(pos);
            if (c == '\'' || c == '"') {
                return string();
            }
            if (c == '(') {
                return tuple();
            }
            if (text.startsWith("True", pos)) {
                pos += 4;
                return Boolean.TRUE;
            }
            if (text.startsWith("False", pos)) {
                pos += 5;
                return Boolean.FALSE;
            }
            if (c == '[') {
                // Structured dtypes use a list descr; skip nothing, just report clearly.
                throw fail("structured dtypes (list 'descr') are not supported");
            }
            throw fail("unexpected character '" + c + "' at offset " + pos);
        }

        private int[] tuple() throws NpyFormatException {
            expect('(');
            List<Integer> dims = new ArrayList<>();
            while (!peekIs(')')) {
                dims.add(integer());
                if (!peekIs(')')) {
                    expect(',');
                }
            }
            expect(')');
            return dims.stream().mapToInt(Integer::intValue).toArray();
        }

        private int integer() throws NpyFormatException {
            skipSpace();
            int start = pos;
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
            if (start == pos) {
                throw fail("expected a non-negative integer at offset " + start);
            }
            String digits = text.substring(start, pos);
            if (pos < text.length() && text.charAt(pos) == 'L') {
                pos++; // Python 2 long suffix, written by very old NumPy
            }
            try {
                return Integer.parseInt(digits);
            } catch (NumberFormatException e) {
                throw fail("dimension " + digits + " is too large");
            }
        }

        private String string() throws NpyFormatException {
            skipSpace();
            if (pos >= text.length() || (text.charAt(pos) != '\'' && text.charAt(pos) != '"')) {
                throw fail("expected a quoted string at offset " + pos);
            }
            char quote = text.charAt(pos++);
            int end = text.indexOf(quote, pos);
            if (end < 0) {
                throw fail("unterminated string");
            }
            String s = text.substring(pos, end);
            pos = end + 1;
            return s;
        }

        private boolean peekIs(char c) {
            skipSpace();
            return pos < text.length() && text.charAt(pos) == c;
        }

        private void expect(char c) throws NpyFormatException {
            if (!peekIs(c)) {
                throw fail(pos >= text.length() ? "unexpected end of header, expected '" + c + "'"
                        : "expected '" + c + "' at offset " + pos + " but found '" + text.charAt(pos) + "'");
            }
            pos++;
        }

        private void skipSpace() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        private NpyFormatException fail(String detail) {
            return new NpyFormatException(source, "malformed header: " + detail);
        }
    }
}

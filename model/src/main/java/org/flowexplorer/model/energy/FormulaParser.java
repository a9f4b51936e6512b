package org.flowexplorer.model.energy;

import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Supplier;

/**
 * A small recursive-descent parser for formulas in x1 and x2, compiled to a
 * {@link DoubleBinaryOperator}. Grammar (usual precedence; ^ binds tighter than unary minus and
 * is right-associative, so −x1^2 = −(x1²) and 2^3^2 = 2^9):
 *
 * <pre>
 *   sum     = product (('+' | '−') product)*
 *   product = unary (('*' | '/') unary)*
 *   unary   = ('−' | '+') unary | power
 *   power   = atom ('^' unary)?
 *   atom    = number | x1 | x2 | pi | e | name '(' sum ')' | '(' sum ')'
 *   name    = exp | log | sin | cos | tanh | sqrt | abs
 * </pre>
 */
final class FormulaParser {
    private static final Map<String, DoubleUnaryOperator> FUNCTIONS = Map.of(
            "exp", Math::exp, "log", Math::log, "sin", Math::sin, "cos", Math::cos,
            "tanh", Math::tanh, "sqrt", Math::sqrt, "abs", Math::abs);
    private static final Map<String, Double> CONSTANTS = Map.of("pi", Math.PI, "e", Math.E);
    /** Longer inputs are refused: a formula is something one types. */
    static final int MAX_LENGTH = 500;

    private final String text;
    private int pos;

    private FormulaParser(String text) {
        this.text = text;
    }

    /** Parses {@code text}; throws {@link FormulaException} at the first error. */
    static DoubleBinaryOperator parse(String text) {
        if (text.length() > MAX_LENGTH) {
            throw new FormulaException(text.substring(0, 20) + "…", MAX_LENGTH + 1, "longer than " + MAX_LENGTH + " characters");
        }
        FormulaParser p = new FormulaParser(text);
        p.skipSpaces();
        if (p.pos == text.length()) {
            throw p.error("empty formula (expected an expression in x1 and x2)");
        }
        DoubleBinaryOperator f = p.sum();
        if (p.pos < text.length()) {
            throw p.error("unexpected '" + text.charAt(p.pos) + "'");
        }
        return f;
    }

    private DoubleBinaryOperator sum() {
        return chain(this::product, '+', '-');
    }

    private DoubleBinaryOperator product() {
        return chain(this::unary, '*', '/');
    }

    /** operand ((first | second) operand)*, left-associative. */
    private DoubleBinaryOperator chain(Supplier<DoubleBinaryOperator> operand, char first, char second) {
        DoubleBinaryOperator left = operand.get();
        while (true) {
            char op;
            if (eat(first)) {
                op = first;
            } else if (eat(second)) {
                op = second;
            } else {
                return left;
            }
            DoubleBinaryOperator a = left, b = operand.get();
            left = switch (op) {
                case '+' -> (x, y) -> a.applyAsDouble(x, y) + b.applyAsDouble(x, y);
                case '-' -> (x, y) -> a.applyAsDouble(x, y) - b.applyAsDouble(x, y);
                case '*' -> (x, y) -> a.applyAsDouble(x, y) * b.applyAsDouble(x, y);
                default -> (x, y) -> a.applyAsDouble(x, y) / b.applyAsDouble(x, y);
            };
        }
    }

    private DoubleBinaryOperator unary() {
        if (eat('-')) {
            DoubleBinaryOperator a = unary();
            return (x, y) -> -a.applyAsDouble(x, y);
        }
        if (eat('+')) {
            return unary();
        }
        DoubleBinaryOperator base = atom();
        if (eat('^')) {
            DoubleBinaryOperator exponent = unary();
            return (x, y) -> Math.pow(base.applyAsDouble(x, y), exponent.applyAsDouble(x, y));
        }
        return base;
    }

    private DoubleBinaryOperator atom() {
        skipSpaces();
        if (pos >= text.length()) {
            throw error("unexpected end (expected a number, x1, x2, a function or '(')");
        }
        char c = text.charAt(pos);
        if (eat('(')) {
            DoubleBinaryOperator inner = sum();
            expect(')');
            return inner;
        }
        if (Character.isDigit(c) || c == '.') {
            return number();
        }
        if (Character.isLetter(c)) {
            int start = pos;
            while (pos < text.length() && Character.isLetterOrDigit(text.charAt(pos))) {
                pos++;
            }
            String name = text.substring(start, pos).toLowerCase(Locale.ROOT);
            if (name.equals("x1")) {
                return (x, y) -> x;
            }
            if (name.equals("x2")) {
                return (x, y) -> y;
            }
            if (CONSTANTS.containsKey(name)) {
                double v = CONSTANTS.get(name);
                return (x, y) -> v;
            }
            DoubleUnaryOperator fn = FUNCTIONS.get(name);
            if (fn == null) {
                pos = start;
                throw error("unknown name '" + name + "' (use x1, x2, pi, e, exp, log, sin, cos, tanh, sqrt, abs)");
            }
            expect('(');
            DoubleBinaryOperator arg = sum();
            expect(')');
            return (x, y) -> fn.applyAsDouble(arg.applyAsDouble(x, y));
        }
        throw error("unexpected '" + c + "'");
    }

    private DoubleBinaryOperator number() {
        int start = pos;
        while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
            pos++;
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')
                && pos + 1 < text.length() && (Character.isDigit(text.charAt(pos + 1)) || text.charAt(pos + 1) == '-')) {
            pos += 2;
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
        }
        double v;
        try {
            v = Double.parseDouble(text.substring(start, pos));
        } catch (NumberFormatException e) {
            pos = start;
            throw error("malformed number '" + text.substring(start, Math.min(text.length(), start + 12)) + "'");
        }
        return (x, y) -> v;
    }

    private boolean eat(char c) {
        skipSpaces();
        if (pos < text.length() && text.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!eat(c)) {
            throw error(pos < text.length() ? "expected '" + c + "' but found '" + text.charAt(pos) + "'"
                    : "expected '" + c + "' but the formula ended");
        }
    }

    private void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private FormulaException error(String problem) {
        return new FormulaException(text, pos + 1, problem);
    }
}

package org.sanlian.workbench.core.scoring.expr;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A parsed derived expression (SCORING.md section 4): {@code + - * /}, parentheses, numbers with an
 * optional exponent, unary minus, codes, {@code prev(CODE)}, {@code min}/{@code max} (two or more
 * arguments) and {@code abs}. Evaluation yields NaN for a missing value and reports why through an
 * {@link Outcome}: the first failure met, left to right.
 */
public final class Expression {

    /** Supplies values of codes for one unit; NaN means missing. */
    public interface Resolver {
        double value(String code);

        double previous(String code);
    }

    /** Receives the reason a value is missing; only the first one is kept. */
    public static final class Outcome {
        private EvalWarning warning;

        void fail(EvalWarning w) {
            if (warning == null) {
                warning = w;
            }
        }

        public EvalWarning warning() {
            return warning;
        }

        public void reset() {
            warning = null;
        }
    }

    public static final Set<String> RESERVED = Set.of("prev", "min", "max", "abs");

    private final String text;
    private final Ast root;
    private final Set<String> references;
    private final Set<String> previousReferences;

    private Expression(String text, Ast root, Set<String> references, Set<String> previousReferences) {
        this.text = text;
        this.root = root;
        this.references = references;
        this.previousReferences = previousReferences;
    }

    /** Parses an expression; throws {@link ExpressionException} with the position of the first problem. */
    public static Expression parse(String text) {
        Parser p = new Parser(text);
        Ast root = p.parseAll();
        return new Expression(text, root, Collections.unmodifiableSet(p.refs), Collections.unmodifiableSet(p.prevRefs));
    }

    public String text() {
        return text;
    }

    /** Every code the expression reads, in the current period or through {@code prev()}, in order of appearance. */
    public Set<String> references() {
        return references;
    }

    /** The codes read through {@code prev()}. */
    public Set<String> previousReferences() {
        return previousReferences;
    }

    public double evaluate(Resolver resolver, Outcome outcome) {
        return root.eval(resolver, outcome);
    }

    @Override
    public String toString() {
        return text;
    }

    // ---- tree ----

    private interface Ast {
        double eval(Resolver r, Outcome o);
    }

    private static double operand(double v, Outcome o) {
        if (Double.isNaN(v)) {
            o.fail(EvalWarning.MISSING_OPERAND);
        }
        return v;
    }

    private record Num(double v) implements Ast {
        public double eval(Resolver r, Outcome o) {
            return v;
        }
    }

    private record Ref(String code) implements Ast {
        public double eval(Resolver r, Outcome o) {
            return operand(r.value(code), o);
        }
    }

    private record Prev(String code) implements Ast {
        public double eval(Resolver r, Outcome o) {
            return operand(r.previous(code), o);
        }
    }

    private record Neg(Ast a) implements Ast {
        public double eval(Resolver r, Outcome o) {
            return -a.eval(r, o);
        }
    }

    private record Bin(char op, Ast a, Ast b) implements Ast {
        public double eval(Resolver r, Outcome o) {
            double x = a.eval(r, o);
            double y = b.eval(r, o);
            if (Double.isNaN(x) || Double.isNaN(y)) {
                return Double.NaN;
            }
            switch (op) {
                case '+': return x + y;
                case '-': return x - y;
                case '*': return x * y;
                default:
                    if (y == 0) {
                        o.fail(EvalWarning.DIVISION_BY_ZERO);
                        return Double.NaN;
                    }
                    return x / y;
            }
        }
    }

    private record Call(String fn, List<Ast> args) implements Ast {
        public double eval(Resolver r, Outcome o) {
            double[] v = new double[args.size()];
            boolean missing = false;
            for (int i = 0; i < v.length; i++) {
                v[i] = args.get(i).eval(r, o);
                missing |= Double.isNaN(v[i]);
            }
            if (missing) {
                return Double.NaN;
            }
            double acc = v[0];
            switch (fn) {
                case "abs": return Math.abs(acc);
                case "min":
                    for (int i = 1; i < v.length; i++) {
                        acc = Math.min(acc, v[i]);
                    }
                    return acc;
                default:
                    for (int i = 1; i < v.length; i++) {
                        acc = Math.max(acc, v[i]);
                    }
                    return acc;
            }
        }
    }

    // ---- parser ----

    private static final class Parser {
        private final String s;
        private int i;
        final Set<String> refs = new LinkedHashSet<>();
        final Set<String> prevRefs = new LinkedHashSet<>();

        Parser(String s) {
            this.s = s;
        }

        Ast parseAll() {
            skip();
            if (i >= s.length()) {
                throw new ExpressionException(i, "expr.empty");
            }
            Ast a = sum();
            skip();
            if (i < s.length()) {
                throw new ExpressionException(i, "expr.unexpected", String.valueOf(s.charAt(i)));
            }
            return a;
        }

        private void skip() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        private boolean eat(char c) {
            skip();
            if (i < s.length() && s.charAt(i) == c) {
                i++;
                return true;
            }
            return false;
        }

        private void expect(char c) {
            if (!eat(c)) {
                if (i >= s.length()) {
                    throw new ExpressionException(i, "expr.expected-end", String.valueOf(c));
                }
                throw new ExpressionException(i, "expr.expected", String.valueOf(c), String.valueOf(s.charAt(i)));
            }
        }

        private Ast sum() {
            Ast a = product();
            while (true) {
                if (eat('+')) {
                    a = new Bin('+', a, product());
                } else if (eat('-')) {
                    a = new Bin('-', a, product());
                } else {
                    return a;
                }
            }
        }

        private Ast product() {
            Ast a = unary();
            while (true) {
                if (eat('*')) {
                    a = new Bin('*', a, unary());
                } else if (eat('/')) {
                    a = new Bin('/', a, unary());
                } else {
                    return a;
                }
            }
        }

        private Ast unary() {
            if (eat('-')) {
                return new Neg(unary());
            }
            return primary();
        }

        private Ast primary() {
            skip();
            if (i >= s.length()) {
                throw new ExpressionException(i, "expr.unexpected-end");
            }
            char c = s.charAt(i);
            if (c == '(') {
                i++;
                Ast a = sum();
                expect(')');
                return a;
            }
            if (Character.isDigit(c) || c == '.') {
                return number();
            }
            if (isCodeStart(c)) {
                int start = i;
                String name = code();
                if (RESERVED.contains(name)) {
                    return call(name, start);
                }
                refs.add(name);
                return new Ref(name);
            }
            throw new ExpressionException(i, "expr.unexpected", String.valueOf(c));
        }

        private Ast call(String fn, int start) {
            skip();
            if (i >= s.length() || s.charAt(i) != '(') {
                throw new ExpressionException(start, "expr.reserved", fn);
            }
            i++;
            if (fn.equals("prev")) {
                skip();
                if (i >= s.length() || !isCodeStart(s.charAt(i))) {
                    throw new ExpressionException(i, "expr.prev-needs-code");
                }
                int at = i;
                String code = code();
                if (RESERVED.contains(code)) {
                    throw new ExpressionException(at, "expr.reserved", code);
                }
                expect(')');
                refs.add(code);
                prevRefs.add(code);
                return new Prev(code);
            }
            List<Ast> args = new ArrayList<>();
            args.add(sum());
            while (eat(',')) {
                args.add(sum());
            }
            expect(')');
            if (fn.equals("abs") && args.size() != 1) {
                throw new ExpressionException(start, "expr.arity", fn, "1", String.valueOf(args.size()));
            }
            if (!fn.equals("abs") && args.size() < 2) {
                throw new ExpressionException(start, "expr.arity", fn, "2+", String.valueOf(args.size()));
            }
            return new Call(fn, List.copyOf(args));
        }

        private static boolean isCodeStart(char c) {
            return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
        }

        private static boolean isCodePart(char c) {
            return isCodeStart(c) || (c >= '0' && c <= '9');
        }

        private String code() {
            int start = i;
            while (i < s.length() && isCodePart(s.charAt(i))) {
                i++;
            }
            return s.substring(start, i);
        }

        private Ast number() {
            int start = i;
            while (i < s.length() && Character.isDigit(s.charAt(i))) {
                i++;
            }
            if (i < s.length() && s.charAt(i) == '.') {
                i++;
                while (i < s.length() && Character.isDigit(s.charAt(i))) {
                    i++;
                }
            }
            if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
                int save = i;
                i++;
                if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                    i++;
                }
                int digits = i;
                while (i < s.length() && Character.isDigit(s.charAt(i))) {
                    i++;
                }
                if (i == digits) {
                    throw new ExpressionException(save, "expr.bad-number", s.substring(start, i));
                }
            }
            String text = s.substring(start, i);
            if (text.equals(".") || text.startsWith(".e") || text.startsWith(".E")) {
                throw new ExpressionException(start, "expr.bad-number", text);
            }
            if (i < s.length() && isCodeStart(s.charAt(i))) {
                throw new ExpressionException(i, "expr.unexpected", String.valueOf(s.charAt(i)));
            }
            return new Num(Double.parseDouble(text));
        }
    }
}

package org.sanlian.workbench.ui.scheme;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import org.sanlian.workbench.core.model.Aggregation;
import org.sanlian.workbench.core.model.Dimension;
import org.sanlian.workbench.core.model.Indicator;
import org.sanlian.workbench.core.model.Node;
import org.sanlian.workbench.core.model.Scheme;

/**
 * The weights of a scheme added up: per dimension the sum of its children's full points against
 * the weight written for it (if any), and the total of the top level. In POINTS a dimension whose
 * written weight differs from its children's sum is an error of the scheme (SCORING.md section 1),
 * and a total other than {@value #FULL_MARKS} is flagged as unusual; in the mean modes weights are
 * relative among siblings, so only the sums are shown.
 */
record WeightCheck(boolean points, List<Line> dimensions, double total, boolean totalOk) {

    /** The total full points an assessment office expects in POINTS. */
    static final double FULL_MARKS = 100;

    private static final double TOLERANCE = 1e-9;

    /** One dimension: its written weight (if any), its children's sum, and whether they agree. */
    record Line(String code, String name, OptionalDouble given, double sum, boolean ok) {
    }

    WeightCheck {
        dimensions = List.copyOf(dimensions);
    }

    static WeightCheck of(Scheme s) {
        boolean points = s.aggregation() == Aggregation.POINTS;
        List<Line> lines = new ArrayList<>();
        for (Dimension d : s.dimensions()) {
            double sum = points ? Scheme.fullPoints(d) : childWeights(d);
            boolean ok = !points || d.weight().isEmpty() || same(d.weight().getAsDouble(), sum);
            lines.add(new Line(d.code(), d.name(), d.weight(), sum, ok));
        }
        double total = 0;
        for (Node n : s.tree()) {
            total += points ? Scheme.fullPoints(n) : weight(n);
        }
        return new WeightCheck(points, lines, total, !points || same(total, FULL_MARKS));
    }

    /** Whether every dimension agrees with its children (the total is advice, not a rule). */
    boolean dimensionsOk() {
        return dimensions.stream().allMatch(Line::ok);
    }

    /** A node as the tree shows it: its name, then its points (a dimension's written points ≠ its children's sum where they differ). */
    static String label(Node node, WeightCheck weights) {
        if (node instanceof Indicator leaf) {
            return leaf.name() + "　" + number(leaf.weight());
        }
        Dimension d = (Dimension) node;
        Optional<Line> line = weights == null ? Optional.empty()
                : weights.dimensions().stream().filter(l -> l.code().equals(d.code())).findFirst();
        String sum = line.map(l -> number(l.sum())).orElse("");
        if (line.isPresent() && !line.get().ok()) {
            return d.name() + "　" + number(d.weight().getAsDouble()) + " ≠ " + sum;
        }
        return d.name() + "　" + sum;
    }

    /** A number as a person writes it: 12, not 12.0. */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static double childWeights(Dimension d) {
        double sum = 0;
        for (Node c : d.children()) {
            sum += weight(c);
        }
        return sum;
    }

    private static double weight(Node n) {
        if (n instanceof Dimension d) {
            return d.weight().orElse(0);
        }
        return ((Indicator) n).weight();
    }

    private static boolean same(double a, double b) {
        return Math.abs(a - b) <= TOLERANCE * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
    }
}

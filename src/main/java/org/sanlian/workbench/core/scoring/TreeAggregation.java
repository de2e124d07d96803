package org.sanlian.workbench.core.scoring;

import java.util.List;

import org.sanlian.workbench.core.model.Aggregation;
import org.sanlian.workbench.core.model.Dimension;
import org.sanlian.workbench.core.model.Indicator;
import org.sanlian.workbench.core.model.Node;

/**
 * Turns one unit's leaf results into dimension subtotals and the base (SCORING.md sections 1, 2 and 6).
 * POINTS: a dimension's subtotal is the sum of its children's points or subtotals, first to last;
 * where REWEIGHT dropped some leaves, the remaining children of that parent are multiplied by
 * (full points of all its children) / (full points of the children left) and those products are
 * what is shown and summed. The list of top-level nodes is treated as the children of a virtual
 * root in the same way. Mean modes: weighted arithmetic or geometric mean over the children present.
 */
final class TreeAggregation {

    private final Aggregation aggregation;
    private final List<Node> tree;
    private final CompiledScheme cs;
    /** Leaf weights in force (sensitivity draws change them). */
    private final double[] leafWeight;

    TreeAggregation(CompiledScheme cs, double[] leafWeight) {
        this.cs = cs;
        this.aggregation = cs.scheme.aggregation();
        this.tree = cs.scheme.tree();
        this.leafWeight = leafWeight;
    }

    /** The result for one unit. */
    static final class Totals {
        /** Shown (possibly scaled) leaf points in POINTS, the leaf score n in the mean modes; NaN if dropped. */
        final double[] leafShown;
        /** Shown dimension subtotals or scores, unrounded; NaN where a mean-mode node has no score. */
        final double[] dimension;
        /** Codes of geometric nodes left without a score because a child was not positive. */
        final java.util.List<String> geometricWarnings = new java.util.ArrayList<>();
        double base;

        Totals(int leaves, int dims) {
            leafShown = new double[leaves];
            dimension = new double[dims];
        }
    }

    Totals aggregate(double[] leafPoints, double[] leafNormalised) {
        Totals t = new Totals(leafPoints.length, cs.dimensions.size());
        if (aggregation == Aggregation.POINTS) {
            t.base = sumPoints(tree, leafPoints, t);
        } else {
            double root = mean(tree, leafNormalised, t, "");
            t.base = Double.isNaN(root) ? 0.0 : root;
        }
        return t;
    }

    // ---- POINTS ----

    private double fullPoints(Node n) {
        if (n instanceof Indicator) {
            return leafWeight[cs.leafIndex.get(n.code())];
        }
        double s = 0;
        for (Node c : ((Dimension) n).children()) {
            s += fullPoints(c);
        }
        return s;
    }

    /** Sums a parent's children, rescaling for dropped leaves; sets the children's shown values. */
    private double sumPoints(List<Node> children, double[] leafPoints, Totals t) {
        int k = children.size();
        double[] raw = new double[k];
        double fullAll = 0;
        double fullLeft = 0;
        boolean dropped = false;
        for (int i = 0; i < k; i++) {
            Node c = children.get(i);
            if (c instanceof Indicator) {
                raw[i] = leafPoints[cs.leafIndex.get(c.code())];
            } else {
                raw[i] = sumPoints(((Dimension) c).children(), leafPoints, t);
            }
            double full = fullPoints(c);
            fullAll += full;
            if (Double.isNaN(raw[i])) {
                dropped = true;
            } else {
                fullLeft += full;
            }
        }
        double factor = dropped && fullLeft > 0 ? fullAll / fullLeft : 1.0;
        double sum = 0;
        for (int i = 0; i < k; i++) {
            Node c = children.get(i);
            double shown = Double.isNaN(raw[i]) ? Double.NaN : (factor == 1.0 ? raw[i] : raw[i] * factor);
            if (c instanceof Indicator) {
                t.leafShown[cs.leafIndex.get(c.code())] = shown;
            } else {
                t.dimension[cs.dimensionIndex.get(c.code())] = shown;
            }
            if (!Double.isNaN(shown)) {
                sum += shown;
            }
        }
        return sum;
    }

    // ---- mean modes ----

    private double weightOf(Node n) {
        if (n instanceof Indicator) {
            return leafWeight[cs.leafIndex.get(n.code())];
        }
        return ((Dimension) n).weight().orElse(1.0);
    }

    private double mean(List<Node> children, double[] leafScore, Totals t, String code) {
        int k = children.size();
        double[] s = new double[k];
        for (int i = 0; i < k; i++) {
            Node c = children.get(i);
            if (c instanceof Indicator) {
                int l = cs.leafIndex.get(c.code());
                s[i] = leafScore[l];
                t.leafShown[l] = s[i];
            } else {
                s[i] = mean(((Dimension) c).children(), leafScore, t, c.code());
                t.dimension[cs.dimensionIndex.get(c.code())] = s[i];
            }
        }
        double wsum = 0;
        boolean any = false;
        boolean nonPositive = false;
        for (int i = 0; i < k; i++) {
            if (!Double.isNaN(s[i])) {
                wsum += weightOf(children.get(i));
                any = true;
                nonPositive |= s[i] <= 0;
            }
        }
        if (!any) {
            return Double.NaN;
        }
        if (aggregation == Aggregation.ARITHMETIC) {
            double acc = 0;
            for (int i = 0; i < k; i++) {
                if (!Double.isNaN(s[i])) {
                    acc += weightOf(children.get(i)) * s[i];
                }
            }
            return acc / wsum;
        }
        if (nonPositive) {
            t.geometricWarnings.add(code.isEmpty() ? cs.scheme.code() : code);
            return Double.NaN;
        }
        double prod = 1;
        for (int i = 0; i < k; i++) {
            if (!Double.isNaN(s[i])) {
                prod *= Math.pow(s[i], weightOf(children.get(i)) / wsum);
            }
        }
        return prod;
    }
}

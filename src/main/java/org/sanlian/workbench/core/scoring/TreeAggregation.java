package org.sanlian.workbench.core.scoring;

import java.util.ArrayList;
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

    /** A node of the tree by index: a leaf (index into the leaves) or a dimension with its children. */
    private static final class N {
        final boolean leaf;
        final int index;
        final String code;
        final double ownWeight;
        final N[] children;
        double full;

        N(boolean leaf, int index, String code, double ownWeight, N[] children) {
            this.leaf = leaf;
            this.index = index;
            this.code = code;
            this.ownWeight = ownWeight;
            this.children = children;
        }
    }

    private final CompiledScheme cs;
    private final Aggregation aggregation;
    /** Leaf weights in force (sensitivity draws change them). */
    private final double[] leafWeight;
    private final N[] top;

    TreeAggregation(CompiledScheme cs, double[] leafWeight) {
        this.cs = cs;
        this.aggregation = cs.scheme.aggregation();
        this.leafWeight = leafWeight;
        this.top = compile(cs.scheme.tree());
    }

    private N[] compile(List<Node> nodes) {
        N[] out = new N[nodes.size()];
        for (int i = 0; i < out.length; i++) {
            Node n = nodes.get(i);
            if (n instanceof Indicator) {
                int l = cs.leafIndex.get(n.code());
                out[i] = new N(true, l, n.code(), leafWeight[l], null);
                out[i].full = leafWeight[l];
            } else {
                Dimension d = (Dimension) n;
                N[] children = compile(d.children());
                out[i] = new N(false, cs.dimensionIndex.get(d.code()), d.code(), d.weight().orElse(1.0), children);
                double full = 0;
                for (N c : children) {
                    full += c.full;
                }
                out[i].full = full;
            }
        }
        return out;
    }

    /** The result for one unit. */
    static final class Totals {
        /** Shown (possibly scaled) leaf points in POINTS, the leaf score n in the mean modes; NaN if dropped. */
        final double[] leafShown;
        /** Shown dimension subtotals or scores, unrounded; NaN where a mean-mode node has no score. */
        final double[] dimension;
        /** Codes of geometric nodes left without a score because a child was not positive. */
        final List<String> geometricWarnings = new ArrayList<>(0);
        double base;

        Totals(int leaves, int dims) {
            leafShown = new double[leaves];
            dimension = new double[dims];
        }
    }

    Totals aggregate(double[] leafPoints, double[] leafNormalised) {
        Totals t = new Totals(leafPoints.length, cs.dimensions.size());
        if (aggregation == Aggregation.POINTS) {
            t.base = sumPoints(top, leafPoints, t);
        } else {
            double root = mean(top, leafNormalised, t, cs.scheme.code());
            t.base = Double.isNaN(root) ? 0.0 : root;
        }
        return t;
    }

    // ---- POINTS ----

    /** Sums a parent's children, rescaling for dropped leaves; sets the children's shown values. */
    private double sumPoints(N[] children, double[] leafPoints, Totals t) {
        int k = children.length;
        double[] raw = new double[k];
        double fullAll = 0;
        double fullLeft = 0;
        boolean dropped = false;
        for (int i = 0; i < k; i++) {
            N c = children[i];
            raw[i] = c.leaf ? leafPoints[c.index] : sumPoints(c.children, leafPoints, t);
            fullAll += c.full;
            if (Double.isNaN(raw[i])) {
                dropped = true;
            } else {
                fullLeft += c.full;
            }
        }
        double factor = dropped && fullLeft > 0 ? fullAll / fullLeft : 1.0;
        double sum = 0;
        for (int i = 0; i < k; i++) {
            N c = children[i];
            double shown = Double.isNaN(raw[i]) ? Double.NaN : (factor == 1.0 ? raw[i] : raw[i] * factor);
            if (c.leaf) {
                t.leafShown[c.index] = shown;
            } else {
                t.dimension[c.index] = shown;
            }
            if (!Double.isNaN(shown)) {
                sum += shown;
            }
        }
        return sum;
    }

    // ---- mean modes ----

    private double mean(N[] children, double[] leafScore, Totals t, String code) {
        int k = children.length;
        double[] s = new double[k];
        for (int i = 0; i < k; i++) {
            N c = children[i];
            if (c.leaf) {
                s[i] = leafScore[c.index];
                t.leafShown[c.index] = s[i];
            } else {
                s[i] = mean(c.children, leafScore, t, c.code);
                t.dimension[c.index] = s[i];
            }
        }
        double wsum = 0;
        boolean any = false;
        boolean nonPositive = false;
        for (int i = 0; i < k; i++) {
            if (!Double.isNaN(s[i])) {
                wsum += children[i].ownWeight;
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
                    acc += children[i].ownWeight * s[i];
                }
            }
            return acc / wsum;
        }
        if (nonPositive) {
            t.geometricWarnings.add(code);
            return Double.NaN;
        }
        double prod = 1;
        for (int i = 0; i < k; i++) {
            if (!Double.isNaN(s[i])) {
                prod *= Math.pow(s[i], children[i].ownWeight / wsum);
            }
        }
        return prod;
    }
}

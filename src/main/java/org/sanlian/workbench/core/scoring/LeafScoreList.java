package org.sanlian.workbench.core.scoring;

import java.util.AbstractList;
import java.util.OptionalDouble;
import java.util.RandomAccess;

/**
 * One unit's leaf results as a read-only list, backed by the period's column arrays rather than by
 * hundreds of thousands of small objects (a 3,000 x 120 ranking would otherwise allocate tens of
 * megabytes per scoring). Elements are made on access and equal by value.
 */
final class LeafScoreList extends AbstractList<LeafScore> implements RandomAccess {

    private final String[] codes;
    private final LeafRules.LeafOutcome[] outcomes;
    private final double[] shownPoints;
    private final int unit;

    /**
     * @param shownPoints the unit's shown (possibly reweighted) points by leaf, or null in the mean modes
     */
    LeafScoreList(String[] codes, LeafRules.LeafOutcome[] outcomes, double[] shownPoints, int unit) {
        this.codes = codes;
        this.outcomes = outcomes;
        this.shownPoints = shownPoints;
        this.unit = unit;
    }

    @Override
    public LeafScore get(int l) {
        LeafRules.LeafOutcome o = outcomes[l];
        return new LeafScore(codes[l], o.state[unit], opt(o.value[unit]),
                shownPoints == null ? OptionalDouble.empty() : opt(shownPoints[l]), opt(o.normalised[unit]));
    }

    /** The points (POINTS) or normalised score (mean modes) of leaf l without making an element; NaN if none. */
    double score(int l) {
        return shownPoints != null ? shownPoints[l] : outcomes[l].normalised[unit];
    }

    /** The scored value of leaf l without making an element; NaN if none. */
    double value(int l) {
        return outcomes[l].value[unit];
    }

    @Override
    public int size() {
        return codes.length;
    }

    private static OptionalDouble opt(double v) {
        return Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
    }
}

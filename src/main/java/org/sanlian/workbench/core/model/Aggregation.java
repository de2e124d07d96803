package org.sanlian.workbench.core.model;

/** How a scheme turns leaf scores into a total (SCORING.md section 1). */
public enum Aggregation {
    /** Chinese assessment practice: a leaf's weight is its full points, dimensions sum. */
    POINTS,
    /** Weighted arithmetic mean of normalised scores, as in COINr. */
    ARITHMETIC,
    /** Weighted geometric mean of normalised scores. */
    GEOMETRIC;

    public boolean isMean() {
        return this != POINTS;
    }
}

package org.sanlian.workbench.core.model;

import java.util.Objects;

/**
 * One of the seven items (七有) of a unit's characteristic industry chain in a period: whether it
 * is in place, and the evidence for it.
 */
public record CoverageItem(Period period, String unit, String chain, int item, boolean covered, String evidence) {

    /** The seven items are numbered 1 to 7. */
    public static final int ITEMS = 7;

    public CoverageItem {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(evidence, "evidence");
        if (chain.isBlank()) {
            throw new IllegalArgumentException("chain must not be blank");
        }
        if (item < 1 || item > ITEMS) {
            throw new IllegalArgumentException("item out of range 1..7: " + item);
        }
    }
}

package org.sanlian.workbench.core.model;

/** Where a unit's target {@code t} comes from. */
public enum TargetSource {
    /** The unit's public commitment (公开承诺) for the period. */
    COMMITMENT,
    /** One target per zone and period. */
    ZONE,
    /** One value in the rule ({@code rule.target}). */
    FIXED
}

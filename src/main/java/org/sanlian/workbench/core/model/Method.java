package org.sanlian.workbench.core.model;

import java.util.Set;

/** Scoring methods of a leaf (SCORING.md section 3) and the parameters each accepts. */
public enum Method {
    TARGET_COMPLETION(true, Set.of("cap", "zeroBelow", "target")),
    THRESHOLD(true, Set.of("partial", "target")),
    EFFICACY(false, Set.of("base", "low", "high")),
    MIN_MAX(false, Set.of("low", "high")),
    ZSCORE(false, Set.of("mean", "sd")),
    RANK_POINTS(false, Set.of("step", "floor")),
    BREAK_ZERO(false, Set.of()),
    CLEAR_ZERO(false, Set.of("perItem"));

    private final boolean needsTarget;
    private final Set<String> parameters;

    Method(boolean needsTarget, Set<String> parameters) {
        this.needsTarget = needsTarget;
        this.parameters = parameters;
    }

    /** Whether the rule compares a unit's value with a target {@code t}. */
    public boolean needsTarget() {
        return needsTarget;
    }

    /** Whether the rule compares a unit with the others of its comparison set. */
    public boolean isRelative() {
        return this == EFFICACY || this == MIN_MAX || this == ZSCORE || this == RANK_POINTS;
    }

    /** The parameter names the rule accepts (besides {@code method}). */
    public Set<String> parameters() {
        return parameters;
    }
}

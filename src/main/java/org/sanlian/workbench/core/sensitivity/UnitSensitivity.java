package org.sanlian.workbench.core.sensitivity;

import java.util.Objects;

/**
 * How stable one unit's rank is when weights move: its rank without perturbation, the median and
 * the 5th and 95th nearest-rank percentiles of its rank over the draws, the share of draws in
 * which it is on the bottom list at level NORMAL or ESCALATED, and the best and worst rank of any
 * draw.
 */
public record UnitSensitivity(String unit, int rank, int medianRank, int p05Rank, int p95Rank, double listedShare,
                              int bestRank, int worstRank) {
    public UnitSensitivity {
        Objects.requireNonNull(unit, "unit");
    }
}

package org.sanlian.workbench.core.model;

/** Monte Carlo settings of the rank-stability analysis (SCORING.md section 8). */
public record SensitivitySettings(int draws, double spread, long seed) {
    public static final SensitivitySettings DEFAULT = new SensitivitySettings(1000, 0.2, 20221022L);
}

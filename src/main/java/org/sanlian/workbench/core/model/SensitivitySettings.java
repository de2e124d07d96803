package org.sanlian.workbench.core.model;

/** Monte Carlo settings of the rank-stability analysis (SCORING.md section 8). */
public record SensitivitySettings(int draws, double spread, long seed) {
    public static final SensitivitySettings DEFAULT = new SensitivitySettings(1000, 0.2, 20221022L);

    /**
     * The draws a run may take, in the scheme, on the command line and in the window alike: at least
     * one, and at most a million (a minute or so of the default scheme on an office desktop).
     */
    public static final int MIN_DRAWS = 1;
    public static final int MAX_DRAWS = 1_000_000;

    /** Whether {@code draws} is within {@link #MIN_DRAWS} to {@link #MAX_DRAWS}. */
    public static boolean validDraws(long draws) {
        return draws >= MIN_DRAWS && draws <= MAX_DRAWS;
    }

    /** Whether {@code spread} may scale the weights by 1 ± spread: 0 to less than 1, so no weight turns 0 or negative. */
    public static boolean validSpread(double spread) {
        return spread >= 0 && spread < 1;
    }
}

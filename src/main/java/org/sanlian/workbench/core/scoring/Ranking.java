package org.sanlian.workbench.core.scoring;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Competition ranking (SCORING.md section 6): non-vetoed units first, then by rounded total
 * descending, then by the tie-break figures in order; units equal on all of these share the best
 * rank (1, 2, 2, 4). Within equal ranks, the scheme's order of units decides the listing order.
 */
final class Ranking {

    private Ranking() {
    }

    /**
     * @param members  the units to rank (indices), in the scheme's order
     * @param vetoed   by unit
     * @param total    rounded totals by unit
     * @param tieBreak rounded tie-break figures by unit ({@code tieBreak[u][k]}; NaN counts lowest)
     * @param rankOut  receives each member's rank
     * @return the members in ranking order
     */
    static int[] rank(int[] members, boolean[] vetoed, double[] total, double[][] tieBreak, int[] rankOut) {
        Integer[] order = Arrays.stream(members).boxed().toArray(Integer[]::new);
        Comparator<Integer> cmp = (a, b) -> compare(a, b, vetoed, total, tieBreak);
        Arrays.sort(order, cmp.thenComparingInt(u -> u));
        int[] out = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            out[i] = order[i];
            if (i > 0 && compare(order[i - 1], order[i], vetoed, total, tieBreak) == 0) {
                rankOut[order[i]] = rankOut[order[i - 1]];
            } else {
                rankOut[order[i]] = i + 1;
            }
        }
        return out;
    }

    private static int compare(int a, int b, boolean[] vetoed, double[] total, double[][] tieBreak) {
        if (vetoed[a] != vetoed[b]) {
            return vetoed[a] ? 1 : -1;
        }
        int c = Double.compare(keyOf(total[b]), keyOf(total[a]));
        if (c != 0) {
            return c;
        }
        for (int k = 0; k < tieBreak[a].length; k++) {
            c = Double.compare(keyOf(tieBreak[b][k]), keyOf(tieBreak[a][k]));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** Missing figures sort below every present one; -0.0 and 0.0 are the same figure. */
    private static double keyOf(double v) {
        if (Double.isNaN(v)) {
            return Double.NEGATIVE_INFINITY;
        }
        return v == 0.0 ? 0.0 : v;
    }
}

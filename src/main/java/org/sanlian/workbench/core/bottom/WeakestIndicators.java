package org.sanlian.workbench.core.bottom;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.sanlian.workbench.core.scoring.LeafScore;
import org.sanlian.workbench.core.scoring.UnitResult;

/**
 * A unit's weakest indicators (SCORING.md section 7): the leaves with the largest gap between the
 * best points in its zone and its own points, ties by the scheme's order of leaves. A leaf dropped for
 * the unit by REWEIGHT does not count for it and is never among its weakest (so a unit may have
 * fewer than three); the zone's best is over the points present.
 * In the mean modes the normalised scores are compared instead of points.
 */
public final class WeakestIndicators {

    public static final int COUNT = 3;

    private WeakestIndicators() {
    }

    /** The best score of each leaf (in leaf order) within each zone, by zone code; NaN where no unit has one. */
    public static Map<String, double[]> bestByZone(List<UnitResult> rows) {
        Map<String, double[]> best = new HashMap<>();
        for (UnitResult r : rows) {
            List<LeafScore> leaves = r.leaves();
            double[] b = best.computeIfAbsent(r.zone().code(), z -> {
                double[] a = new double[leaves.size()];
                java.util.Arrays.fill(a, Double.NaN);
                return a;
            });
            for (int i = 0; i < b.length; i++) {
                double s = r.leafScore(i);
                if (!Double.isNaN(s) && !(s <= b[i])) {
                    b[i] = s;
                }
            }
        }
        return best;
    }

    public static List<String> of(List<UnitResult> rows, UnitResult unit) {
        return of(bestByZone(rows), unit);
    }

    public static List<String> of(Map<String, double[]> bestByZone, UnitResult unit) {
        double[] best = bestByZone.get(unit.zone().code());
        int n = best.length;
        List<Integer> order = new ArrayList<>();
        double[] gap = new double[n];
        for (int i = 0; i < n; i++) {
            double own = unit.leafScore(i);
            if (Double.isNaN(own)) {
                continue; // dropped by REWEIGHT: the leaf does not count for this unit
            }
            gap[i] = Double.isNaN(best[i]) ? 0.0 : best[i] - own;
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> -gap[i]).thenComparingInt(i -> i));
        List<String> out = new ArrayList<>();
        for (int k = 0; k < Math.min(COUNT, order.size()); k++) {
            out.add(unit.leaves().get(order.get(k)).code());
        }
        return out;
    }
}

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
 * best points in its zone and its own points, ties by the scheme's order of leaves. A leaf the unit
 * has no points on (dropped) counts as 0 for the unit; the zone's best is over the points present.
 * In the mean modes the normalised scores are compared instead of points.
 */
public final class WeakestIndicators {

    public static final int COUNT = 3;

    private WeakestIndicators() {
    }

    public static List<String> of(List<UnitResult> rows, UnitResult unit) {
        Map<String, Double> best = new HashMap<>();
        for (UnitResult r : rows) {
            if (!r.zone().code().equals(unit.zone().code())) {
                continue;
            }
            for (LeafScore l : r.leaves()) {
                if (l.score().isPresent()) {
                    best.merge(l.code(), l.score().getAsDouble(), Math::max);
                }
            }
        }
        List<LeafScore> leaves = unit.leaves();
        List<Integer> order = new ArrayList<>();
        double[] gap = new double[leaves.size()];
        for (int i = 0; i < leaves.size(); i++) {
            LeafScore l = leaves.get(i);
            Double b = best.get(l.code());
            double own = l.score().orElse(0.0);
            gap[i] = b == null ? 0.0 : b - own;
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> -gap[i]).thenComparingInt(i -> i));
        List<String> out = new ArrayList<>();
        for (int k = 0; k < Math.min(COUNT, order.size()); k++) {
            out.add(leaves.get(order.get(k)).code());
        }
        return out;
    }
}

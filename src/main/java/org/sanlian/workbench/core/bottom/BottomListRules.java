package org.sanlian.workbench.core.bottom;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

import org.sanlian.workbench.core.model.BottomRule;
import org.sanlian.workbench.core.model.Dimension;
import org.sanlian.workbench.core.model.Node;
import org.sanlian.workbench.core.model.Scheme;
import org.sanlian.workbench.core.scoring.UnitResult;

/**
 * The listing rules of SCORING.md section 7 applied to one period's ranking, without the history
 * (CONSECUTIVE is applied by {@link PeriodAssessor}). A vetoed unit is always listed by VETO, whether
 * or not the scheme names the rule, because SCORING.md section 5 says it is always on the list.
 */
public final class BottomListRules {

    private BottomListRules() {
    }

    /** The rules that list each unit, by unit code, in the order of the rows; units not listed are absent. */
    public static Map<String, Set<BottomRule.Kind>> listings(Scheme scheme, List<UnitResult> rows) {
        Map<String, Set<BottomRule.Kind>> out = new LinkedHashMap<>();
        for (BottomRule rule : scheme.bottomRules()) {
            switch (rule.kind()) {
                case BOTTOM_N_PER_ZONE:
                    bottomNPerZone(rows, rule.count(), out);
                    break;
                case BELOW_SCORE:
                    for (UnitResult r : rows) {
                        if (r.total() < rule.parameter()) {
                            add(out, r, BottomRule.Kind.BELOW_SCORE);
                        }
                    }
                    break;
                case DIMENSION_LAST:
                    dimensionLast(scheme, rows, out);
                    break;
                default:
                    break;
            }
        }
        for (UnitResult r : rows) {
            if (r.vetoed()) {
                add(out, r, BottomRule.Kind.VETO);
            }
        }
        Map<String, Set<BottomRule.Kind>> ordered = new LinkedHashMap<>();
        for (UnitResult r : rows) {
            Set<BottomRule.Kind> kinds = out.get(r.unit().code());
            if (kinds != null) {
                ordered.put(r.unit().code(), kinds);
            }
        }
        return ordered;
    }

    /** The level a set of rules gives: ESCALATED with CONSECUTIVE, NORMAL with any interview rule, else REMINDER. */
    public static Level level(Set<BottomRule.Kind> kinds) {
        if (kinds.contains(BottomRule.Kind.CONSECUTIVE)) {
            return Level.ESCALATED;
        }
        for (BottomRule.Kind k : kinds) {
            if (k != BottomRule.Kind.DIMENSION_LAST) {
                return Level.NORMAL;
            }
        }
        return Level.REMINDER;
    }

    /** Whether the rules list the unit for an interview (level NORMAL or ESCALATED). */
    public static boolean interview(Set<BottomRule.Kind> kinds) {
        return kinds != null && level(kinds) != Level.REMINDER;
    }

    private static void add(Map<String, Set<BottomRule.Kind>> out, UnitResult r, BottomRule.Kind kind) {
        out.computeIfAbsent(r.unit().code(), k -> EnumSet.noneOf(BottomRule.Kind.class)).add(kind);
    }

    /**
     * The non-vetoed units among the last n places of their zone's non-vetoed units: a unit is listed
     * when the places its tie group occupies reach into the last n (so all tied at the boundary are in).
     */
    private static void bottomNPerZone(List<UnitResult> rows, int n, Map<String, Set<BottomRule.Kind>> out) {
        Map<String, List<UnitResult>> byZone = new LinkedHashMap<>();
        for (UnitResult r : rows) {
            if (!r.vetoed()) {
                byZone.computeIfAbsent(r.zone().code(), z -> new ArrayList<>()).add(r);
            }
        }
        for (List<UnitResult> zone : byZone.values()) {
            int m = zone.size();
            Map<Integer, Integer> tied = new HashMap<>();
            for (UnitResult r : zone) {
                tied.merge(r.zoneRank(), 1, Integer::sum);
            }
            for (UnitResult r : zone) {
                int lastPlace = r.zoneRank() + tied.get(r.zoneRank()) - 1;
                if (lastPlace > m - n) {
                    add(out, r, BottomRule.Kind.BOTTOM_N_PER_ZONE);
                }
            }
        }
    }

    /** Units with the lowest rounded subtotal in their zone on any top-level dimension (all tied at the lowest). */
    private static void dimensionLast(Scheme scheme, List<UnitResult> rows, Map<String, Set<BottomRule.Kind>> out) {
        for (Node top : scheme.tree()) {
            if (!(top instanceof Dimension)) {
                continue;
            }
            Map<String, Double> lowest = new HashMap<>();
            for (UnitResult r : rows) {
                OptionalDouble s = r.subtotals().get(top.code());
                if (s != null && s.isPresent()) {
                    lowest.merge(r.zone().code(), s.getAsDouble(), Math::min);
                }
            }
            for (UnitResult r : rows) {
                OptionalDouble s = r.subtotals().get(top.code());
                if (s != null && s.isPresent() && s.getAsDouble() == lowest.get(r.zone().code())) {
                    add(out, r, BottomRule.Kind.DIMENSION_LAST);
                }
            }
        }
    }
}

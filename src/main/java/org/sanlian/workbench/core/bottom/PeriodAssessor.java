package org.sanlian.workbench.core.bottom;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.sanlian.workbench.core.model.BottomRule;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.model.Scheme;
import org.sanlian.workbench.core.scoring.PeriodResult;
import org.sanlian.workbench.core.scoring.ScoringSession;
import org.sanlian.workbench.core.scoring.UnitResult;

/**
 * The complete result of a period: the session's ranking plus the bottom list, with CONSECUTIVE
 * escalation from the previous periods of the same kind and each entry's weakest indicators.
 * Escape margins are left to {@link EscapeMarginSearch} (they cost many recomputations).
 */
public final class PeriodAssessor {

    private PeriodAssessor() {
    }

    public static PeriodResult assess(ScoringSession session, Period period) {
        Scheme scheme = session.scheme();
        List<UnitResult> rows = session.rank(period);
        Map<String, Set<BottomRule.Kind>> listed = BottomListRules.listings(scheme, rows);
        Optional<BottomRule> consecutive = scheme.bottomRules().stream()
                .filter(r -> r.kind() == BottomRule.Kind.CONSECUTIVE).findFirst();
        if (consecutive.isPresent()) {
            escalate(session, period, consecutive.get().count(), listed);
        }
        Map<String, double[]> best = listed.isEmpty() ? Map.of() : WeakestIndicators.bestByZone(rows);
        List<UnitResult> out = new ArrayList<>(rows.size());
        for (UnitResult r : rows) {
            Set<BottomRule.Kind> kinds = listed.get(r.unit().code());
            if (kinds == null) {
                out.add(r);
                continue;
            }
            List<String> rules = new ArrayList<>();
            for (BottomRule rule : scheme.bottomRules()) {
                if (rule.kind() != BottomRule.Kind.CONSECUTIVE && kinds.contains(rule.kind())) {
                    rules.add(rule.kind().name());
                }
            }
            if (kinds.contains(BottomRule.Kind.VETO) && !rules.contains(BottomRule.Kind.VETO.name())) {
                rules.add(BottomRule.Kind.VETO.name());
            }
            if (kinds.contains(BottomRule.Kind.CONSECUTIVE)) {
                rules.add(BottomRule.Kind.CONSECUTIVE.name());
            }
            BottomEntry entry = new BottomEntry(r.unit().code(), BottomListRules.level(kinds), rules,
                    WeakestIndicators.of(best, r), List.of());
            out.add(r.withBottom(Optional.of(entry)));
        }
        return new PeriodResult(scheme, period, out, session.hasResults(period.previous()));
    }

    /**
     * A unit listed for an interview now and in each of the {@code periods - 1} previous periods is
     * escalated. Being listed for an interview does not depend on earlier history, so the previous
     * periods are checked by their own rules only.
     */
    private static void escalate(ScoringSession session, Period period, int periods, Map<String, Set<BottomRule.Kind>> listed) {
        List<Map<String, Set<BottomRule.Kind>>> before = new ArrayList<>();
        Period p = period;
        for (int i = 1; i < periods; i++) {
            p = p.previous();
            if (!session.hasResults(p)) {
                return;
            }
            before.add(BottomListRules.listings(session.scheme(), session.rank(p)));
        }
        for (Map.Entry<String, Set<BottomRule.Kind>> e : listed.entrySet()) {
            if (!BottomListRules.interview(e.getValue())) {
                continue;
            }
            boolean every = true;
            for (Map<String, Set<BottomRule.Kind>> b : before) {
                every &= BottomListRules.interview(b.get(e.getKey()));
            }
            if (every) {
                Set<BottomRule.Kind> kinds = EnumSet.copyOf(e.getValue());
                kinds.add(BottomRule.Kind.CONSECUTIVE);
                e.setValue(kinds);
            }
        }
    }
}

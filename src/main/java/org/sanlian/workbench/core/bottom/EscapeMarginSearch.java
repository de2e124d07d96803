package org.sanlian.workbench.core.bottom;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

import org.sanlian.workbench.core.model.BottomRule;
import org.sanlian.workbench.core.model.Direction;
import org.sanlian.workbench.core.model.Indicator;
import org.sanlian.workbench.core.model.Input;
import org.sanlian.workbench.core.model.Method;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.model.Scheme;
import org.sanlian.workbench.core.model.Unit;
import org.sanlian.workbench.core.scoring.PeriodResult;
import org.sanlian.workbench.core.scoring.ScoringSession;
import org.sanlian.workbench.core.scoring.UnitResult;

/**
 * Escape margins (SCORING.md section 7): for an entry listed by BOTTOM_N_PER_ZONE or BELOW_SCORE,
 * for each of its weakest indicators, the value nearest the current one, in the direction that
 * helps, at which those rules no longer list the unit, all other values unchanged and everything
 * recomputed. Found by bisection to 1e-6 of the range searched; unreachable when even the far end
 * of the range (the indicator's bounds, else 10 times the largest value seen upwards and 0
 * downwards) leaves the unit listed.
 */
public final class EscapeMarginSearch {

    static final double TOLERANCE = 1e-6;
    private static final Set<BottomRule.Kind> SEARCHED = EnumSet.of(BottomRule.Kind.BOTTOM_N_PER_ZONE, BottomRule.Kind.BELOW_SCORE);

    private EscapeMarginSearch() {
    }

    /** The result with escape margins added to every entry they apply to. */
    public static PeriodResult withEscapeMargins(ScoringSession session, PeriodResult result) {
        List<UnitResult> rows = new ArrayList<>(result.rows().size());
        for (UnitResult r : result.rows()) {
            Optional<BottomEntry> entry = r.bottom();
            if (entry.isEmpty() || entry.get().rules().stream().noneMatch(k -> SEARCHED.contains(BottomRule.Kind.valueOf(k)))) {
                rows.add(r);
                continue;
            }
            Set<BottomRule.Kind> searched = EnumSet.noneOf(BottomRule.Kind.class);
            for (String k : entry.get().rules()) {
                if (SEARCHED.contains(BottomRule.Kind.valueOf(k))) {
                    searched.add(BottomRule.Kind.valueOf(k));
                }
            }
            List<EscapeMargin> margins = new ArrayList<>();
            for (String code : entry.get().weakest()) {
                margins.add(new EscapeMargin(code, search(session, result.period(), r.unit(), code, searched)));
            }
            rows.add(r.withBottom(Optional.of(entry.get().withEscapes(margins))));
        }
        return new PeriodResult(result.scheme(), result.period(), rows, result.hasPrevious());
    }

    static OptionalDouble search(ScoringSession session, Period period, Unit unit, String code, Set<BottomRule.Kind> rules) {
        Scheme scheme = session.scheme();
        Indicator leaf = scheme.leaves().stream().filter(l -> l.code().equals(code)).findFirst().orElseThrow();
        boolean up = helpsUpwards(leaf);
        Optional<Input> input = scheme.input(code);
        double current = session.value(period, unit.code(), code).orElse(Double.NaN);
        double far;
        if (up) {
            OptionalDouble max = input.flatMap(i -> i.max().isPresent() ? Optional.of(i.max()) : Optional.empty())
                    .orElse(OptionalDouble.empty());
            far = max.isPresent() ? max.getAsDouble() : 10 * largestSeen(session, period, code);
        } else {
            OptionalDouble min = input.flatMap(i -> i.min().isPresent() ? Optional.of(i.min()) : Optional.empty())
                    .orElse(OptionalDouble.empty());
            far = min.isPresent() ? min.getAsDouble() : 0.0;
        }
        if (Double.isNaN(current)) {
            current = up ? Math.min(0.0, far) : Math.max(0.0, far);
        }
        if (up ? far <= current : far >= current) {
            return OptionalDouble.empty();
        }
        if (listed(session, period, unit, code, far, rules)) {
            return OptionalDouble.empty();
        }
        double listedAt = current;
        double freeAt = far;
        double tolerance = TOLERANCE * Math.abs(far - current);
        while (Math.abs(freeAt - listedAt) > tolerance) {
            double mid = listedAt + (freeAt - listedAt) / 2;
            if (mid == listedAt || mid == freeAt) {
                break;
            }
            if (listed(session, period, unit, code, mid, rules)) {
                listedAt = mid;
            } else {
                freeAt = mid;
            }
        }
        return OptionalDouble.of(freeAt);
    }

    /** More helps for a POSITIVE indicator and for BREAK_ZERO; less helps for NEGATIVE and for CLEAR_ZERO. */
    public static boolean helpsUpwards(Indicator leaf) {
        Method m = leaf.rule().method();
        if (m == Method.BREAK_ZERO) {
            return true;
        }
        if (m == Method.CLEAR_ZERO) {
            return false;
        }
        return leaf.direction() == Direction.POSITIVE;
    }

    private static double largestSeen(ScoringSession session, Period period, String code) {
        double largest = 0;
        for (Unit u : session.scheme().units()) {
            OptionalDouble v = session.value(period, u.code(), code);
            if (v.isPresent()) {
                largest = Math.max(largest, v.getAsDouble());
            }
        }
        return largest;
    }

    private static boolean listed(ScoringSession session, Period period, Unit unit, String code, double value,
                                  Set<BottomRule.Kind> rules) {
        List<UnitResult> rows = session.rankWithValue(period, unit.code(), code, value);
        Map<String, Set<BottomRule.Kind>> listings = BottomListRules.listings(session.scheme(), rows);
        Set<BottomRule.Kind> kinds = listings.get(unit.code());
        if (kinds == null) {
            return false;
        }
        for (BottomRule.Kind k : rules) {
            if (kinds.contains(k)) {
                return true;
            }
        }
        return false;
    }
}

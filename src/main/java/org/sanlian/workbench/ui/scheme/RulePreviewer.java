package org.sanlian.workbench.ui.scheme;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import org.sanlian.workbench.core.check.Issue;
import org.sanlian.workbench.core.check.SchemeValidator;
import org.sanlian.workbench.core.check.ValidationException;
import org.sanlian.workbench.core.model.Aggregation;
import org.sanlian.workbench.core.model.DataSet;
import org.sanlian.workbench.core.model.Indicator;
import org.sanlian.workbench.core.model.Method;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.model.Scheme;
import org.sanlian.workbench.core.model.TargetSource;
import org.sanlian.workbench.core.model.Unit;
import org.sanlian.workbench.core.scoring.LeafScore;
import org.sanlian.workbench.core.scoring.ScoringEngine;
import org.sanlian.workbench.core.scoring.ScoringSession;
import org.sanlian.workbench.core.scoring.UnitResult;

/**
 * Computes a {@link RulePreview} with the real scoring engine: the edited scheme scores the period's
 * figures, and the curve is the engine's answer for one unit's value moved across a range
 * ({@link ScoringSession#rankWithValue}), so relative rules (efficacy bounds, ranks) and targets
 * count exactly as they will in the results. Runs in the background; the scheme must be valid.
 */
final class RulePreviewer {

    /** Points on the curve. */
    static final int STEPS = 48;

    private RulePreviewer() {
    }

    /**
     * @param curveUnit the unit whose curve is drawn; the first unit with a value when empty or unknown
     * @throws ValidationException when the scheme is not valid or a target the rule needs is missing
     */
    static RulePreview preview(Scheme scheme, String code, DataSet data, DataSet targets, Period period,
                               Optional<String> curveUnit) {
        List<Issue> issues = SchemeValidator.validate(scheme);
        if (!issues.isEmpty()) {
            throw new ValidationException(issues);
        }
        Indicator leaf = scheme.leaves().stream().filter(l -> l.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no indicator " + code));
        ScoringSession session = new ScoringEngine(scheme).session(data, targets);
        Map<String, UnitResult> byUnit = new HashMap<>();
        for (UnitResult r : session.rank(period)) {
            byUnit.put(r.unit().code(), r);
        }
        List<Unit> units = scheme.units();
        List<String> names = new ArrayList<>();
        double[] values = new double[units.size()];
        double[] scores = new double[units.size()];
        String chosen = null;
        for (int u = 0; u < units.size(); u++) {
            Unit unit = units.get(u);
            names.add(unit.name());
            Optional<LeafScore> score = byUnit.get(unit.code()).leaf(code);
            values[u] = score.flatMap(s -> boxed(s.value())).orElse(Double.NaN);
            scores[u] = score.flatMap(s -> boxed(s.score())).orElse(Double.NaN);
            if (!Double.isNaN(values[u]) && (chosen == null
                    || curveUnit.isPresent() && curveUnit.get().equals(unit.code()))) {
                chosen = unit.code();
            }
        }
        if (chosen == null) {
            return new RulePreview(code, leaf.name(), leaf.unitOfMeasure(), period,
                    scheme.aggregation() == Aggregation.POINTS, names, values, scores, "", new double[0], new double[0]);
        }
        double[] range = range(values, target(leaf, targets, period, scheme, chosen));
        double[] xs = new double[STEPS + 1];
        double[] ys = new double[STEPS + 1];
        for (int i = 0; i <= STEPS; i++) {
            double x = range[0] + (range[1] - range[0]) * i / STEPS;
            xs[i] = x;
            ys[i] = scoreOf(session.rankWithValue(period, chosen, code, x), chosen, code);
        }
        String curveName = scheme.unit(chosen).map(Unit::name).orElse(chosen);
        return new RulePreview(code, leaf.name(), leaf.unitOfMeasure(), period,
                scheme.aggregation() == Aggregation.POINTS, names, values, scores, curveName, xs, ys);
    }

    /** From 0 (or the lowest value, if below) to a fifth beyond the highest value or the target's cap. */
    static double[] range(double[] values, OptionalDouble reach) {
        double lo = 0;
        double hi = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (reach.isPresent()) {
            hi = Math.max(hi, reach.getAsDouble());
        }
        hi = hi + (hi - lo) * 0.2;
        if (!(hi > lo)) {
            hi = lo + 1;
        }
        return new double[] {lo, hi};
    }

    /** How far a target rule's curve must reach to show its cap: the unit's target times the cap. */
    private static OptionalDouble target(Indicator leaf, DataSet targets, Period period, Scheme scheme, String unit) {
        Method method = leaf.rule().method();
        if (!method.needsTarget()) {
            return OptionalDouble.empty();
        }
        TargetSource source = leaf.target().orElse(TargetSource.FIXED);
        OptionalDouble t;
        if (source == TargetSource.FIXED) {
            t = leaf.rule().get("target");
        } else if (source == TargetSource.ZONE) {
            String zone = scheme.zoneByUnit().get(unit).code();
            t = targets.value(period, zone, leaf.code());
        } else {
            t = targets.value(period, unit, leaf.code());
        }
        if (t.isEmpty()) {
            return t;
        }
        double cap = method == Method.TARGET_COMPLETION ? leaf.rule().get("cap", 1.0) : 1.0;
        return OptionalDouble.of(t.getAsDouble() * Math.max(cap, 1.0));
    }

    private static double scoreOf(List<UnitResult> rows, String unit, String code) {
        for (UnitResult r : rows) {
            if (r.unit().code().equals(unit)) {
                return r.leaf(code).flatMap(s -> boxed(s.score())).orElse(Double.NaN);
            }
        }
        return Double.NaN;
    }

    private static Optional<Double> boxed(OptionalDouble v) {
        return v.isPresent() ? Optional.of(v.getAsDouble()) : Optional.empty();
    }
}

package org.sanlian.workbench.core.scoring;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.sanlian.workbench.core.model.DataSet;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.scoring.expr.EvalWarning;
import org.sanlian.workbench.core.scoring.expr.Expression;

/**
 * Every unit's value of every code in one period: entered figures, then derived indicators in
 * dependency order (SCORING.md section 4). NaN is a missing value. {@code prev()} reads the
 * previous period of the same kind, valued the same way (lazily, once per period).
 */
final class Valuation {

    final Period period;
    /** values[unit][code]; NaN where missing. */
    final double[][] values;
    /** warnings[unit][derived entry]; null where the derived value was computed. */
    final EvalWarning[][] warnings;
    /** Whether the data holds any value for this period. */
    final boolean hasData;

    private Valuation(Period period, double[][] values, EvalWarning[][] warnings, boolean hasData) {
        this.period = period;
        this.values = values;
        this.warnings = warnings;
        this.hasData = hasData;
    }

    /**
     * This period's values with one unit's value of one code replaced and everything derived from it
     * in the same period evaluated again (the code itself keeps the given value even when it is
     * derived). Other units' rows are shared, not copied.
     */
    Valuation withValue(CompiledScheme cs, Cache cache, int unit, int code, double value) {
        double[][] rows = values.clone();
        EvalWarning[][] warned = warnings.clone();
        double[] row = values[unit].clone();
        EvalWarning[] w = warnings[unit].clone();
        row[code] = value;
        Expression.Outcome outcome = new Expression.Outcome();
        Expression.Resolver resolver = resolver(cs, cache, period, unit, row);
        for (int d : cs.derivedOrder) {
            if (cs.derivedCode[d] == code) {
                w[d] = null;
                continue;
            }
            outcome.reset();
            row[cs.derivedCode[d]] = evaluate(cs, d, resolver, outcome, w);
        }
        rows[unit] = row;
        warned[unit] = w;
        return new Valuation(period, rows, warned, true);
    }

    private static Expression.Resolver resolver(CompiledScheme cs, Cache cache, Period period, int unit, double[] row) {
        return new Expression.Resolver() {
            @Override
            public double value(String code) {
                return row[cs.codeIndex.get(code)];
            }

            @Override
            public double previous(String code) {
                return cache.get(period.previous()).values[unit][cs.codeIndex.get(code)];
            }
        };
    }

    /** Evaluates derived entry d; a missing result records its reason in {@code warnings[d]}. */
    private static double evaluate(CompiledScheme cs, int d, Expression.Resolver resolver, Expression.Outcome outcome,
                                   EvalWarning[] warnings) {
        double v = cs.derivedExpr[d].evaluate(resolver, outcome);
        warnings[d] = null;
        if (Double.isInfinite(v)) {
            warnings[d] = EvalWarning.DIVISION_BY_ZERO;
            return Double.NaN;
        }
        if (Double.isNaN(v)) {
            warnings[d] = outcome.warning() == null ? EvalWarning.MISSING_OPERAND : outcome.warning();
        }
        return v;
    }

    /** Values of periods by period, computed once each; one instance per data set. */
    static final class Cache {
        private final CompiledScheme cs;
        private final DataSet data;
        private final Map<Period, Valuation> byPeriod = new HashMap<>();

        Cache(CompiledScheme cs, DataSet data) {
            this.cs = cs;
            this.data = data;
        }

        Valuation get(Period period) {
            Valuation v = byPeriod.get(period);
            if (v == null) {
                v = compute(cs, data, period, this);
                byPeriod.put(period, v);
            }
            return v;
        }

        DataSet data() {
            return data;
        }
    }

    private static Valuation compute(CompiledScheme cs, DataSet data, Period period, Cache cache) {
        int nu = cs.units.size();
        int nc = cs.codes.length;
        double[][] values = new double[nu][nc];
        EvalWarning[][] warnings = new EvalWarning[nu][cs.derivedCode.length];
        boolean hasData = data.hasValues(period);
        for (int u = 0; u < nu; u++) {
            double[] row = values[u];
            Arrays.fill(row, Double.NaN);
            if (hasData) {
                data.values(period, cs.units.get(u).code()).forEach((code, value) -> {
                    Integer c = cs.codeIndex.get(code);
                    if (c != null) {
                        row[c] = value;
                    }
                });
            }
        }
        if (!hasData) {
            // No figure at all for the period: nothing to derive, and no reason to look further back.
            for (EvalWarning[] w : warnings) {
                Arrays.fill(w, EvalWarning.MISSING_OPERAND);
            }
        } else if (cs.derivedCode.length > 0) {
            Valuation self = new Valuation(period, values, warnings, hasData);
            Expression.Outcome outcome = new Expression.Outcome();
            for (int u = 0; u < nu; u++) {
                Expression.Resolver resolver = resolver(cs, cache, period, u, values[u]);
                for (int d : cs.derivedOrder) {
                    outcome.reset();
                    values[u][cs.derivedCode[d]] = evaluate(cs, d, resolver, outcome, warnings[u]);
                }
            }
            return self;
        }
        return new Valuation(period, values, warnings, hasData);
    }
}

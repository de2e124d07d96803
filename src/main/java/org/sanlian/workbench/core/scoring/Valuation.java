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
                final int unit = u;
                final double[] row = values[u];
                Expression.Resolver resolver = new Expression.Resolver() {
                    @Override
                    public double value(String code) {
                        return row[cs.codeIndex.get(code)];
                    }

                    @Override
                    public double previous(String code) {
                        return cache.get(period.previous()).values[unit][cs.codeIndex.get(code)];
                    }
                };
                for (int d : cs.derivedOrder) {
                    outcome.reset();
                    double v = cs.derivedExpr[d].evaluate(resolver, outcome);
                    if (Double.isInfinite(v)) {
                        v = Double.NaN;
                        warnings[u][d] = EvalWarning.DIVISION_BY_ZERO;
                    } else if (Double.isNaN(v)) {
                        warnings[u][d] = outcome.warning() == null ? EvalWarning.MISSING_OPERAND : outcome.warning();
                    }
                    row[cs.derivedCode[d]] = v;
                }
            }
            return self;
        }
        return new Valuation(period, values, warnings, hasData);
    }
}

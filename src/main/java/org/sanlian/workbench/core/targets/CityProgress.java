package org.sanlian.workbench.core.targets;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;

import org.sanlian.workbench.core.model.CityTarget;
import org.sanlian.workbench.core.model.DataSet;
import org.sanlian.workbench.core.model.Derived;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.model.Scheme;
import org.sanlian.workbench.core.model.Unit;
import org.sanlian.workbench.core.scoring.expr.Expression;

/**
 * How far the city is on its way to each of its goals (the scheme's {@code cityTargets},
 * docs/scoring.md, "City targets"): the city figure of a period formed from the units' figures
 * (added up for {@code SUM}; a derived indicator's expression applied to the units' summed inputs
 * for {@code RECOMPUTE}, a ratio of sums and never a mean of ratios; the yearly figures added up
 * from {@code cumulativeFrom} on), progress from the baseline to the target, the yearly path still
 * needed, the status against the time gone, and each unit's part. Derived expressions are those
 * of the scoring engine ({@link Expression}). Pure: scheme, data set and period in, records out.
 */
public final class CityProgress {

    /** Where a goal stands in the period. */
    public enum Status {
        /** The figure has reached the target (at or past it, in the target's direction). */
        REACHED,
        /** Progress is at least the share of the time from the start year to the target year gone by. */
        ON_TRACK,
        /** Progress lags the time gone by, or the target year has passed without reaching it. */
        BEHIND,
        /** No figure, or no start year to measure the pace against. */
        UNKNOWN
    }

    /** A unit without a figure (or without one of the inputs its figure needs) in a period: left out of the sums. */
    public record Missing(String unit, Period period) {
        public Missing {
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(period, "period");
        }
    }

    /**
     * One unit's part of a goal. {@code value}: its own figure (its values added up over the
     * cumulative years; for {@code RECOMPUTE} the expression on its own inputs). For {@code SUM}:
     * {@code shareOfCity} = value / city figure, {@code shareOfGap} = the remaining gap times that
     * share (what is still missing, pro rata). For {@code RECOMPUTE}: {@code effect} = the city
     * figure minus the city figure recomputed without the unit (how far it pulls the city up or down).
     */
    public record UnitPart(String unit, String name, OptionalDouble value, OptionalDouble shareOfCity,
                           OptionalDouble shareOfGap, OptionalDouble effect, boolean missing) {
        public UnitPart {
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(shareOfCity, "shareOfCity");
            Objects.requireNonNull(shareOfGap, "shareOfGap");
            Objects.requireNonNull(effect, "effect");
        }
    }

    /**
     * One goal in one period. {@code start}: the baseline value (0 without a baseline);
     * {@code progress} = (figure − start) / (target − start); {@code expected} = the share of the
     * years from the start year to the target year gone by at the period's year; {@code gap} =
     * target − figure (0 once reached); {@code yearlyNeeded} = gap / years left (empty when the
     * target year has come without reaching it).
     */
    public record Goal(CityTarget target, Period period, OptionalDouble figure, double start,
                       OptionalDouble progress, OptionalDouble expected, OptionalDouble gap, int yearsLeft,
                       OptionalDouble yearlyNeeded, Status status, List<Period> periods, List<Missing> missing,
                       List<UnitPart> units) {
        public Goal {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(period, "period");
            Objects.requireNonNull(figure, "figure");
            Objects.requireNonNull(progress, "progress");
            Objects.requireNonNull(expected, "expected");
            Objects.requireNonNull(gap, "gap");
            Objects.requireNonNull(yearlyNeeded, "yearlyNeeded");
            Objects.requireNonNull(status, "status");
            periods = List.copyOf(periods);
            missing = List.copyOf(missing);
            units = List.copyOf(units);
        }

        /** The units left out of the sums somewhere, each once, in the scheme's order. */
        public List<String> missingUnits() {
            Set<String> out = new LinkedHashSet<>();
            missing.forEach(m -> out.add(m.unit()));
            return List.copyOf(out);
        }
    }

    /** Figures closer than this count as equal (reaching a target, a target equal to its start). */
    static final double EPSILON = 1e-9;

    private CityProgress() {
    }

    /** Every goal of the scheme in {@code period}, in the scheme's order. */
    public static List<Goal> of(Scheme scheme, DataSet data, Period period) {
        return scheme.cityTargets().stream().map(t -> of(scheme, t, data, period)).toList();
    }

    /** One goal in {@code period}, from the figures of the scheme's units. */
    public static Goal of(Scheme scheme, CityTarget target, DataSet data, Period period) {
        Objects.requireNonNull(data, "data");
        List<Period> periods = periods(target, period);
        List<String> units = scheme.units().stream().map(Unit::code).toList();
        Valuer valuer = new Valuer(scheme, data);
        boolean recompute = target.aggregate() == CityTarget.CityAggregate.RECOMPUTE
                && scheme.derivedOf(target.code()).isPresent();

        List<Missing> missing = new ArrayList<>();
        for (Period p : periods) {
            for (String u : units) {
                if (!valuer.complete(target.code(), recompute, u, p)) {
                    missing.add(new Missing(u, p));
                }
            }
        }
        OptionalDouble figure = figure(valuer, target.code(), recompute, units, periods, Set.of());

        double start = target.baseline().map(CityTarget.Baseline::value).orElse(0.0);
        OptionalInt startYear = target.baseline().isPresent() ? OptionalInt.of(target.baseline().get().year())
                : target.cumulativeFrom().isPresent() ? OptionalInt.of(target.cumulativeFrom().getAsInt() - 1)
                : OptionalInt.empty();
        int yearsLeft = Math.max(0, target.year() - period.year());
        OptionalDouble expected = OptionalDouble.empty();
        if (startYear.isPresent() && target.year() > startYear.getAsInt()) {
            double gone = (double) (period.year() - startYear.getAsInt()) / (target.year() - startYear.getAsInt());
            expected = OptionalDouble.of(Math.max(0, Math.min(1, gone)));
        }

        OptionalDouble progress = OptionalDouble.empty();
        OptionalDouble gap = OptionalDouble.empty();
        OptionalDouble yearly = OptionalDouble.empty();
        Status status = Status.UNKNOWN;
        if (figure.isPresent()) {
            double f = figure.getAsDouble();
            boolean reached = reached(f, target.target(), start);
            double span = target.target() - start;
            if (Math.abs(span) > EPSILON) {
                progress = OptionalDouble.of((f - start) / span);
            } else if (reached) {
                progress = OptionalDouble.of(1);
            }
            double remaining = reached ? 0 : target.target() - f;
            gap = OptionalDouble.of(remaining);
            if (reached) {
                yearly = OptionalDouble.of(0);
            } else if (yearsLeft > 0) {
                yearly = OptionalDouble.of(remaining / yearsLeft);
            }
            if (reached) {
                status = Status.REACHED;
            } else if (yearsLeft == 0) {
                status = Status.BEHIND;
            } else if (expected.isPresent() && progress.isPresent()) {
                status = progress.getAsDouble() + EPSILON >= expected.getAsDouble() ? Status.ON_TRACK : Status.BEHIND;
            }
        }

        List<UnitPart> parts = new ArrayList<>();
        Set<String> missingUnits = new LinkedHashSet<>();
        missing.forEach(m -> missingUnits.add(m.unit()));
        for (Unit u : scheme.units()) {
            OptionalDouble value = figure(valuer, target.code(), recompute, List.of(u.code()), periods, Set.of());
            OptionalDouble shareOfCity = OptionalDouble.empty();
            OptionalDouble shareOfGap = OptionalDouble.empty();
            OptionalDouble effect = OptionalDouble.empty();
            if (recompute) {
                OptionalDouble without = figure(valuer, target.code(), true, units, periods, Set.of(u.code()));
                if (figure.isPresent() && without.isPresent() && value.isPresent()) {
                    effect = OptionalDouble.of(figure.getAsDouble() - without.getAsDouble());
                }
            } else if (figure.isPresent() && value.isPresent() && Math.abs(figure.getAsDouble()) > EPSILON) {
                double share = value.getAsDouble() / figure.getAsDouble();
                shareOfCity = OptionalDouble.of(share);
                shareOfGap = OptionalDouble.of(gap.getAsDouble() * share);
            }
            parts.add(new UnitPart(u.code(), u.name(), value, shareOfCity, shareOfGap, effect,
                    missingUnits.contains(u.code())));
        }
        return new Goal(target, period, figure, start, progress, expected, gap, yearsLeft, yearly, status, periods,
                missing, parts);
    }

    /**
     * The figure of a goal formed from one set of figures entered for the city as a whole (全市数),
     * kept as the values of one pseudo unit {@code city} in {@code cityData}: the same formula as
     * over the units, with the city as the only unit. Empty when a figure it needs is not entered.
     */
    public static OptionalDouble entered(Scheme scheme, CityTarget target, DataSet cityData, String city,
                                         Period period) {
        boolean recompute = target.aggregate() == CityTarget.CityAggregate.RECOMPUTE
                && scheme.derivedOf(target.code()).isPresent();
        Valuer valuer = new Valuer(scheme, cityData);
        List<Period> periods = periods(target, period);
        for (Period p : periods) {
            if (!valuer.complete(target.code(), recompute, city, p)) {
                return OptionalDouble.empty();
            }
        }
        return figure(valuer, target.code(), recompute, List.of(city), periods, Set.of());
    }

    /**
     * The periods whose figures make the goal's figure in {@code period}: the period alone, or for a
     * cumulative goal the years from {@code cumulativeFrom} to the year before the period's (their
     * whole-year periods) and then the period itself.
     */
    public static List<Period> periods(CityTarget target, Period period) {
        if (target.cumulativeFrom().isEmpty()) {
            return List.of(period);
        }
        List<Period> out = new ArrayList<>();
        for (int y = target.cumulativeFrom().getAsInt(); y < period.year(); y++) {
            out.add(Period.year(y));
        }
        if (period.year() >= target.cumulativeFrom().getAsInt()) {
            out.add(period);
        }
        return out;
    }

    /** Whether {@code figure} is at or past {@code target} coming from {@code start}. */
    static boolean reached(double figure, double target, double start) {
        return target >= start ? figure >= target - EPSILON : figure <= target + EPSILON;
    }

    /**
     * The figure over {@code units} (less {@code without}) and {@code periods}: each period's figure
     * formed from the units complete in it, the periods' figures added up. Empty when no period has
     * a complete unit (or the expression cannot be evaluated, e.g. a zero denominator).
     */
    private static OptionalDouble figure(Valuer valuer, String code, boolean recompute, List<String> units,
                                         List<Period> periods, Set<String> without) {
        if (periods.isEmpty()) {
            return OptionalDouble.of(0);
        }
        double total = 0;
        boolean any = false;
        for (Period p : periods) {
            List<String> complete = units.stream()
                    .filter(u -> !without.contains(u) && valuer.complete(code, recompute, u, p)).toList();
            if (complete.isEmpty()) {
                continue;
            }
            double v = recompute ? valuer.summed(code, complete, p) : complete.stream()
                    .mapToDouble(u -> valuer.value(code, u, p)).sum();
            if (Double.isNaN(v)) {
                return OptionalDouble.empty();
            }
            total += v;
            any = true;
        }
        return any ? OptionalDouble.of(total) : OptionalDouble.empty();
    }

    /** Values of codes from the data, derived codes through the engine's expressions. */
    private static final class Valuer {
        private final Scheme scheme;
        private final DataSet data;
        private final Map<String, Expression> expressions = new HashMap<>();

        Valuer(Scheme scheme, DataSet data) {
            this.scheme = scheme;
            this.data = data;
        }

        private Optional<Expression> expression(String code) {
            Optional<Derived> d = scheme.derivedOf(code);
            return d.map(x -> expressions.computeIfAbsent(code, c -> Expression.parse(x.expr())));
        }

        /** One unit's value of a code: entered, or its derived expression on the unit's own values. */
        double value(String code, String unit, Period period) {
            OptionalDouble v = data.value(period, unit, code);
            if (v.isPresent()) {
                return v.getAsDouble();
            }
            Optional<Expression> e = expression(code);
            if (e.isEmpty()) {
                return Double.NaN;
            }
            return e.get().evaluate(new Expression.Resolver() {
                @Override
                public double value(String c) {
                    return Valuer.this.value(c, unit, period);
                }

                @Override
                public double previous(String c) {
                    return Valuer.this.value(c, unit, period.previous());
                }
            }, new Expression.Outcome());
        }

        /**
         * A code's value over several units: a derived code is its expression applied to the units'
         * summed inputs (ratio of sums); any other code is the units' values added up.
         */
        double summed(String code, List<String> units, Period period) {
            Optional<Expression> e = expression(code);
            if (e.isEmpty()) {
                double sum = 0;
                for (String u : units) {
                    sum += value(code, u, period);
                }
                return sum;
            }
            return e.get().evaluate(new Expression.Resolver() {
                @Override
                public double value(String c) {
                    return summed(c, units, period);
                }

                @Override
                public double previous(String c) {
                    return summed(c, units, period.previous());
                }
            }, new Expression.Outcome());
        }

        /**
         * Whether a unit has what its part of the figure needs in {@code period}: the code itself
         * (SUM; entered or derived from its own inputs), or every input the derived expression reads,
         * through nested derived codes and {@code prev()} (RECOMPUTE).
         */
        boolean complete(String code, boolean recompute, String unit, Period period) {
            if (!recompute) {
                return !Double.isNaN(value(code, unit, period));
            }
            return inputsPresent(code, unit, period, new HashSet<>());
        }

        private boolean inputsPresent(String code, String unit, Period period, Set<String> seen) {
            Optional<Expression> e = expression(code);
            if (e.isEmpty()) {
                return data.value(period, unit, code).isPresent();
            }
            if (!seen.add(code + "@" + period)) {
                return true;
            }
            for (String c : e.get().references()) {
                if (!e.get().previousReferences().contains(c) || referencedNow(e.get(), c)) {
                    if (!inputsPresent(c, unit, period, seen)) {
                        return false;
                    }
                }
            }
            for (String c : e.get().previousReferences()) {
                if (!inputsPresent(c, unit, period.previous(), seen)) {
                    return false;
                }
            }
            return true;
        }

        /** Whether a code read through {@code prev()} is read in the current period too. */
        private static boolean referencedNow(Expression e, String code) {
            // references() holds codes read either way; a code only inside prev() is not needed now
            return e.text().replaceAll("prev\\s*\\(\\s*" + java.util.regex.Pattern.quote(code) + "\\s*\\)", "")
                    .matches("(?s).*\\b" + java.util.regex.Pattern.quote(code) + "\\b.*");
        }
    }
}

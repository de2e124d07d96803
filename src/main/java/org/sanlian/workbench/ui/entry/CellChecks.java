package org.sanlian.workbench.ui.entry;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

import org.sanlian.workbench.core.model.DataSet;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.model.PeriodKind;
import org.sanlian.workbench.i18n.Messages;

/**
 * The checks of a value as it is entered (docs/window.md, 数据录入). A value is <em>refused</em>
 * (not kept) when it breaks what the scheme allows, as an imported row would be: below an input's
 * minimum or above its maximum, not an integer where the input is a count, a negative bonus,
 * penalty or veto count. A value is kept with a <em>warning</em> when it only looks wrong:
 * <ul>
 * <li>an outlier: more than 3 times, or less than a third of, the same unit's value in the period
 *     before (both non-zero and of one sign; for integer counts only when the larger of the two is at
 *     least {@value #OUTLIER_FLOOR}, since 1 to 4 teams is no outlier; vetoes are not compared);</li>
 * <li>a cumulative count that drops: in a half-yearly or quarterly period, an integer count below
 *     the same unit's value in the earlier part of the same year (year-to-date figures only grow);</li>
 * <li>a unit counted twice: an amount exactly equal to another unit's in the same column (the
 *     development zone's figures copied into 莲都区's, or a row pasted twice); only amounts such as
 *     万元 and 亿元 are compared, not counts, rates or shares (a bound above, or %), which often
 *     coincide.</li>
 * <li>the units against the city figure (全市数): when a city figure is entered for a column and
 *     every unit has that column filled, the units' sum differs from the city figure by more than
 *     {@link #CITY_TOLERANCE} (0.5%) of the city figure (any difference when the city figure is 0);
 *     the warning is on the city cell and gives both numbers and the difference.</li>
 * </ul>
 */
public final class CellChecks {

    /** How far from the previous period's value a value may move before it is an outlier. */
    public static final double OUTLIER_FACTOR = 3;
    /** Integer counts are compared only from this size on. */
    public static final double OUTLIER_FLOOR = 10;

    /** How far (a share of the city figure) the units' sum may be from the city figure: 0.5%. */
    public static final double CITY_TOLERANCE = 0.005;

    private final Period period;
    private final DataSet previous;
    private final Map<String, String> unitNames;

    public CellChecks(Period period, DataSet previous, Map<String, String> unitNames) {
        this.period = Objects.requireNonNull(period, "period");
        this.previous = Objects.requireNonNull(previous, "previous");
        this.unitNames = Map.copyOf(unitNames);
    }

    /** Why {@code value} cannot be kept in {@code column}; empty when it can. */
    public Optional<String> refusal(EntryColumn column, double value) {
        String v = plain(value);
        if (column.count() && value < 0) {
            return Optional.of(text("ui.entry.refused.negative-count", v));
        }
        if (column.min().isPresent() && value < column.min().getAsDouble()) {
            return Optional.of(text("ui.entry.refused.below-min", v, plain(column.min().getAsDouble()),
                    measure(column)));
        }
        if (column.max().isPresent() && value > column.max().getAsDouble()) {
            return Optional.of(text("ui.entry.refused.above-max", v, plain(column.max().getAsDouble()),
                    measure(column)));
        }
        if (column.integer() && value != Math.rint(value)) {
            return Optional.of(text("ui.entry.refused.not-integer", v));
        }
        return Optional.empty();
    }

    /** The warnings of every filled cell of {@code grid} in the given units and columns, by place. */
    public Map<EntryGrid.Key, String> warnings(EntryGrid grid, List<String> units, List<EntryColumn> columns) {
        Map<EntryGrid.Key, String> out = new HashMap<>();
        for (EntryColumn c : columns) {
            Map<Double, String> firstUnitWith = new HashMap<>();
            for (String u : units) {
                Optional<EntryCell> cell = grid.cell(u, c.code());
                if (cell.isEmpty() || cell.get().value().isEmpty()) {
                    continue;
                }
                double v = cell.get().value().getAsDouble();
                Optional<String> w = againstPrevious(c, u, v);
                if (w.isEmpty() && twiceCountable(c) && v != 0) {
                    String other = firstUnitWith.putIfAbsent(v, u);
                    if (other != null) {
                        w = Optional.of(text("ui.entry.warn.same-as", unitNames.getOrDefault(other, other)));
                        out.putIfAbsent(new EntryGrid.Key(other, c.code()),
                                text("ui.entry.warn.same-as", unitNames.getOrDefault(u, u)));
                    }
                }
                w.ifPresent(reason -> out.put(new EntryGrid.Key(u, c.code()), reason));
            }
        }
        return out;
    }

    /**
     * The warning of a city figure against the units' sum of its column, when they differ by more
     * than {@link #CITY_TOLERANCE} of the city figure; empty when they agree.
     */
    public static Optional<String> againstCity(double city, double sum) {
        double difference = sum - city;
        // the sum of many decimals carries rounding noise: a difference below it is none
        double noise = 1e-9 * Math.max(1, Math.max(Math.abs(sum), Math.abs(city)));
        if (Math.abs(difference) <= Math.max(CITY_TOLERANCE * Math.abs(city), noise)) {
            return Optional.empty();
        }
        String share = city == 0 ? "" : text("ui.entry.warn.city-share", BigDecimal.valueOf(100 * difference / city)
                .round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString());
        String signed = (difference > 0 ? "+" : "") + plain(round(difference));
        return Optional.of(text("ui.entry.warn.city-sum", plain(round(sum)), plain(city), signed, share));
    }

    /** A sum as people write it: rounding noise of adding decimals taken off (12 significant digits). */
    private static double round(double value) {
        return value == 0 ? 0 : BigDecimal.valueOf(value).round(new java.math.MathContext(12)).doubleValue();
    }

    private static boolean twiceCountable(EntryColumn c) {
        return !c.integer() && !c.count() && c.max().isEmpty() && !c.unitOfMeasure().equals("%");
    }

    private Optional<String> againstPrevious(EntryColumn c, String unit, double v) {
        if (c.kind() == EntryColumn.Kind.VETO) {
            return Optional.empty();
        }
        Period before = period.previous();
        OptionalDouble p = previous.value(before, unit, c.code());
        if (p.isEmpty()) {
            return Optional.empty();
        }
        double was = p.getAsDouble();
        boolean integer = c.integer() || c.count();
        if (integer && period.kind() != PeriodKind.YEAR && before.year() == period.year() && v < was) {
            return Optional.of(text("ui.entry.warn.cumulative-drop", before.toString(), plain(was)));
        }
        if (v == 0 || was == 0 || Math.signum(v) != Math.signum(was)) {
            return Optional.empty();
        }
        if (integer && Math.max(Math.abs(v), Math.abs(was)) < OUTLIER_FLOOR) {
            return Optional.empty();
        }
        double ratio = v / was;
        if (ratio > OUTLIER_FACTOR || ratio < 1 / OUTLIER_FACTOR) {
            String times = BigDecimal.valueOf(ratio).round(new java.math.MathContext(3)).stripTrailingZeros()
                    .toPlainString();
            return Optional.of(text("ui.entry.warn.outlier", before.toString(), plain(was), times));
        }
        return Optional.empty();
    }

    private static String measure(EntryColumn c) {
        return c.unitOfMeasure().isEmpty() ? "" : text("ui.entry.measure", c.unitOfMeasure());
    }

    /** A number as people write it: {@code 125}, {@code 0.5}, {@code 182345.6}. */
    public static String plain(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static String text(String key, Object... args) {
        return Messages.get().text(key, args);
    }
}

package org.sanlian.workbench.core.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeSet;
import java.util.SortedSet;

/**
 * Figures by period, unit (or zone, for targets) and code. Used both for data (inputs, indicator
 * values, adjustment and veto counts) and for targets (commitments and zone targets).
 */
public final class DataSet {

    private static final DataSet EMPTY = new DataSet(List.of());

    private final List<Observation> observations;
    /** The lookup index, built on first use: an import only walks the observations and never needs it. */
    private Index index;

    private static final class Index {
        final Map<Period, Map<String, Map<String, Double>>> values = new HashMap<>();
        final SortedSet<Period> periodsWithValues = new TreeSet<>();
    }

    public DataSet(Collection<Observation> observations) {
        this.observations = List.copyOf(observations);
    }

    private synchronized Index index() {
        if (index == null) {
            Index built = new Index();
            // a unit's figures usually come one after another: the run shares one look-up of its map,
            // which is made big enough for the run at once
            Period period = null;
            String unit = null;
            Map<String, Double> byCode = null;
            int n = observations.size();
            for (int i = 0; i < n; i++) {
                Observation o = observations.get(i);
                if (o.value().isEmpty()) {
                    continue;
                }
                if (o.period() != period || o.unit() != unit) {
                    period = o.period();
                    unit = o.unit();
                    int run = 1;
                    while (i + run < n && observations.get(i + run).period() == period
                            && observations.get(i + run).unit() == unit) {
                        run++;
                    }
                    int capacity = (int) (run / 0.75f) + 1;
                    byCode = built.values.computeIfAbsent(period, p -> new HashMap<>())
                            .computeIfAbsent(unit, u -> new HashMap<>(capacity));
                    built.periodsWithValues.add(period);
                }
                byCode.put(o.code(), o.value().getAsDouble());
            }
            index = built;
        }
        return index;
    }

    public static DataSet empty() {
        return EMPTY;
    }

    public List<Observation> observations() {
        return observations;
    }

    /** The value of a code for a unit in a period; empty when missing or not entered. */
    public OptionalDouble value(Period period, String unit, String code) {
        Map<String, Map<String, Double>> byUnit = index().values.get(period);
        if (byUnit == null) {
            return OptionalDouble.empty();
        }
        Map<String, Double> byCode = byUnit.get(unit);
        if (byCode == null) {
            return OptionalDouble.empty();
        }
        Double v = byCode.get(code);
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    /** The values of one unit in one period by code (unmodifiable; empty when none). */
    public Map<String, Double> values(Period period, String unit) {
        Map<String, Map<String, Double>> byUnit = index().values.get(period);
        if (byUnit == null) {
            return Map.of();
        }
        Map<String, Double> byCode = byUnit.get(unit);
        return byCode == null ? Map.of() : Collections.unmodifiableMap(byCode);
    }

    /** Whether the data holds at least one value for the period (SCORING.md: the period "has results"). */
    public boolean hasValues(Period period) {
        return index().periodsWithValues.contains(period);
    }

    /** The periods that hold at least one value, in time order. */
    public SortedSet<Period> periods() {
        return Collections.unmodifiableSortedSet(index().periodsWithValues);
    }

    /** A copy with one value replaced (or added); used by what-if searches. */
    public DataSet with(Period period, String unit, String code, double value) {
        List<Observation> copy = new ArrayList<>(observations.size() + 1);
        boolean replaced = false;
        for (Observation o : observations) {
            if (!replaced && o.period().equals(period) && o.unit().equals(unit) && o.code().equals(code)) {
                copy.add(new Observation(period, unit, code, OptionalDouble.of(value), o.note()));
                replaced = true;
            } else {
                copy.add(o);
            }
        }
        if (!replaced) {
            copy.add(new Observation(period, unit, code, OptionalDouble.of(value), ""));
        }
        return new DataSet(copy);
    }
}

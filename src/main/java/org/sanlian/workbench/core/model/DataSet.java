package org.sanlian.workbench.core.model;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import java.util.SortedSet;
import java.util.function.BiConsumer;

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
        final Map<Period, PeriodFigures> periods = new HashMap<>();
        final SortedSet<Period> periodsWithValues = new TreeSet<>();
    }

    /**
     * One period's values: each code present in the period has a slot, and each unit a row of values by
     * slot. Rows of primitive doubles rather than maps of boxed ones: a large period (3,000 units of 120
     * figures) is 3 MB held instead of 30 MB, and is built without a map entry per figure.
     */
    private static final class PeriodFigures {
        final Map<String, Integer> slots = new HashMap<>();
        final List<String> codes = new ArrayList<>();
        final Map<String, UnitFigures> units = new HashMap<>();

        int slot(String code) {
            Integer s = slots.get(code);
            if (s == null) {
                s = codes.size();
                slots.put(code, s);
                codes.add(code);
            }
            return s;
        }
    }

    /** One unit's values in a period, by the period's code slots; read through {@link #asMap}. */
    private static final class UnitFigures {
        final PeriodFigures period;
        double[] values;
        boolean[] present;
        int count;

        UnitFigures(PeriodFigures period, int capacity) {
            this.period = period;
            values = new double[capacity];
            present = new boolean[capacity];
        }

        void put(int slot, double value) {
            if (slot >= values.length) {
                int size = Math.max(slot + 1, values.length * 2);
                values = Arrays.copyOf(values, size);
                present = Arrays.copyOf(present, size);
            }
            if (!present[slot]) {
                present[slot] = true;
                count++;
            }
            values[slot] = value;
        }

        OptionalDouble get(String code) {
            Integer slot = period.slots.get(code);
            return slot == null || slot >= present.length || !present[slot] ? OptionalDouble.empty()
                    : OptionalDouble.of(values[slot]);
        }

        /** The values by code, unmodifiable, in the order the codes first came in the period. */
        Map<String, Double> asMap() {
            return new AbstractMap<>() {
                @Override
                public int size() {
                    return count;
                }

                @Override
                public boolean containsKey(Object key) {
                    return key instanceof String code && UnitFigures.this.get(code).isPresent();
                }

                @Override
                public Double get(Object key) {
                    if (!(key instanceof String code)) {
                        return null;
                    }
                    OptionalDouble v = UnitFigures.this.get(code);
                    return v.isPresent() ? v.getAsDouble() : null;
                }

                @Override
                public void forEach(BiConsumer<? super String, ? super Double> action) {
                    for (int s = 0; s < present.length; s++) {
                        if (present[s]) {
                            action.accept(period.codes.get(s), values[s]);
                        }
                    }
                }

                @Override
                public Set<Entry<String, Double>> entrySet() {
                    List<Entry<String, Double>> entries = new ArrayList<>(count);
                    forEach((code, value) -> entries.add(new SimpleImmutableEntry<>(code, value)));
                    return new AbstractSet<>() {
                        @Override
                        public Iterator<Entry<String, Double>> iterator() {
                            return Collections.unmodifiableList(entries).iterator();
                        }

                        @Override
                        public int size() {
                            return entries.size();
                        }
                    };
                }
            };
        }
    }

    public DataSet(Collection<Observation> observations) {
        this.observations = List.copyOf(observations);
    }

    private synchronized Index index() {
        if (index == null) {
            Index built = new Index();
            // a unit's figures usually come one after another: the run shares one look-up of its row,
            // which is made big enough for the run at once; a later figure of the same unit, period and
            // code replaces an earlier one
            Period period = null;
            String unit = null;
            PeriodFigures figures = null;
            UnitFigures row = null;
            int n = observations.size();
            for (int i = 0; i < n; i++) {
                Observation o = observations.get(i);
                if (o.value().isEmpty()) {
                    continue;
                }
                if (o.period() != period || o.unit() != unit) {
                    if (o.period() != period) {
                        period = o.period();
                        figures = built.periods.computeIfAbsent(period, p -> new PeriodFigures());
                        built.periodsWithValues.add(period);
                    }
                    unit = o.unit();
                    int run = 1;
                    while (i + run < n && observations.get(i + run).period() == period
                            && observations.get(i + run).unit() == unit) {
                        run++;
                    }
                    PeriodFigures in = figures;
                    int capacity = Math.max(run, figures.codes.size());
                    row = figures.units.computeIfAbsent(unit, u -> new UnitFigures(in, capacity));
                }
                row.put(figures.slot(o.code()), o.value().getAsDouble());
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
        UnitFigures row = row(period, unit);
        return row == null ? OptionalDouble.empty() : row.get(code);
    }

    private UnitFigures row(Period period, String unit) {
        PeriodFigures figures = index().periods.get(period);
        return figures == null ? null : figures.units.get(unit);
    }

    /** The values of one unit in one period by code (unmodifiable; empty when none). */
    public Map<String, Double> values(Period period, String unit) {
        UnitFigures row = row(period, unit);
        return row == null ? Map.of() : row.asMap();
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

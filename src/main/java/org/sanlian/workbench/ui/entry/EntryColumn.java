package org.sanlian.workbench.ui.entry;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;

import org.sanlian.workbench.core.model.Adjustment;
import org.sanlian.workbench.core.model.Derived;
import org.sanlian.workbench.core.model.Indicator;
import org.sanlian.workbench.core.model.Input;
import org.sanlian.workbench.core.model.Scheme;
import org.sanlian.workbench.core.model.Veto;

/**
 * One column of the data entry grid: a code the data file may carry for a unit (an input, an
 * indicator whose value is entered, a bonus or penalty count, a veto), with its name, unit of
 * measure and the bounds the scheme sets. {@code required} columns count towards completeness;
 * adjustment counts and vetoes do not (the office decides them, and none is none).
 */
public record EntryColumn(String code, String name, String unitOfMeasure, Kind kind, OptionalDouble min,
                          OptionalDouble max, boolean integer) {

    /** Where the code comes from in the scheme. */
    public enum Kind { INPUT, INDICATOR, BONUS, PENALTY, VETO }

    public EntryColumn {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unitOfMeasure, "unitOfMeasure");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
    }

    /** Whether a unit's figures are complete only with a value here. */
    public boolean required() {
        return kind == Kind.INPUT || kind == Kind.INDICATOR;
    }

    /** Whether the value is a count of items (bonus, penalty, veto): never negative. */
    public boolean count() {
        return !required();
    }

    /**
     * Whether the column takes a city figure (全市数): an input that is an amount or a count summed
     * over the units, i.e. every input that is not a rate or share: not in % or ‰, and without an
     * upper bound (a bound above, such as 100, marks a rate or share).
     */
    public boolean summedOverUnits() {
        return kind == Kind.INPUT && max.isEmpty() && !unitOfMeasure.equals("%") && !unitOfMeasure.equals("‰");
    }

    /**
     * The columns of a scheme in its order: the inputs, the indicators whose value is entered
     * (neither an input nor derived), then the bonus and penalty counts, then the vetoes.
     */
    public static List<EntryColumn> of(Scheme scheme) {
        Set<String> derived = new HashSet<>();
        scheme.derived().stream().map(Derived::code).forEach(derived::add);
        List<EntryColumn> out = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (Input i : scheme.inputs()) {
            if (!derived.contains(i.code()) && taken.add(i.code())) {
                out.add(new EntryColumn(i.code(), i.name(), i.unitOfMeasure(), Kind.INPUT, i.min(), i.max(),
                        i.integer()));
            }
        }
        for (Indicator leaf : scheme.leaves()) {
            if (!derived.contains(leaf.code()) && taken.add(leaf.code())) {
                out.add(new EntryColumn(leaf.code(), leaf.name(), leaf.unitOfMeasure(), Kind.INDICATOR,
                        OptionalDouble.empty(), OptionalDouble.empty(), false));
            }
        }
        for (Adjustment a : scheme.adjustments()) {
            out.add(new EntryColumn(a.code(), a.name(), "", a.kind() == Adjustment.Kind.BONUS ? Kind.BONUS
                    : Kind.PENALTY, OptionalDouble.of(0), OptionalDouble.empty(), false));
        }
        for (Veto v : scheme.vetoes()) {
            out.add(new EntryColumn(v.code(), v.name(), "", Kind.VETO, OptionalDouble.of(0), OptionalDouble.empty(),
                    false));
        }
        return List.copyOf(out);
    }
}

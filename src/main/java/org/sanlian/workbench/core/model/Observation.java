package org.sanlian.workbench.core.model;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One figure: a unit's (or, for targets, a zone's) value of a code in a period, with its note.
 * An empty value is an explicit missing figure.
 */
public record Observation(Period period, String unit, String code, OptionalDouble value, String note) {
    public Observation {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(note, "note");
    }

    public static Observation of(String period, String unit, String code, double value) {
        return new Observation(Period.parse(period).orElseThrow(), unit, code, OptionalDouble.of(value), "");
    }
}

package org.sanlian.workbench.core.model;

import java.util.Objects;
import java.util.OptionalDouble;

/** A raw figure that is entered (a component of derived indicators, or a leaf's own value), with its bounds. */
public record Input(String code, String name, String unitOfMeasure, OptionalDouble min, OptionalDouble max, boolean integer) {
    public Input {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unitOfMeasure, "unitOfMeasure");
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
    }
}

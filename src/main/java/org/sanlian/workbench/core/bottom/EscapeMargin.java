package org.sanlian.workbench.core.bottom;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * For one of a listed unit's weakest indicators: the value nearest the current one at which the unit
 * would leave the list, all else unchanged; empty when no value within bounds gets it off.
 */
public record EscapeMargin(String code, OptionalDouble value) {
    public EscapeMargin {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(value, "value");
    }

    public boolean reachable() {
        return value.isPresent();
    }
}

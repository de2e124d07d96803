package org.sanlian.workbench.core.model;

import java.util.Objects;
import java.util.OptionalDouble;

/** A bonus (加分) or penalty (扣分) item: points each times the unit's count, capped per item. */
public record Adjustment(String code, String name, Kind kind, double pointsEach, OptionalDouble cap) {

    public enum Kind { BONUS, PENALTY }

    public Adjustment {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(cap, "cap");
    }
}

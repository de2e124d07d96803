package org.sanlian.workbench.core.model;

import java.util.Objects;

/** An assessed unit (county, district or development zone). */
public record Unit(String code, String name) {
    public Unit {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
    }
}

package org.sanlian.workbench.core.model;

import java.util.Objects;

/** A derived indicator: computed from an expression over other codes of the same unit. */
public record Derived(String code, String expr) {
    public Derived {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(expr, "expr");
    }
}

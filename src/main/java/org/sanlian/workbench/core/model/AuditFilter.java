package org.sanlian.workbench.core.model;

import java.util.Objects;
import java.util.Optional;

/**
 * Which audit lines to list; an empty field means any, all given fields must hold. Times are
 * ISO-8601 UTC text compared as text ({@code 2026-11-26} matches from that day on). {@code limit}
 * 0 means every line, else the newest {@code limit}. {@code text}, when given, must occur (ignoring
 * ASCII case) in the operator, unit, period, code, old or new value of a line.
 */
public record AuditFilter(Optional<String> unit, Optional<String> period, Optional<String> code,
                          Optional<String> operator, Optional<String> entity, Optional<String> from,
                          Optional<String> to, int limit, Optional<String> text) {

    public AuditFilter {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(text, "text");
        if (limit < 0) {
            throw new IllegalArgumentException("limit < 0");
        }
    }

    /** Without free text. */
    public AuditFilter(Optional<String> unit, Optional<String> period, Optional<String> code,
                       Optional<String> operator, Optional<String> entity, Optional<String> from,
                       Optional<String> to, int limit) {
        this(unit, period, code, operator, entity, from, to, limit, Optional.empty());
    }

    public static AuditFilter any() {
        return new AuditFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), 0);
    }

    /** The same filter for the newest {@code n} lines (0: every line). */
    public AuditFilter withLimit(int n) {
        return new AuditFilter(unit, period, code, operator, entity, from, to, n, text);
    }
}

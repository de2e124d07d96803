package org.sanlian.workbench.core.model;

import java.util.Optional;

/**
 * Which audit lines to list; an empty field means any, all given fields must hold. Times are
 * ISO-8601 UTC text compared as text ({@code 2026-11-26} matches from that day on). {@code limit}
 * 0 means every line, else the newest {@code limit}.
 */
public record AuditFilter(Optional<String> unit, Optional<String> period, Optional<String> code,
                          Optional<String> operator, Optional<String> entity, Optional<String> from,
                          Optional<String> to, int limit) {

    public static AuditFilter any() {
        return new AuditFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), 0);
    }
}

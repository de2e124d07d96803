package org.sanlian.workbench.core.model;

import java.util.List;
import java.util.Objects;

/** A zone (分区) of a scheme and the codes of its units; units compete within their zone. */
public record Zone(String code, String name, List<String> units) {
    public Zone {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        units = List.copyOf(units);
    }
}

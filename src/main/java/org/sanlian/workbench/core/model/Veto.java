package org.sanlian.workbench.core.model;

import java.util.Objects;

/** A veto item (一票否决): a unit whose value is at least 1 is vetoed. */
public record Veto(String code, String name) {
    public Veto {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
    }
}

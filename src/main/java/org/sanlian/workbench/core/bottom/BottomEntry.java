package org.sanlian.workbench.core.bottom;

import java.util.List;
import java.util.Objects;

/**
 * A unit on the bottom list (末位约谈名单): its level, the rules that listed it (names of
 * {@code BottomRule.Kind}), its three weakest indicators and, where computed, the escape margins.
 */
public record BottomEntry(String unit, Level level, List<String> rules, List<String> weakest, List<EscapeMargin> escapes) {
    public BottomEntry {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(level, "level");
        rules = List.copyOf(rules);
        weakest = List.copyOf(weakest);
        escapes = List.copyOf(escapes);
    }

    public BottomEntry withEscapes(List<EscapeMargin> margins) {
        return new BottomEntry(unit, level, rules, weakest, margins);
    }
}

package org.sanlian.workbench.ui.commitments;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

import org.sanlian.workbench.app.CommitmentService.Key;

/**
 * The targets of one period as the commitments screen edits them: one immutable value per step of
 * its undo history. A cell without an entry has no target.
 */
public record CommitmentGrid(Map<Key, Double> targets) {

    public CommitmentGrid {
        targets = Map.copyOf(targets);
    }

    public OptionalDouble target(Key key) {
        Double v = targets.get(key);
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    /** This grid with the given cells set (an empty value removes the target). */
    public CommitmentGrid with(Map<Key, OptionalDouble> cells) {
        Map<Key, Double> next = new LinkedHashMap<>(targets);
        cells.forEach((k, v) -> {
            if (v.isPresent()) {
                next.put(k, v.getAsDouble());
            } else {
                next.remove(k);
            }
        });
        return new CommitmentGrid(next);
    }

    /** A target as people write it: {@code 120}, {@code 2.5} (no exponent, no trailing zeros). */
    public static String text(OptionalDouble value) {
        return value.isPresent() ? BigDecimal.valueOf(value.getAsDouble()).stripTrailingZeros().toPlainString() : "";
    }
}

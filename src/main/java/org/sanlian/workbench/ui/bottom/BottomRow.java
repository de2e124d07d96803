package org.sanlian.workbench.ui.bottom;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

import org.sanlian.workbench.core.bottom.Level;

/**
 * One entry of the bottom list as the screen shows it: the unit, its zone and zone rank, the total
 * (already written with the scheme's decimals), its level, the rules that listed it in words, and
 * its weakest indicators with their escape margins.
 */
public record BottomRow(String unitCode, String unitName, String zoneName, int zoneRank, String total, Level level,
                        List<String> rules, List<Weak> weakest) {

    /**
     * One of the weakest indicators: its value now (empty when missing), whether an escape margin was
     * searched for it (only for entries listed by 分区末位 or 总分低于), and the value at which the unit
     * leaves the list (empty when searched but out of reach). {@code upwards} says which way helps;
     * {@code integer} that the figure is a count (the value to reach is then a whole number).
     */
    public record Weak(String code, String name, String unitOfMeasure, OptionalDouble value, boolean searched,
                       OptionalDouble escape, boolean upwards, boolean integer) {
        public Weak {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(unitOfMeasure, "unitOfMeasure");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(escape, "escape");
        }
    }

    public BottomRow {
        Objects.requireNonNull(unitCode, "unitCode");
        Objects.requireNonNull(unitName, "unitName");
        Objects.requireNonNull(zoneName, "zoneName");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(level, "level");
        rules = List.copyOf(rules);
        weakest = List.copyOf(weakest);
    }
}

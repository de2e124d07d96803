package org.sanlian.workbench.core.scoring;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.sanlian.workbench.core.bottom.BottomEntry;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.model.Scheme;

/**
 * The results of a period: every unit ordered by overall rank, then by the scheme's order of units,
 * and the bottom list in the same order. {@code hasPrevious} tells whether rank changes exist.
 */
public record PeriodResult(Scheme scheme, Period period, List<UnitResult> rows, boolean hasPrevious) {

    public PeriodResult {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(period, "period");
        rows = List.copyOf(rows);
    }

    public List<BottomEntry> bottomList() {
        return rows.stream().flatMap(r -> r.bottom().stream()).toList();
    }

    public Optional<UnitResult> row(String unitCode) {
        return rows.stream().filter(r -> r.unit().code().equals(unitCode)).findFirst();
    }
}

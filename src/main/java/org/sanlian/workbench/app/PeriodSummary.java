package org.sanlian.workbench.app;

import java.util.List;
import java.util.Objects;

import org.sanlian.workbench.core.model.Period;

/**
 * A kept period as the periods screen lists it: how many figures it holds and for how many units,
 * and the numbers of the bulletins that published it (empty: not published).
 */
public record PeriodSummary(Period period, int figures, int units, List<String> bulletins) {

    public PeriodSummary {
        Objects.requireNonNull(period, "period");
        bulletins = List.copyOf(bulletins);
    }

    public boolean published() {
        return !bulletins.isEmpty();
    }
}

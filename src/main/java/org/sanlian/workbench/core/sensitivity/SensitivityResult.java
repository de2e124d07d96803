package org.sanlian.workbench.core.sensitivity;

import java.util.List;
import java.util.Objects;

import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.model.Scheme;
import org.sanlian.workbench.core.model.SensitivitySettings;

/** The rank stability of every unit in a period, in the order of the unperturbed ranking. */
public record SensitivityResult(Scheme scheme, Period period, SensitivitySettings settings, List<UnitSensitivity> units) {
    public SensitivityResult {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(settings, "settings");
        units = List.copyOf(units);
    }
}

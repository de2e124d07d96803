package org.sanlian.workbench.ui.scheme;

import java.util.List;
import java.util.Objects;

import org.sanlian.workbench.core.model.Period;

/**
 * What the rule preview shows for one indicator in one period, all computed by the scoring engine:
 * each unit's value and the points it gets ({@code scores}, NaN where the value is missing), and the
 * curve of the points one unit ({@code curveUnit}) would get for other values of the indicator, the
 * other units' values unchanged. {@code points} is false in the mean modes, where the scores are the
 * normalised n.
 */
record RulePreview(String code, String name, String unitOfMeasure, Period period, boolean points, List<String> units, double[] values,
                   double[] scores, String curveUnit, double[] curveX, double[] curveY) {

    RulePreview {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(unitOfMeasure, "unitOfMeasure");
        Objects.requireNonNull(period, "period");
        units = List.copyOf(units);
        if (values.length != units.size() || scores.length != units.size() || curveX.length != curveY.length) {
            throw new IllegalArgumentException("one value and score per unit, one y per x");
        }
    }

    /** The score of a unit (NaN when it has none), by its name as shown. */
    double score(String unitName) {
        int i = units.indexOf(unitName);
        return i < 0 ? Double.NaN : scores[i];
    }
}

package org.sanlian.workbench.io.excel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

import org.sanlian.workbench.core.model.Indicator;
import org.sanlian.workbench.core.model.Input;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.model.Scheme;
import org.sanlian.workbench.core.model.Unit;
import org.sanlian.workbench.io.data.FigureRows;

/**
 * What one fill-in template is for: a unit, a period, the scheme (and the year it is kept under)
 * that says what the unit enters, and the unit's figures of the period before (shown for
 * reference).
 */
public record TemplateSpec(Scheme scheme, int schemeYear, Period period, Unit unit, Map<String, Double> previous) {

    public TemplateSpec {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(unit, "unit");
        previous = Map.copyOf(previous);
    }

    /** One row a unit fills in: the code, how it is named and measured, its bounds, last period's value. */
    public record Item(String code, String name, String measure, OptionalDouble min, OptionalDouble max,
                       boolean integer, OptionalDouble previous) {
    }

    /** The rows of the template, in the scheme's order ({@link FigureRows#unitCodes}). */
    public List<Item> items() {
        List<Item> out = new ArrayList<>();
        for (String code : FigureRows.unitCodes(scheme)) {
            Double prev = previous.get(code);
            OptionalDouble last = prev == null ? OptionalDouble.empty() : OptionalDouble.of(prev);
            Optional<Input> input = scheme.input(code);
            if (input.isPresent()) {
                Input i = input.get();
                out.add(new Item(code, i.name(), i.unitOfMeasure(), i.min(), i.max(), i.integer(), last));
            } else {
                Indicator leaf = scheme.leaves().stream().filter(l -> l.code().equals(code)).findFirst().orElseThrow();
                out.add(new Item(code, leaf.name(), leaf.unitOfMeasure(), OptionalDouble.empty(), OptionalDouble.empty(),
                        false, last));
            }
        }
        return out;
    }

    /** The identity and layout the signature covers. */
    public TemplateFormat.Identity identity(String sheetName) {
        return new TemplateFormat.Identity(unit.code(), period.toString(), scheme.code(), schemeYear, sheetName,
                TemplateFormat.layout(FigureRows.unitCodes(scheme)));
    }
}

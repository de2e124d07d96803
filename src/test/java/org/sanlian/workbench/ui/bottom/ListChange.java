package org.sanlian.workbench.ui.bottom;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import org.sanlian.workbench.app.Assessment;
import org.sanlian.workbench.app.ScoringService;
import org.sanlian.workbench.app.WorkbenchDatabase;
import org.sanlian.workbench.core.model.Input;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.model.Unit;
import org.sanlian.workbench.core.scoring.PeriodResult;
import org.sanlian.workbench.core.scoring.UnitResult;

/**
 * One entered figure that moves a unit onto or off the bottom list, worked out with the engine on the
 * assessment the window scores, before anything is typed: for each input (counts first), each unit
 * with a figure of it, the figure set to 0 or to ten times the largest entered by any unit (within the input's
 * bounds), the first whose result lists the unit when it was not listed, or the other way round.
 */
record ListChange(String unit, String unitName, String code, double before, double after, boolean enters,
                  List<String> listedBefore, List<String> listedAfter, int rankBefore, int rankAfter) {

    static ListChange find(WorkbenchDatabase db, Period period) {
        ScoringService scoring = new ScoringService();
        Assessment a = db.assessment(period, Optional.empty());
        PeriodResult before = scoring.score(a, period);
        // counts first: a count typed is the most ordinary change on 数据录入
        List<Input> inputs = new ArrayList<>(a.scheme().inputs().stream().filter(Input::integer).toList());
        inputs.addAll(a.scheme().inputs().stream().filter(i -> !i.integer()).toList());
        for (Input input : inputs) {
            for (Unit unit : a.scheme().units()) {
                UnitResult was = before.row(unit.code()).orElseThrow();
                OptionalDouble now = a.data().value(period, unit.code(), input.code());
                if (now.isEmpty()) {
                    continue;
                }
                for (double value : candidates(a, period, input)) {
                    if (value == now.getAsDouble()) {
                        continue;
                    }
                    Assessment changed = new Assessment(a.scheme(), a.data().with(period, unit.code(), input.code(),
                            value), a.targets(), a.simulated());
                    PeriodResult after = scoring.score(changed, period);
                    UnitResult is = after.row(unit.code()).orElseThrow();
                    if (is.listed() != was.listed()) {
                        return new ListChange(unit.code(), unit.name(), input.code(), now.getAsDouble(), value,
                                is.listed(), units(before), units(after), was.rank(), is.rank());
                    }
                }
            }
        }
        throw new AssertionError("no single figure moves a unit onto or off the list in " + period);
    }

    private static List<Double> candidates(Assessment a, Period period, Input input) {
        double largest = 0;
        for (Unit u : a.scheme().units()) {
            largest = Math.max(largest, a.data().value(period, u.code(), input.code()).orElse(0));
        }
        double high = input.max().isPresent() ? input.max().getAsDouble() : Math.ceil(10 * largest);
        double low = input.min().isPresent() ? Math.max(0, input.min().getAsDouble()) : 0;
        List<Double> out = new ArrayList<>();
        out.add(low);
        out.add(high);
        return out;
    }

    private static List<String> units(PeriodResult result) {
        return result.rows().stream().filter(UnitResult::listed).map(r -> r.unit().code()).toList();
    }
}

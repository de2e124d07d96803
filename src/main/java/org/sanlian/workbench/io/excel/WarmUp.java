package org.sanlian.workbench.io.excel;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

import org.sanlian.workbench.core.bottom.BottomEntry;
import org.sanlian.workbench.core.bottom.Level;
import org.sanlian.workbench.core.model.Aggregation;
import org.sanlian.workbench.core.model.BottomRule;
import org.sanlian.workbench.core.model.Comparison;
import org.sanlian.workbench.core.model.Dimension;
import org.sanlian.workbench.core.model.Indicator;
import org.sanlian.workbench.core.model.Method;
import org.sanlian.workbench.core.model.Node;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.model.PeriodKind;
import org.sanlian.workbench.core.model.Rule;
import org.sanlian.workbench.core.model.Scheme;
import org.sanlian.workbench.core.model.SensitivitySettings;
import org.sanlian.workbench.core.model.Unit;
import org.sanlian.workbench.core.model.Zone;
import org.sanlian.workbench.core.report.MeetingReport;
import org.sanlian.workbench.core.report.ReportRow;

/** A tiny report that goes through every path of the workbook (all sheets, every chart kind), for {@link MeetingWorkbook#prepare}. */
final class WarmUp {

    private WarmUp() {
    }

    static MeetingReport report() {
        List<Node> tree = List.of(
                new Dimension("D1", "甲", OptionalDouble.empty(), List.of(Indicator.of("I1", "指标一", 50,
                        Rule.of(Method.MIN_MAX)))),
                new Dimension("D2", "乙", OptionalDouble.empty(), List.of(Indicator.of("I2", "指标二", 50,
                        Rule.of(Method.MIN_MAX)))));
        List<Unit> units = List.of(new Unit("U1", "单位一"), new Unit("U2", "单位二"), new Unit("U3", "单位三"));
        Scheme scheme = new Scheme("WARM", "预热", PeriodKind.YEAR, Aggregation.POINTS, Comparison.ALL, 2, List.of(), 5,
                OptionalDouble.empty(), units, List.of(new Zone("Z1", "一区", List.of("U1", "U2")),
                        new Zone("Z2", "二区", List.of("U3"))), tree, List.of(), List.of(), List.of(), List.of(),
                List.of(BottomRule.of(BottomRule.Kind.BOTTOM_N_PER_ZONE)), SensitivitySettings.DEFAULT, List.of());
        List<ReportRow> rows = List.of(
                row("U1", "单位一", "Z1", 90, 1, 1, Optional.empty()),
                row("U3", "单位三", "Z2", 70.5, 2, 1, Optional.empty()),
                row("U2", "单位二", "Z1", 60.25, 3, 2, Optional.of(new BottomEntry("U2", Level.NORMAL,
                        List.of("BOTTOM_N_PER_ZONE"), List.of("I1"), List.of()))));
        return new MeetingReport(scheme, Period.year(2025), Optional.of("0"), LocalDate.of(2025, 1, 1), "预热", true,
                List.of("预热"), true, List.of(Period.year(2024), Period.year(2025)), rows);
    }

    private static ReportRow row(String unit, String name, String zone, double total, int rank, int zoneRank,
                                 Optional<BottomEntry> bottom) {
        return new ReportRow(unit, name, zone, total, rank, zoneRank, OptionalInt.of(1), false, 0, 0,
                new double[] {total / 2, total / 2}, new double[] {12, 3.5}, new double[] {total / 2, Double.NaN},
                new double[] {total - 1, total}, new int[] {rank, rank}, List.of(), bottom);
    }

}

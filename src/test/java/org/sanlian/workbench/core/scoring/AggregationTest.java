package org.sanlian.workbench.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;
import org.sanlian.workbench.core.TestSchemes;
import org.sanlian.workbench.core.model.Aggregation;
import org.sanlian.workbench.core.model.Dimension;
import org.sanlian.workbench.core.model.Indicator;
import org.sanlian.workbench.core.model.Method;
import org.sanlian.workbench.core.model.MissingPolicy;
import org.sanlian.workbench.core.model.Node;
import org.sanlian.workbench.core.model.Rule;

/** Aggregation modes and missing-value policies (SCORING.md sections 1 and 2), worked by hand. */
class AggregationTest {

    private static Indicator minMax(String code, double w) {
        return Indicator.of(code, code, w, Rule.of(Method.MIN_MAX));
    }

    private static Dimension dim(String code, Node... children) {
        return new Dimension(code, code, OptionalDouble.empty(), List.of(children));
    }

    @Test
    void pointsSumLeavesIntoDimensionsAndDimensionsIntoTheTotal() {
        TestSchemes s = TestSchemes.oneZone(2);
        s.tree.add(dim("D1", minMax("A", 10), minMax("B", 30)));
        s.tree.add(dim("D2", minMax("C", 60)));
        // U1 best on A and C, worst on B: 10 + 0 + 60
        s.values("2025", "A", 5, 1).values("2025", "B", 1, 5).values("2025", "C", 9, 3);
        PeriodResult r = s.score("2025");
        UnitResult u1 = r.row("U1").orElseThrow();
        assertThat(u1.subtotals().get("D1")).hasValue(10.0);
        assertThat(u1.subtotals().get("D2")).hasValue(60.0);
        assertThat(u1.total()).isEqualTo(70.0);
        assertThat(r.row("U2").orElseThrow().total()).isEqualTo(30.0);
    }

    @Test
    void missingUnderZeroScoresNothingAndIsFlagged() {
        TestSchemes s = TestSchemes.oneZone(2);
        s.tree.add(dim("D", minMax("A", 10), minMax("B", 10)));
        s.values("2025", "A", Double.NaN, 4).values("2025", "B", 2, 1);
        UnitResult u1 = s.score("2025").row("U1").orElseThrow();
        LeafScore a = u1.leaves().get(0);
        assertThat(a.state()).isEqualTo(LeafScore.State.MISSING_ZERO);
        assertThat(a.value()).isEmpty();
        assertThat(a.points()).hasValue(0.0);
        assertThat(a.normalised()).hasValue(0.0);
        assertThat(u1.total()).isEqualTo(10.0);
        assertThat(u1.flags()).containsExactly("missing:A");
    }

    @Test
    void reweightScalesTheParentsRemainingChildrenToItsFullPoints() {
        TestSchemes s = TestSchemes.oneZone(2);
        Indicator b = minMax("B", 20).withMissing(MissingPolicy.REWEIGHT);
        s.tree.add(dim("D", minMax("A", 10), b, minMax("C", 10)));
        s.tree.add(dim("E", minMax("F", 60)));
        // U1: A 5/10 -> 5 points... values chosen so U1's A = 5 and C = 8 points:
        // A on {1, 3} with U1 = 3 -> 10; C on {0, 10} with U1 = 8? min-max is relative, so use three units.
        s.values("2025", "A", 3, 1).values("2025", "B", Double.NaN, 7).values("2025", "C", 4, 0)
                .values("2025", "F", 1, 1);
        PeriodResult r = s.score("2025");
        UnitResult u1 = r.row("U1").orElseThrow();
        // D's children: full 40, left 20 (A and C); A 10 -> 20, C 10 -> 20; subtotal 40.
        assertThat(u1.leaves().get(0).points()).hasValue(20.0);
        assertThat(u1.leaves().get(1).state()).isEqualTo(LeafScore.State.DROPPED);
        assertThat(u1.leaves().get(1).points()).isEmpty();
        assertThat(u1.leaves().get(1).normalised()).isEmpty();
        assertThat(u1.leaves().get(2).points()).hasValue(20.0);
        assertThat(u1.subtotals().get("D")).hasValue(40.0);
        // F: equal values give d = 1 -> 60.
        assertThat(u1.total()).isEqualTo(100.0);
        assertThat(u1.flags()).containsExactly("missing:B");
        // U2 keeps B: A 0, B 20, C 0.
        assertThat(r.row("U2").orElseThrow().subtotals().get("D")).hasValue(20.0);
    }

    @Test
    void reweightWithNoChildLeftScoresTheParentZero() {
        TestSchemes s = TestSchemes.oneZone(2);
        s.tree.add(dim("D", minMax("A", 10).withMissing(MissingPolicy.REWEIGHT)));
        s.tree.add(dim("E", minMax("F", 90)));
        s.values("2025", "A", Double.NaN, 1).values("2025", "F", 2, 1);
        UnitResult u1 = s.score("2025").row("U1").orElseThrow();
        assertThat(u1.subtotals().get("D")).hasValue(0.0);
        assertThat(u1.total()).isEqualTo(90.0);
    }

    @Test
    void zoneMeanImputesFromTheUnitsZoneAndJoinsTheComparisonSet() {
        TestSchemes s = TestSchemes.twoZones(3, 2);
        s.tree.add(minMax("A", 10).withMissing(MissingPolicy.ZONE_MEAN));
        // zone A: 2, 6, missing -> imputed 4; zone B: both missing -> stays missing (ZERO)
        s.values("2025", "A", 2, 6, Double.NaN, Double.NaN, Double.NaN);
        PeriodResult r = s.score("2025");
        LeafScore a3 = r.row("A3").orElseThrow().leaves().get(0);
        assertThat(a3.state()).isEqualTo(LeafScore.State.IMPUTED);
        assertThat(a3.value()).hasValue(4.0);
        assertThat(a3.points()).hasValue(5.0);
        assertThat(r.row("A3").orElseThrow().flags()).containsExactly("imputed:A");
        LeafScore b1 = r.row("B1").orElseThrow().leaves().get(0);
        assertThat(b1.state()).isEqualTo(LeafScore.State.MISSING_ZERO);
        assertThat(b1.points()).hasValue(0.0);
        assertThat(r.row("B1").orElseThrow().flags()).containsExactly("missing:A");
    }

    @Test
    void arithmeticMeanRunsOverThePresentChildrenWithRenormalisedWeights() {
        TestSchemes s = TestSchemes.oneZone(3);
        s.aggregation = Aggregation.ARITHMETIC;
        s.tree.add(new Dimension("D", "D", OptionalDouble.of(1), List.of(minMax("A", 1), minMax("B", 3))));
        s.tree.add(new Dimension("E", "E", OptionalDouble.of(3), List.of(minMax("C", 1))));
        // A on {0, 5, 10}: 0, 50, 100; B on {10, missing, 0}: 100, -, 0; C on {1, 2, 3}: 0, 50, 100
        s.values("2025", "A", 0, 5, 10).values("2025", "B", 10, Double.NaN, 0).values("2025", "C", 1, 2, 3);
        PeriodResult r = s.score("2025");
        UnitResult u1 = r.row("U1").orElseThrow();
        // D = (1*0 + 3*100)/4 = 75; E = 0; root = (1*75 + 3*0)/4 = 18.75
        assertThat(u1.subtotals().get("D")).hasValue(75.0);
        assertThat(u1.unroundedTotal()).isCloseTo(18.75, within(1e-12));
        UnitResult u2 = r.row("U2").orElseThrow();
        // D = 50 (B dropped); E = 50; root = 50
        assertThat(u2.subtotals().get("D")).hasValue(50.0);
        assertThat(u2.total()).isEqualTo(50.0);
        assertThat(u2.leaves().get(1).points()).isEmpty();
        assertThat(u2.leaves().get(1).normalised()).isEmpty();
        assertThat(u2.flags()).containsExactly("missing:B");
    }

    @Test
    void geometricMeanWeightsByExponentsAndRefusesNonPositiveChildren() {
        TestSchemes s = TestSchemes.oneZone(3);
        s.aggregation = Aggregation.GEOMETRIC;
        Rule fixed = Rule.of(Method.MIN_MAX).with("low", 10).with("high", 90);
        s.tree.add(new Dimension("D", "D", OptionalDouble.of(1),
                List.of(Indicator.of("A", "A", 1, fixed), Indicator.of("B", "B", 3, fixed))));
        s.values("2025", "A", 0, 1, 2).values("2025", "B", 2, 1, 0);
        PeriodResult r = s.score("2025");
        // U1: A 10, B 90 -> 10^(1/4) * 90^(3/4)
        double expected = Math.pow(10, 0.25) * Math.pow(90, 0.75);
        assertThat(r.row("U1").orElseThrow().unroundedTotal()).isCloseTo(expected, within(1e-9));
        // U2: 50, 50 -> 50
        assertThat(r.row("U2").orElseThrow().unroundedTotal()).isCloseTo(50, within(1e-9));

        TestSchemes z = TestSchemes.oneZone(2);
        z.aggregation = Aggregation.GEOMETRIC;
        z.tree.add(new Dimension("D", "D", OptionalDouble.of(1), List.of(minMax("A", 1), minMax("B", 1))));
        z.values("2025", "A", 0, 1).values("2025", "B", 1, 0);
        UnitResult u1 = z.score("2025").row("U1").orElseThrow();
        assertThat(u1.subtotals().get("D")).isEmpty();
        assertThat(u1.flags()).contains("warning:D:geometric-nonpositive");
    }

    @Test
    void adjustmentsAreCappedPerItemAndTogether() {
        TestSchemes s = TestSchemes.oneZone(1);
        s.tree.add(Indicator.of("L", "L", 50, Rule.of(Method.BREAK_ZERO)));
        s.adjustments.add(new org.sanlian.workbench.core.model.Adjustment("B1", "b1",
                org.sanlian.workbench.core.model.Adjustment.Kind.BONUS, 2, OptionalDouble.of(4)));
        s.adjustments.add(new org.sanlian.workbench.core.model.Adjustment("B2", "b2",
                org.sanlian.workbench.core.model.Adjustment.Kind.BONUS, 1, OptionalDouble.empty()));
        s.adjustments.add(new org.sanlian.workbench.core.model.Adjustment("P1", "p1",
                org.sanlian.workbench.core.model.Adjustment.Kind.PENALTY, 0.5, OptionalDouble.of(2)));
        s.adjustments.add(new org.sanlian.workbench.core.model.Adjustment("P2", "p2",
                org.sanlian.workbench.core.model.Adjustment.Kind.PENALTY, 1, OptionalDouble.of(3)));
        s.penaltyCap = OptionalDouble.of(4);
        // bonus: min(2*3, 4) + 1*2 = 6 -> bonusCap 5; penalty: min(0.5*5, 2) + min(1*4, 3) = 5 -> cap 4
        s.value("2025", "U1", "L", 1).value("2025", "U1", "B1", 3).value("2025", "U1", "B2", 2)
                .value("2025", "U1", "P1", 5).value("2025", "U1", "P2", 4);
        UnitResult u = s.score("2025").row("U1").orElseThrow();
        assertThat(u.bonus()).isEqualTo(5.0);
        assertThat(u.penalty()).isEqualTo(4.0);
        assertThat(u.total()).isEqualTo(51.0);
    }

    @Test
    void anAbsentAdjustmentCountsZero() {
        TestSchemes s = TestSchemes.oneZone(1);
        s.tree.add(Indicator.of("L", "L", 50, Rule.of(Method.BREAK_ZERO)));
        s.adjustments.add(new org.sanlian.workbench.core.model.Adjustment("B1", "b1",
                org.sanlian.workbench.core.model.Adjustment.Kind.BONUS, 2, OptionalDouble.empty()));
        s.value("2025", "U1", "L", 1);
        UnitResult u = s.score("2025").row("U1").orElseThrow();
        assertThat(u.bonus()).isEqualTo(0.0);
        assertThat(u.total()).isEqualTo(50.0);
    }
}

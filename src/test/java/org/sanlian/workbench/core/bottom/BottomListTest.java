package org.sanlian.workbench.core.bottom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;
import org.sanlian.workbench.core.TestSchemes;
import org.sanlian.workbench.core.model.BottomRule;
import org.sanlian.workbench.core.model.Dimension;
import org.sanlian.workbench.core.model.Indicator;
import org.sanlian.workbench.core.model.Method;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.model.Rule;
import org.sanlian.workbench.core.model.TargetSource;
import org.sanlian.workbench.core.model.Veto;
import org.sanlian.workbench.core.scoring.PeriodResult;
import org.sanlian.workbench.core.scoring.ScoringEngine;
import org.sanlian.workbench.core.scoring.ScoringSession;
import org.sanlian.workbench.core.scoring.UnitResult;

/** The bottom-list rules of SCORING.md section 7, worked by hand. */
class BottomListTest {

    private static final Rule POINTS_EQUAL_VALUE = Rule.of(Method.TARGET_COMPLETION).with("target", 100);

    /** One leaf L (weight 100, points = value) and the given rules. */
    private static TestSchemes scheme(TestSchemes s, BottomRule... rules) {
        s.tree.add(Indicator.of("L", "L", 100, POINTS_EQUAL_VALUE).withTarget(TargetSource.FIXED));
        s.bottomRules.addAll(List.of(rules));
        return s;
    }

    private static List<String> listed(PeriodResult r) {
        return r.bottomList().stream().map(BottomEntry::unit).toList();
    }

    @Test
    void theLastOfEachZoneIsListed() {
        TestSchemes s = scheme(TestSchemes.twoZones(3, 2), BottomRule.of(BottomRule.Kind.BOTTOM_N_PER_ZONE));
        s.values("2025", "L", 90, 80, 70, 60, 95);
        PeriodResult r = s.score("2025");
        assertThat(listed(r)).containsExactlyInAnyOrder("A3", "B1");
        BottomEntry a3 = r.row("A3").orElseThrow().bottom().orElseThrow();
        assertThat(a3.level()).isEqualTo(Level.NORMAL);
        assertThat(a3.rules()).containsExactly("BOTTOM_N_PER_ZONE");
    }

    @Test
    void everyUnitTiedAtTheBoundaryIsListed() {
        TestSchemes s = scheme(TestSchemes.oneZone(4), new BottomRule(BottomRule.Kind.BOTTOM_N_PER_ZONE, 1));
        s.values("2025", "L", 90, 70, 80, 70);
        assertThat(listed(s.score("2025"))).containsExactlyInAnyOrder("U2", "U4");

        TestSchemes two = scheme(TestSchemes.oneZone(4), new BottomRule(BottomRule.Kind.BOTTOM_N_PER_ZONE, 2));
        two.values("2025", "L", 90, 80, 80, 95);
        // last two places are 3 and 4; U2 and U3 share places 3-4
        assertThat(listed(two.score("2025"))).containsExactlyInAnyOrder("U2", "U3");

        TestSchemes tiedAbove = scheme(TestSchemes.oneZone(4), new BottomRule(BottomRule.Kind.BOTTOM_N_PER_ZONE, 1));
        tiedAbove.values("2025", "L", 80, 80, 70, 90);
        assertThat(listed(tiedAbove.score("2025"))).containsExactly("U3");
    }

    @Test
    void vetoedUnitsAreListedByVetoAndTheLastNonVetoedByBottomN() {
        TestSchemes s = scheme(TestSchemes.oneZone(3), BottomRule.of(BottomRule.Kind.BOTTOM_N_PER_ZONE),
                BottomRule.of(BottomRule.Kind.VETO));
        s.vetoes.add(new Veto("V", "造假"));
        s.values("2025", "L", 90, 80, 70).value("2025", "U1", "V", 1);
        PeriodResult r = s.score("2025");
        assertThat(r.row("U1").orElseThrow().bottom().orElseThrow().rules()).containsExactly("VETO");
        assertThat(r.row("U3").orElseThrow().bottom().orElseThrow().rules()).containsExactly("BOTTOM_N_PER_ZONE");
        assertThat(r.row("U2").orElseThrow().bottom()).isEmpty();
    }

    @Test
    void belowScoreComparesTheRoundedTotal() {
        TestSchemes s = scheme(TestSchemes.oneZone(3), new BottomRule(BottomRule.Kind.BELOW_SCORE, 60));
        s.values("2025", "L", 59.994, 59.996, 61);
        // 59.994 -> 59.99 (below); 59.996 -> 60.00 (not below)
        assertThat(listed(s.score("2025"))).containsExactly("U1");
    }

    @Test
    void theLowestOnATopLevelDimensionGetsAReminderOnly() {
        TestSchemes s = TestSchemes.oneZone(3);
        s.tree.add(new Dimension("D1", "D1", OptionalDouble.empty(),
                List.of(Indicator.of("A", "A", 50, POINTS_EQUAL_VALUE).withTarget(TargetSource.FIXED))));
        s.tree.add(new Dimension("D2", "D2", OptionalDouble.empty(),
                List.of(Indicator.of("B", "B", 50, POINTS_EQUAL_VALUE).withTarget(TargetSource.FIXED))));
        s.bottomRules.add(BottomRule.of(BottomRule.Kind.DIMENSION_LAST));
        // D1: 45, 30, 30 -> U2, U3 tied lowest; D2: 10, 40, 50 -> U1 lowest
        s.values("2025", "A", 90, 60, 60).values("2025", "B", 20, 80, 100);
        PeriodResult r = s.score("2025");
        assertThat(listed(r)).containsExactlyInAnyOrder("U1", "U2", "U3");
        assertThat(r.bottomList()).allSatisfy(e -> {
            assertThat(e.level()).isEqualTo(Level.REMINDER);
            assertThat(e.rules()).containsExactly("DIMENSION_LAST");
        });
    }

    @Test
    void aUnitListedTwoPeriodsRunningIsEscalated() {
        TestSchemes s = scheme(TestSchemes.oneZone(3), BottomRule.of(BottomRule.Kind.BOTTOM_N_PER_ZONE),
                BottomRule.of(BottomRule.Kind.CONSECUTIVE));
        s.values("2023", "L", 50, 80, 90).values("2024", "L", 90, 80, 70).values("2025", "L", 95, 85, 60);
        assertThat(s.score("2024").row("U3").orElseThrow().bottom().orElseThrow().level()).isEqualTo(Level.NORMAL);
        BottomEntry e = s.score("2025").row("U3").orElseThrow().bottom().orElseThrow();
        assertThat(e.level()).isEqualTo(Level.ESCALATED);
        assertThat(e.rules()).containsExactly("BOTTOM_N_PER_ZONE", "CONSECUTIVE");
    }

    @Test
    void threePeriodsRunningNeedsBothEarlierListings() {
        TestSchemes s = scheme(TestSchemes.oneZone(3), BottomRule.of(BottomRule.Kind.BOTTOM_N_PER_ZONE),
                new BottomRule(BottomRule.Kind.CONSECUTIVE, 3));
        s.values("2023", "L", 50, 80, 90).values("2024", "L", 90, 80, 70).values("2025", "L", 95, 85, 60);
        assertThat(s.score("2025").row("U3").orElseThrow().bottom().orElseThrow().level()).isEqualTo(Level.NORMAL);
        s.values("2022", "L", 99, 98, 1);
        s.data.removeIf(o -> o.period().year() == 2023);
        s.values("2023", "L", 90, 80, 50);
        assertThat(s.score("2025").row("U3").orElseThrow().bottom().orElseThrow().level()).isEqualTo(Level.ESCALATED);
    }

    @Test
    void aReminderIsNotEscalated() {
        TestSchemes s = TestSchemes.oneZone(2);
        s.tree.add(new Dimension("D1", "D1", OptionalDouble.empty(),
                List.of(Indicator.of("A", "A", 100, POINTS_EQUAL_VALUE).withTarget(TargetSource.FIXED))));
        s.bottomRules.add(BottomRule.of(BottomRule.Kind.DIMENSION_LAST));
        s.bottomRules.add(BottomRule.of(BottomRule.Kind.CONSECUTIVE));
        s.values("2024", "A", 50, 60).values("2025", "A", 50, 60);
        assertThat(s.score("2025").row("U1").orElseThrow().bottom().orElseThrow().level()).isEqualTo(Level.REMINDER);
    }

    @Test
    void theWeakestIndicatorsHaveTheLargestGapToTheZonesBest() {
        TestSchemes s = TestSchemes.oneZone(2);
        for (String c : List.of("A", "B", "C", "D")) {
            s.tree.add(Indicator.of(c, c, 25, POINTS_EQUAL_VALUE).withTarget(TargetSource.FIXED));
        }
        s.bottomRules.add(BottomRule.of(BottomRule.Kind.BOTTOM_N_PER_ZONE));
        // U2 gaps: A 0, B 5, C 10, D 5 -> C, B, D (B before D by scheme order)
        s.values("2025", "A", 80, 80).values("2025", "B", 80, 60).values("2025", "C", 80, 40).values("2025", "D", 80, 60);
        assertThat(s.score("2025").row("U2").orElseThrow().bottom().orElseThrow().weakest()).containsExactly("C", "B", "D");
    }

    @Test
    void theEscapeMarginIsTheValueAtWhichTheUnitLeavesTheList() {
        TestSchemes s = scheme(TestSchemes.oneZone(2), BottomRule.of(BottomRule.Kind.BOTTOM_N_PER_ZONE));
        s.values("2025", "L", 80, 60);
        ScoringSession session = new ScoringEngine(s.scheme()).session(s.dataSet(), s.targetSet());
        Period p = Period.year(2025);
        PeriodResult r = EscapeMarginSearch.withEscapeMargins(session, PeriodAssessor.assess(session, p));
        UnitResult u2 = r.row("U2").orElseThrow();
        EscapeMargin m = u2.bottom().orElseThrow().escapes().get(0);
        assertThat(m.code()).isEqualTo("L");
        // searched from 60 up to 10 x 80 = 800; the rounded total must pass 80.00 (a tie is still last),
        // so the unit leaves the list at 80.005, found to 1e-6 of the 740 searched
        assertThat(m.value().getAsDouble()).isGreaterThan(80.004).isLessThanOrEqualTo(80.005 + 1e-6 * 740);
    }

    @Test
    void anEscapeBeyondTheBoundsIsUnreachable() {
        TestSchemes s = scheme(TestSchemes.oneZone(2), new BottomRule(BottomRule.Kind.BELOW_SCORE, 60));
        s.inputs.add(new org.sanlian.workbench.core.model.Input("L", "L", "", OptionalDouble.of(0), OptionalDouble.of(50), false));
        s.values("2025", "L", 40, 30);
        ScoringSession session = new ScoringEngine(s.scheme()).session(s.dataSet(), s.targetSet());
        PeriodResult r = EscapeMarginSearch.withEscapeMargins(session, PeriodAssessor.assess(session, Period.year(2025)));
        assertThat(r.row("U1").orElseThrow().bottom().orElseThrow().escapes().get(0).reachable()).isFalse();
    }

    @Test
    void anEscapeSearchRecomputesWhatIsDerivedFromTheChangedValue() {
        // L (weight 50, points = value / 2) and D = L * 2 derived (weight 50): raising L raises both.
        TestSchemes s = TestSchemes.oneZone(2);
        s.tree.add(Indicator.of("L", "L", 50, POINTS_EQUAL_VALUE).withTarget(TargetSource.FIXED));
        s.tree.add(Indicator.of("D", "D", 50, Rule.of(Method.TARGET_COMPLETION).with("target", 200))
                .withTarget(TargetSource.FIXED));
        s.derived.add(new org.sanlian.workbench.core.model.Derived("D", "L * 2"));
        s.bottomRules.add(BottomRule.of(BottomRule.Kind.BOTTOM_N_PER_ZONE));
        s.values("2025", "L", 80, 60);
        ScoringSession session = new ScoringEngine(s.scheme()).session(s.dataSet(), s.targetSet());
        PeriodResult r = EscapeMarginSearch.withEscapeMargins(session, PeriodAssessor.assess(session, Period.year(2025)));
        // U2 totals 60 (30 + 30) against 80; with D following L the unit passes 80.00 at L = 80.005
        // (had D stayed at 120, L would have had to reach 100 and more: unreachable under the cap)
        EscapeMargin m = r.row("U2").orElseThrow().bottom().orElseThrow().escapes().stream()
                .filter(e -> e.code().equals("L")).findFirst().orElseThrow();
        assertThat(m.value().getAsDouble()).isGreaterThan(80.004).isLessThanOrEqualTo(80.005 + 1e-6 * 740);
    }
}

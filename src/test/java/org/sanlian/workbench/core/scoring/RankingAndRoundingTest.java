package org.sanlian.workbench.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sanlian.workbench.core.TestSchemes;
import org.sanlian.workbench.core.model.Dimension;
import org.sanlian.workbench.core.model.Indicator;
import org.sanlian.workbench.core.model.Method;
import org.sanlian.workbench.core.model.Rule;
import org.sanlian.workbench.core.model.TargetSource;
import org.sanlian.workbench.core.model.Veto;

/** Rounding, competition ranking, tie-breaks, vetoes and rank change (SCORING.md sections 5 and 6). */
class RankingAndRoundingTest {

    @ParameterizedTest(name = "{0} to {1} places is {2}")
    @CsvSource({
            "0.125, 2, 0.13",
            "1.005, 2, 1.01",
            "2.675, 2, 2.68",
            "0.3, 0, 0",
            "0.5, 0, 1",
            "-1.005, 2, -1.01",
            "12.3449999, 2, 12.34",
            "99.995, 2, 100.0",
            "1e-7, 3, 0.0"})
    void roundingIsHalfUpFromTheShortestDecimal(double x, int decimals, double expected) {
        assertThat(Rounding.round(x, decimals)).isEqualTo(expected);
    }

    /** One leaf, TARGET_COMPLETION against a fixed target of 100 with weight 100: the points equal x. */
    private static TestSchemes pointsEqualValues(int n) {
        TestSchemes s = TestSchemes.oneZone(n);
        s.tree.add(Indicator.of("L", "L", 100, Rule.of(Method.TARGET_COMPLETION).with("target", 100))
                .withTarget(TargetSource.FIXED));
        return s;
    }

    /**
     * The quick way gives exactly what the definition gives, or leaves the value to it: on a million
     * values of every kind (decimals as figures are written, exact halves and their neighbours, tiny,
     * huge and negative values) and every number of decimals a scheme may ask for.
     */
    @Test
    void theQuickRoundingAgreesWithTheDecimalDefinition() {
        java.util.Random random = new java.util.Random(20261127L);
        int quick = 0;
        int values = 1_000_000;
        for (int i = 0; i < values; i++) {
            double x;
            switch (i % 6) {
                case 0: x = random.nextInt(10_000_000) / 1000.0; break;
                case 1: x = (random.nextInt(200_000) + 0.5) / Math.pow(10, random.nextInt(5)); break;
                case 2: x = Math.nextAfter((random.nextInt(20_000) + 0.5) / 100, random.nextBoolean() ? 1e9 : -1e9); break;
                case 3: x = random.nextDouble() * 100; break;
                case 4: x = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(30) - 15); break;
                default: x = -random.nextInt(100_000) / 100.0 - random.nextInt(3) * 0.005; break;
            }
            int decimals = random.nextInt(7);
            double q = Rounding.quick(x, decimals);
            double exact = Rounding.exact(x, decimals);
            if (!Double.isNaN(q)) {
                quick++;
                assertThat(Double.doubleToRawLongBits(q)).as("%s to %d decimals", x, decimals)
                        .isEqualTo(Double.doubleToRawLongBits(exact));
            }
            assertThat(Double.doubleToRawLongBits(Rounding.round(x, decimals)))
                    .isEqualTo(Double.doubleToRawLongBits(exact));
        }
        // the quick way takes most values, so the comparison above is made
        assertThat(quick).isGreaterThan(values / 2);
    }

    @Test
    void equalRoundedTotalsShareTheBestRank() {
        TestSchemes s = pointsEqualValues(4);
        // 80.004 and 80.001 both round to 80.00
        s.values("2025", "L", 70, 80.004, 90, 80.001);
        PeriodResult r = s.score("2025");
        assertThat(r.rows()).extracting(u -> u.unit().code()).containsExactly("U3", "U2", "U4", "U1");
        assertThat(r.rows()).extracting(UnitResult::rank).containsExactly(1, 2, 2, 4);
        assertThat(r.row("U2").orElseThrow().total()).isEqualTo(80.0);
    }

    @Test
    void tieBreakCodesDecideInOrderBeforeATieIsAccepted() {
        TestSchemes s = TestSchemes.oneZone(3);
        Rule fixed = Rule.of(Method.TARGET_COMPLETION).with("target", 100);
        s.tree.add(new Dimension("D1", "D1", OptionalDouble.empty(),
                List.of(Indicator.of("A", "A", 50, fixed).withTarget(TargetSource.FIXED))));
        s.tree.add(new Dimension("D2", "D2", OptionalDouble.empty(),
                List.of(Indicator.of("B", "B", 50, fixed).withTarget(TargetSource.FIXED))));
        s.tieBreak.add("D2");
        // totals all 50: U1 30+20, U2 20+30, U3 30+20
        s.values("2025", "A", 60, 40, 60).values("2025", "B", 40, 60, 40);
        PeriodResult r = s.score("2025");
        assertThat(r.rows()).extracting(u -> u.unit().code()).containsExactly("U2", "U1", "U3");
        assertThat(r.rows()).extracting(UnitResult::rank).containsExactly(1, 2, 2);
    }

    @Test
    void vetoedUnitsComeLastInBothRankingsButKeepTheirTotal() {
        TestSchemes s = TestSchemes.twoZones(2, 1);
        s.tree.add(Indicator.of("L", "L", 100, Rule.of(Method.TARGET_COMPLETION).with("target", 100))
                .withTarget(TargetSource.FIXED));
        s.vetoes.add(new Veto("V", "造假"));
        s.values("2025", "L", 90, 50, 70).value("2025", "A1", "V", 1).value("2025", "A2", "V", 0.5);
        PeriodResult r = s.score("2025");
        assertThat(r.rows()).extracting(u -> u.unit().code()).containsExactly("B1", "A2", "A1");
        UnitResult a1 = r.row("A1").orElseThrow();
        assertThat(a1.vetoed()).isTrue();
        assertThat(a1.total()).isEqualTo(90.0);
        assertThat(a1.rank()).isEqualTo(3);
        assertThat(a1.zoneRank()).isEqualTo(2);
        assertThat(r.row("A2").orElseThrow().zoneRank()).isEqualTo(1);
        assertThat(a1.bottom()).isPresent();
        assertThat(a1.bottom().get().rules()).contains("VETO");
    }

    @Test
    void rankChangeIsThePreviousRankMinusTheCurrentOne() {
        TestSchemes s = pointsEqualValues(3);
        s.values("2024", "L", 90, 80, 70).values("2025", "L", 70, 90, 80);
        PeriodResult r = s.score("2025");
        assertThat(r.hasPrevious()).isTrue();
        assertThat(r.row("U1").orElseThrow().rankChange()).hasValue(-2);
        assertThat(r.row("U2").orElseThrow().rankChange()).hasValue(1);
        assertThat(r.row("U3").orElseThrow().rankChange()).hasValue(1);
        PeriodResult first = s.score("2024");
        assertThat(first.hasPrevious()).isFalse();
        assertThat(first.row("U1").orElseThrow().rankChange()).isEmpty();
    }

    @Test
    void totalsAreRoundedFromTheirOwnUnroundedValues() {
        TestSchemes s = TestSchemes.oneZone(1);
        Rule fixed = Rule.of(Method.TARGET_COMPLETION).with("target", 1000);
        s.tree.add(new Dimension("D1", "D1", OptionalDouble.empty(),
                List.of(Indicator.of("A", "A", 10, fixed).withTarget(TargetSource.FIXED))));
        s.tree.add(new Dimension("D2", "D2", OptionalDouble.empty(),
                List.of(Indicator.of("B", "B", 10, fixed).withTarget(TargetSource.FIXED))));
        // 0.0125 * 10... A = 1.005 points, B = 1.005 points: each rounds to 1.01, the total 2.01
        s.values("2025", "A", 100.5).values("2025", "B", 100.5);
        UnitResult u = s.score("2025").row("U1").orElseThrow();
        assertThat(u.subtotals().get("D1")).hasValue(1.01);
        assertThat(u.subtotals().get("D2")).hasValue(1.01);
        assertThat(u.total()).isEqualTo(2.01);
    }
}

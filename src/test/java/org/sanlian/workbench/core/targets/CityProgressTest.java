package org.sanlian.workbench.core.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sanlian.workbench.core.TestSchemes;
import org.sanlian.workbench.core.model.CityTarget;
import org.sanlian.workbench.core.model.CityTarget.CityAggregate;
import org.sanlian.workbench.core.model.DataSet;
import org.sanlian.workbench.core.model.Derived;
import org.sanlian.workbench.core.model.Observation;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.model.Scheme;
import org.sanlian.workbench.core.targets.CityProgress.Goal;
import org.sanlian.workbench.core.targets.CityProgress.Missing;
import org.sanlian.workbench.core.targets.CityProgress.Status;

/**
 * City goals worked by hand on three units. 2025: N = 1, 6, 3 and D = 100, 200, 100 (the units'
 * own R = N / D * 100 are 1, 3, 3: mean 2.333, ratio of sums 10 / 400 = 2.5); C = 10, 20, 30
 * (60); K yearly 2023: 1, 2, 3; 2024: 4, 5, 6; 2025: 7, 8, 9 (45 from 2023 on).
 */
class CityProgressTest {

    private static final Period Y2025 = Period.year(2025);

    private static TestSchemes units() {
        TestSchemes t = TestSchemes.oneZone(3);
        t.derived.add(new Derived("R", "N / D * 100"));
        t.values("2025", "N", 1, 6, 3).values("2025", "D", 100, 200, 100);
        t.values("2025", "C", 10, 20, 30);
        t.values("2023", "K", 1, 2, 3).values("2024", "K", 4, 5, 6).values("2025", "K", 7, 8, 9);
        return t;
    }

    private static Scheme scheme(TestSchemes t, CityTarget... targets) {
        Scheme s = t.scheme();
        return new Scheme(s.code(), s.name(), s.periodKind(), s.aggregation(), s.comparison(), s.decimals(),
                s.tieBreak(), s.bonusCap(), s.penaltyCap(), s.units(), s.zones(), s.tree(), s.derived(), s.inputs(),
                s.adjustments(), s.vetoes(), s.bottomRules(), s.sensitivity(), List.of(targets));
    }

    private static CityTarget target(String code, double target, int year, CityAggregate aggregate, Integer from,
                                     Integer baselineYear, Double baseline) {
        return new CityTarget(code, "目标" + code, target, year, aggregate,
                from == null ? OptionalInt.empty() : OptionalInt.of(from),
                baseline == null ? Optional.empty() : Optional.of(new CityTarget.Baseline(baselineYear, baseline)));
    }

    private static Goal goal(TestSchemes t, CityTarget target) {
        return CityProgress.of(scheme(t, target), target, t.dataSet(), Y2025);
    }

    static Stream<Arguments> goals() {
        return Stream.of(
                // figure, progress, gap, years left, yearly needed, status
                Arguments.of("SUM: the units added up, behind the pace from 2022",
                        target("C", 100, 2027, CityAggregate.SUM, null, 2022, 30.0),
                        60.0, 30.0 / 70, 40.0, 2, 20.0, Status.BEHIND),
                Arguments.of("RECOMPUTE: ratio of sums 10 / 400, not the mean of ratios 2.333",
                        target("R", 3.0, 2026, CityAggregate.RECOMPUTE, null, 2021, 2.0),
                        2.5, 0.5, 0.5, 1, 0.5, Status.BEHIND),
                Arguments.of("cumulativeFrom 2023: 6 + 15 + 24, three of four years gone, on track",
                        target("K", 60, 2026, CityAggregate.SUM, 2023, null, null),
                        45.0, 0.75, 15.0, 1, 15.0, Status.ON_TRACK),
                Arguments.of("no baseline: progress is figure / target, reached",
                        target("C", 50, 2026, CityAggregate.SUM, null, null, null),
                        60.0, 1.2, 0.0, 1, 0.0, Status.REACHED),
                Arguments.of("a target below its baseline (a count to bring down): 80 to 0, a quarter of the way",
                        target("C", 0, 2026, CityAggregate.SUM, null, 2024, 80.0),
                        60.0, 0.25, -60.0, 1, -60.0, Status.BEHIND),
                Arguments.of("the target year come without reaching it: no yearly path, behind",
                        target("C", 100, 2025, CityAggregate.SUM, null, 2020, 0.0),
                        60.0, 0.6, 40.0, 0, Double.NaN, Status.BEHIND),
                Arguments.of("the target year come and reached",
                        target("C", 60, 2025, CityAggregate.SUM, null, 2020, 0.0),
                        60.0, 1.0, 0.0, 0, 0.0, Status.REACHED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goals")
    void progressGapAndYearlyPathAreWorkedFromTheBaselineToTheTarget(String name, CityTarget target, double figure,
                                                                     double progress, double gap, int yearsLeft,
                                                                     double yearly, Status status) {
        Goal g = goal(units(), target);
        assertThat(g.figure().getAsDouble()).isCloseTo(figure, within(1e-9));
        assertThat(g.progress().getAsDouble()).isCloseTo(progress, within(1e-9));
        assertThat(g.gap().getAsDouble()).isCloseTo(gap, within(1e-9));
        assertThat(g.yearsLeft()).isEqualTo(yearsLeft);
        if (Double.isNaN(yearly)) {
            assertThat(g.yearlyNeeded()).isEmpty();
        } else {
            assertThat(g.yearlyNeeded().getAsDouble()).isCloseTo(yearly, within(1e-9));
        }
        assertThat(g.status()).isEqualTo(status);
        assertThat(g.missing()).isEmpty();
    }

    @Test
    void recomputeIsTheRatioOfSumsAndDiffersFromTheMeanOfRatios() {
        TestSchemes t = units();
        Goal g = goal(t, target("R", 3.0, 2026, CityAggregate.RECOMPUTE, null, 2021, 2.0));
        double meanOfRatios = g.units().stream().mapToDouble(u -> u.value().getAsDouble()).average().orElseThrow();
        assertThat(meanOfRatios).isCloseTo(7.0 / 3, within(1e-9));
        assertThat(g.figure().getAsDouble()).isCloseTo(2.5, within(1e-12)).isNotCloseTo(meanOfRatios, within(0.1));
        assertThat(g.units()).extracting(u -> u.value().getAsDouble()).containsExactly(1.0, 3.0, 3.0);
    }

    @Test
    void aUnitMissingAnInputIsLeftOutOfEverySumOfTheRatioAndNamed() {
        TestSchemes t = TestSchemes.oneZone(3);
        t.derived.add(new Derived("R", "N / D * 100"));
        t.values("2025", "N", 1, 6, Double.NaN).values("2025", "D", 100, 200, 100);
        Goal g = goal(t, target("R", 3.0, 2026, CityAggregate.RECOMPUTE, null, 2021, 2.0));
        // 7 / 300, not 7 / 400 (U3's denominator would count a unit whose numerator is unknown)
        assertThat(g.figure().getAsDouble()).isCloseTo(7.0 / 3, within(1e-12));
        assertThat(g.missing()).containsExactly(new Missing("U3", Y2025));
        assertThat(g.missingUnits()).containsExactly("U3");
        assertThat(g.units().get(2).missing()).isTrue();
        assertThat(g.units().get(2).value()).isEmpty();
    }

    @Test
    void aUnitMissingInOneCumulativeYearIsCountedAndNamedWithThatYear() {
        TestSchemes t = TestSchemes.oneZone(3);
        t.values("2023", "K", 1, 2, 3).values("2024", "K", 4, Double.NaN, 6).values("2025", "K", 7, 8, 9);
        Goal g = goal(t, target("K", 60, 2026, CityAggregate.SUM, 2023, null, null));
        assertThat(g.figure().getAsDouble()).isCloseTo(40, within(1e-12));
        assertThat(g.periods()).containsExactly(Period.year(2023), Period.year(2024), Y2025);
        assertThat(g.missing()).containsExactly(new Missing("U2", Period.year(2024)));
        // U2's own figure is what it has: 2 + 8
        assertThat(g.units().get(1).value().getAsDouble()).isCloseTo(10, within(1e-12));
    }

    @Test
    void noFigureAtAllLeavesTheGoalUnknown() {
        TestSchemes t = TestSchemes.oneZone(2);
        Goal g = goal(t, target("C", 10, 2026, CityAggregate.SUM, null, 2021, 0.0));
        assertThat(g.figure()).isEmpty();
        assertThat(g.progress()).isEmpty();
        assertThat(g.status()).isEqualTo(Status.UNKNOWN);
        assertThat(g.missingUnits()).containsExactly("U1", "U2");
    }

    @Test
    void aSumTargetsGapIsSharedProRataToTheUnitsShareOfTheCityFigure() {
        Goal g = goal(units(), target("C", 100, 2026, CityAggregate.SUM, null, null, null));
        assertThat(g.units()).extracting(u -> u.shareOfCity().getAsDouble())
                .containsExactly(1.0 / 6, 1.0 / 3, 0.5);
        assertThat(g.units().get(0).shareOfGap().getAsDouble()).isCloseTo(40.0 / 6, within(1e-9));
        assertThat(g.units().get(1).shareOfGap().getAsDouble()).isCloseTo(40.0 / 3, within(1e-9));
        assertThat(g.units().get(2).shareOfGap().getAsDouble()).isCloseTo(20, within(1e-9));
        assertThat(g.units()).allSatisfy(u -> assertThat(u.effect()).isEmpty());
    }

    @Test
    void aRecomputedTargetsUnitEffectIsTheCityFigureLessTheFigureWithoutIt() {
        Goal g = goal(units(), target("R", 3.0, 2026, CityAggregate.RECOMPUTE, null, 2021, 2.0));
        // without U1: 9 / 300 = 3.0; without U2: 4 / 200 = 2.0; without U3: 7 / 300
        assertThat(g.units().get(0).effect().getAsDouble()).isCloseTo(2.5 - 3.0, within(1e-9));
        assertThat(g.units().get(1).effect().getAsDouble()).isCloseTo(0.5, within(1e-9));
        assertThat(g.units().get(2).effect().getAsDouble()).isCloseTo(2.5 - 7.0 / 3, within(1e-9));
        assertThat(g.units()).allSatisfy(u -> assertThat(u.shareOfGap()).isEmpty());
    }

    @Test
    void anEnteredCityFigureIsFormedWithTheSameFormula() {
        TestSchemes t = units();
        CityTarget r = target("R", 3.0, 2026, CityAggregate.RECOMPUTE, null, 2021, 2.0);
        CityTarget k = target("K", 60, 2026, CityAggregate.SUM, 2023, null, null);
        Scheme s = scheme(t, r, k);
        DataSet city = new DataSet(List.of(Observation.of("2025", "", "N", 12), Observation.of("2025", "", "D", 400),
                Observation.of("2023", "", "K", 6), Observation.of("2025", "", "K", 24)));
        assertThat(CityProgress.entered(s, r, city, "", Y2025).getAsDouble()).isCloseTo(3.0, within(1e-12));
        // 2024 was not entered for the city: no cumulative figure to compare
        assertThat(CityProgress.entered(s, k, city, "", Y2025)).isEmpty();
        DataSet full = new DataSet(List.of(Observation.of("2023", "", "K", 6), Observation.of("2024", "", "K", 15),
                Observation.of("2025", "", "K", 24)));
        assertThat(CityProgress.entered(s, k, full, "", Y2025)).isEqualTo(OptionalDouble.of(45));
    }

    @Test
    void aCumulativeGoalInAHalfYearAddsTheWholeEarlierYearsAndThePeriod() {
        CityTarget k = target("K", 60, 2026, CityAggregate.SUM, 2023, null, null);
        assertThat(CityProgress.periods(k, Period.parse("2025H1").orElseThrow()))
                .containsExactly(Period.year(2023), Period.year(2024), Period.parse("2025H1").orElseThrow());
        assertThat(CityProgress.periods(k, Period.year(2022))).isEmpty();
    }
}

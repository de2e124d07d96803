package org.sanlian.workbench.ui.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sanlian.workbench.app.ScoringService;
import org.sanlian.workbench.i18n.Messages;
import org.sanlian.workbench.ui.common.CurrentThreadTaskExecutor;

/**
 * A unit's breakdown as the results view model gives it, on {@link TinyAssessment} 2025: in 甲类, A1
 * has the best 指标一 (60) and A2 the best 指标二 (40).
 */
class UnitBreakdownTest {

    @BeforeAll
    static void chinese() {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
    }

    private static ResultsViewModel model() {
        return new ResultsViewModel(TinyAssessment.assessment(false), new ScoringService(),
                new CurrentThreadTaskExecutor());
    }

    private static UnitBreakdown.Line line(UnitBreakdown b, String code) {
        return b.groups().stream().flatMap(g -> g.lines().stream())
                .filter(l -> l.indicator().code().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void noUnitChosenNoBreakdown() {
        ResultsViewModel vm = model();
        assertThat(vm.getBreakdown()).isNull();
        vm.selectUnit("XX");
        assertThat(vm.getBreakdown()).as("a unit without a result").isNull();
    }

    @Test
    void eachDimensionListsItsIndicatorsWithValueTargetRuleAndPoints() {
        ResultsViewModel vm = model();
        vm.selectUnit("A2");
        UnitBreakdown b = vm.getBreakdown();

        assertThat(b.unit().unit().name()).isEqualTo("甲二县");
        assertThat(b.groups()).extracting(UnitBreakdown.Group::name).containsExactly("产业链", "人才链");
        assertThat(b.groups()).extracting(UnitBreakdown.Group::maxPoints).containsExactly(60.0, 40.0);
        UnitBreakdown.Line i1 = line(b, "I1");
        assertThat(i1.value()).hasValue(92.5);
        assertThat(i1.target()).hasValue(100);
        assertThat(i1.rule()).isEqualTo("目标完成率（固定目标值 target 100）");
        assertThat(i1.points().getAsDouble()).isCloseTo(55.5, within(1e-9));
        assertThat(i1.maxPoints()).hasValue(60);
        assertThat(i1.formula()).isEmpty();
    }

    @Test
    void pointsOfTheIndicatorsAddUpToTheDimensionSubtotal() {
        ResultsViewModel vm = model();
        for (String unit : List.of("A1", "A2", "B1", "B2")) {
            vm.selectUnit(unit);
            for (UnitBreakdown.Group g : vm.getBreakdown().groups()) {
                double sum = g.lines().stream().mapToDouble(l -> l.points().orElse(0)).sum();
                assertThat(sum).as(unit + " " + g.name()).isCloseTo(g.subtotal().getAsDouble(), within(0.005));
            }
        }
    }

    @Test
    void theGapToTheZonesBestIsZeroForTheBestUnitAndTheDifferenceForOthers() {
        ResultsViewModel vm = model();
        vm.selectUnit("A1");
        assertThat(line(vm.getBreakdown(), "I1").gapToBest().getAsDouble()).isZero();
        assertThat(line(vm.getBreakdown(), "I2").gapToBest().getAsDouble()).isCloseTo(20, within(1e-9));
        vm.selectUnit("A2");
        assertThat(line(vm.getBreakdown(), "I1").gapToBest().getAsDouble()).isCloseTo(4.5, within(1e-9));
        assertThat(line(vm.getBreakdown(), "I2").gapToBest().getAsDouble()).isZero();
    }

    @Test
    void theRadarSharesAreSubtotalsOverFullPointsAgainstTheZoneAverage() {
        ResultsViewModel vm = model();
        vm.selectUnit("A2");
        UnitBreakdown.RadarShares r = vm.getBreakdown().radar();

        assertThat(r.dimensions()).containsExactly("产业链", "人才链");
        assertThat(r.unit()).containsExactly(new double[] {92.5, 100}, within(1e-9));
        // 甲类: A1 60/60 and 20/40, A2 55.5/60 and 40/40
        assertThat(r.zoneAverage()).containsExactly(new double[] {96.25, 75}, within(1e-9));
    }

    @Test
    void theBreakdownFollowsTheChosenPeriod() {
        ResultsViewModel vm = model();
        vm.selectUnit("A2");
        vm.setSelectedPeriod(org.sanlian.workbench.core.model.Period.year(2024));

        assertThat(vm.getBreakdown().unit().total()).isEqualTo(50.0);
        assertThat(line(vm.getBreakdown(), "I1").value()).isEqualTo(OptionalDouble.of(50));
        assertThat(line(vm.getBreakdown(), "I1").gapToBest().getAsDouble()).isCloseTo(30, within(1e-9));
    }
}

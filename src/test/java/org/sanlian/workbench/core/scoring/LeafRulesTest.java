package org.sanlian.workbench.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sanlian.workbench.core.TestSchemes;
import org.sanlian.workbench.core.model.Aggregation;
import org.sanlian.workbench.core.model.Direction;
import org.sanlian.workbench.core.model.Indicator;
import org.sanlian.workbench.core.model.Method;
import org.sanlian.workbench.core.model.Rule;
import org.sanlian.workbench.core.model.TargetSource;

/**
 * Every rule of SCORING.md section 3 with its parameters and defaults, on one leaf and a few units
 * in one zone. Expected points and normalised scores were worked out by hand (shown in the names).
 */
class LeafRulesTest {

    private static final double EPS = 1e-12;

    private static LeafScore leafOf(PeriodResult r, String unit) {
        return r.row(unit).orElseThrow().leaves().get(0);
    }

    static Stream<Arguments> targetCompletion() {
        return Stream.of(
                // rule, direction, x, t, points (w = 10), normalised
                Arguments.of(Rule.of(Method.TARGET_COMPLETION), Direction.POSITIVE, 8, 10, 8.0, 80.0),
                Arguments.of(Rule.of(Method.TARGET_COMPLETION), Direction.POSITIVE, 15, 10, 10.0, 100.0),
                Arguments.of(Rule.of(Method.TARGET_COMPLETION).with("cap", 1.2), Direction.POSITIVE, 15, 10, 12.0, 120.0),
                Arguments.of(Rule.of(Method.TARGET_COMPLETION).with("cap", 1.2), Direction.POSITIVE, 11, 10, 11.0, 110.00000000000001),
                Arguments.of(Rule.of(Method.TARGET_COMPLETION).with("zeroBelow", 0.5), Direction.POSITIVE, 4, 10, 0.0, 40.0),
                Arguments.of(Rule.of(Method.TARGET_COMPLETION).with("zeroBelow", 0.5), Direction.POSITIVE, 5, 10, 5.0, 50.0),
                Arguments.of(Rule.of(Method.TARGET_COMPLETION), Direction.POSITIVE, -2, 10, 0.0, 0.0),
                Arguments.of(Rule.of(Method.TARGET_COMPLETION), Direction.NEGATIVE, 5, 4, 8.0, 80.0),
                Arguments.of(Rule.of(Method.TARGET_COMPLETION).with("cap", 1.5), Direction.NEGATIVE, 0, 4, 15.0, 150.0),
                Arguments.of(Rule.of(Method.TARGET_COMPLETION).with("cap", 1.5), Direction.NEGATIVE, 2, 4, 15.0, 150.0));
    }

    @ParameterizedTest(name = "{0} {1}: x={2}, t={3} gives {4} points")
    @MethodSource
    void targetCompletion(Rule rule, Direction direction, double x, double t, double points, double normalised) {
        TestSchemes s = TestSchemes.oneZone(1);
        s.tree.add(Indicator.of("L", "指标", 10, rule).withDirection(direction).withTarget(TargetSource.COMMITMENT));
        s.value("2025", "U1", "L", x).target("2025", "U1", "L", t);
        LeafScore l = leafOf(s.score("2025"), "U1");
        assertThat(l.points().getAsDouble()).isCloseTo(points, within(EPS));
        assertThat(l.normalised().getAsDouble()).isCloseTo(normalised, within(1e-9));
    }

    @Test
    void targetsComeFromTheZoneOrTheRule() {
        TestSchemes s = TestSchemes.twoZones(1, 1);
        s.tree.add(Indicator.of("Z", "分区目标", 10, Rule.of(Method.TARGET_COMPLETION)).withTarget(TargetSource.ZONE));
        s.tree.add(Indicator.of("F", "固定目标", 10, Rule.of(Method.TARGET_COMPLETION).with("target", 100)).withTarget(TargetSource.FIXED));
        s.values("2025", "Z", 3, 3).values("2025", "F", 50, 25);
        s.target("2025", "ZA", "Z", 4).target("2025", "ZB", "Z", 6);
        PeriodResult r = s.score("2025");
        assertThat(r.row("A1").orElseThrow().leaves().get(0).points().getAsDouble()).isEqualTo(7.5);
        assertThat(r.row("B1").orElseThrow().leaves().get(0).points().getAsDouble()).isEqualTo(5.0);
        assertThat(r.row("A1").orElseThrow().leaves().get(1).points().getAsDouble()).isEqualTo(5.0);
        assertThat(r.row("B1").orElseThrow().leaves().get(1).points().getAsDouble()).isEqualTo(2.5);
    }

    static Stream<Arguments> threshold() {
        return Stream.of(
                Arguments.of(Rule.of(Method.THRESHOLD), Direction.POSITIVE, 5, 5, 4.0, 100.0),
                Arguments.of(Rule.of(Method.THRESHOLD), Direction.POSITIVE, 4.9, 5, 0.0, 0.0),
                Arguments.of(Rule.of(Method.THRESHOLD).with("partial", 0.5), Direction.POSITIVE, 4.9, 5, 2.0, 50.0),
                Arguments.of(Rule.of(Method.THRESHOLD), Direction.NEGATIVE, 3, 5, 4.0, 100.0),
                Arguments.of(Rule.of(Method.THRESHOLD), Direction.NEGATIVE, 6, 5, 0.0, 0.0));
    }

    @ParameterizedTest(name = "{0} {1}: x={2}, t={3} gives {4} points")
    @MethodSource
    void threshold(Rule rule, Direction direction, double x, double t, double points, double normalised) {
        TestSchemes s = TestSchemes.oneZone(1);
        s.tree.add(Indicator.of("L", "指标", 4, rule).withDirection(direction).withTarget(TargetSource.COMMITMENT));
        s.value("2025", "U1", "L", x).target("2025", "U1", "L", t);
        LeafScore l = leafOf(s.score("2025"), "U1");
        assertThat(l.points().getAsDouble()).isCloseTo(points, within(EPS));
        assertThat(l.normalised().getAsDouble()).isCloseTo(normalised, within(EPS));
    }

    static Stream<Arguments> relative() {
        double[] abc = {2, 4, 6};
        return Stream.of(
                // EFFICACY w=8 on {2,4,6}: d = (x-2)/4; p = 8 * (0.6 + 0.4 d)
                Arguments.of(Rule.of(Method.EFFICACY), Direction.POSITIVE, abc, new double[] {4.8, 6.4, 8.0}, new double[] {60, 80, 100}),
                Arguments.of(Rule.of(Method.EFFICACY), Direction.NEGATIVE, abc, new double[] {8.0, 6.4, 4.8}, new double[] {100, 80, 60}),
                Arguments.of(Rule.of(Method.EFFICACY).with("base", 0.5), Direction.POSITIVE, abc, new double[] {4, 6, 8}, new double[] {50, 75, 100}),
                // fixed bounds 0..10: d = x/10 -> 8 * (0.6 + 0.04 x)
                Arguments.of(Rule.of(Method.EFFICACY).with("low", 0).with("high", 10), Direction.POSITIVE, abc,
                        new double[] {5.44, 6.08, 6.72}, new double[] {68, 76, 84}),
                // bounds below the values clamp d to 1
                Arguments.of(Rule.of(Method.EFFICACY).with("low", 0).with("high", 3), Direction.POSITIVE, abc,
                        new double[] {8 * (0.6 + 0.4 * 2 / 3.0), 8, 8}, new double[] {100 * (0.6 + 0.4 * 2 / 3.0), 100, 100}),
                Arguments.of(Rule.of(Method.EFFICACY), Direction.POSITIVE, new double[] {3, 3, 3}, new double[] {8, 8, 8}, new double[] {100, 100, 100}),
                // MIN_MAX w=8: p = 8 d, n = low + (high-low) d
                Arguments.of(Rule.of(Method.MIN_MAX), Direction.POSITIVE, abc, new double[] {0, 4, 8}, new double[] {0, 50, 100}),
                Arguments.of(Rule.of(Method.MIN_MAX).with("low", 20).with("high", 80), Direction.NEGATIVE, abc,
                        new double[] {8, 4, 0}, new double[] {80, 50, 20}),
                // RANK_POINTS w=8, default step 8/3
                Arguments.of(Rule.of(Method.RANK_POINTS), Direction.POSITIVE, abc, new double[] {8 - 2 * 8 / 3.0, 8 - 8 / 3.0, 8},
                        new double[] {100 * (8 - 2 * 8 / 3.0) / 8, 100 * (8 - 8 / 3.0) / 8, 100}),
                Arguments.of(Rule.of(Method.RANK_POINTS).with("step", 5).with("floor", 1), Direction.POSITIVE, abc,
                        new double[] {1, 3, 8}, new double[] {12.5, 37.5, 100}),
                Arguments.of(Rule.of(Method.RANK_POINTS).with("step", 3), Direction.NEGATIVE, abc,
                        new double[] {8, 5, 2}, new double[] {100, 62.5, 25}),
                Arguments.of(Rule.of(Method.RANK_POINTS).with("step", 3), Direction.POSITIVE, new double[] {6, 4, 6},
                        new double[] {8, 2, 8}, new double[] {100, 25, 100}));
    }

    @ParameterizedTest(name = "{0} {1} on {2}")
    @MethodSource
    void relative(Rule rule, Direction direction, double[] x, double[] points, double[] normalised) {
        TestSchemes s = TestSchemes.oneZone(x.length);
        s.tree.add(Indicator.of("L", "指标", 8, rule).withDirection(direction));
        s.values("2025", "L", x);
        PeriodResult r = s.score("2025");
        for (int i = 0; i < x.length; i++) {
            LeafScore l = leafOf(r, "U" + (i + 1));
            assertThat(l.points().getAsDouble()).as("points of U%d", i + 1).isCloseTo(points[i], within(1e-9));
            assertThat(l.normalised().getAsDouble()).as("n of U%d", i + 1).isCloseTo(normalised[i], within(1e-9));
        }
    }

    @Test
    void zscoreUsesTheSampleStandardDeviationInTheMeanModes() {
        TestSchemes s = TestSchemes.oneZone(3);
        s.aggregation = Aggregation.ARITHMETIC;
        s.tree.add(Indicator.of("L", "指标", 1, Rule.of(Method.ZSCORE).with("mean", 50).with("sd", 10)));
        s.tree.add(Indicator.of("M", "指标", 1, Rule.of(Method.ZSCORE)).withDirection(Direction.NEGATIVE));
        // {2, 4, 6}: mean 4, sample sd 2
        s.values("2025", "L", 2, 4, 6).values("2025", "M", 2, 4, 6);
        PeriodResult r = s.score("2025");
        assertThat(r.row("U3").orElseThrow().leaves().get(0).normalised().getAsDouble()).isCloseTo(60, within(EPS));
        assertThat(r.row("U1").orElseThrow().leaves().get(0).normalised().getAsDouble()).isCloseTo(40, within(EPS));
        assertThat(r.row("U1").orElseThrow().leaves().get(1).normalised().getAsDouble()).isCloseTo(1, within(EPS));
        assertThat(r.row("U1").orElseThrow().leaves().get(0).points()).isEmpty();
        // U3: (60 + -1) / 2
        assertThat(r.row("U3").orElseThrow().total()).isEqualTo(29.5);
    }

    @Test
    void zscoreOfEqualValuesIsTheMean() {
        TestSchemes s = TestSchemes.oneZone(2);
        s.aggregation = Aggregation.ARITHMETIC;
        s.tree.add(Indicator.of("L", "指标", 1, Rule.of(Method.ZSCORE).with("mean", 50).with("sd", 10)));
        s.values("2025", "L", 7, 7);
        assertThat(s.score("2025").row("U1").orElseThrow().total()).isEqualTo(50.0);
    }

    static Stream<Arguments> counts() {
        return Stream.of(
                Arguments.of(Rule.of(Method.BREAK_ZERO), 0, 0.0, 0.0),
                Arguments.of(Rule.of(Method.BREAK_ZERO), 0.1, 4.0, 100.0),
                Arguments.of(Rule.of(Method.BREAK_ZERO), 3, 4.0, 100.0),
                Arguments.of(Rule.of(Method.CLEAR_ZERO).with("perItem", 1), 3, 1.0, 25.0),
                Arguments.of(Rule.of(Method.CLEAR_ZERO).with("perItem", 1), 5, 0.0, 0.0),
                Arguments.of(Rule.of(Method.CLEAR_ZERO).with("perItem", 1), 0, 4.0, 100.0),
                Arguments.of(Rule.of(Method.CLEAR_ZERO), 1, 0.0, 0.0),
                Arguments.of(Rule.of(Method.CLEAR_ZERO).with("perItem", 1.5), 1, 2.5, 62.5));
    }

    @ParameterizedTest(name = "{0}: x={1} gives {2} points")
    @MethodSource
    void counts(Rule rule, double x, double points, double normalised) {
        TestSchemes s = TestSchemes.oneZone(1);
        s.tree.add(Indicator.of("L", "指标", 4, rule));
        s.value("2025", "U1", "L", x);
        LeafScore l = leafOf(s.score("2025"), "U1");
        assertThat(l.points().getAsDouble()).isCloseTo(points, within(EPS));
        assertThat(l.normalised().getAsDouble()).isCloseTo(normalised, within(EPS));
    }

    @Test
    void zoneComparisonComparesWithinTheZoneOnly() {
        TestSchemes s = TestSchemes.twoZones(2, 2);
        s.tree.add(Indicator.of("L", "指标", 10, Rule.of(Method.MIN_MAX)).withComparison(org.sanlian.workbench.core.model.Comparison.ZONE));
        s.values("2025", "L", 1, 3, 10, 30);
        PeriodResult r = s.score("2025");
        assertThat(r.row("A2").orElseThrow().total()).isEqualTo(10.0);
        assertThat(r.row("B1").orElseThrow().total()).isEqualTo(0.0);
        assertThat(r.row("B2").orElseThrow().total()).isEqualTo(10.0);
    }
}

package org.sanlian.workbench.core.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sanlian.workbench.core.model.Adjustment;
import org.sanlian.workbench.core.model.Aggregation;
import org.sanlian.workbench.core.model.BottomRule;
import org.sanlian.workbench.core.model.CityTarget;
import org.sanlian.workbench.core.model.Comparison;
import org.sanlian.workbench.core.model.Derived;
import org.sanlian.workbench.core.model.Dimension;
import org.sanlian.workbench.core.model.Indicator;
import org.sanlian.workbench.core.model.Input;
import org.sanlian.workbench.core.model.Method;
import org.sanlian.workbench.core.model.Node;
import org.sanlian.workbench.core.model.PeriodKind;
import org.sanlian.workbench.core.model.Rule;
import org.sanlian.workbench.core.model.Scheme;
import org.sanlian.workbench.core.model.SensitivitySettings;
import org.sanlian.workbench.core.model.TargetSource;
import org.sanlian.workbench.core.model.Unit;
import org.sanlian.workbench.core.model.Veto;
import org.sanlian.workbench.core.model.Zone;

class SchemeValidatorTest {

    /** A sound scheme that each case breaks in one place; lists are mutable so cases can edit them. */
    static final class Draft {
        Aggregation aggregation = Aggregation.POINTS;
        int decimals = 2;
        List<String> tieBreak = new ArrayList<>(List.of("INNOV"));
        double bonusCap = 5;
        OptionalDouble penaltyCap = OptionalDouble.of(10);
        List<Unit> units = new ArrayList<>(List.of(new Unit("A1", "甲县"), new Unit("A2", "乙县"), new Unit("B1", "丙县")));
        List<Zone> zones = new ArrayList<>(List.of(new Zone("ZA", "一类", List.of("A1", "A2")),
                new Zone("ZB", "二类", List.of("B1"))));
        // tree[0] INNOV (weight 30): RD_INT 20, TEAMS 10; tree[1] TALENT (no weight): PROJ 10, GROW 5
        List<Indicator> innov = new ArrayList<>(List.of(
                Indicator.of("RD_INT", "研发强度", 20, Rule.of(Method.TARGET_COMPLETION).with("cap", 1.2))
                        .withTarget(TargetSource.COMMITMENT),
                Indicator.of("TEAMS", "团队", 10, Rule.of(Method.BREAK_ZERO))));
        OptionalDouble innovWeight = OptionalDouble.of(30);
        List<Node> talent = new ArrayList<>(List.of(
                Indicator.of("PROJ", "项目", 10, Rule.of(Method.RANK_POINTS).with("step", 2)),
                Indicator.of("GROW", "增速", 5, Rule.of(Method.EFFICACY))));
        OptionalDouble talentWeight = OptionalDouble.empty();
        boolean noTree;
        List<Derived> derived = new ArrayList<>(List.of(new Derived("RD_INT", "RD_EXP / GDP * 100"),
                new Derived("GROW", "(RD_EXP - prev(RD_EXP)) / prev(RD_EXP) * 100")));
        List<Input> inputs = new ArrayList<>(List.of(input("RD_EXP"), input("GDP"), input("TEAMS")));
        List<Adjustment> adjustments = new ArrayList<>(List.of(
                new Adjustment("B_PLAT", "平台", Adjustment.Kind.BONUS, 1, OptionalDouble.of(3)),
                new Adjustment("P_LATE", "逾期", Adjustment.Kind.PENALTY, 0.5, OptionalDouble.empty())));
        List<Veto> vetoes = new ArrayList<>(List.of(new Veto("V_FRAUD", "造假")));
        List<BottomRule> bottomRules = new ArrayList<>(List.of(BottomRule.of(BottomRule.Kind.BOTTOM_N_PER_ZONE),
                new BottomRule(BottomRule.Kind.BELOW_SCORE, 60), BottomRule.of(BottomRule.Kind.VETO),
                BottomRule.of(BottomRule.Kind.DIMENSION_LAST), BottomRule.of(BottomRule.Kind.CONSECUTIVE)));
        SensitivitySettings sensitivity = SensitivitySettings.DEFAULT;
        List<CityTarget> cityTargets = new ArrayList<>(List.of(
                new CityTarget("RD_INT", "研发强度", 3.0, 2026, CityTarget.CityAggregate.RECOMPUTE, OptionalInt.empty(),
                        Optional.of(new CityTarget.Baseline(2021, 2.2))),
                new CityTarget("TEAMS", "团队", 5, 2026, CityTarget.CityAggregate.SUM, OptionalInt.of(2022),
                        Optional.empty())));

        static Input input(String code) {
            return new Input(code, code + "名称", "", OptionalDouble.of(0), OptionalDouble.empty(), false);
        }

        Scheme build() {
            List<Node> tree = noTree ? List.of() : List.of(
                    new Dimension("INNOV", "创新链", innovWeight, new ArrayList<>(innov)),
                    new Dimension("TALENT", "人才链", talentWeight, talent));
            return new Scheme("T-1", "测试方案", PeriodKind.YEAR, aggregation, Comparison.ALL, decimals, tieBreak,
                    bonusCap, penaltyCap, units, zones, tree, derived, inputs, adjustments, vetoes, bottomRules,
                    sensitivity, cityTargets);
        }

        void leaf(int i, java.util.function.UnaryOperator<Indicator> change) {
            innov.set(i, change.apply(innov.get(i)));
        }

        void rule(int i, Rule rule) {
            leaf(i, l -> new Indicator(l.code(), l.name(), l.unitOfMeasure(), l.weight(), l.direction(), rule,
                    l.target(), l.missing(), l.comparison()));
        }

        void rule(int i, Rule rule, TargetSource target) {
            leaf(i, l -> new Indicator(l.code(), l.name(), l.unitOfMeasure(), l.weight(), l.direction(), rule,
                    Optional.ofNullable(target), l.missing(), l.comparison()));
        }
    }

    private static final String LEAF0 = "tree[0].children[0]";
    private static final String LEAF1 = "tree[0].children[1]";

    private static Arguments bad(String what, Consumer<Draft> change, String code, String where) {
        return Arguments.of(what, change, code, where);
    }

    static Stream<Arguments> badSchemes() {
        return Stream.of(
                bad("two units with one code", d -> d.units.add(new Unit("A1", "重复")), "scheme.duplicate-code", "units[3].code"),
                bad("a zone with a unit's code", d -> d.zones.set(0, new Zone("A2", "一类", List.of("A1", "A2"))),
                        "scheme.duplicate-code", "zones[0].code"),
                bad("an adjustment with a dimension's code", d -> d.adjustments.set(0,
                        new Adjustment("INNOV", "x", Adjustment.Kind.BONUS, 1, OptionalDouble.empty())),
                        "scheme.duplicate-code", "adjustments[0].code"),
                bad("an input and a derived entry giving the same leaf", d -> d.inputs.add(Draft.input("RD_INT")),
                        "scheme.duplicate-code", "inputs[3].code"),
                bad("two inputs with one code", d -> d.inputs.add(Draft.input("GDP")), "scheme.duplicate-code", "inputs[3].code"),
                bad("two leaves with one code", d -> d.talent.set(0, Indicator.of("TEAMS", "x", 10, Rule.of(Method.BREAK_ZERO))),
                        "scheme.duplicate-code", "tree[1].children[0].code"),
                bad("a veto with an input's code", d -> d.vetoes.add(new Veto("GDP", "x")), "scheme.duplicate-code", "vetoes[1].code"),
                bad("a blank veto code", d -> d.vetoes.set(0, new Veto(" ", "造假")), "scheme.blank", "vetoes[0].code"),
                bad("a code with spaces at its end", d -> d.vetoes.set(0, new Veto("V_FRAUD ", "造假")), "scheme.code-spaces", "vetoes[0].code"),
                bad("a blank leaf name", d -> d.leaf(1, l -> new Indicator(l.code(), "", "", 10, l.direction(), l.rule(),
                        l.target(), l.missing(), l.comparison())), "scheme.blank", LEAF1 + ".name"),
                bad("a zero leaf weight", d -> d.leaf(1, l -> l.withWeight(0)), "scheme.weight-not-positive", LEAF1 + ".weight"),
                bad("a negative leaf weight", d -> d.leaf(1, l -> l.withWeight(-3)), "scheme.weight-not-positive", LEAF1 + ".weight"),
                bad("a NaN leaf weight", d -> d.leaf(1, l -> l.withWeight(Double.NaN)), "scheme.weight-not-positive", LEAF1 + ".weight"),
                bad("an infinite leaf weight", d -> d.leaf(1, l -> l.withWeight(Double.POSITIVE_INFINITY)),
                        "scheme.weight-not-positive", LEAF1 + ".weight"),
                bad("a zero dimension weight", d -> d.innovWeight = OptionalDouble.of(0), "scheme.weight-not-positive", "tree[0].weight"),
                bad("a dimension weight other than its children's points", d -> d.innovWeight = OptionalDouble.of(31),
                        "scheme.dimension-weight-mismatch", "tree[0].weight"),
                bad("a dimension weight off by more than the tolerance", d -> d.innovWeight = OptionalDouble.of(30 * (1 + 1e-8)),
                        "scheme.dimension-weight-mismatch", "tree[0].weight"),
                bad("a dimension without children", d -> d.talent.clear(), "scheme.empty-dimension", "tree[1].children"),
                bad("a mean-mode dimension without a weight", d -> {
                    d.aggregation = Aggregation.ARITHMETIC;
                    d.innovWeight = OptionalDouble.of(1);
                }, "scheme.dimension-weight-needed", "tree[1].weight"),
                bad("a unit in two zones", d -> d.zones.set(1, new Zone("ZB", "二类", List.of("B1", "A2"))),
                        "scheme.unit-in-two-zones", "zones[1].units[1]"),
                bad("a unit in no zone", d -> d.zones.set(1, new Zone("ZB", "二类", List.of())), "scheme.unit-without-zone", "units[2]"),
                bad("a zone naming an unknown unit", d -> d.zones.set(0, new Zone("ZA", "一类", List.of("A1", "A2", "C9"))),
                        "scheme.unknown-unit", "zones[0].units[2]"),
                bad("no units", d -> {
                    d.units.clear();
                    d.zones.clear();
                }, "scheme.no-units", "units"),
                bad("no tree", d -> {
                    d.noTree = true;
                    d.tieBreak.clear();
                    d.derived.clear();
                    d.cityTargets.clear();
                }, "scheme.no-tree", "tree"),
                bad("a syntax error in an expression", d -> d.derived.set(0, new Derived("RD_INT", "RD_EXP / / GDP")),
                        "expr.unexpected", "derived[0].expr"),
                bad("an unknown code in an expression", d -> d.derived.set(0, new Derived("RD_INT", "RD_EXP / GDPP")),
                        "scheme.unknown-code", "derived[0].expr"),
                bad("an adjustment code in an expression", d -> d.derived.set(0, new Derived("RD_INT", "RD_EXP / B_PLAT")),
                        "scheme.unknown-code", "derived[0].expr"),
                bad("a reserved word used as a code in an expression", d -> d.derived.set(0, new Derived("RD_INT", "min + 1")),
                        "expr.reserved", "derived[0].expr"),
                bad("a reserved word as an input code", d -> d.inputs.add(Draft.input("max")), "scheme.reserved-code", "inputs[3].code"),
                bad("a derived entry reading its own previous value", d -> d.derived.add(new Derived("X", "prev(X)")),
                        "scheme.derived-cycle", "derived[2].expr"),
                bad("two derived entries reading each other", d -> {
                    d.derived.add(new Derived("X", "Y + 1"));
                    d.derived.add(new Derived("Y", "X * 2"));
                }, "scheme.derived-cycle", "derived[2].expr"),
                bad("ZSCORE in POINTS", d -> d.rule(1, Rule.of(Method.ZSCORE)), "scheme.rule-not-allowed", LEAF1 + ".rule.method"),
                bad("a parameter the method does not take", d -> d.rule(1, Rule.of(Method.BREAK_ZERO).with("cap", 1)),
                        "scheme.unknown-rule-parameter", LEAF1 + ".rule.cap"),
                bad("cap 0", d -> d.rule(0, Rule.of(Method.TARGET_COMPLETION).with("cap", 0)), "scheme.out-of-range", LEAF0 + ".rule.cap"),
                bad("zeroBelow below 0", d -> d.rule(0, Rule.of(Method.TARGET_COMPLETION).with("zeroBelow", -0.1)),
                        "scheme.out-of-range", LEAF0 + ".rule.zeroBelow"),
                bad("partial above 1", d -> d.rule(0, Rule.of(Method.THRESHOLD).with("partial", 1.5)),
                        "scheme.out-of-range", LEAF0 + ".rule.partial"),
                bad("base 1", d -> d.rule(1, Rule.of(Method.EFFICACY).with("base", 1)), "scheme.out-of-range", LEAF1 + ".rule.base"),
                bad("EFFICACY low not below high", d -> d.rule(1, Rule.of(Method.EFFICACY).with("low", 5).with("high", 5)),
                        "scheme.bounds-order", LEAF1 + ".rule.high"),
                bad("MIN_MAX low above the default high", d -> d.rule(1, Rule.of(Method.MIN_MAX).with("low", 200)),
                        "scheme.bounds-order", LEAF1 + ".rule.low"),
                bad("ZSCORE sd 0", d -> {
                    d.aggregation = Aggregation.GEOMETRIC;
                    d.talentWeight = OptionalDouble.of(1);
                    d.rule(1, Rule.of(Method.ZSCORE).with("sd", 0));
                }, "scheme.out-of-range", LEAF1 + ".rule.sd"),
                bad("a negative RANK_POINTS step", d -> d.rule(1, Rule.of(Method.RANK_POINTS).with("step", -1)),
                        "scheme.out-of-range", LEAF1 + ".rule.step"),
                bad("a negative RANK_POINTS floor", d -> d.rule(1, Rule.of(Method.RANK_POINTS).with("floor", -1)),
                        "scheme.out-of-range", LEAF1 + ".rule.floor"),
                bad("a negative CLEAR_ZERO perItem", d -> d.rule(1, Rule.of(Method.CLEAR_ZERO).with("perItem", -2)),
                        "scheme.out-of-range", LEAF1 + ".rule.perItem"),
                bad("a target method without a target source", d -> d.rule(0, Rule.of(Method.TARGET_COMPLETION), null),
                        "scheme.target-needed", LEAF0 + ".target"),
                bad("FIXED without rule.target", d -> d.rule(0, Rule.of(Method.TARGET_COMPLETION), TargetSource.FIXED),
                        "scheme.fixed-target-needed", LEAF0 + ".rule.target"),
                bad("a FIXED completion target of 0", d -> d.rule(0, Rule.of(Method.TARGET_COMPLETION).with("target", 0),
                        TargetSource.FIXED), "scheme.out-of-range", LEAF0 + ".rule.target"),
                bad("rule.target without FIXED", d -> d.rule(0, Rule.of(Method.THRESHOLD).with("target", 3), TargetSource.ZONE),
                        "scheme.target-without-fixed", LEAF0 + ".rule.target"),
                bad("a target source on a method without targets", d -> d.rule(1, Rule.of(Method.BREAK_ZERO), TargetSource.ZONE),
                        "scheme.target-not-used", LEAF1 + ".target"),
                bad("a tie-break that is no dimension or leaf", d -> d.tieBreak.add("V_FRAUD"), "scheme.unknown-tie-break", "tieBreak[1]"),
                bad("negative points each", d -> d.adjustments.set(0,
                        new Adjustment("B_PLAT", "平台", Adjustment.Kind.BONUS, -1, OptionalDouble.empty())),
                        "scheme.out-of-range", "adjustments[0].pointsEach"),
                bad("a negative adjustment cap", d -> d.adjustments.set(1,
                        new Adjustment("P_LATE", "逾期", Adjustment.Kind.PENALTY, 1, OptionalDouble.of(-1))),
                        "scheme.out-of-range", "adjustments[1].cap"),
                bad("a negative bonus cap", d -> d.bonusCap = -1, "scheme.out-of-range", "bonusCap"),
                bad("a negative penalty cap", d -> d.penaltyCap = OptionalDouble.of(-0.5), "scheme.out-of-range", "penaltyCap"),
                bad("decimals 10", d -> d.decimals = 10, "scheme.out-of-range", "decimals"),
                bad("decimals -1", d -> d.decimals = -1, "scheme.out-of-range", "decimals"),
                bad("bottom n 0", d -> d.bottomRules.set(0, new BottomRule(BottomRule.Kind.BOTTOM_N_PER_ZONE, 0)),
                        "scheme.out-of-range", "bottomRules[0].n"),
                bad("bottom n not whole", d -> d.bottomRules.set(0, new BottomRule(BottomRule.Kind.BOTTOM_N_PER_ZONE, 1.5)),
                        "scheme.out-of-range", "bottomRules[0].n"),
                bad("consecutive periods 1", d -> d.bottomRules.set(4, new BottomRule(BottomRule.Kind.CONSECUTIVE, 1)),
                        "scheme.out-of-range", "bottomRules[4].periods"),
                bad("BELOW_SCORE without a score", d -> d.bottomRules.set(1, BottomRule.of(BottomRule.Kind.BELOW_SCORE)),
                        "scheme.missing-field", "bottomRules[1].score"),
                bad("a bottom rule given twice", d -> d.bottomRules.add(BottomRule.of(BottomRule.Kind.VETO)),
                        "scheme.duplicate-bottom-rule", "bottomRules[5].rule"),
                bad("no draws", d -> d.sensitivity = new SensitivitySettings(0, 0.2, 1), "scheme.out-of-range", "sensitivity.draws"),
                bad("more draws than a run may take", d -> d.sensitivity = new SensitivitySettings(1_000_001, 0.2, 1),
                        "scheme.out-of-range", "sensitivity.draws"),
                bad("spread 1", d -> d.sensitivity = new SensitivitySettings(10, 1, 1), "scheme.out-of-range", "sensitivity.spread"),
                bad("a negative spread", d -> d.sensitivity = new SensitivitySettings(10, -0.1, 1), "scheme.out-of-range",
                        "sensitivity.spread"),
                bad("a city target of an unknown code", d -> d.cityTargets.set(1, new CityTarget("NOPE", "x", 1, 2026,
                        CityTarget.CityAggregate.SUM, OptionalInt.empty(), Optional.empty())),
                        "scheme.city-target-unknown-code", "cityTargets[1].code"),
                bad("RECOMPUTE of a code that is not derived", d -> d.cityTargets.set(1, new CityTarget("TEAMS", "x", 1, 2026,
                        CityTarget.CityAggregate.RECOMPUTE, OptionalInt.empty(), Optional.empty())),
                        "scheme.recompute-needs-derived", "cityTargets[1].aggregate"),
                bad("a baseline after the target year", d -> d.cityTargets.set(0, new CityTarget("RD_INT", "x", 3, 2026,
                        CityTarget.CityAggregate.RECOMPUTE, OptionalInt.empty(), Optional.of(new CityTarget.Baseline(2027, 2)))),
                        "scheme.bounds-order", "cityTargets[0].baseline.year"),
                bad("an input minimum above its maximum", d -> d.inputs.set(0, new Input("RD_EXP", "x", "", OptionalDouble.of(5),
                        OptionalDouble.of(1), false)), "scheme.bounds-order", "inputs[0].max"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSchemes")
    void aBadSchemeIsReportedAtTheFieldPath(String what, Consumer<Draft> change, String code, String where) {
        Draft d = new Draft();
        change.accept(d);

        List<Issue> issues = SchemeValidator.validate(d.build());

        assertThat(issues).extracting(Issue::code, Issue::where).containsExactly(tuple(code, where));
    }

    @Test
    void theSoundDraftHasNoIssue() {
        assertThat(SchemeValidator.validate(new Draft().build())).isEmpty();
    }

    @Test
    void aDerivedEntryAndAnInputMayEachCarryTheCodeOfTheLeafTheyGive() {
        Draft d = new Draft();
        d.derived.set(0, new Derived("RD_INT", "RD_EXP / GDP * 100"));
        d.inputs.add(Draft.input("PROJ"));

        assertThat(SchemeValidator.validate(d.build())).isEmpty();
    }

    @Test
    void aDuplicateNamesTheCodeAndWhereItFirstAppeared() {
        Draft d = new Draft();
        d.vetoes.add(new Veto("ZA", "与分区同码"));

        assertThat(SchemeValidator.validate(d.build()))
                .containsExactly(Issue.of("vetoes[1].code", "scheme.duplicate-code", "ZA", "zones[0].code"));
    }

    @Test
    void aSyntaxErrorGivesTheOneBasedCharacterPositionAndTheExpression() {
        Draft d = new Draft();
        d.derived.set(0, new Derived("RD_INT", "RD_EXP / / GDP"));

        assertThat(SchemeValidator.validate(d.build()))
                .containsExactly(Issue.of("derived[0].expr", "expr.unexpected", 10, "RD_EXP / / GDP", "/"));
    }

    @Test
    void aCycleIsReportedOnceAtItsFirstMemberWithTheChain() {
        Draft d = new Draft();
        d.derived.add(new Derived("X", "Y + 1"));
        d.derived.add(new Derived("Y", "Z - prev(GDP)"));
        d.derived.add(new Derived("Z", "X * 2"));

        assertThat(SchemeValidator.validate(d.build()))
                .containsExactly(Issue.of("derived[2].expr", "scheme.derived-cycle", "X", "X -> Y -> Z -> X"));
    }

    @Test
    void aDerivedEntryMayReadThePreviousValueOfAnother() {
        Draft d = new Draft();
        d.derived.add(new Derived("X", "prev(GROW) + RD_INT"));

        assertThat(SchemeValidator.validate(d.build())).isEmpty();
    }

    @Test
    void aDimensionWeightWithinTheRelativeToleranceIsAccepted() {
        Draft d = new Draft();
        d.innovWeight = OptionalDouble.of(30 * (1 + 1e-12));

        assertThat(SchemeValidator.validate(d.build())).isEmpty();
    }

    @Test
    void aBadChildWeightIsNotRepeatedAsADimensionMismatch() {
        Draft d = new Draft();
        d.leaf(1, l -> l.withWeight(-10));

        assertThat(SchemeValidator.validate(d.build())).extracting(Issue::code)
                .containsExactly("scheme.weight-not-positive");
    }

    @Test
    void aFixedThresholdTargetMayBeZero() {
        Draft d = new Draft();
        d.rule(0, Rule.of(Method.THRESHOLD).with("target", 0), TargetSource.FIXED);

        assertThat(SchemeValidator.validate(d.build())).isEmpty();
    }

    @Test
    void validationCollectsEveryIssueInsteadOfStoppingAtTheFirst() {
        Draft d = new Draft();
        d.units.add(new Unit("A1", "重复"));
        d.decimals = 12;
        d.innovWeight = OptionalDouble.of(99);
        d.derived.add(new Derived("X", "prev(X)"));
        d.sensitivity = new SensitivitySettings(0, 2, 1);

        assertThat(SchemeValidator.validate(d.build())).extracting(Issue::where).containsExactlyInAnyOrder(
                "units[3].code", "decimals", "tree[0].weight", "derived[2].expr", "sensitivity.draws",
                "sensitivity.spread");
    }

    @Test
    void numbersInArgumentsAreWrittenAsAPersonWritesThem() {
        Draft d = new Draft();
        d.innovWeight = OptionalDouble.of(31);

        assertThat(SchemeValidator.validate(d.build()))
                .containsExactly(Issue.of("tree[0].weight", "scheme.dimension-weight-mismatch", "INNOV", "31", "30"));
    }
}

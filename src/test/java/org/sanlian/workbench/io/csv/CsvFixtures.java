package org.sanlian.workbench.io.csv;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import org.sanlian.workbench.core.model.Adjustment;
import org.sanlian.workbench.core.model.Aggregation;
import org.sanlian.workbench.core.model.BottomRule;
import org.sanlian.workbench.core.model.Comparison;
import org.sanlian.workbench.core.model.Derived;
import org.sanlian.workbench.core.model.Dimension;
import org.sanlian.workbench.core.model.Direction;
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

/** Schemes built from the records directly, so these tests need no scheme reader. */
final class CsvFixtures {

    private CsvFixtures() {
    }

    /** The scheme of {@code example/scheme.json} (the format sample of the design folder). */
    static Scheme example() {
        return build(false);
    }

    /**
     * The example plus what it lacks for reader tests: an input STAFF (integer, 0..1000), a leaf
     * ZONE_T with zone targets and a leaf FIXED_T with a fixed target.
     */
    static Scheme extended() {
        return build(true);
    }

    private static Scheme build(boolean extended) {
        List<Unit> units = List.of(new Unit("A1", "甲县"), new Unit("A2", "乙县"), new Unit("A3", "丙县"),
                new Unit("B1", "丁县"), new Unit("B2", "戊县"), new Unit("B3", "己县"));
        List<Zone> zones = List.of(new Zone("ZA", "一类地区", List.of("A1", "A2", "A3")),
                new Zone("ZB", "二类地区", List.of("B1", "B2", "B3")));
        List<Input> inputs = new ArrayList<>(List.of(
                new Input("RD_EXP", "R&D经费支出", "万元", OptionalDouble.of(0), OptionalDouble.empty(), false),
                new Input("GDP", "地区生产总值", "亿元", OptionalDouble.of(0), OptionalDouble.empty(), false)));
        List<Derived> derived = List.of(new Derived("RD_INT", "RD_EXP / (GDP * 10000) * 100"),
                new Derived("RD_GROWTH", "(RD_EXP - prev(RD_EXP)) / prev(RD_EXP) * 100"));
        Indicator rdInt = new Indicator("RD_INT", "R&D经费支出占GDP比重", "%", 30, Direction.POSITIVE,
                Rule.of(Method.TARGET_COMPLETION).with("cap", 1.2).with("zeroBelow", 0.5),
                Optional.of(TargetSource.COMMITMENT), Optional.empty(), Optional.empty());
        Indicator rdGrowth = new Indicator("RD_GROWTH", "R&D经费支出增速", "%", 20, Direction.POSITIVE,
                Rule.of(Method.EFFICACY), Optional.empty(), Optional.empty(), Optional.empty());
        Indicator noZero = new Indicator("NOZERO", "无研发活动规上企业数", "家", 10, Direction.POSITIVE,
                Rule.of(Method.CLEAR_ZERO).with("perItem", 2), Optional.empty(), Optional.empty(), Optional.empty());
        Indicator teams = new Indicator("TEAMS", "省级领军型创新创业团队", "个", 15, Direction.POSITIVE,
                Rule.of(Method.BREAK_ZERO), Optional.empty(), Optional.empty(), Optional.empty());
        Indicator projects = new Indicator("PROJECTS", "人才项目落地数", "个", 25, Direction.POSITIVE,
                Rule.of(Method.RANK_POINTS).with("step", 3), Optional.empty(), Optional.empty(),
                Optional.of(Comparison.ZONE));
        List<Node> talent = new ArrayList<>(List.of(teams, projects));
        if (extended) {
            inputs.add(new Input("STAFF", "研发人员数", "人", OptionalDouble.of(0), OptionalDouble.of(1000), true));
            talent.add(new Indicator("ZONE_T", "分区目标指标", "个", 5, Direction.POSITIVE,
                    Rule.of(Method.THRESHOLD), Optional.of(TargetSource.ZONE), Optional.empty(), Optional.empty()));
            talent.add(new Indicator("FIXED_T", "固定目标指标", "个", 5, Direction.POSITIVE,
                    Rule.of(Method.THRESHOLD).with("target", 3), Optional.of(TargetSource.FIXED), Optional.empty(),
                    Optional.empty()));
        }
        List<Node> tree = List.of(
                new Dimension("INNOV", "创新链", OptionalDouble.of(60), List.of(rdInt, rdGrowth, noZero)),
                new Dimension("TALENT", "人才链", OptionalDouble.empty(), talent));
        List<Adjustment> adjustments = List.of(
                new Adjustment("B_PLATFORM", "国家级平台零突破", Adjustment.Kind.BONUS, 2, OptionalDouble.of(2)),
                new Adjustment("P_LATE", "数据报送逾期", Adjustment.Kind.PENALTY, 0.5, OptionalDouble.of(1)));
        List<BottomRule> bottomRules = List.of(new BottomRule(BottomRule.Kind.BOTTOM_N_PER_ZONE, 1),
                new BottomRule(BottomRule.Kind.BELOW_SCORE, 50), BottomRule.of(BottomRule.Kind.VETO),
                new BottomRule(BottomRule.Kind.CONSECUTIVE, 2));
        return new Scheme("EXAMPLE-2025", "示例方案（格式样例）", PeriodKind.YEAR, Aggregation.POINTS, Comparison.ALL, 2,
                List.of(), 3, OptionalDouble.empty(), units, zones, tree, derived, inputs, adjustments,
                List.of(new Veto("V_FRAUD", "统计数据弄虚作假")), bottomRules, SensitivitySettings.DEFAULT, List.of());
    }
}

package org.sanlian.workbench.ui.results;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

import org.sanlian.workbench.app.Assessment;
import org.sanlian.workbench.core.model.Aggregation;
import org.sanlian.workbench.core.model.BottomRule;
import org.sanlian.workbench.core.model.Comparison;
import org.sanlian.workbench.core.model.DataSet;
import org.sanlian.workbench.core.model.Dimension;
import org.sanlian.workbench.core.model.Indicator;
import org.sanlian.workbench.core.model.Method;
import org.sanlian.workbench.core.model.Node;
import org.sanlian.workbench.core.model.Observation;
import org.sanlian.workbench.core.model.PeriodKind;
import org.sanlian.workbench.core.model.Rule;
import org.sanlian.workbench.core.model.Scheme;
import org.sanlian.workbench.core.model.SensitivitySettings;
import org.sanlian.workbench.core.model.Unit;
import org.sanlian.workbench.core.model.Veto;
import org.sanlian.workbench.core.model.Zone;

/**
 * A hand-worked assessment: two zones of two units, two dimensions of one indicator each, scored by
 * target completion against a fixed target of 100 (points = weight x min(value / 100, 1)).
 *
 * <pre>
 *              产业链 I1 (60)   人才链 I2 (40)
 * 2024  A1 甲一区  100 -> 60     100 -> 40    total 100   rank 1  zone 1
 *       A2 甲二县   50 -> 30      50 -> 20    total  50   rank 4  zone 2   listed (last in 甲类)
 *       B1 乙一市   70 -> 42      70 -> 28    total  70   rank 3  zone 2   listed (last in 乙类)
 *       B2 乙二县   80 -> 48      80 -> 32    total  80   rank 2  zone 1
 * 2025  A1 甲一区  100 -> 60      50 -> 20    total  80   rank 2  zone 2   约谈 (last in zone)   ↓1
 *       A2 甲二县 92.5 -> 55.5   100 -> 40    total 95.5  rank 1  zone 1   提醒 (lowest 产业链 in zone) ↑3
 *       B1 乙一市   50 -> 30      75 -> 30    total  60   rank 4  zone 2   升级约谈 (last twice)  ↓1
 *       B2 乙二县   80 -> 48      80 -> 32    total  80   rank 2  zone 1   —
 * </pre>
 * A1 and B2 tie at 80 and share rank 2 (A1 first, the scheme's order); no rank 3 in 2025.
 */
public final class TinyAssessment {

    public static final String SCHEME_NAME = "测试方案";

    private TinyAssessment() {
    }

    public static Scheme scheme() {
        List<Unit> units = List.of(new Unit("A1", "甲一区"), new Unit("A2", "甲二县"),
                new Unit("B1", "乙一市"), new Unit("B2", "乙二县"));
        List<Zone> zones = List.of(new Zone("ZA", "甲类", List.of("A1", "A2")),
                new Zone("ZB", "乙类", List.of("B1", "B2")));
        Rule completion = Rule.of(Method.TARGET_COMPLETION).with("target", 100);
        List<Node> tree = List.of(
                new Dimension("CY", "产业链", OptionalDouble.empty(), List.of(Indicator.of("I1", "指标一", 60, completion))),
                new Dimension("RC", "人才链", OptionalDouble.empty(), List.of(Indicator.of("I2", "指标二", 40, completion))));
        return new Scheme("TINY", SCHEME_NAME, PeriodKind.YEAR, Aggregation.POINTS, Comparison.ALL, 2, List.of(), 5,
                OptionalDouble.empty(), units, zones, tree, List.of(), List.of(), List.of(),
                List.of(new Veto("V1", "统计造假")),
                List.of(BottomRule.of(BottomRule.Kind.BOTTOM_N_PER_ZONE), BottomRule.of(BottomRule.Kind.DIMENSION_LAST),
                        BottomRule.of(BottomRule.Kind.CONSECUTIVE)),
                SensitivitySettings.DEFAULT, List.of());
    }

    public static List<Observation> observations() {
        List<Observation> o = new ArrayList<>();
        add(o, "2024", "A1", 100, 100);
        add(o, "2024", "A2", 50, 50);
        add(o, "2024", "B1", 70, 70);
        add(o, "2024", "B2", 80, 80);
        add(o, "2025", "A1", 100, 50);
        add(o, "2025", "A2", 92.5, 100);
        add(o, "2025", "B1", 50, 75);
        add(o, "2025", "B2", 80, 80);
        return o;
    }

    public static Assessment assessment(boolean simulated) {
        return new Assessment(scheme(), new DataSet(observations()), DataSet.empty(), simulated);
    }

    /** The same, with B2 vetoed (统计造假) in 2025. */
    public static Assessment withVetoIn2025() {
        List<Observation> o = observations();
        o.add(Observation.of("2025", "B2", "V1", 1));
        return new Assessment(scheme(), new DataSet(o), DataSet.empty(), false);
    }

    private static void add(List<Observation> o, String period, String unit, double i1, double i2) {
        o.add(Observation.of(period, unit, "I1", i1));
        o.add(Observation.of(period, unit, "I2", i2));
    }
}

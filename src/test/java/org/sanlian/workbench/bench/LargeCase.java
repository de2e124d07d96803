package org.sanlian.workbench.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.SplittableRandom;

import org.sanlian.workbench.core.model.Aggregation;
import org.sanlian.workbench.core.model.BottomRule;
import org.sanlian.workbench.core.model.Comparison;
import org.sanlian.workbench.core.model.DataSet;
import org.sanlian.workbench.core.model.Dimension;
import org.sanlian.workbench.core.model.Direction;
import org.sanlian.workbench.core.model.Indicator;
import org.sanlian.workbench.core.model.Method;
import org.sanlian.workbench.core.model.Node;
import org.sanlian.workbench.core.model.Observation;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.model.PeriodKind;
import org.sanlian.workbench.core.model.Rule;
import org.sanlian.workbench.core.model.Scheme;
import org.sanlian.workbench.core.model.SensitivitySettings;
import org.sanlian.workbench.core.model.Unit;
import org.sanlian.workbench.core.model.Zone;

/**
 * The benchmark's large case: {@code units} units in 10 zones, {@code indicators} MIN_MAX leaves in a
 * four-level tree (index, 3 sub-indices, 4 pillars each, leaves spread over the pillars), ARITHMETIC,
 * about 3% of values missing, some NEGATIVE leaves, with the bottom-list rules. Seeded: the same
 * arguments give the same case.
 */
public final class LargeCase {

    public final Scheme scheme;
    public final DataSet data;
    public final Period period = Period.year(2025);

    public LargeCase(int units, int indicators, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Unit> us = new ArrayList<>();
        List<List<String>> zoneMembers = new ArrayList<>();
        for (int z = 0; z < 10; z++) {
            zoneMembers.add(new ArrayList<>());
        }
        for (int u = 0; u < units; u++) {
            String code = String.format("U%05d", u);
            us.add(new Unit(code, "单位" + u));
            zoneMembers.get(u % 10).add(code);
        }
        List<Zone> zones = new ArrayList<>();
        for (int z = 0; z < 10; z++) {
            zones.add(new Zone("Z" + z, "分区" + z, zoneMembers.get(z)));
        }
        int subIndices = 3;
        int pillars = 4;
        List<List<Node>> pillarChildren = new ArrayList<>();
        for (int p = 0; p < subIndices * pillars; p++) {
            pillarChildren.add(new ArrayList<>());
        }
        List<String> leafCodes = new ArrayList<>();
        for (int i = 0; i < indicators; i++) {
            String code = String.format("I%03d", i);
            leafCodes.add(code);
            Indicator leaf = Indicator.of(code, "指标" + i, 1 + random.nextInt(3), Rule.of(Method.MIN_MAX))
                    .withDirection(i % 7 == 0 ? Direction.NEGATIVE : Direction.POSITIVE);
            pillarChildren.get(i % pillarChildren.size()).add(leaf);
        }
        List<Node> subs = new ArrayList<>();
        for (int s = 0; s < subIndices; s++) {
            List<Node> ps = new ArrayList<>();
            for (int p = 0; p < pillars; p++) {
                ps.add(new Dimension("P" + s + p, "支柱" + s + p, OptionalDouble.of(1), pillarChildren.get(s * pillars + p)));
            }
            subs.add(new Dimension("S" + s, "分项" + s, OptionalDouble.of(1), ps));
        }
        List<Node> tree = List.of(new Dimension("INDEX", "总指数", OptionalDouble.of(1), subs));
        scheme = new Scheme("BENCH", "基准方案", PeriodKind.YEAR, Aggregation.ARITHMETIC, Comparison.ALL, 2, List.of(), 5,
                OptionalDouble.empty(), us, zones, tree, List.of(), List.of(), List.of(), List.of(),
                List.of(BottomRule.of(BottomRule.Kind.BOTTOM_N_PER_ZONE), new BottomRule(BottomRule.Kind.BELOW_SCORE, 30),
                        BottomRule.of(BottomRule.Kind.DIMENSION_LAST)),
                SensitivitySettings.DEFAULT, List.of());
        List<Observation> obs = new ArrayList<>(units * indicators);
        for (Unit u : us) {
            for (String code : leafCodes) {
                OptionalDouble v = random.nextDouble() < 0.03 ? OptionalDouble.empty()
                        : OptionalDouble.of(Math.round(random.nextDouble() * 1e6) / 100.0);
                obs.add(new Observation(period, u.code(), code, v, ""));
            }
        }
        data = new DataSet(obs);
    }
}

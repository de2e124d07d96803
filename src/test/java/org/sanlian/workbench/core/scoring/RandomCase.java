package org.sanlian.workbench.core.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;

import org.sanlian.workbench.core.model.Adjustment;
import org.sanlian.workbench.core.model.Aggregation;
import org.sanlian.workbench.core.model.BottomRule;
import org.sanlian.workbench.core.model.Comparison;
import org.sanlian.workbench.core.model.DataSet;
import org.sanlian.workbench.core.model.Dimension;
import org.sanlian.workbench.core.model.Direction;
import org.sanlian.workbench.core.model.Indicator;
import org.sanlian.workbench.core.model.Method;
import org.sanlian.workbench.core.model.MissingPolicy;
import org.sanlian.workbench.core.model.Node;
import org.sanlian.workbench.core.model.Observation;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.model.PeriodKind;
import org.sanlian.workbench.core.model.Rule;
import org.sanlian.workbench.core.model.Scheme;
import org.sanlian.workbench.core.model.SensitivitySettings;
import org.sanlian.workbench.core.model.TargetSource;
import org.sanlian.workbench.core.model.Unit;
import org.sanlian.workbench.core.model.Veto;
import org.sanlian.workbench.core.model.Zone;

/**
 * A seeded random scheme with its data and targets, valid by SCORING.md: 2–40 units in 1–4 zones, a
 * tree of up to three levels with 1–15 leaves using every rule method the aggregation allows, both
 * directions, weights, missing values under every policy, bonus and penalty items with caps, an
 * occasional veto, tie-breaks and a random choice of bottom-list rules. The period scored is 2025;
 * 2024 and 2023 have data in some cases (rank changes, CONSECUTIVE). The same seed gives the same case.
 *
 * <p>Two choices keep the inputs meaningful rather than merely accepted: {@code BREAK_ZERO} leaves are
 * POSITIVE and {@code CLEAR_ZERO} leaves NEGATIVE, because SCORING.md's formulas for these two rules
 * do not read the direction (more is better for the first, less for the second, whatever is declared).
 */
final class RandomCase {

    static final Period PERIOD = Period.year(2025);

    final long seed;
    final Scheme scheme;
    final DataSet data;
    final DataSet targets;
    final List<Period> periods = new ArrayList<>();

    private final SplittableRandom r;
    private int nextCode;
    private final List<String> leafCodes = new ArrayList<>();
    private final List<String> dimensionCodes = new ArrayList<>();
    private final List<Indicator> leaves = new ArrayList<>();
    private Aggregation aggregation;

    RandomCase(long seed) {
        this.seed = seed;
        this.r = new SplittableRandom(seed);
        double a = r.nextDouble();
        aggregation = a < 0.6 ? Aggregation.POINTS : a < 0.85 ? Aggregation.ARITHMETIC : Aggregation.GEOMETRIC;
        Comparison comparison = r.nextBoolean() ? Comparison.ALL : Comparison.ZONE;
        int decimals = r.nextDouble() < 0.7 ? 2 : r.nextInt(4);

        int nu = 2 + r.nextInt(39);
        int nz = 1 + r.nextInt(Math.min(4, nu));
        List<Unit> units = new ArrayList<>();
        List<List<String>> members = new ArrayList<>();
        for (int z = 0; z < nz; z++) {
            members.add(new ArrayList<>());
        }
        for (int u = 0; u < nu; u++) {
            String code = "U" + u;
            units.add(new Unit(code, "单位" + u));
            members.get(u < nz ? u : r.nextInt(nz)).add(code);
        }
        List<Zone> zones = new ArrayList<>();
        for (int z = 0; z < nz; z++) {
            zones.add(new Zone("Z" + z, "分区" + z, members.get(z)));
        }

        int nl = 1 + r.nextInt(15);
        List<Node> tree = children(nl, 0);

        List<String> tieBreak = new ArrayList<>();
        if (r.nextDouble() < 0.3) {
            List<String> pool = new ArrayList<>(dimensionCodes);
            pool.addAll(leafCodes);
            int k = 1 + r.nextInt(Math.min(2, pool.size()));
            for (int i = 0; i < k; i++) {
                String c = pool.remove(r.nextInt(pool.size()));
                tieBreak.add(c);
            }
        }

        List<Adjustment> adjustments = new ArrayList<>();
        int na = r.nextInt(4);
        for (int i = 0; i < na; i++) {
            Adjustment.Kind kind = r.nextBoolean() ? Adjustment.Kind.BONUS : Adjustment.Kind.PENALTY;
            OptionalDouble cap = r.nextBoolean() ? OptionalDouble.of(1 + r.nextInt(6) * 0.5) : OptionalDouble.empty();
            adjustments.add(new Adjustment("ADJ" + i, "调整" + i, kind, 0.5 * (1 + r.nextInt(6)), cap));
        }
        List<Veto> vetoes = r.nextDouble() < 0.3 ? List.of(new Veto("VETO0", "否决")) : List.of();
        double bonusCap = 2 + r.nextInt(9);
        OptionalDouble penaltyCap = r.nextBoolean() ? OptionalDouble.of(1 + r.nextInt(8)) : OptionalDouble.empty();

        double fullTotal = aggregation == Aggregation.POINTS
                ? tree.stream().mapToDouble(Scheme::fullPoints).sum() : 100;
        List<BottomRule> bottom = new ArrayList<>();
        if (r.nextDouble() < 0.7) {
            bottom.add(new BottomRule(BottomRule.Kind.BOTTOM_N_PER_ZONE, 1 + r.nextInt(3)));
        }
        if (r.nextDouble() < 0.5) {
            bottom.add(new BottomRule(BottomRule.Kind.BELOW_SCORE, Math.round(fullTotal * (0.2 + 0.5 * r.nextDouble()))));
        }
        if (r.nextDouble() < 0.4) {
            bottom.add(BottomRule.of(BottomRule.Kind.VETO));
        }
        if (r.nextDouble() < 0.5) {
            bottom.add(BottomRule.of(BottomRule.Kind.DIMENSION_LAST));
        }
        if (r.nextDouble() < 0.4) {
            bottom.add(new BottomRule(BottomRule.Kind.CONSECUTIVE, 2 + r.nextInt(2)));
        }
        java.util.Collections.shuffle(bottom, new java.util.Random(r.nextLong()));

        scheme = new Scheme("GEN" + seed, "生成方案", PeriodKind.YEAR, aggregation, comparison, decimals, tieBreak,
                bonusCap, penaltyCap, units, zones, tree, List.of(), List.of(), adjustments, vetoes, bottom,
                SensitivitySettings.DEFAULT, List.of());

        periods.add(PERIOD);
        if (r.nextDouble() < 0.4) {
            periods.add(PERIOD.previous());
            if (r.nextBoolean()) {
                periods.add(PERIOD.previous().previous());
            }
        }
        List<Observation> obs = new ArrayList<>();
        List<Observation> tgt = new ArrayList<>();
        for (Period p : periods) {
            for (Indicator leaf : leaves) {
                values(p, leaf, units, zones, obs, tgt);
            }
            for (Adjustment adj : adjustments) {
                for (Unit u : units) {
                    double x = r.nextDouble();
                    if (x < 0.5) {
                        obs.add(new Observation(p, u.code(), adj.code(), OptionalDouble.of(r.nextInt(5)), ""));
                    } else if (x < 0.6) {
                        obs.add(new Observation(p, u.code(), adj.code(), OptionalDouble.empty(), ""));
                    }
                }
            }
            for (Veto v : vetoes) {
                for (Unit u : units) {
                    if (r.nextDouble() < 0.6) {
                        obs.add(new Observation(p, u.code(), v.code(), OptionalDouble.of(r.nextDouble() < 0.12 ? 1 : 0), ""));
                    }
                }
            }
        }
        java.util.Collections.shuffle(obs, new java.util.Random(r.nextLong()));
        data = new DataSet(obs);
        targets = new DataSet(tgt);
    }

    /** m leaves under one parent, some grouped into sub-dimensions (depth 0 is the top level). */
    private List<Node> children(int m, int depth) {
        List<Node> out = new ArrayList<>();
        while (m > 0) {
            double dimChance = depth == 0 ? 0.85 : depth == 1 ? 0.3 : 0;
            if (r.nextDouble() < dimChance) {
                int s = depth == 0 && out.isEmpty() && r.nextBoolean() ? m : 1 + r.nextInt(m);
                String code = "D" + (nextCode++);
                dimensionCodes.add(code);
                List<Node> kids = children(s, depth + 1);
                OptionalDouble weight;
                if (aggregation == Aggregation.POINTS) {
                    double full = 0;
                    for (Node k : kids) {
                        full += Scheme.fullPoints(k);
                    }
                    weight = r.nextBoolean() ? OptionalDouble.of(full) : OptionalDouble.empty();
                } else {
                    weight = OptionalDouble.of(1 + r.nextInt(5));
                }
                out.add(new Dimension(code, "维度" + code, weight, kids));
                m -= s;
            } else {
                out.add(leaf());
                m--;
            }
        }
        return out;
    }

    private Indicator leaf() {
        String code = "I" + (nextCode++);
        leafCodes.add(code);
        List<Method> methods = new ArrayList<>(List.of(Method.values()));
        if (aggregation == Aggregation.POINTS) {
            methods.remove(Method.ZSCORE);
        }
        // MIN_MAX and EFFICACY more often: the scaling property needs them
        methods.add(Method.MIN_MAX);
        methods.add(Method.EFFICACY);
        Method method = methods.get(r.nextInt(methods.size()));
        Direction direction = r.nextBoolean() ? Direction.POSITIVE : Direction.NEGATIVE;
        if (method == Method.BREAK_ZERO) {
            direction = Direction.POSITIVE;
        } else if (method == Method.CLEAR_ZERO) {
            direction = Direction.NEGATIVE;
        }
        double weight = aggregation == Aggregation.POINTS
                ? (r.nextDouble() < 0.7 ? 1 + r.nextInt(20) : 0.5 * (1 + r.nextInt(30)))
                : 1 + r.nextInt(5);
        Rule rule = Rule.of(method);
        Optional<TargetSource> source = Optional.empty();
        switch (method) {
            case TARGET_COMPLETION:
                if (r.nextBoolean()) {
                    rule = rule.with("cap", 1 + 0.1 * r.nextInt(6));
                }
                if (r.nextBoolean()) {
                    rule = rule.with("zeroBelow", 0.1 * r.nextInt(7));
                }
                source = Optional.of(TargetSource.values()[r.nextInt(3)]);
                break;
            case THRESHOLD:
                if (r.nextBoolean()) {
                    rule = rule.with("partial", 0.05 * r.nextInt(21));
                }
                source = Optional.of(TargetSource.values()[r.nextInt(3)]);
                break;
            case EFFICACY:
                if (r.nextBoolean()) {
                    rule = rule.with("base", 0.05 * r.nextInt(20));
                }
                if (r.nextDouble() < 0.3) {
                    double lo = 10 * r.nextInt(5);
                    rule = rule.with("low", lo).with("high", lo + 10 + 10 * r.nextInt(5));
                }
                break;
            case MIN_MAX:
                if (r.nextDouble() < 0.3) {
                    double lo = 10 * r.nextInt(5);
                    rule = rule.with("low", lo).with("high", lo + 10 + 10 * r.nextInt(5));
                }
                break;
            case ZSCORE:
                if (r.nextBoolean()) {
                    rule = rule.with("mean", 50 + 10 * r.nextInt(3)).with("sd", 5 + 5 * r.nextInt(3));
                }
                break;
            case RANK_POINTS:
                if (r.nextBoolean()) {
                    rule = rule.with("step", weight * 0.05 * (1 + r.nextInt(5)));
                }
                if (r.nextBoolean()) {
                    rule = rule.with("floor", weight * 0.1 * r.nextInt(5));
                }
                break;
            case CLEAR_ZERO:
                if (r.nextBoolean()) {
                    rule = rule.with("perItem", weight * 0.25 * (1 + r.nextInt(4)));
                }
                break;
            default:
                break;
        }
        if (source.isPresent() && source.get() == TargetSource.FIXED) {
            rule = rule.with("target", 10 + r.nextInt(90));
        }
        Optional<MissingPolicy> missing = r.nextDouble() < 0.25 ? Optional.empty()
                : Optional.of(MissingPolicy.values()[r.nextInt(3)]);
        Optional<Comparison> cmp = r.nextDouble() < 0.2
                ? Optional.of(r.nextBoolean() ? Comparison.ALL : Comparison.ZONE) : Optional.empty();
        Indicator leaf = new Indicator(code, "指标" + code, "", weight, direction, rule, source, missing, cmp);
        leaves.add(leaf);
        return leaf;
    }

    /** One period's values of a leaf for every unit, and the targets its rule reads. */
    private void values(Period p, Indicator leaf, List<Unit> units, List<Zone> zones, List<Observation> obs,
                        List<Observation> tgt) {
        Method method = leaf.rule().method();
        double scale = Math.pow(10, -1 + 4 * r.nextDouble());
        boolean someMissing = r.nextDouble() < 0.35;
        boolean discrete = r.nextDouble() < 0.25;
        for (Unit u : units) {
            if (someMissing && r.nextDouble() < 0.2) {
                if (r.nextBoolean()) {
                    obs.add(new Observation(p, u.code(), leaf.code(), OptionalDouble.empty(), ""));
                }
                continue;
            }
            double x;
            if (method == Method.CLEAR_ZERO) {
                x = r.nextDouble() < 0.4 ? 0 : r.nextInt(5);
            } else if (method == Method.BREAK_ZERO) {
                x = r.nextBoolean() ? 0 : Math.round(scale * r.nextDouble() * 100) / 100.0;
            } else if (method.needsTarget()) {
                x = Math.round(100 * (5 + 120 * r.nextDouble())) / 100.0;
                if (method == Method.TARGET_COMPLETION && r.nextDouble() < 0.05) {
                    x = -Math.round(100 * r.nextDouble() * 10) / 100.0;
                }
            } else if (discrete) {
                x = 10 * r.nextInt(4);
            } else {
                x = Math.round(scale * r.nextDouble() * 10000) / 100.0;
            }
            obs.add(new Observation(p, u.code(), leaf.code(), OptionalDouble.of(x), ""));
        }
        if (leaf.target().isPresent()) {
            if (leaf.target().get() == TargetSource.ZONE) {
                for (Zone z : zones) {
                    tgt.add(new Observation(p, z.code(), leaf.code(), OptionalDouble.of(10 + r.nextInt(100)), ""));
                }
            } else if (leaf.target().get() == TargetSource.COMMITMENT) {
                for (Unit u : units) {
                    tgt.add(new Observation(p, u.code(), leaf.code(), OptionalDouble.of(10 + r.nextInt(100)), ""));
                }
            }
        }
    }

    @Override
    public String toString() {
        return "case seed " + seed;
    }
}

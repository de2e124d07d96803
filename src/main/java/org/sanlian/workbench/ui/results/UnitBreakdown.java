package org.sanlian.workbench.ui.results;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

import org.sanlian.workbench.core.bottom.WeakestIndicators;
import org.sanlian.workbench.core.model.Aggregation;
import org.sanlian.workbench.core.model.DataSet;
import org.sanlian.workbench.core.model.Derived;
import org.sanlian.workbench.core.model.Dimension;
import org.sanlian.workbench.core.model.Indicator;
import org.sanlian.workbench.core.model.Node;
import org.sanlian.workbench.core.model.Rule;
import org.sanlian.workbench.core.model.Scheme;
import org.sanlian.workbench.core.model.TargetSource;
import org.sanlian.workbench.core.scoring.LeafScore;
import org.sanlian.workbench.core.scoring.PeriodResult;
import org.sanlian.workbench.core.scoring.UnitResult;
import org.sanlian.workbench.i18n.Messages;

/**
 * How one unit got its total (its 得分明细): per top-level dimension its subtotal and full points, and
 * per indicator the value, the target, the rule in words, the points and full points, the gap to the
 * best points in the unit's zone and, for a derived indicator, its formula with the input values. All
 * figures are the engine's (the unit's {@link UnitResult}, the zone's best from
 * {@link WeakestIndicators#bestByZone}); the target is read as the engine reads it, and only the
 * shares of the radar chart (subtotal / full points, and their mean in the zone) are worked out here.
 */
public record UnitBreakdown(UnitResult unit, List<Group> groups, RadarShares radar) {

    /** One indicator's line. {@code inputs} are "code = value" of a derived indicator's references. */
    public record Line(Indicator indicator, LeafScore.State state, OptionalDouble value, OptionalDouble target,
                       String rule, OptionalDouble points, OptionalDouble maxPoints, OptionalDouble gapToBest,
                       Optional<String> formula, List<String> inputs) {
        public Line {
            Objects.requireNonNull(indicator, "indicator");
            inputs = List.copyOf(inputs);
        }
    }

    /** A top-level dimension with its subtotal, full points and indicators (every leaf below it). */
    public record Group(String code, String name, OptionalDouble subtotal, double maxPoints, List<Line> lines) {
        public Group {
            lines = List.copyOf(lines);
        }
    }

    /**
     * The radar chart's figures: per top-level dimension (names in order) the unit's subtotal as a
     * percentage of the dimension's full points, and the same averaged over its zone (NaN where none).
     */
    public record RadarShares(List<String> dimensions, double[] unit, double[] zoneAverage) {
        public RadarShares {
            dimensions = List.copyOf(dimensions);
        }
    }

    public UnitBreakdown {
        Objects.requireNonNull(unit, "unit");
        groups = List.copyOf(groups);
        Objects.requireNonNull(radar, "radar");
    }

    /**
     * The breakdown of {@code unitCode} in {@code result}.
     *
     * @param targets   the assessment's targets (commitments and zone targets)
     * @param inputs    the values of the derived indicators' references for this unit, by code
     * @param bestByZone the zone best of each leaf, as {@link WeakestIndicators#bestByZone} gives it
     */
    public static Optional<UnitBreakdown> of(PeriodResult result, String unitCode, DataSet targets,
                                             Map<String, Double> inputs, Map<String, double[]> bestByZone) {
        Optional<UnitResult> found = result.row(unitCode);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        UnitResult u = found.get();
        Scheme scheme = result.scheme();
        Map<String, Integer> leafIndex = new HashMap<>();
        for (int i = 0; i < u.leaves().size(); i++) {
            leafIndex.put(u.leaves().get(i).code(), i);
        }
        double[] best = bestByZone.get(u.zone().code());
        List<Group> groups = new ArrayList<>();
        List<Indicator> loose = new ArrayList<>();
        for (Node n : scheme.tree()) {
            if (n instanceof Dimension) {
                Dimension d = (Dimension) n;
                List<Line> lines = new ArrayList<>();
                for (Indicator leaf : leavesOf(d)) {
                    lines.add(line(result, u, leaf, leafIndex.get(leaf.code()), best, targets, inputs));
                }
                groups.add(new Group(d.code(), d.name(), u.subtotals().getOrDefault(d.code(), OptionalDouble.empty()),
                        Scheme.fullPoints(d), lines));
            } else {
                loose.add((Indicator) n);
            }
        }
        if (!loose.isEmpty()) {
            List<Line> lines = new ArrayList<>();
            double max = 0;
            for (Indicator leaf : loose) {
                lines.add(line(result, u, leaf, leafIndex.get(leaf.code()), best, targets, inputs));
                max += leaf.weight();
            }
            groups.add(new Group("", Messages.get().text("ui.results.detail.loose"), OptionalDouble.empty(), max,
                    lines));
        }
        return Optional.of(new UnitBreakdown(u, groups, radar(result, u, groups)));
    }

    /** The codes whose values the derived indicators among the leaves read (for {@code inputs}). */
    public static List<String> inputCodes(Scheme scheme) {
        List<String> out = new ArrayList<>();
        for (Indicator leaf : scheme.leaves()) {
            scheme.derivedOf(leaf.code()).ifPresent(d -> {
                for (String ref : references(d)) {
                    if (!out.contains(ref)) {
                        out.add(ref);
                    }
                }
            });
        }
        return out;
    }

    private static List<String> references(Derived d) {
        try {
            return List.copyOf(org.sanlian.workbench.core.scoring.expr.Expression.parse(d.expr()).references());
        } catch (RuntimeException e) {
            return List.of(); // a scheme that scored has valid expressions; nothing to show otherwise
        }
    }

    private static List<Indicator> leavesOf(Dimension d) {
        List<Indicator> out = new ArrayList<>();
        for (Node c : d.children()) {
            if (c instanceof Dimension) {
                out.addAll(leavesOf((Dimension) c));
            } else {
                out.add((Indicator) c);
            }
        }
        return out;
    }

    private static Line line(PeriodResult result, UnitResult u, Indicator leaf, Integer index, double[] best,
                             DataSet targets, Map<String, Double> inputs) {
        Scheme scheme = result.scheme();
        Optional<LeafScore> score = index == null ? Optional.empty() : Optional.of(u.leaves().get(index));
        OptionalDouble points = score.map(LeafScore::score).orElse(OptionalDouble.empty());
        OptionalDouble gap = OptionalDouble.empty();
        if (points.isPresent() && best != null && index != null && !Double.isNaN(best[index])) {
            gap = OptionalDouble.of(best[index] - points.getAsDouble());
        }
        OptionalDouble max = scheme.aggregation() == Aggregation.POINTS ? OptionalDouble.of(leaf.weight())
                : OptionalDouble.empty();
        Optional<Derived> derived = scheme.derivedOf(leaf.code());
        List<String> shown = new ArrayList<>();
        derived.ifPresent(d -> {
            for (String ref : references(d)) {
                Double v = inputs.get(ref);
                shown.add(ref + " = " + (v == null ? Messages.get().text("ui.results.detail.no-value")
                        : plain(v)));
            }
        });
        return new Line(leaf, score.map(LeafScore::state).orElse(LeafScore.State.MISSING_ZERO),
                score.map(LeafScore::value).orElse(OptionalDouble.empty()), target(result, u, leaf, targets),
                ruleText(leaf.rule()), points, max, gap, derived.map(Derived::expr), shown);
    }

    /** The target the rule compares with, read where the engine reads it; empty for a rule without one. */
    private static OptionalDouble target(PeriodResult result, UnitResult u, Indicator leaf, DataSet targets) {
        if (!leaf.rule().method().needsTarget()) {
            return OptionalDouble.empty();
        }
        switch (leaf.target().orElse(TargetSource.FIXED)) {
            case ZONE: return targets.value(result.period(), u.zone().code(), leaf.code());
            case COMMITMENT: return targets.value(result.period(), u.unit().code(), leaf.code());
            default: return leaf.rule().get("target");
        }
    }

    /** The method and its parameters in words: 目标完成率（封顶倍数 cap 1.2，…）. */
    static String ruleText(Rule rule) {
        Messages m = Messages.get();
        String method = m.text("ui.scheme.method." + rule.method().name());
        List<String> params = new ArrayList<>();
        new TreeMap<>(rule.parameters()).forEach((k, v) -> {
            String label = m.text("ui.scheme.param." + k).replaceAll("[：:]\\s*$", "");
            params.add(label + " " + plain(v));
        });
        return params.isEmpty() ? method : m.text("ui.results.detail.rule", method, String.join("，", params));
    }

    private static String plain(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static RadarShares radar(PeriodResult result, UnitResult u, List<Group> groups) {
        List<Group> dims = groups.stream().filter(g -> !g.code().isEmpty()).toList();
        double[] own = new double[dims.size()];
        double[] zone = new double[dims.size()];
        // in the mean modes a subtotal is already a score out of 100
        double scale = result.scheme().aggregation().isMean() ? 100 : 0;
        for (int i = 0; i < dims.size(); i++) {
            double full = scale > 0 ? scale : dims.get(i).maxPoints();
            own[i] = share(dims.get(i).subtotal(), full);
            double sum = 0;
            int count = 0;
            for (UnitResult other : result.rows()) {
                if (other.zone().code().equals(u.zone().code())) {
                    double s = share(other.subtotals().getOrDefault(dims.get(i).code(), OptionalDouble.empty()),
                            full);
                    if (!Double.isNaN(s)) {
                        sum += s;
                        count++;
                    }
                }
            }
            zone[i] = count == 0 ? Double.NaN : sum / count;
        }
        return new RadarShares(dims.stream().map(Group::name).toList(), own, zone);
    }

    private static double share(OptionalDouble subtotal, double max) {
        return subtotal.isPresent() && max > 0 ? 100 * subtotal.getAsDouble() / max : Double.NaN;
    }
}

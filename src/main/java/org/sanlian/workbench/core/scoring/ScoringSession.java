package org.sanlian.workbench.core.scoring;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

import org.sanlian.workbench.core.check.Issue;
import org.sanlian.workbench.core.check.ValidationException;
import org.sanlian.workbench.core.model.Adjustment;
import org.sanlian.workbench.core.model.DataSet;
import org.sanlian.workbench.core.model.Indicator;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.model.Scheme;
import org.sanlian.workbench.core.scoring.expr.EvalWarning;

/**
 * Scores and ranks the periods of one data set with one scheme. Unperturbed rankings are kept, so
 * asking for a period twice (or for the previous period, for rank changes) costs nothing the second
 * time. Variants with other leaf weights (sensitivity) or one value changed (escape margins) are
 * computed fresh each time.
 */
public final class ScoringSession {

    private final CompiledScheme cs;
    private final DataSet targets;
    private final Valuation.Cache values;
    private final double[] weights;
    private final Map<Period, List<UnitResult>> ranked = new HashMap<>();

    ScoringSession(CompiledScheme cs, DataSet data, DataSet targets) {
        this.cs = cs;
        this.targets = targets;
        this.values = new Valuation.Cache(cs, data);
        this.weights = cs.leaves.stream().mapToDouble(Indicator::weight).toArray();
    }

    public Scheme scheme() {
        return cs.scheme;
    }

    public DataSet data() {
        return values.data();
    }

    public DataSet targets() {
        return targets;
    }

    /** Whether a period has results: the data holds at least one value for it (SCORING.md section 6). */
    public boolean hasResults(Period period) {
        return values.data().hasValues(period);
    }

    /** The leaf weights of the scheme, in leaf order (a copy). */
    public double[] leafWeights() {
        return weights.clone();
    }

    /**
     * Every unit's scores and ranks in a period, in ranking order (then the scheme's order of units),
     * with the rank change against the previous period of the same kind where that has results.
     * Bottom-list entries are left empty: {@code core.bottom} adds them.
     *
     * @throws ValidationException when a target the rules need is missing or invalid
     */
    public List<UnitResult> rank(Period period) {
        List<UnitResult> rows = ranked.get(period);
        if (rows == null) {
            rows = compute(period, weights, -1, -1, Double.NaN);
            Period previous = period.previous();
            if (hasResults(previous)) {
                Map<String, Integer> before = new HashMap<>();
                for (UnitResult r : rank(previous)) {
                    before.put(r.unit().code(), r.rank());
                }
                List<UnitResult> withChange = new ArrayList<>(rows.size());
                for (UnitResult r : rows) {
                    Integer b = before.get(r.unit().code());
                    withChange.add(b == null ? r : r.withRankChange(OptionalInt.of(b - r.rank())));
                }
                rows = List.copyOf(withChange);
            }
            ranked.put(period, rows);
        }
        return rows;
    }

    /** The ranking with other leaf weights (in leaf order); no rank changes. */
    public List<UnitResult> rank(Period period, double[] leafWeights) {
        if (leafWeights.length != weights.length) {
            throw new IllegalArgumentException("expected " + weights.length + " weights");
        }
        return compute(period, leafWeights, -1, -1, Double.NaN);
    }

    /**
     * The ranking with one unit's value of one code replaced and the derived indicators that read it
     * evaluated again (a derived code itself takes the given value); no rank changes.
     */
    public List<UnitResult> rankWithValue(Period period, String unit, String leafCode, double value) {
        int u = unitIndex(unit);
        Integer c = cs.codeIndex.get(leafCode);
        if (u < 0 || c == null) {
            throw new IllegalArgumentException("unknown unit or code: " + unit + "/" + leafCode);
        }
        return compute(period, weights, u, c, value);
    }

    /** A unit's value of a code in a period as scored (entered or derived, before imputation). */
    public OptionalDouble value(Period period, String unit, String code) {
        int u = unitIndex(unit);
        Integer c = cs.codeIndex.get(code);
        if (u < 0 || c == null) {
            return OptionalDouble.empty();
        }
        double v = values.get(period).values[u][c];
        return Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    private int unitIndex(String unit) {
        for (int i = 0; i < cs.units.size(); i++) {
            if (cs.units.get(i).code().equals(unit)) {
                return i;
            }
        }
        return -1;
    }

    private List<UnitResult> compute(Period period, double[] w, int overrideUnit, int overrideCode, double overrideValue) {
        Scheme scheme = cs.scheme;
        Valuation val = overrideUnit < 0 ? values.get(period)
                : values.get(period).withValue(cs, values, overrideUnit, overrideCode, overrideValue);
        int nu = cs.units.size();
        int nl = cs.leaves.size();
        int decimals = scheme.decimals();
        List<Issue> issues = new ArrayList<>();

        LeafRules.LeafOutcome[] outcomes = new LeafRules.LeafOutcome[nl];
        for (int l = 0; l < nl; l++) {
            int code = cs.leafCode[l];
            double[] x = new double[nu];
            for (int u = 0; u < nu; u++) {
                x[u] = val.values[u][code];
            }
            outcomes[l] = LeafRules.score(cs, cs.leaves.get(l), w[l], x, targets, period, issues);
        }
        if (!issues.isEmpty()) {
            throw new ValidationException(issues);
        }

        TreeAggregation aggregation = new TreeAggregation(cs, w);
        double[] total = new double[nu];
        double[] unrounded = new double[nu];
        boolean[] vetoed = new boolean[nu];
        double[] bonus = new double[nu];
        double[] penalty = new double[nu];
        TreeAggregation.Totals[] totals = new TreeAggregation.Totals[nu];
        List<String> tieBreak = scheme.tieBreak();
        double[][] tieKeys = new double[nu][tieBreak.size()];
        double[] points = new double[nl];
        double[] normalised = new double[nl];
        // each tie-break code's dimension or leaf, looked up once rather than once per unit
        int[] tieDimension = new int[tieBreak.size()];
        int[] tieLeaf = new int[tieBreak.size()];
        for (int k = 0; k < tieBreak.size(); k++) {
            tieDimension[k] = cs.dimensionIndex.getOrDefault(tieBreak.get(k), -1);
            tieLeaf[k] = cs.leafIndex.getOrDefault(tieBreak.get(k), -1);
        }
        for (int u = 0; u < nu; u++) {
            for (int l = 0; l < nl; l++) {
                points[l] = outcomes[l].points == null ? Double.NaN : outcomes[l].points[u];
                normalised[l] = outcomes[l].normalised[u];
            }
            TreeAggregation.Totals t = aggregation.aggregate(points, normalised);
            totals[u] = t;
            double[] row = val.values[u];
            bonus[u] = adjustments(scheme, row, Adjustment.Kind.BONUS, OptionalDouble.of(scheme.bonusCap()));
            penalty[u] = adjustments(scheme, row, Adjustment.Kind.PENALTY, scheme.penaltyCap());
            for (int v : cs.vetoCode) {
                vetoed[u] |= row[v] >= 1;
            }
            unrounded[u] = (t.base + bonus[u]) - penalty[u];
            total[u] = Rounding.round(unrounded[u], decimals);
            for (int k = 0; k < tieDimension.length; k++) {
                double raw = tieDimension[k] >= 0 ? t.dimension[tieDimension[k]]
                        : tieLeaf[k] >= 0 ? t.leafShown[tieLeaf[k]] : Double.NaN;
                tieKeys[u][k] = Rounding.round(raw, decimals);
            }
        }

        int[] all = new int[nu];
        for (int u = 0; u < nu; u++) {
            all[u] = u;
        }
        int[] rank = new int[nu];
        int[] order = Ranking.rank(all, vetoed, total, tieKeys, rank);
        int[] zoneRank = new int[nu];
        for (int[] members : cs.unitsOfZone) {
            Ranking.rank(members, vetoed, total, tieKeys, zoneRank);
        }

        List<UnitResult> rows = new ArrayList<>(nu);
        String[] leafCodes = cs.leaves.stream().map(org.sanlian.workbench.core.model.Indicator::code).toArray(String[]::new);
        boolean mean = scheme.aggregation().isMean();
        String[] dimensionCodes = cs.dimensions.stream().map(org.sanlian.workbench.core.model.Dimension::code).toArray(String[]::new);
        for (int u : order) {
            TreeAggregation.Totals t = totals[u];
            double[] rounded = new double[t.dimension.length];
            for (int d = 0; d < rounded.length; d++) {
                rounded[d] = Rounding.round(t.dimension[d], decimals);
            }
            Map<String, OptionalDouble> subtotals = new SubtotalMap(dimensionCodes, cs.dimensionIndex, rounded);
            List<LeafScore> leaves = new LeafScoreList(leafCodes, outcomes, mean ? null : t.leafShown, u);
            List<String> flags = new ArrayList<>();
            for (int l = 0; l < nl; l++) {
                LeafScore.State state = outcomes[l].state[u];
                if (state == LeafScore.State.IMPUTED) {
                    flags.add("imputed:" + leafCodes[l]);
                } else if (state != LeafScore.State.SCORED) {
                    flags.add("missing:" + leafCodes[l]);
                }
            }
            for (int d = 0; d < cs.derivedCode.length; d++) {
                EvalWarning warning = val.warnings[u][d];
                if (warning != null) {
                    flags.add("warning:" + cs.codes[cs.derivedCode[d]] + ":" + warning.reason());
                }
            }
            for (String g : t.geometricWarnings) {
                flags.add("warning:" + g + ":geometric-nonpositive");
            }
            rows.add(new UnitResult(cs.units.get(u), cs.zones.get(cs.zoneOfUnit[u]), total[u], unrounded[u],
                    rank[u], zoneRank[u], OptionalInt.empty(), vetoed[u], bonus[u], penalty[u], subtotals, leaves,
                    flags, Optional.empty()));
        }
        return List.copyOf(rows);
    }

    private static OptionalDouble opt(double v) {
        return Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    /** Capped items summed in the scheme's order, then the cap on all of them (SCORING.md section 5). */
    private double adjustments(Scheme scheme, double[] row, Adjustment.Kind kind, OptionalDouble overallCap) {
        double sum = 0;
        List<Adjustment> items = scheme.adjustments();
        for (int i = 0; i < items.size(); i++) {
            Adjustment a = items.get(i);
            if (a.kind() != kind) {
                continue;
            }
            double count = row[cs.adjustmentCode[i]];
            if (Double.isNaN(count)) {
                continue;
            }
            double item = a.pointsEach() * count;
            if (a.cap().isPresent()) {
                item = Math.min(item, a.cap().getAsDouble());
            }
            sum += item;
        }
        return overallCap.isPresent() ? Math.min(sum, overallCap.getAsDouble()) : sum;
    }
}

package org.sanlian.workbench.core.scoring;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;

import org.sanlian.workbench.core.check.Issue;
import org.sanlian.workbench.core.model.Aggregation;
import org.sanlian.workbench.core.model.Comparison;
import org.sanlian.workbench.core.model.DataSet;
import org.sanlian.workbench.core.model.Direction;
import org.sanlian.workbench.core.model.Indicator;
import org.sanlian.workbench.core.model.Method;
import org.sanlian.workbench.core.model.MissingPolicy;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.model.Rule;
import org.sanlian.workbench.core.model.TargetSource;

/**
 * Scores one leaf for every unit (SCORING.md sections 2 and 3): applies the missing-value policy,
 * forms the comparison sets, and turns each value into points and a normalised score {@code n}.
 * Every formula of the rules table lives in one method here.
 */
final class LeafRules {

    /** The outcome for one leaf; arrays indexed by unit. Points are unscaled (REWEIGHT scaling comes later) and null in the mean modes. */
    static final class LeafOutcome {
        final LeafScore.State[] state;
        final double[] value;
        final double[] points;
        final double[] normalised;

        LeafOutcome(int units, double[] value, boolean withPoints) {
            state = new LeafScore.State[units];
            this.value = value;
            points = withPoints ? new double[units] : null;
            normalised = new double[units];
        }
    }

    private LeafRules() {
    }

    /**
     * @param x       every unit's value (NaN missing); kept as the outcome's values (imputed in place)
     * @param weight  the leaf's weight in force (full points in POINTS)
     * @param issues  where missing or invalid targets are reported
     */
    static LeafOutcome score(CompiledScheme cs, Indicator leaf, double weight, double[] x, DataSet targets,
                             Period period, List<Issue> issues) {
        int nu = x.length;
        double[] v = x;
        boolean points = cs.scheme.aggregation() == Aggregation.POINTS;
        LeafOutcome out = new LeafOutcome(nu, v, points);
        MissingPolicy policy = cs.scheme.missingPolicy(leaf);
        for (int u = 0; u < nu; u++) {
            out.state[u] = Double.isNaN(v[u])
                    ? (policy == MissingPolicy.REWEIGHT ? LeafScore.State.DROPPED : LeafScore.State.MISSING_ZERO)
                    : LeafScore.State.SCORED;
        }
        if (policy == MissingPolicy.ZONE_MEAN) {
            imputeZoneMeans(cs, x.clone(), v, out.state);
        }

        Rule rule = leaf.rule();
        Method method = rule.method();
        boolean positive = leaf.direction() == Direction.POSITIVE;
        if (points && method == Method.ZSCORE) {
            throw new IllegalStateException("ZSCORE in POINTS must be refused by the scheme check: " + leaf.code());
        }
        int[] group = groups(cs, leaf);
        int groups = group.length == 0 ? 0 : Arrays.stream(group).max().getAsInt() + 1;
        SampleStats[] stats = method.isRelative() ? SampleStats.of(v, group, groups,
                method == Method.RANK_POINTS || method == Method.ZSCORE) : null;

        // the rule's parameters once per leaf, not once per unit
        double cap = rule.get("cap", 1.0);
        double zeroBelow = rule.get("zeroBelow", 0.0);
        double partial = rule.get("partial", 0.0);
        OptionalDouble lowGiven = rule.get("low");
        OptionalDouble highGiven = rule.get("high");
        double base = rule.get("base", 0.6);
        double meanGiven = rule.get("mean", 0.0);
        double sdGiven = rule.get("sd", 1.0);
        OptionalDouble stepGiven = rule.get("step");
        double floor = rule.get("floor", 0.0);
        double perItem = rule.get("perItem", weight);
        for (int u = 0; u < nu; u++) {
            if (Double.isNaN(v[u])) {
                boolean dropped = out.state[u] == LeafScore.State.DROPPED;
                if (points) {
                    out.points[u] = dropped ? Double.NaN : 0.0;
                }
                out.normalised[u] = dropped ? Double.NaN : 0.0;
                continue;
            }
            double xu = v[u];
            double t = Double.NaN;
            if (method.needsTarget()) {
                t = target(cs, leaf, u, targets, period, issues);
                if (method == Method.TARGET_COMPLETION && !Double.isNaN(t) && !(t > 0)) {
                    issues.add(Issue.of(targetWhere(cs, leaf, u, period), "score.target-not-positive",
                            leaf.code(), targetOwner(cs, leaf, u), period, t));
                    t = Double.NaN;
                }
                if (Double.isNaN(t)) {
                    continue; // reported; the period is refused once every leaf has been looked at
                }
            }
            double p;
            double n;
            switch (method) {
                case TARGET_COMPLETION: {
                    double r = positive ? xu / t : (xu <= 0 ? cap : t / xu);
                    double rc = clamp(r, 0, cap);
                    p = r < zeroBelow ? 0.0 : weight * rc;
                    n = 100 * rc;
                    break;
                }
                case THRESHOLD: {
                    boolean met = positive ? xu >= t : xu <= t;
                    p = met ? weight : weight * partial;
                    n = met ? 100 : 100 * partial;
                    break;
                }
                case EFFICACY: {
                    SampleStats s = stats[group[u]];
                    double lo = lowGiven.orElse(s.min);
                    double hi = highGiven.orElse(s.max);
                    double d = efficacyDegree(xu, lo, hi, positive);
                    double f = base + (1 - base) * d;
                    p = weight * f;
                    n = 100 * f;
                    break;
                }
                case MIN_MAX: {
                    SampleStats s = stats[group[u]];
                    double d = efficacyDegree(xu, s.min, s.max, positive);
                    double low = lowGiven.orElse(0.0);
                    double high = highGiven.orElse(100.0);
                    p = weight * d;
                    n = low + (high - low) * d;
                    break;
                }
                case ZSCORE: {
                    SampleStats s = stats[group[u]];
                    double z = s.sd == 0 || Double.isNaN(s.sd) ? 0.0 : (xu - s.mean) / s.sd;
                    if (!positive) {
                        z = -z;
                    }
                    p = Double.NaN;
                    n = meanGiven + sdGiven * z;
                    break;
                }
                case RANK_POINTS: {
                    SampleStats s = stats[group[u]];
                    int k = s.rankOf(xu, positive);
                    double step = stepGiven.orElse(weight / s.count);
                    p = Math.max(weight - (k - 1) * step, floor);
                    n = 100 * p / weight;
                    break;
                }
                case BREAK_ZERO:
                    p = xu > 0 ? weight : 0.0;
                    n = xu > 0 ? 100 : 0.0;
                    break;
                case CLEAR_ZERO: {
                    p = Math.max(0, weight - xu * perItem);
                    n = 100 * p / weight;
                    break;
                }
                default:
                    throw new IllegalStateException("unknown method " + method);
            }
            if (points) {
                out.points[u] = p;
            }
            out.normalised[u] = n;
        }
        return out;
    }

    /** d of EFFICACY and MIN_MAX: the position of x between lo and hi in the helping direction, in [0, 1]. */
    static double efficacyDegree(double x, double lo, double hi, boolean positive) {
        if (hi == lo) {
            return 1.0;
        }
        double d = positive ? (x - lo) / (hi - lo) : (hi - x) / (hi - lo);
        return clamp(d, 0, 1);
    }

    /**
     * The sum of the values in ascending order (the array is sorted in place). Summing in value order
     * rather than in the order of the units makes zone means and z-scores independent of the order in
     * which a scheme lists its units: the last bits of a mean otherwise moved with that order, and a
     * z-score of an imputed value (exactly 0 in exact arithmetic) came out as 0 or as 1e-16, which a
     * geometric mean turns into "no score" or a tiny positive one.
     */
    static double sortedSum(double[] values) {
        Arrays.sort(values);
        double sum = 0;
        for (double x : values) {
            sum += x;
        }
        return sum;
    }

    static double clamp(double v, double a, double b) {
        return Math.min(Math.max(v, a), b);
    }

    private static void imputeZoneMeans(CompiledScheme cs, double[] x, double[] v, LeafScore.State[] state) {
        for (int[] members : cs.unitsOfZone) {
            double[] present = new double[members.length];
            int count = 0;
            for (int u : members) {
                if (!Double.isNaN(x[u])) {
                    present[count++] = x[u];
                }
            }
            if (count == 0) {
                continue;
            }
            double mean = sortedSum(Arrays.copyOf(present, count)) / count;
            for (int u : members) {
                if (Double.isNaN(x[u])) {
                    v[u] = mean;
                    state[u] = LeafScore.State.IMPUTED;
                }
            }
        }
    }

    /** The comparison group of each unit: 0 for ALL, the zone index for ZONE. */
    private static int[] groups(CompiledScheme cs, Indicator leaf) {
        if (cs.scheme.comparison(leaf) == Comparison.ALL) {
            return new int[cs.units.size()];
        }
        return cs.zoneOfUnit;
    }

    private static double target(CompiledScheme cs, Indicator leaf, int u, DataSet targets, Period period, List<Issue> issues) {
        TargetSource source = leaf.target().orElse(TargetSource.FIXED);
        java.util.OptionalDouble t;
        switch (source) {
            case FIXED:
                t = leaf.rule().get("target");
                break;
            case ZONE:
                t = targets.value(period, cs.zones.get(cs.zoneOfUnit[u]).code(), leaf.code());
                break;
            default:
                t = targets.value(period, cs.units.get(u).code(), leaf.code());
        }
        if (t.isEmpty()) {
            issues.add(Issue.of(targetWhere(cs, leaf, u, period), "score.missing-target",
                    leaf.code(), targetOwner(cs, leaf, u), period, source.name()));
            return Double.NaN;
        }
        return t.getAsDouble();
    }

    private static String targetOwner(CompiledScheme cs, Indicator leaf, int u) {
        return leaf.target().orElse(TargetSource.FIXED) == TargetSource.ZONE
                ? cs.zones.get(cs.zoneOfUnit[u]).code() : cs.units.get(u).code();
    }

    private static String targetWhere(CompiledScheme cs, Indicator leaf, int u, Period period) {
        if (leaf.target().orElse(TargetSource.FIXED) == TargetSource.FIXED) {
            return "tree: " + leaf.code() + ".rule.target";
        }
        return "targets: " + period + "," + targetOwner(cs, leaf, u) + "," + leaf.code();
    }

    /** Min, max, mean and sample standard deviation of the present values of one comparison group. */
    static final class SampleStats {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double mean;
        double sd;
        int count;
        double[] sorted;

        /**
         * @param keepSorted whether to keep each group's values sorted (RANK_POINTS) and take the mean
         *                   and sd from them in value order (ZSCORE), independent of the order of the units
         */
        static SampleStats[] of(double[] v, int[] group, int groups, boolean keepSorted) {
            SampleStats[] s = new SampleStats[groups];
            double[] sums = new double[groups];
            for (int g = 0; g < groups; g++) {
                s[g] = new SampleStats();
            }
            for (int u = 0; u < v.length; u++) {
                if (Double.isNaN(v[u])) {
                    continue;
                }
                SampleStats st = s[group[u]];
                st.count++;
                sums[group[u]] += v[u];
                st.min = Math.min(st.min, v[u]);
                st.max = Math.max(st.max, v[u]);
            }
            double[] sq = new double[groups];
            for (int g = 0; g < groups; g++) {
                s[g].mean = s[g].count == 0 ? Double.NaN : sums[g] / s[g].count;
            }
            for (int u = 0; u < v.length; u++) {
                if (!Double.isNaN(v[u])) {
                    double d = v[u] - s[group[u]].mean;
                    sq[group[u]] += d * d;
                }
            }
            for (int g = 0; g < groups; g++) {
                s[g].sd = s[g].count < 2 ? 0.0 : Math.sqrt(sq[g] / (s[g].count - 1));
            }
            if (keepSorted) {
                for (int g = 0; g < groups; g++) {
                    double[] vals = new double[s[g].count];
                    int k = 0;
                    for (int u = 0; u < v.length; u++) {
                        if (!Double.isNaN(v[u]) && group[u] == g) {
                            vals[k++] = v[u];
                        }
                    }
                    Arrays.sort(vals);
                    s[g].sorted = vals;
                    if (vals.length > 0) {
                        // mean and sd again in value order, so they do not depend on the order of the units
                        double mean = sortedSum(vals.clone()) / vals.length;
                        double[] dev = new double[vals.length];
                        for (int i = 0; i < vals.length; i++) {
                            dev[i] = (vals[i] - mean) * (vals[i] - mean);
                        }
                        s[g].mean = mean;
                        s[g].sd = vals.length < 2 ? 0.0 : Math.sqrt(sortedSum(dev) / (vals.length - 1));
                    }
                }
            }
            return s;
        }

        /** Competition rank of x among the group's values: 1 + how many are strictly better. */
        int rankOf(double x, boolean positive) {
            if (positive) {
                // values strictly greater than x
                int idx = upperBound(sorted, x);
                return 1 + (sorted.length - idx);
            }
            int idx = lowerBound(sorted, x);
            return 1 + idx;
        }

        private static int lowerBound(double[] a, double x) {
            int lo = 0;
            int hi = a.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (a[mid] < x) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        private static int upperBound(double[] a, double x) {
            int lo = 0;
            int hi = a.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (a[mid] <= x) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }
    }
}

package org.sanlian.workbench.core.check;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.sanlian.workbench.core.model.Adjustment;
import org.sanlian.workbench.core.model.Aggregation;
import org.sanlian.workbench.core.model.BottomRule;
import org.sanlian.workbench.core.model.CityTarget;
import org.sanlian.workbench.core.model.Derived;
import org.sanlian.workbench.core.model.Dimension;
import org.sanlian.workbench.core.model.Indicator;
import org.sanlian.workbench.core.model.Input;
import org.sanlian.workbench.core.model.Method;
import org.sanlian.workbench.core.model.Node;
import org.sanlian.workbench.core.model.Rule;
import org.sanlian.workbench.core.model.Scheme;
import org.sanlian.workbench.core.model.SensitivitySettings;
import org.sanlian.workbench.core.model.TargetSource;
import org.sanlian.workbench.core.model.Unit;
import org.sanlian.workbench.core.model.Veto;
import org.sanlian.workbench.core.model.Zone;
import org.sanlian.workbench.core.scoring.expr.Expression;
import org.sanlian.workbench.core.scoring.expr.ExpressionException;

/**
 * The semantic rules of a scheme (FORMATS.md, SCORING.md): everything a well-formed file can still
 * get wrong. Reports every issue found, never only the first, each at the field path of the scheme
 * file ({@code tree[0].children[3].rule.cap}); the model keeps the file's order, so list positions in
 * the model are the positions in the file.
 *
 * <p>Ranges are given to the message as language-neutral text ({@code > 0}, {@code [0, 1)},
 * {@code 1, 2, 3, …}) so that one argument serves every bundle.
 */
public final class SchemeValidator {

    /** Relative tolerance when a dimension's given weight is compared with its children's full points. */
    static final double WEIGHT_TOLERANCE = 1e-9;

    private static final String POSITIVE = "> 0";
    private static final String NOT_NEGATIVE = ">= 0";
    private static final String UNIT_INTERVAL = "[0, 1]";
    private static final String UNIT_INTERVAL_OPEN = "[0, 1)";

    private final Scheme scheme;
    private final List<Issue> issues = new ArrayList<>();

    private SchemeValidator(Scheme scheme) {
        this.scheme = scheme;
    }

    /** Every semantic issue of the scheme, in the order of the file's sections; empty when it is sound. */
    public static List<Issue> validate(Scheme s) {
        SchemeValidator v = new SchemeValidator(s);
        v.run();
        return List.copyOf(v.issues);
    }

    private void run() {
        settings();
        codes();
        units();
        tree();
        tieBreak();
        derived();
        inputs();
        adjustments();
        bottomRules();
        sensitivity();
        cityTargets();
    }

    private void add(String where, String code, Object... args) {
        Object[] shown = args.clone();
        for (int i = 0; i < shown.length; i++) {
            if (shown[i] instanceof Double d) {
                shown[i] = number(d);
            }
        }
        issues.add(Issue.of(where, code, shown));
    }

    /** A number as a person writes it: {@code 12}, not {@code 12.0}. */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    // ---- scheme-wide settings ----

    private void settings() {
        blank("code", scheme.code(), true);
        blank("name", scheme.name(), false);
        if (scheme.decimals() < 0 || scheme.decimals() > 9) {
            add("decimals", "scheme.out-of-range", "decimals", scheme.decimals(), "0, 1, …, 9");
        }
        atLeastZero("bonusCap", "bonusCap", scheme.bonusCap());
        if (scheme.penaltyCap().isPresent()) {
            atLeastZero("penaltyCap", "penaltyCap", scheme.penaltyCap().getAsDouble());
        }
    }

    // ---- the shared namespace of codes ----

    private enum Kind { DIMENSION, LEAF, INPUT, DERIVED, ADJUSTMENT, VETO, UNIT, ZONE }

    private record Entry(Kind kind, String path) { }

    private void codes() {
        Map<String, List<Entry>> seen = new HashMap<>();
        for (int i = 0; i < scheme.units().size(); i++) {
            claim(seen, scheme.units().get(i).code(), Kind.UNIT, "units[" + i + "].code");
        }
        for (int i = 0; i < scheme.zones().size(); i++) {
            claim(seen, scheme.zones().get(i).code(), Kind.ZONE, "zones[" + i + "].code");
        }
        claimTree(seen, scheme.tree(), "tree");
        for (int i = 0; i < scheme.derived().size(); i++) {
            claim(seen, scheme.derived().get(i).code(), Kind.DERIVED, "derived[" + i + "].code");
        }
        for (int i = 0; i < scheme.inputs().size(); i++) {
            claim(seen, scheme.inputs().get(i).code(), Kind.INPUT, "inputs[" + i + "].code");
        }
        for (int i = 0; i < scheme.adjustments().size(); i++) {
            claim(seen, scheme.adjustments().get(i).code(), Kind.ADJUSTMENT, "adjustments[" + i + "].code");
        }
        for (int i = 0; i < scheme.vetoes().size(); i++) {
            claim(seen, scheme.vetoes().get(i).code(), Kind.VETO, "vetoes[" + i + "].code");
        }
    }

    private void claimTree(Map<String, List<Entry>> seen, List<Node> nodes, String path) {
        for (int i = 0; i < nodes.size(); i++) {
            Node n = nodes.get(i);
            String at = path + "[" + i + "]";
            if (n instanceof Dimension d) {
                claim(seen, d.code(), Kind.DIMENSION, at + ".code");
                claimTree(seen, d.children(), at + ".children");
            } else {
                claim(seen, n.code(), Kind.LEAF, at + ".code");
            }
        }
    }

    /** A code may be shared only by a leaf and the one input or derived entry that gives its value. */
    private void claim(Map<String, List<Entry>> seen, String code, Kind kind, String path) {
        List<Entry> earlier = seen.computeIfAbsent(code, c -> new ArrayList<>());
        for (Entry e : earlier) {
            if (!givesValueOf(e.kind, kind) && !givesValueOf(kind, e.kind)) {
                add(path, "scheme.duplicate-code", code, e.path);
                return;
            }
        }
        earlier.add(new Entry(kind, path));
        if (Expression.RESERVED.contains(code) && (kind == Kind.LEAF || kind == Kind.INPUT || kind == Kind.DERIVED)) {
            add(path, "scheme.reserved-code", code);
        }
        blank(path, code, true);
    }

    private static boolean givesValueOf(Kind source, Kind leaf) {
        return leaf == Kind.LEAF && (source == Kind.INPUT || source == Kind.DERIVED);
    }

    /** A code must not be blank nor carry spaces at its ends (cells of data files are trimmed); a name must not be blank. */
    private void blank(String path, String text, boolean isCode) {
        if (text.isBlank()) {
            add(path, "scheme.blank", lastSegment(path));
        } else if (isCode && !text.equals(text.strip())) {
            add(path, "scheme.code-spaces", text);
        }
    }

    private static String lastSegment(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    // ---- units and zones ----

    private void units() {
        if (scheme.units().isEmpty()) {
            add("units", "scheme.no-units");
        }
        Map<String, Integer> unitIndex = new HashMap<>();
        for (int i = 0; i < scheme.units().size(); i++) {
            Unit u = scheme.units().get(i);
            unitIndex.putIfAbsent(u.code(), i);
            blank("units[" + i + "].name", u.name(), false);
        }
        Map<String, String> placed = new HashMap<>();
        for (int z = 0; z < scheme.zones().size(); z++) {
            Zone zone = scheme.zones().get(z);
            blank("zones[" + z + "].name", zone.name(), false);
            for (int k = 0; k < zone.units().size(); k++) {
                String u = zone.units().get(k);
                String at = "zones[" + z + "].units[" + k + "]";
                if (!unitIndex.containsKey(u)) {
                    add(at, "scheme.unknown-unit", u, zone.code());
                    continue;
                }
                String first = placed.putIfAbsent(u, at);
                if (first != null) {
                    add(at, "scheme.unit-in-two-zones", u, first);
                }
            }
        }
        for (int i = 0; i < scheme.units().size(); i++) {
            String u = scheme.units().get(i).code();
            if (!placed.containsKey(u) && unitIndex.get(u) == i) {
                add("units[" + i + "]", "scheme.unit-without-zone", u);
            }
        }
    }

    // ---- the tree ----

    private void tree() {
        if (scheme.tree().isEmpty()) {
            add("tree", "scheme.no-tree");
        }
        nodes(scheme.tree(), "tree");
    }

    private void nodes(List<Node> nodes, String path) {
        for (int i = 0; i < nodes.size(); i++) {
            String at = path + "[" + i + "]";
            Node n = nodes.get(i);
            if (n instanceof Dimension d) {
                dimension(d, at);
            } else {
                leaf((Indicator) n, at);
            }
        }
    }

    private void dimension(Dimension d, String at) {
        blank(at + ".name", d.name(), false);
        if (d.children().isEmpty()) {
            add(at + ".children", "scheme.empty-dimension", d.code());
        }
        if (d.weight().isPresent()) {
            double w = d.weight().getAsDouble();
            if (!(w > 0) || Double.isInfinite(w)) {
                add(at + ".weight", "scheme.weight-not-positive", d.code(), w);
            } else if (scheme.aggregation() == Aggregation.POINTS && !d.children().isEmpty()) {
                double sum = Scheme.fullPoints(d);
                // A bad child weight is reported at the child; the sum would only repeat it.
                if (Double.isFinite(sum) && allChildWeightsPositive(d)
                        && Math.abs(w - sum) > WEIGHT_TOLERANCE * Math.max(Math.abs(w), Math.abs(sum))) {
                    add(at + ".weight", "scheme.dimension-weight-mismatch", d.code(), w, sum);
                }
            }
        } else if (scheme.aggregation().isMean()) {
            add(at + ".weight", "scheme.dimension-weight-needed", d.code(), scheme.aggregation());
        }
        nodes(d.children(), at + ".children");
    }

    private static boolean allChildWeightsPositive(Dimension d) {
        for (Node c : d.children()) {
            if (c instanceof Indicator leaf) {
                if (!(leaf.weight() > 0)) {
                    return false;
                }
            } else if (!allChildWeightsPositive((Dimension) c)) {
                return false;
            }
        }
        return true;
    }

    private void leaf(Indicator leaf, String at) {
        blank(at + ".name", leaf.name(), false);
        double w = leaf.weight();
        if (!(w > 0) || Double.isInfinite(w)) {
            add(at + ".weight", "scheme.weight-not-positive", leaf.code(), w);
        }
        Rule rule = leaf.rule();
        Method method = rule.method();
        if (method == Method.ZSCORE && scheme.aggregation() == Aggregation.POINTS) {
            add(at + ".rule.method", "scheme.rule-not-allowed", leaf.code(), method, scheme.aggregation());
        }
        for (String name : new TreeSet<>(rule.parameters().keySet())) {
            if (!method.parameters().contains(name)) {
                add(at + ".rule." + name, "scheme.unknown-rule-parameter", name, method,
                        method.parameters().isEmpty() ? "-" : String.join(", ", new TreeSet<>(method.parameters())));
            }
        }
        parameters(rule, at + ".rule.");
        targets(leaf, rule, at);
    }

    private void parameters(Rule rule, String at) {
        switch (rule.method()) {
            case TARGET_COMPLETION:
                above(rule, at, "cap", 0);
                atLeastZero(rule, at, "zeroBelow");
                break;
            case THRESHOLD:
                within(rule, at, "partial", true);
                break;
            case EFFICACY:
                within(rule, at, "base", false);
                finite(rule, at, "low");
                finite(rule, at, "high");
                if (rule.get("low").isPresent() && rule.get("high").isPresent()) {
                    ordered(rule, at, rule.get("low").getAsDouble(), rule.get("high").getAsDouble());
                }
                break;
            case MIN_MAX:
                finite(rule, at, "low");
                finite(rule, at, "high");
                if (rule.get("low").isPresent() || rule.get("high").isPresent()) {
                    ordered(rule, at, rule.get("low", 0), rule.get("high", 100));
                }
                break;
            case ZSCORE:
                finite(rule, at, "mean");
                above(rule, at, "sd", 0);
                break;
            case RANK_POINTS:
                atLeastZero(rule, at, "step");
                atLeastZero(rule, at, "floor");
                break;
            case CLEAR_ZERO:
                atLeastZero(rule, at, "perItem");
                break;
            default:
                break;
        }
    }

    private void ordered(Rule rule, String at, double low, double high) {
        if (Double.isFinite(low) && Double.isFinite(high) && !(low < high)) {
            String where = rule.get("high").isPresent() ? at + "high" : at + "low";
            add(where, "scheme.bounds-order", "low", low, "high", high, "<");
        }
    }

    private void above(Rule rule, String at, String name, double bound) {
        if (rule.get(name).isPresent()) {
            double v = rule.get(name).getAsDouble();
            if (!(v > bound) || Double.isInfinite(v)) {
                add(at + name, "scheme.out-of-range", name, v, POSITIVE);
            }
        }
    }

    private void atLeastZero(Rule rule, String at, String name) {
        if (rule.get(name).isPresent()) {
            atLeastZero(at + name, name, rule.get(name).getAsDouble());
        }
    }

    private void atLeastZero(String where, String name, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            add(where, "scheme.out-of-range", name, v, NOT_NEGATIVE);
        }
    }

    private void within(Rule rule, String at, String name, boolean closed) {
        if (rule.get(name).isPresent()) {
            double v = rule.get(name).getAsDouble();
            if (!(v >= 0) || !(closed ? v <= 1 : v < 1)) {
                add(at + name, "scheme.out-of-range", name, v, closed ? UNIT_INTERVAL : UNIT_INTERVAL_OPEN);
            }
        }
    }

    private void finite(Rule rule, String at, String name) {
        if (rule.get(name).isPresent()) {
            finite(at + name, name, rule.get(name).getAsDouble());
        }
    }

    private void finite(String where, String name, double v) {
        if (!Double.isFinite(v)) {
            add(where, "scheme.not-finite", name, v);
        }
    }

    private void targets(Indicator leaf, Rule rule, String at) {
        Method method = rule.method();
        boolean fixed = leaf.target().isPresent() && leaf.target().get() == TargetSource.FIXED;
        if (method.needsTarget() && leaf.target().isEmpty()) {
            add(at + ".target", "scheme.target-needed", leaf.code(), method);
        }
        if (!method.needsTarget() && leaf.target().isPresent()) {
            add(at + ".target", "scheme.target-not-used", leaf.code(), method, leaf.target().get());
        }
        if (!method.parameters().contains("target")) {
            return; // rule.target on such a method is an unknown parameter, reported above
        }
        if (fixed && rule.get("target").isEmpty()) {
            add(at + ".rule.target", "scheme.fixed-target-needed", leaf.code());
        }
        if (!fixed && rule.get("target").isPresent()) {
            add(at + ".rule.target", "scheme.target-without-fixed", leaf.code(),
                    leaf.target().map(Enum::name).orElse("-"));
        }
        if (fixed && rule.get("target").isPresent()) {
            double t = rule.get("target").getAsDouble();
            if (method == Method.TARGET_COMPLETION && (!(t > 0) || Double.isInfinite(t))) {
                add(at + ".rule.target", "scheme.out-of-range", "target", t, POSITIVE);
            } else {
                finite(at + ".rule.target", "target", t);
            }
        }
    }

    // ---- tie-breaks ----

    private void tieBreak() {
        Set<String> known = new HashSet<>();
        scheme.dimensions().forEach(d -> known.add(d.code()));
        scheme.leaves().forEach(l -> known.add(l.code()));
        for (int i = 0; i < scheme.tieBreak().size(); i++) {
            String c = scheme.tieBreak().get(i);
            if (!known.contains(c)) {
                add("tieBreak[" + i + "]", "scheme.unknown-tie-break", c);
            }
        }
    }

    // ---- derived indicators ----

    private void derived() {
        Set<String> known = new HashSet<>();
        scheme.inputs().forEach(in -> known.add(in.code()));
        scheme.leaves().forEach(l -> known.add(l.code()));
        scheme.derived().forEach(d -> known.add(d.code()));

        List<Derived> derived = scheme.derived();
        List<Set<String>> refs = new ArrayList<>();
        for (int i = 0; i < derived.size(); i++) {
            Derived d = derived.get(i);
            String at = "derived[" + i + "].expr";
            try {
                Expression e = Expression.parse(d.expr());
                refs.add(e.references());
                for (String r : e.references()) {
                    if (!known.contains(r)) {
                        add(at, "scheme.unknown-code", r, d.code());
                    }
                }
            } catch (ExpressionException e) {
                refs.add(Set.of());
                List<Object> args = new ArrayList<>();
                args.add(e.position() + 1);
                args.add(d.expr());
                args.addAll(e.args());
                add(at, e.code(), args.toArray());
            }
        }
        cycles(derived, refs);
    }

    /** Each strongly connected group of derived entries that reads itself is reported once, at its first member. */
    private void cycles(List<Derived> derived, List<Set<String>> refs) {
        Map<String, Integer> byCode = new LinkedHashMap<>();
        for (int i = 0; i < derived.size(); i++) {
            byCode.putIfAbsent(derived.get(i).code(), i);
        }
        List<List<Integer>> edges = new ArrayList<>();
        for (int i = 0; i < derived.size(); i++) {
            List<Integer> out = new ArrayList<>();
            for (String r : refs.get(i)) {
                Integer j = byCode.get(r);
                if (j != null) {
                    out.add(j);
                }
            }
            edges.add(out);
        }
        new Tarjan(edges).components().forEach(component -> {
            int first = component.stream().min(Integer::compare).orElseThrow();
            boolean selfLoop = edges.get(first).contains(first);
            if (component.size() > 1 || selfLoop) {
                add("derived[" + first + "].expr", "scheme.derived-cycle", derived.get(first).code(),
                        chain(first, component, edges, derived));
            }
        });
    }

    /** A readable cycle through the component starting at {@code first}: {@code A -> B -> A}. */
    private static String chain(int first, Set<Integer> component, List<List<Integer>> edges, List<Derived> derived) {
        List<Integer> path = new ArrayList<>();
        findCycle(first, first, component, edges, path, new HashSet<>());
        StringBuilder sb = new StringBuilder(derived.get(first).code());
        for (int i : path) {
            sb.append(" -> ").append(derived.get(i).code());
        }
        return sb.toString();
    }

    private static boolean findCycle(int at, int goal, Set<Integer> component, List<List<Integer>> edges,
                                     List<Integer> path, Set<Integer> visited) {
        for (int next : edges.get(at)) {
            if (!component.contains(next)) {
                continue;
            }
            if (next == goal) {
                path.add(next);
                return true;
            }
            if (visited.add(next)) {
                path.add(next);
                if (findCycle(next, goal, component, edges, path, visited)) {
                    return true;
                }
                path.remove(path.size() - 1);
            }
        }
        return false;
    }

    /** Tarjan's strongly connected components (recursive: the derived graphs of a scheme are small). */
    private static final class Tarjan {
        private final List<List<Integer>> edges;
        private final int[] index;
        private final int[] low;
        private final boolean[] onStack;
        private final Deque<Integer> stack = new ArrayDeque<>();
        private final List<Set<Integer>> out = new ArrayList<>();
        private int counter = 1;

        Tarjan(List<List<Integer>> edges) {
            this.edges = edges;
            this.index = new int[edges.size()];
            this.low = new int[edges.size()];
            this.onStack = new boolean[edges.size()];
        }

        List<Set<Integer>> components() {
            for (int v = 0; v < edges.size(); v++) {
                if (index[v] == 0) {
                    visit(v);
                }
            }
            out.sort((a, b) -> Integer.compare(a.stream().min(Integer::compare).orElseThrow(),
                    b.stream().min(Integer::compare).orElseThrow()));
            return out;
        }

        private void visit(int v) {
            index[v] = counter;
            low[v] = counter;
            counter++;
            stack.push(v);
            onStack[v] = true;
            for (int w : edges.get(v)) {
                if (index[w] == 0) {
                    visit(w);
                    low[v] = Math.min(low[v], low[w]);
                } else if (onStack[w]) {
                    low[v] = Math.min(low[v], index[w]);
                }
            }
            if (low[v] == index[v]) {
                Set<Integer> component = new TreeSet<>();
                int w;
                do {
                    w = stack.pop();
                    onStack[w] = false;
                    component.add(w);
                } while (w != v);
                out.add(component);
            }
        }
    }

    // ---- inputs, adjustments, vetoes ----

    private void inputs() {
        for (int i = 0; i < scheme.inputs().size(); i++) {
            Input in = scheme.inputs().get(i);
            String at = "inputs[" + i + "]";
            blank(at + ".name", in.name(), false);
            if (in.min().isPresent()) {
                finite(at + ".min", "min", in.min().getAsDouble());
            }
            if (in.max().isPresent()) {
                finite(at + ".max", "max", in.max().getAsDouble());
            }
            if (in.min().isPresent() && in.max().isPresent() && in.min().getAsDouble() > in.max().getAsDouble()) {
                add(at + ".max", "scheme.bounds-order", "min", in.min().getAsDouble(), "max", in.max().getAsDouble(), "<=");
            }
        }
    }

    private void adjustments() {
        for (int i = 0; i < scheme.adjustments().size(); i++) {
            Adjustment a = scheme.adjustments().get(i);
            String at = "adjustments[" + i + "]";
            blank(at + ".name", a.name(), false);
            atLeastZero(at + ".pointsEach", "pointsEach", a.pointsEach());
            if (a.cap().isPresent()) {
                atLeastZero(at + ".cap", "cap", a.cap().getAsDouble());
            }
        }
        for (int i = 0; i < scheme.vetoes().size(); i++) {
            Veto v = scheme.vetoes().get(i);
            blank("vetoes[" + i + "].name", v.name(), false);
        }
    }

    // ---- bottom list and sensitivity ----

    private void bottomRules() {
        Map<BottomRule.Kind, String> seen = new HashMap<>();
        for (int i = 0; i < scheme.bottomRules().size(); i++) {
            BottomRule r = scheme.bottomRules().get(i);
            String at = "bottomRules[" + i + "]";
            String first = seen.putIfAbsent(r.kind(), at + ".rule");
            if (first != null) {
                add(at + ".rule", "scheme.duplicate-bottom-rule", r.kind(), first);
            }
            String name = r.kind().parameterName();
            double p = r.parameter();
            switch (r.kind()) {
                case BOTTOM_N_PER_ZONE:
                    wholeNumberFrom(at + "." + name, name, p, 1);
                    break;
                case CONSECUTIVE:
                    wholeNumberFrom(at + "." + name, name, p, 2);
                    break;
                case BELOW_SCORE:
                    if (Double.isNaN(p)) {
                        add(at + "." + name, "scheme.missing-field", name);
                    } else {
                        finite(at + "." + name, name, p);
                    }
                    break;
                default:
                    break;
            }
        }
    }

    private void wholeNumberFrom(String where, String name, double v, int from) {
        if (!(v >= from) || v != Math.rint(v) || Double.isInfinite(v)) {
            add(where, "scheme.out-of-range", name, v, from + ", " + (from + 1) + ", " + (from + 2) + ", …");
        }
    }

    private void sensitivity() {
        if (!SensitivitySettings.validDraws(scheme.sensitivity().draws())) {
            add("sensitivity.draws", "scheme.out-of-range", "draws", scheme.sensitivity().draws(),
                    SensitivitySettings.MIN_DRAWS + " – " + SensitivitySettings.MAX_DRAWS);
        }
        double spread = scheme.sensitivity().spread();
        if (!SensitivitySettings.validSpread(spread)) {
            add("sensitivity.spread", "scheme.out-of-range", "spread", spread, UNIT_INTERVAL_OPEN);
        }
    }

    // ---- city targets ----

    private void cityTargets() {
        Set<String> derivedCodes = new HashSet<>();
        scheme.derived().forEach(d -> derivedCodes.add(d.code()));
        Set<String> known = new HashSet<>(derivedCodes);
        scheme.leaves().forEach(l -> known.add(l.code()));
        scheme.inputs().forEach(in -> known.add(in.code()));
        for (int i = 0; i < scheme.cityTargets().size(); i++) {
            CityTarget t = scheme.cityTargets().get(i);
            String at = "cityTargets[" + i + "]";
            if (!known.contains(t.code())) {
                add(at + ".code", "scheme.city-target-unknown-code", t.code());
            } else if (t.aggregate() == CityTarget.CityAggregate.RECOMPUTE && !derivedCodes.contains(t.code())) {
                add(at + ".aggregate", "scheme.recompute-needs-derived", t.code());
            }
            blank(at + ".name", t.name(), false);
            finite(at + ".target", "target", t.target());
            year(at + ".year", "year", t.year());
            if (t.cumulativeFrom().isPresent()) {
                int from = t.cumulativeFrom().getAsInt();
                year(at + ".cumulativeFrom", "cumulativeFrom", from);
                if (from > t.year()) {
                    add(at + ".cumulativeFrom", "scheme.bounds-order", "cumulativeFrom", from, "year", t.year(), "<=");
                }
            }
            if (t.baseline().isPresent()) {
                CityTarget.Baseline b = t.baseline().get();
                year(at + ".baseline.year", "year", b.year());
                finite(at + ".baseline.value", "value", b.value());
                if (b.year() >= t.year()) {
                    add(at + ".baseline.year", "scheme.bounds-order", "baseline.year", b.year(), "year", t.year(), "<");
                }
            }
        }
    }

    private void year(String where, String name, int year) {
        if (year < 1000 || year > 9999) {
            add(where, "scheme.out-of-range", name, year, "1000, 1001, …, 9999");
        }
    }
}

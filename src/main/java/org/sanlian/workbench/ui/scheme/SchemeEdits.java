package org.sanlian.workbench.ui.scheme;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.UnaryOperator;

import org.sanlian.workbench.core.model.Adjustment;
import org.sanlian.workbench.core.model.Aggregation;
import org.sanlian.workbench.core.model.BottomRule;
import org.sanlian.workbench.core.model.CityTarget;
import org.sanlian.workbench.core.model.Comparison;
import org.sanlian.workbench.core.model.Derived;
import org.sanlian.workbench.core.model.Dimension;
import org.sanlian.workbench.core.model.Input;
import org.sanlian.workbench.core.model.Node;
import org.sanlian.workbench.core.model.Scheme;
import org.sanlian.workbench.core.model.SensitivitySettings;
import org.sanlian.workbench.core.model.Veto;

/**
 * The scheme editor's edits as pure functions from one immutable scheme to the next: find a node of
 * the tree, replace it, move it among its siblings, and replace the lists beside the tree. Each
 * returns the same scheme when nothing changes, so the history records no empty step.
 */
final class SchemeEdits {

    private SchemeEdits() {
    }

    /** The node of the tree with {@code code}, depth first. */
    static Optional<Node> find(List<Node> nodes, String code) {
        for (Node n : nodes) {
            if (n.code().equals(code)) {
                return Optional.of(n);
            }
            if (n instanceof Dimension d) {
                Optional<Node> inner = find(d.children(), code);
                if (inner.isPresent()) {
                    return inner;
                }
            }
        }
        return Optional.empty();
    }

    /** The dimension that holds {@code code}; empty for a top-level node (or an unknown code). */
    static Optional<Dimension> parentOf(List<Node> nodes, String code) {
        for (Node n : nodes) {
            if (n instanceof Dimension d) {
                if (d.children().stream().anyMatch(c -> c.code().equals(code))) {
                    return Optional.of(d);
                }
                Optional<Dimension> inner = parentOf(d.children(), code);
                if (inner.isPresent()) {
                    return inner;
                }
            }
        }
        return Optional.empty();
    }

    /** The scheme with the node {@code code} replaced by {@code change} applied to it. */
    static Scheme replace(Scheme s, String code, UnaryOperator<Node> change) {
        return s.withTree(replace(s.tree(), code, change));
    }

    private static List<Node> replace(List<Node> nodes, String code, UnaryOperator<Node> change) {
        List<Node> out = new ArrayList<>(nodes.size());
        for (Node n : nodes) {
            if (n.code().equals(code)) {
                out.add(change.apply(n));
            } else if (n instanceof Dimension d) {
                out.add(new Dimension(d.code(), d.name(), d.weight(), replace(d.children(), code, change)));
            } else {
                out.add(n);
            }
        }
        return out;
    }

    /** The scheme with {@code code} moved {@code by} places among its siblings (clamped to the ends). */
    static Scheme shift(Scheme s, String code, int by) {
        List<Node> siblings = siblings(s, code);
        int from = indexOf(siblings, code);
        if (from < 0) {
            return s;
        }
        int to = Math.max(0, Math.min(siblings.size() - 1, from + by));
        return to == from ? s : reorder(s, code, from, to);
    }

    /**
     * The scheme with {@code code} placed before its sibling {@code before} (at the end when empty);
     * a node never leaves its parent, so a {@code before} of another parent changes nothing.
     */
    static Scheme moveBefore(Scheme s, String code, Optional<String> before) {
        List<Node> siblings = siblings(s, code);
        int from = indexOf(siblings, code);
        if (from < 0) {
            return s;
        }
        int to;
        if (before.isEmpty()) {
            to = siblings.size() - 1;
        } else {
            int at = indexOf(siblings, before.get());
            if (at < 0 || at == from) {
                return s;
            }
            to = at > from ? at - 1 : at;
        }
        return to == from ? s : reorder(s, code, from, to);
    }

    /** The scheme with {@code node} added at the end of the dimension {@code parent}. */
    static Scheme addTo(Scheme s, String parent, Node node) {
        return replace(s, parent, n -> {
            Dimension d = (Dimension) n;
            List<Node> children = new ArrayList<>(d.children());
            children.add(node);
            return new Dimension(d.code(), d.name(), d.weight(), children);
        });
    }

    /** The scheme without the node {@code code} (and its children). */
    static Scheme removeNode(Scheme s, String code) {
        return s.withTree(remove(s.tree(), code));
    }

    private static List<Node> remove(List<Node> nodes, String code) {
        List<Node> out = new ArrayList<>(nodes.size());
        for (Node n : nodes) {
            if (n.code().equals(code)) {
                continue;
            }
            out.add(n instanceof Dimension d ? new Dimension(d.code(), d.name(), d.weight(), remove(d.children(), code)) : n);
        }
        return out;
    }

    /** Whether two codes share a parent (drag and drop reorders only among siblings). */
    static boolean siblings(Scheme s, String a, String b) {
        return indexOf(siblings(s, a), b) >= 0;
    }

    private static Scheme reorder(Scheme s, String code, int from, int to) {
        Optional<Dimension> parent = parentOf(s.tree(), code);
        List<Node> list = new ArrayList<>(parent.map(Dimension::children).orElse(s.tree()));
        Node moved = list.remove(from);
        list.add(to, moved);
        if (parent.isEmpty()) {
            return s.withTree(list);
        }
        Dimension p = parent.get();
        return replace(s, p.code(), n -> new Dimension(p.code(), p.name(), p.weight(), list));
    }

    private static List<Node> siblings(Scheme s, String code) {
        return parentOf(s.tree(), code).map(Dimension::children).orElse(s.tree());
    }

    private static int indexOf(List<Node> nodes, String code) {
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).code().equals(code)) {
                return i;
            }
        }
        return -1;
    }

    /** The scheme with other derived entries, adjustments, vetoes and bottom-list rules. */
    static Scheme with(Scheme s, List<Derived> derived, List<Adjustment> adjustments, List<Veto> vetoes,
                       List<BottomRule> bottomRules) {
        return new Scheme(s.code(), s.name(), s.periodKind(), s.aggregation(), s.comparison(), s.decimals(),
                s.tieBreak(), s.bonusCap(), s.penaltyCap(), s.units(), s.zones(), s.tree(), derived, s.inputs(),
                adjustments, vetoes, bottomRules, s.sensitivity(), s.cityTargets());
    }

    /** The scheme with other inputs (the raw figures and their bounds). */
    static Scheme withInputs(Scheme s, List<Input> inputs) {
        return new Scheme(s.code(), s.name(), s.periodKind(), s.aggregation(), s.comparison(), s.decimals(),
                s.tieBreak(), s.bonusCap(), s.penaltyCap(), s.units(), s.zones(), s.tree(), s.derived(), inputs,
                s.adjustments(), s.vetoes(), s.bottomRules(), s.sensitivity(), s.cityTargets());
    }

    /** The scheme with other caps on all bonuses together and all penalties together (none: empty). */
    static Scheme withCaps(Scheme s, double bonusCap, OptionalDouble penaltyCap) {
        return new Scheme(s.code(), s.name(), s.periodKind(), s.aggregation(), s.comparison(), s.decimals(),
                s.tieBreak(), bonusCap, penaltyCap, s.units(), s.zones(), s.tree(), s.derived(), s.inputs(),
                s.adjustments(), s.vetoes(), s.bottomRules(), s.sensitivity(), s.cityTargets());
    }

    /**
     * The scheme with other scheme-wide settings: its name, how totals are made, the default
     * comparison set, the decimals of rounded scores and the tie-break codes in order.
     */
    static Scheme withSettings(Scheme s, String name, Aggregation aggregation, Comparison comparison, int decimals,
                               List<String> tieBreak) {
        return new Scheme(s.code(), name, s.periodKind(), aggregation, comparison, decimals, tieBreak, s.bonusCap(),
                s.penaltyCap(), s.units(), s.zones(), s.tree(), s.derived(), s.inputs(), s.adjustments(), s.vetoes(),
                s.bottomRules(), s.sensitivity(), s.cityTargets());
    }

    static Scheme withName(Scheme s, String name) {
        return withSettings(s, name, s.aggregation(), s.comparison(), s.decimals(), s.tieBreak());
    }

    static Scheme withAggregation(Scheme s, Aggregation aggregation) {
        return withSettings(s, s.name(), aggregation, s.comparison(), s.decimals(), s.tieBreak());
    }

    static Scheme withComparison(Scheme s, Comparison comparison) {
        return withSettings(s, s.name(), s.aggregation(), comparison, s.decimals(), s.tieBreak());
    }

    static Scheme withDecimals(Scheme s, int decimals) {
        return withSettings(s, s.name(), s.aggregation(), s.comparison(), decimals, s.tieBreak());
    }

    static Scheme withTieBreak(Scheme s, List<String> tieBreak) {
        return withSettings(s, s.name(), s.aggregation(), s.comparison(), s.decimals(), tieBreak);
    }

    /** The scheme with tie-break {@code from} moved to place {@code to} (the same scheme when either is out of range). */
    static Scheme moveTieBreak(Scheme s, int from, int to) {
        List<String> list = s.tieBreak();
        if (from < 0 || to < 0 || from >= list.size() || to >= list.size() || from == to) {
            return s;
        }
        List<String> out = new ArrayList<>(list);
        out.add(to, out.remove(from));
        return withTieBreak(s, out);
    }

    /** The scheme with other settings of the rank-stability analysis (draws, spread, seed). */
    static Scheme withSensitivity(Scheme s, SensitivitySettings sensitivity) {
        return new Scheme(s.code(), s.name(), s.periodKind(), s.aggregation(), s.comparison(), s.decimals(),
                s.tieBreak(), s.bonusCap(), s.penaltyCap(), s.units(), s.zones(), s.tree(), s.derived(), s.inputs(),
                s.adjustments(), s.vetoes(), s.bottomRules(), sensitivity, s.cityTargets());
    }

    /** The scheme with other city targets (全市目标). */
    static Scheme withCityTargets(Scheme s, List<CityTarget> cityTargets) {
        return new Scheme(s.code(), s.name(), s.periodKind(), s.aggregation(), s.comparison(), s.decimals(),
                s.tieBreak(), s.bonusCap(), s.penaltyCap(), s.units(), s.zones(), s.tree(), s.derived(), s.inputs(),
                s.adjustments(), s.vetoes(), s.bottomRules(), s.sensitivity(), cityTargets);
    }

    static Scheme withDerived(Scheme s, List<Derived> derived) {
        return with(s, derived, s.adjustments(), s.vetoes(), s.bottomRules());
    }

    static Scheme withAdjustments(Scheme s, List<Adjustment> adjustments) {
        return with(s, s.derived(), adjustments, s.vetoes(), s.bottomRules());
    }

    static Scheme withVetoes(Scheme s, List<Veto> vetoes) {
        return with(s, s.derived(), s.adjustments(), vetoes, s.bottomRules());
    }

    static Scheme withBottomRules(Scheme s, List<BottomRule> rules) {
        return with(s, s.derived(), s.adjustments(), s.vetoes(), rules);
    }

    /** A list with element {@code i} replaced. */
    static <T> List<T> set(List<T> list, int i, T value) {
        List<T> out = new ArrayList<>(list);
        out.set(i, value);
        return out;
    }

    /** A list without element {@code i}. */
    static <T> List<T> remove(List<T> list, int i) {
        List<T> out = new ArrayList<>(list);
        out.remove(i);
        return out;
    }

    /** A list with {@code value} at its end. */
    static <T> List<T> append(List<T> list, T value) {
        List<T> out = new ArrayList<>(list);
        out.add(value);
        return out;
    }
}

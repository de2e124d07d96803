package org.sanlian.workbench.core.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * An assessment scheme (考核方案): the indicator tree and everything else that decides how units
 * are scored and ranked. Immutable; structural checks live in {@code core.check.SchemeValidator}.
 */
public record Scheme(
        String code,
        String name,
        PeriodKind periodKind,
        Aggregation aggregation,
        Comparison comparison,
        int decimals,
        List<String> tieBreak,
        double bonusCap,
        OptionalDouble penaltyCap,
        List<Unit> units,
        List<Zone> zones,
        List<Node> tree,
        List<Derived> derived,
        List<Input> inputs,
        List<Adjustment> adjustments,
        List<Veto> vetoes,
        List<BottomRule> bottomRules,
        SensitivitySettings sensitivity,
        List<CityTarget> cityTargets) {

    public static final int DEFAULT_DECIMALS = 2;
    public static final double DEFAULT_BONUS_CAP = 5;

    public Scheme {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(periodKind, "periodKind");
        Objects.requireNonNull(aggregation, "aggregation");
        Objects.requireNonNull(comparison, "comparison");
        Objects.requireNonNull(penaltyCap, "penaltyCap");
        Objects.requireNonNull(sensitivity, "sensitivity");
        tieBreak = List.copyOf(tieBreak);
        units = List.copyOf(units);
        zones = List.copyOf(zones);
        tree = List.copyOf(tree);
        derived = List.copyOf(derived);
        inputs = List.copyOf(inputs);
        adjustments = List.copyOf(adjustments);
        vetoes = List.copyOf(vetoes);
        bottomRules = List.copyOf(bottomRules);
        cityTargets = List.copyOf(cityTargets);
    }

    /**
     * A cheap hash, consistent with the record's equality (equal schemes share code, name and sizes):
     * schemes key caches (compiled schemes), and the record's own hash would walk every unit, zone
     * and indicator, each record's hash linked at its first use in a fresh process.
     */
    @Override
    public int hashCode() {
        return ((code.hashCode() * 31 + name.hashCode()) * 31 + units.size()) * 31 + tree.size();
    }

    /** The leaves of the tree, depth first, in the scheme's order. */
    public List<Indicator> leaves() {
        List<Indicator> out = new ArrayList<>();
        collect(tree, out, null);
        return Collections.unmodifiableList(out);
    }

    /** The inner nodes of the tree, depth first (pre-order), in the scheme's order. */
    public List<Dimension> dimensions() {
        List<Dimension> out = new ArrayList<>();
        collect(tree, null, out);
        return Collections.unmodifiableList(out);
    }

    private static void collect(List<Node> nodes, List<Indicator> leaves, List<Dimension> dims) {
        for (Node n : nodes) {
            if (n instanceof Dimension) {
                Dimension d = (Dimension) n;
                if (dims != null) {
                    dims.add(d);
                }
                collect(d.children(), leaves, dims);
            } else if (leaves != null) {
                leaves.add((Indicator) n);
            }
        }
    }

    /** Full points of a node: a leaf's weight, or the sum of its children's full points. */
    public static double fullPoints(Node node) {
        if (node instanceof Indicator) {
            return ((Indicator) node).weight();
        }
        double sum = 0;
        for (Node c : ((Dimension) node).children()) {
            sum += fullPoints(c);
        }
        return sum;
    }

    /** The zone of each unit, by unit code. */
    public Map<String, Zone> zoneByUnit() {
        Map<String, Zone> out = new LinkedHashMap<>();
        for (Zone z : zones) {
            for (String u : z.units()) {
                out.put(u, z);
            }
        }
        return out;
    }

    public Optional<Unit> unit(String unitCode) {
        return units.stream().filter(u -> u.code().equals(unitCode)).findFirst();
    }

    public Optional<Input> input(String inputCode) {
        return inputs.stream().filter(i -> i.code().equals(inputCode)).findFirst();
    }

    public Optional<Derived> derivedOf(String derivedCode) {
        return derived.stream().filter(d -> d.code().equals(derivedCode)).findFirst();
    }

    /** The missing-value policy in force for a leaf: its own, else ZERO in POINTS and REWEIGHT in the mean modes. */
    public MissingPolicy missingPolicy(Indicator leaf) {
        return leaf.missing().orElse(aggregation == Aggregation.POINTS ? MissingPolicy.ZERO : MissingPolicy.REWEIGHT);
    }

    /** The comparison set in force for a leaf. */
    public Comparison comparison(Indicator leaf) {
        return leaf.comparison().orElse(comparison);
    }

    /** A copy of this scheme with other units and zones (the units and zones screen edits them). */
    public Scheme withUnitsAndZones(List<Unit> newUnits, List<Zone> newZones) {
        return new Scheme(code, name, periodKind, aggregation, comparison, decimals, tieBreak, bonusCap, penaltyCap,
                newUnits, newZones, tree, derived, inputs, adjustments, vetoes, bottomRules, sensitivity, cityTargets);
    }

    /** A copy of this scheme with another tree (used by sensitivity draws and editors). */
    public Scheme withTree(List<Node> newTree) {
        return new Scheme(code, name, periodKind, aggregation, comparison, decimals, tieBreak, bonusCap, penaltyCap,
                units, zones, newTree, derived, inputs, adjustments, vetoes, bottomRules, sensitivity, cityTargets);
    }
}

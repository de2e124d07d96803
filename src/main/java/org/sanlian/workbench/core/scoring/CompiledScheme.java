package org.sanlian.workbench.core.scoring;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sanlian.workbench.core.check.Issue;
import org.sanlian.workbench.core.check.ValidationException;
import org.sanlian.workbench.core.model.Adjustment;
import org.sanlian.workbench.core.model.Derived;
import org.sanlian.workbench.core.model.Dimension;
import org.sanlian.workbench.core.model.Indicator;
import org.sanlian.workbench.core.model.Input;
import org.sanlian.workbench.core.model.Node;
import org.sanlian.workbench.core.model.Scheme;
import org.sanlian.workbench.core.model.Unit;
import org.sanlian.workbench.core.model.Veto;
import org.sanlian.workbench.core.model.Zone;
import org.sanlian.workbench.core.scoring.expr.Expression;
import org.sanlian.workbench.core.scoring.expr.ExpressionException;

/**
 * A scheme turned into indices for fast scoring: units, zones, leaves and every code a unit can
 * have a value of, and the derived expressions parsed and ordered so that each is evaluated after
 * the codes it reads in the same period.
 */
final class CompiledScheme {

    final Scheme scheme;
    final List<Unit> units;
    final int[] zoneOfUnit;
    final List<Zone> zones;
    final int[][] unitsOfZone;
    final List<Indicator> leaves;
    final Map<String, Integer> leafIndex = new HashMap<>();
    final List<Dimension> dimensions;
    final Map<String, Integer> dimensionIndex = new HashMap<>();
    /** Every code with a value: leaves, inputs, derived, adjustments, vetoes. */
    final Map<String, Integer> codeIndex = new LinkedHashMap<>();
    final String[] codes;
    final int[] leafCode;
    final int[] derivedCode;
    final Expression[] derivedExpr;
    /** Derived entries (indices into derivedCode) in evaluation order. */
    final int[] derivedOrder;
    final int[] adjustmentCode;
    final int[] vetoCode;

    CompiledScheme(Scheme scheme) {
        this.scheme = scheme;
        this.units = scheme.units();
        this.zones = scheme.zones();
        Map<String, Integer> unitIndex = new HashMap<>();
        for (int i = 0; i < units.size(); i++) {
            unitIndex.put(units.get(i).code(), i);
        }
        zoneOfUnit = new int[units.size()];
        java.util.Arrays.fill(zoneOfUnit, -1);
        unitsOfZone = new int[zones.size()][];
        for (int z = 0; z < zones.size(); z++) {
            List<String> members = zones.get(z).units();
            List<Integer> idx = new ArrayList<>();
            for (String m : members) {
                Integer u = unitIndex.get(m);
                if (u != null) {
                    zoneOfUnit[u] = z;
                }
            }
            for (int u = 0; u < units.size(); u++) {
                if (zoneOfUnit[u] == z) {
                    idx.add(u);
                }
            }
            unitsOfZone[z] = idx.stream().mapToInt(Integer::intValue).toArray();
        }
        for (int u = 0; u < units.size(); u++) {
            if (zoneOfUnit[u] < 0) {
                throw new ValidationException(Issue.of("units[" + u + "]", "scheme.unit-without-zone", units.get(u).code()));
            }
        }
        leaves = scheme.leaves();
        dimensions = scheme.dimensions();
        for (int i = 0; i < dimensions.size(); i++) {
            dimensionIndex.put(dimensions.get(i).code(), i);
        }
        for (int i = 0; i < leaves.size(); i++) {
            leafIndex.put(leaves.get(i).code(), i);
            code(leaves.get(i).code());
        }
        for (Input in : scheme.inputs()) {
            code(in.code());
        }
        for (Derived d : scheme.derived()) {
            code(d.code());
        }
        for (Adjustment a : scheme.adjustments()) {
            code(a.code());
        }
        for (Veto v : scheme.vetoes()) {
            code(v.code());
        }
        leafCode = leaves.stream().mapToInt(l -> codeIndex.get(l.code())).toArray();
        List<Derived> derived = scheme.derived();
        derivedCode = new int[derived.size()];
        derivedExpr = new Expression[derived.size()];
        for (int i = 0; i < derived.size(); i++) {
            derivedCode[i] = codeIndex.get(derived.get(i).code());
            try {
                derivedExpr[i] = Expression.parse(derived.get(i).expr());
            } catch (ExpressionException e) {
                List<Object> args = new ArrayList<>();
                args.add(e.position() + 1);
                args.add(derived.get(i).expr());
                args.addAll(e.args());
                throw new ValidationException(Issue.of("derived[" + i + "].expr", e.code(), args.toArray()));
            }
            for (String ref : derivedExpr[i].references()) {
                if (!codeIndex.containsKey(ref)) {
                    throw new ValidationException(Issue.of("derived[" + i + "].expr", "scheme.unknown-code", ref));
                }
            }
        }
        derivedOrder = orderDerived(derived);
        adjustmentCode = scheme.adjustments().stream().mapToInt(a -> codeIndex.get(a.code())).toArray();
        vetoCode = scheme.vetoes().stream().mapToInt(v -> codeIndex.get(v.code())).toArray();
        codes = codeIndex.keySet().toArray(new String[0]);
    }

    private void code(String c) {
        codeIndex.putIfAbsent(c, codeIndex.size());
    }

    /** Depth-first topological order over same-period references; a cycle (prev() included) is refused. */
    private int[] orderDerived(List<Derived> derived) {
        Map<String, Integer> byCode = new HashMap<>();
        for (int i = 0; i < derived.size(); i++) {
            byCode.put(derived.get(i).code(), i);
        }
        int[] state = new int[derived.size()];
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < derived.size(); i++) {
            visit(i, derived, byCode, state, order);
        }
        return order.stream().mapToInt(Integer::intValue).toArray();
    }

    private void visit(int i, List<Derived> derived, Map<String, Integer> byCode, int[] state, List<Integer> order) {
        if (state[i] == 2) {
            return;
        }
        if (state[i] == 1) {
            throw new ValidationException(Issue.of("derived[" + i + "].expr", "scheme.derived-cycle", derived.get(i).code()));
        }
        state[i] = 1;
        for (String ref : derivedExpr[i].references()) {
            Integer j = byCode.get(ref);
            if (j != null) {
                visit(j, derived, byCode, state, order);
            }
        }
        state[i] = 2;
        order.add(i);
    }

    boolean isDerived(String code) {
        for (int c : derivedCode) {
            if (codes[c].equals(code)) {
                return true;
            }
        }
        return false;
    }
}

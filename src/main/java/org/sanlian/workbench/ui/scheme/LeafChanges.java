package org.sanlian.workbench.ui.scheme;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.sanlian.workbench.core.model.Comparison;
import org.sanlian.workbench.core.model.Direction;
import org.sanlian.workbench.core.model.Indicator;
import org.sanlian.workbench.core.model.Method;
import org.sanlian.workbench.core.model.MissingPolicy;
import org.sanlian.workbench.core.model.Rule;
import org.sanlian.workbench.core.model.TargetSource;

/**
 * A leaf with one field changed, as the form beside the tree changes it. Choosing another method
 * keeps the parameters the new method accepts and gives it a target source when it needs one (the
 * unit's commitment) or drops the one it no longer uses, so a method change alone never makes the
 * scheme invalid.
 */
final class LeafChanges {

    private LeafChanges() {
    }

    static Indicator name(Indicator l, String name) {
        return new Indicator(l.code(), name, l.unitOfMeasure(), l.weight(), l.direction(), l.rule(), l.target(),
                l.missing(), l.comparison());
    }

    static Indicator unitOfMeasure(Indicator l, String unit) {
        return new Indicator(l.code(), l.name(), unit, l.weight(), l.direction(), l.rule(), l.target(),
                l.missing(), l.comparison());
    }

    static Indicator direction(Indicator l, Direction direction) {
        return l.withDirection(direction);
    }

    static Indicator missing(Indicator l, Optional<MissingPolicy> policy) {
        return new Indicator(l.code(), l.name(), l.unitOfMeasure(), l.weight(), l.direction(), l.rule(), l.target(),
                policy, l.comparison());
    }

    static Indicator comparison(Indicator l, Optional<Comparison> set) {
        return new Indicator(l.code(), l.name(), l.unitOfMeasure(), l.weight(), l.direction(), l.rule(), l.target(),
                l.missing(), set);
    }

    /** The target source; leaving FIXED drops the rule's fixed target value. */
    static Indicator target(Indicator l, Optional<TargetSource> source) {
        Rule rule = l.rule();
        if (source.orElse(null) != TargetSource.FIXED && rule.get("target").isPresent()) {
            rule = parameter(rule, "target", Optional.empty());
        }
        return new Indicator(l.code(), l.name(), l.unitOfMeasure(), l.weight(), l.direction(), rule, source,
                l.missing(), l.comparison());
    }

    static Indicator method(Indicator l, Method method) {
        Map<String, Double> kept = new TreeMap<>();
        l.rule().parameters().forEach((k, v) -> {
            if (method.parameters().contains(k)) {
                kept.put(k, v);
            }
        });
        Optional<TargetSource> target = l.target();
        if (method.needsTarget() && target.isEmpty()) {
            target = Optional.of(TargetSource.COMMITMENT);
        } else if (!method.needsTarget()) {
            target = Optional.empty();
        }
        if (target.orElse(null) != TargetSource.FIXED) {
            kept.remove("target");
        }
        return new Indicator(l.code(), l.name(), l.unitOfMeasure(), l.weight(), l.direction(),
                new Rule(method, kept), target, l.missing(), l.comparison());
    }

    /** A rule parameter set, or removed (the engine's default applies) when empty. */
    static Indicator parameter(Indicator l, String name, Optional<Double> value) {
        return new Indicator(l.code(), l.name(), l.unitOfMeasure(), l.weight(), l.direction(),
                parameter(l.rule(), name, value), l.target(), l.missing(), l.comparison());
    }

    private static Rule parameter(Rule rule, String name, Optional<Double> value) {
        Map<String, Double> copy = new TreeMap<>(rule.parameters());
        if (value.isPresent()) {
            copy.put(name, value.get());
        } else {
            copy.remove(name);
        }
        return new Rule(rule.method(), copy);
    }
}

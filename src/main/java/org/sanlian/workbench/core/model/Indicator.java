package org.sanlian.workbench.core.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A leaf of the tree (指标). Its value comes from the data or from a derived expression with
 * the same code. {@code missing} and {@code comparison} are empty where the scheme's default
 * applies.
 */
public record Indicator(
        String code,
        String name,
        String unitOfMeasure,
        double weight,
        Direction direction,
        Rule rule,
        Optional<TargetSource> target,
        Optional<MissingPolicy> missing,
        Optional<Comparison> comparison) implements Node {

    public Indicator {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unitOfMeasure, "unitOfMeasure");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(missing, "missing");
        Objects.requireNonNull(comparison, "comparison");
    }

    /** A leaf with the defaults: POSITIVE, no target source, scheme-wide missing policy and comparison. */
    public static Indicator of(String code, String name, double weight, Rule rule) {
        return new Indicator(code, name, "", weight, Direction.POSITIVE, rule,
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    public Indicator withWeight(double newWeight) {
        return new Indicator(code, name, unitOfMeasure, newWeight, direction, rule, target, missing, comparison);
    }

    public Indicator withDirection(Direction newDirection) {
        return new Indicator(code, name, unitOfMeasure, weight, newDirection, rule, target, missing, comparison);
    }

    public Indicator withTarget(TargetSource source) {
        return new Indicator(code, name, unitOfMeasure, weight, direction, rule, Optional.of(source), missing, comparison);
    }

    public Indicator withMissing(MissingPolicy policy) {
        return new Indicator(code, name, unitOfMeasure, weight, direction, rule, target, Optional.of(policy), comparison);
    }

    public Indicator withComparison(Comparison set) {
        return new Indicator(code, name, unitOfMeasure, weight, direction, rule, target, missing, Optional.of(set));
    }
}

package org.sanlian.workbench.core.model;

import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * A leaf's scoring rule: its method and the parameters given in the scheme.
 * Defaults are applied by the scoring engine, not here, so a scheme written back
 * keeps exactly what its author wrote.
 */
public record Rule(Method method, Map<String, Double> parameters) {

    public Rule {
        Objects.requireNonNull(method, "method");
        parameters = Map.copyOf(parameters);
    }

    public static Rule of(Method method) {
        return new Rule(method, Map.of());
    }

    public Rule with(String name, double value) {
        Map<String, Double> copy = new TreeMap<>(parameters);
        copy.put(name, value);
        return new Rule(method, copy);
    }

    public OptionalDouble get(String name) {
        Double v = parameters.get(name);
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    public double get(String name, double defaultValue) {
        Double v = parameters.get(name);
        return v == null ? defaultValue : v;
    }
}

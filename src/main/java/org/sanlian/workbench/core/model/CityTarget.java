package org.sanlian.workbench.core.model;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/** A city-level goal (e.g. R&D intensity 3% by 2026) and how the city figure is formed. */
public record CityTarget(String code, String name, double target, int year, CityAggregate aggregate,
                         OptionalInt cumulativeFrom, Optional<Baseline> baseline) {

    public enum CityAggregate { SUM, RECOMPUTE }

    /** The starting point for progress and the yearly path needed. */
    public record Baseline(int year, double value) { }

    public CityTarget {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(aggregate, "aggregate");
        Objects.requireNonNull(cumulativeFrom, "cumulativeFrom");
        Objects.requireNonNull(baseline, "baseline");
    }
}

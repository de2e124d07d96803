package org.sanlian.workbench.core.model;

import java.util.Objects;

/**
 * A bottom-list rule (末位约谈) with its parameter: {@code n} for BOTTOM_N_PER_ZONE,
 * {@code score} for BELOW_SCORE, {@code periods} for CONSECUTIVE; others ignore it.
 */
public record BottomRule(Kind kind, double parameter) {

    public enum Kind {
        BOTTOM_N_PER_ZONE(1), BELOW_SCORE(Double.NaN), VETO(0), DIMENSION_LAST(0), CONSECUTIVE(2);

        private final double defaultParameter;

        Kind(double defaultParameter) {
            this.defaultParameter = defaultParameter;
        }

        /** The default of the rule's parameter; NaN where the rule needs one given. */
        public double defaultParameter() {
            return defaultParameter;
        }

        /** The scheme-file field that holds the parameter, or empty. */
        public String parameterName() {
            switch (this) {
                case BOTTOM_N_PER_ZONE: return "n";
                case BELOW_SCORE: return "score";
                case CONSECUTIVE: return "periods";
                default: return "";
            }
        }
    }

    public BottomRule {
        Objects.requireNonNull(kind, "kind");
    }

    public static BottomRule of(Kind kind) {
        return new BottomRule(kind, kind.defaultParameter());
    }

    public int count() {
        return (int) parameter;
    }
}

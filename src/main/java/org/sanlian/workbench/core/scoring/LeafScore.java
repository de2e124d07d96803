package org.sanlian.workbench.core.scoring;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A unit's result on one leaf, unrounded. {@code value} is the scored value (the imputed one where
 * imputed); {@code points} is empty in the mean modes and for a leaf dropped by REWEIGHT;
 * {@code normalised} is the rule's n. In POINTS a reweighted parent's leaves show scaled points.
 */
public record LeafScore(String code, State state, OptionalDouble value, OptionalDouble points, OptionalDouble normalised) {

    public enum State {
        /** Scored from an entered or derived value. */
        SCORED,
        /** Scored from the zone mean (ZONE_MEAN). */
        IMPUTED,
        /** Missing and scored 0 (ZERO, or ZONE_MEAN without any value in the zone). */
        MISSING_ZERO,
        /** Missing and dropped (REWEIGHT). */
        DROPPED
    }

    public LeafScore {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(points, "points");
        Objects.requireNonNull(normalised, "normalised");
    }

    /** Points in POINTS mode or the normalised score in the mean modes; what "weakest" and tie-breaks compare. */
    public OptionalDouble score() {
        return points.isPresent() ? points : normalised;
    }
}

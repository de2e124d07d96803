package org.sanlian.workbench.core.scoring;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

import org.sanlian.workbench.core.bottom.BottomEntry;
import org.sanlian.workbench.core.model.Unit;
import org.sanlian.workbench.core.model.Zone;

/**
 * One unit's result in a period. {@code total} and {@code subtotals} are rounded as the scheme says
 * (what is ranked, shown and exported); {@code subtotals} holds every dimension in tree order, empty
 * where a mean-mode node has no score. {@code bonus} and {@code penalty} are the capped sums.
 */
public record UnitResult(
        Unit unit,
        Zone zone,
        double total,
        double unroundedTotal,
        int rank,
        int zoneRank,
        OptionalInt rankChange,
        boolean vetoed,
        double bonus,
        double penalty,
        Map<String, OptionalDouble> subtotals,
        List<LeafScore> leaves,
        List<String> flags,
        Optional<BottomEntry> bottom) {

    public UnitResult {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(rankChange, "rankChange");
        subtotals = subtotals instanceof SubtotalMap ? subtotals
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(subtotals));
        leaves = leaves instanceof LeafScoreList ? leaves : List.copyOf(leaves);
        flags = List.copyOf(flags);
        Objects.requireNonNull(bottom, "bottom");
    }

    /** The score of the leaf at this position ({@link LeafScore#score()}), NaN when it has none. */
    public double leafScore(int leafIndex) {
        if (leaves instanceof LeafScoreList) {
            return ((LeafScoreList) leaves).score(leafIndex);
        }
        return leaves.get(leafIndex).score().orElse(Double.NaN);
    }

    /** The scored value of the leaf at this position ({@link LeafScore#value()}), NaN when it has none. */
    public double leafValue(int leafIndex) {
        if (leaves instanceof LeafScoreList) {
            return ((LeafScoreList) leaves).value(leafIndex);
        }
        return leaves.get(leafIndex).value().orElse(Double.NaN);
    }

    /** This result with another rank change. */
    public UnitResult withRankChange(OptionalInt change) {
        return new UnitResult(unit, zone, total, unroundedTotal, rank, zoneRank, change, vetoed, bonus, penalty,
                subtotals, leaves, flags, bottom);
    }

    /** This result with its bottom-list entry (or none). */
    public UnitResult withBottom(Optional<BottomEntry> entry) {
        return new UnitResult(unit, zone, total, unroundedTotal, rank, zoneRank, rankChange, vetoed, bonus, penalty,
                subtotals, leaves, flags, entry);
    }

    public boolean listed() {
        return bottom.isPresent();
    }

    public Optional<LeafScore> leaf(String code) {
        return leaves.stream().filter(l -> l.code().equals(code)).findFirst();
    }
}

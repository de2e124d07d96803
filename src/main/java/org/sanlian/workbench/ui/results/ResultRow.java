package org.sanlian.workbench.ui.results;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

import org.sanlian.workbench.core.bottom.Level;
import org.sanlian.workbench.core.model.Dimension;
import org.sanlian.workbench.core.scoring.UnitResult;

/**
 * One line of a ranking table: a unit's result in the numbers the table shows and sorts by.
 * {@code subtotals} follows the order of the scheme's top-level dimensions (empty where a node has no
 * score); {@code rankChange} is empty without a previous period or for a unit not ranked in it, which
 * {@code newcomer} tells apart (新); {@code bottom} is empty when the unit is not on the bottom list.
 */
public record ResultRow(
        String unitCode,
        String unitName,
        String zoneCode,
        String zoneName,
        int rank,
        int zoneRank,
        double total,
        List<OptionalDouble> subtotals,
        double bonus,
        double penalty,
        OptionalInt rankChange,
        boolean newcomer,
        Optional<Level> bottom,
        boolean vetoed) {

    public ResultRow {
        Objects.requireNonNull(unitCode, "unitCode");
        Objects.requireNonNull(unitName, "unitName");
        Objects.requireNonNull(zoneCode, "zoneCode");
        Objects.requireNonNull(zoneName, "zoneName");
        subtotals = List.copyOf(subtotals);
        Objects.requireNonNull(rankChange, "rankChange");
        Objects.requireNonNull(bottom, "bottom");
    }

    /** A unit's row; {@code hasPrevious} whether the period has a previous one to compare ranks with. */
    static ResultRow of(UnitResult r, List<Dimension> columns, boolean hasPrevious) {
        List<OptionalDouble> subtotals = columns.stream()
                .map(d -> r.subtotals().getOrDefault(d.code(), OptionalDouble.empty()))
                .toList();
        return new ResultRow(r.unit().code(), r.unit().name(), r.zone().code(), r.zone().name(), r.rank(),
                r.zoneRank(), r.total(), subtotals, r.bonus(), r.penalty(), r.rankChange(),
                hasPrevious && r.rankChange().isEmpty(), r.bottom().map(b -> b.level()), r.vetoed());
    }

    // written out: the record's generated equality is linked at its first use, on the window's thread
    // when the first ranking is shown (docs/performance.md, "Start-up of the window")
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof ResultRow r && unitCode.equals(r.unitCode) && rank == r.rank
                && zoneRank == r.zoneRank && Double.compare(total, r.total) == 0
                && Double.compare(bonus, r.bonus) == 0 && Double.compare(penalty, r.penalty) == 0
                && newcomer == r.newcomer && vetoed == r.vetoed && unitName.equals(r.unitName)
                && zoneCode.equals(r.zoneCode) && zoneName.equals(r.zoneName) && subtotals.equals(r.subtotals)
                && rankChange.equals(r.rankChange) && bottom.equals(r.bottom);
    }

    @Override
    public int hashCode() {
        return Objects.hash(unitCode, unitName, zoneCode, zoneName, rank, zoneRank, total, subtotals, bonus, penalty,
                rankChange, newcomer, bottom, vetoed);
    }

    /** Whether the unit is on the bottom list at all (an interview or a reminder). */
    public boolean listed() {
        return bottom.isPresent();
    }

    /** Whether the unit is listed for an interview (约谈 or 升级约谈), not only a reminder. */
    public boolean interview() {
        return bottom.isPresent() && bottom.get() != Level.REMINDER;
    }
}

package org.sanlian.workbench.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.sanlian.workbench.core.check.Issue;
import org.sanlian.workbench.core.check.ValidationException;
import org.sanlian.workbench.core.model.CoverageItem;
import org.sanlian.workbench.core.model.Period;

/**
 * 七有 coverage: for each unit and period, its characteristic industry chains against the seven
 * items, whether each is in place and the evidence. Writes are upserts that leave an unchanged item
 * alone, so saving the same sheet twice changes nothing and adds nothing to the audit log.
 */
public final class CoverageRepository {

    private static final String UPSERT = "INSERT INTO coverage (period_id, unit_id, chain, item, covered, evidence, "
            + "operator, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (period_id, unit_id, chain, item) "
            + "DO UPDATE SET covered = excluded.covered, evidence = excluded.evidence, operator = excluded.operator, "
            + "changed_at = excluded.changed_at "
            + "WHERE coverage.covered IS NOT excluded.covered OR coverage.evidence IS NOT excluded.evidence";

    private static final String SELECT = "SELECT u.code, c.chain, c.item, c.covered, c.evidence FROM coverage c "
            + "JOIN period p ON p.id = c.period_id JOIN unit u ON u.id = c.unit_id WHERE p.code = ?";

    private static final String ORDER = " ORDER BY u.code, c.chain, c.item";

    /** Rows of one unit's chain in one period. */
    private static final String OF_CHAIN = "period_id = (SELECT id FROM period WHERE code = ?) "
            + "AND unit_id = (SELECT id FROM unit WHERE code = ?) AND chain = ?";

    private CoverageRepository() {
    }

    /**
     * Writes coverage items (new ones inserted, changed ones updated, equal ones left alone) and
     * returns how many rows changed. Every unit must be kept already; periods are created as needed.
     */
    public static int save(Connection c, Collection<CoverageItem> items, String operator, String now)
            throws SQLException {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(now, "now");
        Map<String, Long> units = Keys.unitIds(c);
        Map<Period, Long> periods = new HashMap<>();
        int changed = 0;
        try (PreparedStatement s = c.prepareStatement(UPSERT)) {
            for (CoverageItem item : items) {
                Long unit = units.get(item.unit());
                if (unit == null) {
                    throw new ValidationException(Issue.of(item.unit(), "store.unknown-unit", item.unit()));
                }
                Long period = periods.get(item.period());
                if (period == null) {
                    period = Keys.periodId(c, item.period());
                    periods.put(item.period(), period);
                }
                s.setLong(1, period);
                s.setLong(2, unit);
                s.setString(3, item.chain());
                s.setInt(4, item.item());
                s.setInt(5, item.covered() ? 1 : 0);
                s.setString(6, item.evidence());
                s.setString(7, operator);
                s.setString(8, now);
                changed += s.executeUpdate();
            }
        }
        return changed;
    }

    /** Every unit's coverage in one period, by unit code, chain and item (empty for an unknown period). */
    public static List<CoverageItem> load(Connection c, Period period) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SELECT + ORDER)) {
            s.setString(1, period.toString());
            return read(s, period);
        }
    }

    /** One unit's coverage in one period, by chain and item. */
    public static List<CoverageItem> load(Connection c, Period period, String unit) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SELECT + " AND u.code = ?" + ORDER)) {
            s.setString(1, period.toString());
            s.setString(2, unit);
            return read(s, period);
        }
    }

    /**
     * The latest period before {@code period} of the same kind (2024 before 2025, 2025H1 before
     * 2025H2) that has any coverage item kept; empty when there is none.
     */
    public static java.util.Optional<Period> latestBefore(Connection c, Period period) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT p.code FROM period p WHERE p.kind = ? "
                + "AND (p.year < ? OR (p.year = ? AND p.part < ?)) "
                + "AND EXISTS (SELECT 1 FROM coverage c WHERE c.period_id = p.id) "
                + "ORDER BY p.year DESC, p.part DESC LIMIT 1")) {
            s.setString(1, period.kind().name());
            s.setInt(2, period.year());
            s.setInt(3, period.year());
            s.setInt(4, period.part());
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Period.parse(r.getString(1)) : java.util.Optional.empty();
            }
        }
    }

    /**
     * Renames one unit's chain in one period and returns how many items moved (0 when there is no
     * such chain). Refused when the unit already has a chain named {@code to} in that period.
     *
     * <p>Done as an insert of the renamed items and a delete of the old ones, so the audit log
     * records the rename (the schema's update trigger watches only {@code covered} and
     * {@code evidence}). The renamed items carry the operator and time of the current write.
     */
    public static int renameChain(Connection c, Period period, String unit, String from, String to)
            throws SQLException {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBlank()) {
            throw new IllegalArgumentException("chain must not be blank");
        }
        if (from.equals(to)) {
            return 0;
        }
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM coverage WHERE " + OF_CHAIN + " LIMIT 1")) {
            s.setString(1, period.toString());
            s.setString(2, unit);
            s.setString(3, to);
            try (ResultSet r = s.executeQuery()) {
                if (r.next()) {
                    throw new ValidationException(Issue.of(unit, "store.chain-exists", to, unit, period));
                }
            }
        }
        int moved;
        try (PreparedStatement s = c.prepareStatement("INSERT INTO coverage (period_id, unit_id, chain, item, covered, "
                + "evidence, operator, changed_at) SELECT period_id, unit_id, ?, item, covered, evidence, "
                + "(SELECT operator FROM actor WHERE id = 1), (SELECT at FROM actor WHERE id = 1) FROM coverage WHERE "
                + OF_CHAIN)) {
            s.setString(1, to);
            s.setString(2, period.toString());
            s.setString(3, unit);
            s.setString(4, from);
            moved = s.executeUpdate();
        }
        int removed = removeChain(c, period, unit, from);
        if (removed != moved) {
            throw new SQLException("renaming chain " + from + " moved " + moved + " items but removed " + removed);
        }
        return moved;
    }

    /** Removes one unit's chain (all its items) in one period; returns how many items there were. */
    public static int removeChain(Connection c, Period period, String unit, String chain) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM coverage WHERE " + OF_CHAIN)) {
            s.setString(1, period.toString());
            s.setString(2, unit);
            s.setString(3, chain);
            return s.executeUpdate();
        }
    }

    private static List<CoverageItem> read(PreparedStatement s, Period period) throws SQLException {
        List<CoverageItem> out = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                out.add(new CoverageItem(period, r.getString(1), r.getString(2), r.getInt(3), r.getInt(4) != 0,
                        r.getString(5)));
            }
        }
        return out;
    }
}

package org.sanlian.workbench.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.sanlian.workbench.core.model.Observation;
import org.sanlian.workbench.core.model.Period;

/**
 * Targets: a unit's commitments (公开承诺) or a zone's target, by period, subject (unit or zone
 * code) and code. Writes leave unchanged targets alone.
 */
public final class TargetRepository {

    private static final String UPSERT = "INSERT INTO target (period_id, subject, unit_id, code, value, note, source, "
            + "operator, changed_at, batch_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT (period_id, subject, code) DO UPDATE SET value = excluded.value, note = excluded.note, "
            + "source = excluded.source, operator = excluded.operator, changed_at = excluded.changed_at, "
            + "batch_id = excluded.batch_id WHERE target.value IS NOT excluded.value OR target.note IS NOT excluded.note";

    private TargetRepository() {
    }

    /** Writes targets; a target's subject is a unit code or a zone code. Returns how many rows changed. */
    public static int upsert(Connection c, Collection<Observation> targets, String source, long batch, String operator,
                             String now) throws SQLException {
        Map<String, Long> units = Keys.unitIds(c);
        Map<Period, Long> periods = new HashMap<>();
        int changed = 0;
        try (PreparedStatement s = c.prepareStatement(UPSERT)) {
            for (Observation o : targets) {
                if (o.value().isEmpty()) {
                    continue; // a target left empty is no target
                }
                Long period = periods.get(o.period());
                if (period == null) {
                    period = Keys.periodId(c, o.period());
                    periods.put(o.period(), period);
                }
                s.setLong(1, period);
                s.setString(2, o.unit());
                Long unit = units.get(o.unit());
                if (unit == null) {
                    s.setNull(3, Types.INTEGER);
                } else {
                    s.setLong(3, unit);
                }
                s.setString(4, o.code());
                s.setDouble(5, o.value().getAsDouble());
                s.setString(6, o.note());
                s.setString(7, source);
                s.setString(8, operator);
                s.setString(9, now);
                if (batch > 0) {
                    s.setLong(10, batch);
                } else {
                    s.setNull(10, Types.INTEGER);
                }
                changed += s.executeUpdate();
            }
        }
        return changed;
    }

    /** Removes one target; returns whether there was one. */
    public static boolean delete(Connection c, Period period, String subject, String code) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM target WHERE period_id = (SELECT id FROM period "
                + "WHERE code = ?) AND subject = ? AND code = ?")) {
            s.setString(1, period.toString());
            s.setString(2, subject);
            s.setString(3, code);
            return s.executeUpdate() > 0;
        }
    }

    /** The periods that have any target kept (of a unit or a zone), in time order. */
    public static List<Period> periods(Connection c) throws SQLException {
        List<Period> out = new ArrayList<>();
        for (Map.Entry<Long, Period> p : Keys.periods(c).entrySet()) {
            try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM target WHERE period_id = ? LIMIT 1")) {
                s.setLong(1, p.getKey());
                try (ResultSet r = s.executeQuery()) {
                    if (r.next()) {
                        out.add(p.getValue());
                    }
                }
            }
        }
        return out;
    }

    /** The targets of the given periods. */
    public static List<Observation> load(Connection c, Collection<Period> wanted) throws SQLException {
        List<Observation> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT subject, code, value, note FROM target WHERE period_id = ? ORDER BY subject, code")) {
            for (Map.Entry<Long, Period> p : Keys.periods(c).entrySet()) {
                if (!wanted.contains(p.getValue())) {
                    continue;
                }
                s.setLong(1, p.getKey());
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(new Observation(p.getValue(), r.getString(1), r.getString(2),
                                OptionalDouble.of(r.getDouble(3)), r.getString(4)));
                    }
                }
            }
        }
        return out;
    }
}

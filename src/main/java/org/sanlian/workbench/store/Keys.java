package org.sanlian.workbench.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.model.PeriodKind;

/** Row ids of units and periods by their codes; periods are created the first time they are used. */
final class Keys {

    private Keys() {
    }

    /** Unit id by unit code. */
    static Map<String, Long> unitIds(Connection c) throws SQLException {
        Map<String, Long> out = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT code, id FROM unit");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                out.put(r.getString(1), r.getLong(2));
            }
        }
        return out;
    }

    /** Unit code by unit id. */
    static Map<Long, String> unitCodes(Connection c) throws SQLException {
        Map<Long, String> out = new HashMap<>();
        for (Map.Entry<String, Long> e : unitIds(c).entrySet()) {
            out.put(e.getValue(), e.getKey());
        }
        return out;
    }

    /** The id of a period, creating its row if needed. */
    static long periodId(Connection c, Period period) throws SQLException {
        Optional<Long> id = existingPeriodId(c, period);
        if (id.isPresent()) {
            return id.get();
        }
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO period (code, year, kind, part) VALUES (?, ?, ?, ?) RETURNING id")) {
            s.setString(1, period.toString());
            s.setInt(2, period.year());
            s.setString(3, period.kind().name());
            s.setInt(4, period.part());
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    static Optional<Long> existingPeriodId(Connection c, Period period) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM period WHERE code = ?")) {
            s.setString(1, period.toString());
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getLong(1)) : Optional.empty();
            }
        }
    }

    /** Every period kept, by id, in time order. */
    static Map<Long, Period> periods(Connection c) throws SQLException {
        Map<Long, Period> out = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT id, year, kind, part FROM period ORDER BY year, kind, part");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                out.put(r.getLong(1), new Period(r.getInt(2), PeriodKind.valueOf(r.getString(3)), r.getInt(4)));
            }
        }
        return out;
    }
}

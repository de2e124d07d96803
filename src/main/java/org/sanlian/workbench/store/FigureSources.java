package org.sanlian.workbench.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.sanlian.workbench.core.model.Period;

/** Where a period's figures and targets came from: each recorded source with its count of values. */
public final class FigureSources {

    private FigureSources() {
    }

    /** Sources of the period's figures (blank sources as ""), most values first, then by name. */
    public static Map<String, Integer> figures(Connection c, Period period) throws SQLException {
        return count(c, "SELECT f.source, count(*) FROM figure f JOIN period p ON p.id = f.period_id "
                + "WHERE p.code = ? GROUP BY f.source ORDER BY count(*) DESC, f.source", period);
    }

    /** Sources of the period's targets (commitments and zone targets), as {@link #figures}. */
    public static Map<String, Integer> targets(Connection c, Period period) throws SQLException {
        return count(c, "SELECT t.source, count(*) FROM target t JOIN period p ON p.id = t.period_id "
                + "WHERE p.code = ? GROUP BY t.source ORDER BY count(*) DESC, t.source", period);
    }

    private static Map<String, Integer> count(Connection c, String sql, Period period) throws SQLException {
        Map<String, Integer> out = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, period.toString());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.put(r.getString(1), r.getInt(2));
                }
            }
        }
        return out;
    }
}

package org.sanlian.workbench.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** One row per import: what was read, by whom and when, and how many rows it changed. */
public final class ImportBatches {

    /** What an import brought in. */
    public enum Kind { DATA, TARGETS, COVERAGE, EDIT }

    private ImportBatches() {
    }

    /** Opens a batch (rows 0); the figures written refer to its id. */
    public static long open(Connection c, Kind kind, String source, String operator, String now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO import_batch (kind, source, operator, at, rows) VALUES (?, ?, ?, ?, 0) RETURNING id")) {
            s.setString(1, kind.name());
            s.setString(2, source);
            s.setString(3, operator);
            s.setString(4, now);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /** Records how many rows the batch changed. */
    public static void close(Connection c, long batch, int rows) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE import_batch SET rows = ? WHERE id = ?")) {
            s.setInt(1, rows);
            s.setLong(2, batch);
            s.executeUpdate();
        }
    }
}

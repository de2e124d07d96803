package org.sanlian.workbench.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sanlian.workbench.core.model.AuditEntry;
import org.sanlian.workbench.core.model.AuditFilter;

/**
 * Reads the audit log that the schema's triggers write: who changed what, when, from what to what.
 * Filters combine (all must hold); times compare as ISO-8601 UTC text.
 */
public final class AuditRepository {

    private AuditRepository() {
    }

    /** The entries that pass the filter, oldest first (the newest {@code limit} when limited). */
    public static List<AuditEntry> list(Connection c, AuditFilter f) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT id, at, operator, entity, action, unit_code, period_code, code, "
                + "old_value, new_value FROM audit_trail WHERE 1 = 1");
        List<String> args = conditions(sql, f);
        sql.append(" ORDER BY at DESC, action = 'INSERT', id DESC");
        if (f.limit() > 0) {
            sql.append(" LIMIT ").append(f.limit());
        }
        List<AuditEntry> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                s.setString(i + 1, args.get(i));
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new AuditEntry(r.getLong(1), r.getString(2), r.getString(3), r.getString(4),
                            r.getString(5), Optional.ofNullable(r.getString(6)), Optional.ofNullable(r.getString(7)),
                            Optional.ofNullable(r.getString(8)), Optional.ofNullable(r.getString(9)),
                            Optional.ofNullable(r.getString(10))));
                }
            }
        }
        java.util.Collections.reverse(out);
        return out;
    }

    /** How many entries the log holds. */
    public static long count(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM audit_trail");
             ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    /** How many entries pass the filter (its limit aside). */
    public static long count(Connection c, AuditFilter f) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT count(*) FROM audit_trail WHERE 1 = 1");
        List<String> args = conditions(sql, f);
        try (PreparedStatement s = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                s.setString(i + 1, args.get(i));
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static List<String> conditions(StringBuilder sql, AuditFilter f) {
        List<String> args = new ArrayList<>();
        where(sql, args, "unit_code = ?", f.unit());
        where(sql, args, "period_code = ?", f.period());
        where(sql, args, "code = ?", f.code());
        where(sql, args, "operator = ?", f.operator());
        where(sql, args, "entity = ?", f.entity());
        where(sql, args, "at >= ?", f.from());
        where(sql, args, "at <= ?", f.to());
        Optional<String> text = f.text().map(String::strip).filter(t -> !t.isEmpty());
        if (text.isPresent()) {
            String like = "%" + text.get().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            String[] columns = {"operator", "unit_code", "period_code", "code", "old_value", "new_value"};
            sql.append(" AND (");
            for (int i = 0; i < columns.length; i++) {
                sql.append(i == 0 ? "" : " OR ").append(columns[i]).append(" LIKE ? ESCAPE '\\'");
                args.add(like);
            }
            sql.append(')');
        }
        return args;
    }

    private static void where(StringBuilder sql, List<String> args, String condition, Optional<String> value) {
        if (value.isPresent()) {
            sql.append(" AND ").append(condition);
            args.add(value.get());
        }
    }
}

package org.sanlian.workbench.store;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.sanlian.workbench.core.check.Issue;
import org.sanlian.workbench.core.check.ValidationException;
import org.sanlian.workbench.core.model.Observation;
import org.sanlian.workbench.core.model.Period;

/**
 * Figures (the data file's rows: inputs, entered indicator values, adjustment counts, veto flags)
 * by period, unit and code, each with its note, source, operator and time. Writes are upserts that
 * leave an unchanged figure alone, so importing the same file twice changes nothing.
 */
public final class FigureRepository {

    /** One figure as kept, with where it came from and who last changed it. */
    public record StoredFigure(Observation observation, String source, String operator, String changedAt) {
    }

    private static final String ON_CONFLICT = " ON CONFLICT (period_id, unit_id, code) DO UPDATE "
            + "SET value = excluded.value, note = excluded.note, source = excluded.source, operator = excluded.operator, "
            + "changed_at = excluded.changed_at, batch_id = excluded.batch_id "
            + "WHERE figure.value IS NOT excluded.value OR figure.note IS NOT excluded.note";

    /** Rows in one INSERT statement. */
    private static final int ROWS = 100;

    private FigureRepository() {
    }

    /**
     * Writes figures (new ones inserted, changed ones updated, equal ones left alone) and returns
     * how many rows changed. Every unit must be kept already; {@code batch} may be 0 for none.
     * A figure an import batch inserts keeps that batch and its value as its audit INSERT line
     * (view {@code audit_trail}); every other insert, and every change and delete, is written to
     * the audit log by the triggers.
     */
    public static int upsert(Connection c, Collection<Observation> figures, String source, long batch, String operator,
                             String now) throws SQLException {
        Map<String, Long> units = Keys.unitIds(c);
        Map<Period, Long> periods = new HashMap<>();
        int changed = 0;
        List<Observation> all = figures instanceof List ? (List<Observation>) figures : new ArrayList<>(figures);
        int full = all.size() / ROWS * ROWS;
        // many rows per statement: a statement's own cost (and its calls into SQLite) is paid per hundred rows
        try (PreparedStatement many = full > 0 ? c.prepareStatement(upsert(ROWS)) : null) {
            for (int at = 0; at < full; at += ROWS) {
                bind(c, many, all.subList(at, at + ROWS), units, periods, source, batch, operator, now);
                changed += many.executeUpdate();
            }
        }
        if (full < all.size()) {
            try (PreparedStatement rest = c.prepareStatement(upsert(all.size() - full))) {
                bind(c, rest, all.subList(full, all.size()), units, periods, source, batch, operator, now);
                changed += rest.executeUpdate();
            }
        }
        return changed;
    }

    /** Parameters ?1..?4 are the source, operator, time and batch of every row; each row has five of its own. */
    private static String upsert(int rows) {
        StringBuilder sql = new StringBuilder(64 + rows * 64).append("INSERT INTO figure (period_id, unit_id, code, "
                + "value, note, source, operator, changed_at, batch_id, created_batch, created_value, created_note) VALUES ");
        for (int i = 0; i < rows; i++) {
            int b = 5 + i * 5;
            sql.append(i == 0 ? "" : ",").append("(?").append(b).append(",?").append(b + 1).append(",?").append(b + 2)
                    .append(",?").append(b + 3).append(",?").append(b + 4).append(",?1,?2,?3,?4,?4,?").append(b + 3)
                    .append(",?").append(b + 4).append(')');
        }
        return sql.append(ON_CONFLICT).toString();
    }

    private static void bind(Connection c, PreparedStatement s, List<Observation> rows, Map<String, Long> units,
                             Map<Period, Long> periods, String source, long batch, String operator, String now)
            throws SQLException {
        s.setString(1, source);
        s.setString(2, operator);
        s.setString(3, now);
        if (batch > 0) {
            s.setLong(4, batch);
        } else {
            s.setNull(4, Types.INTEGER);
        }
        int b = 5;
        for (Observation o : rows) {
            Long unit = units.get(o.unit());
            if (unit == null) {
                throw new ValidationException(Issue.of(source, "store.unknown-unit", o.unit()));
            }
            Long period = periods.get(o.period());
            if (period == null) {
                period = Keys.periodId(c, o.period());
                periods.put(o.period(), period);
            }
            s.setLong(b, period);
            s.setLong(b + 1, unit);
            s.setString(b + 2, o.code());
            if (o.value().isPresent()) {
                s.setDouble(b + 3, o.value().getAsDouble());
            } else {
                s.setNull(b + 3, Types.REAL);
            }
            s.setString(b + 4, o.note());
            b += 5;
        }
    }

    /** Removes one figure; returns whether there was one. */
    public static boolean delete(Connection c, Period period, String unit, String code) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM figure WHERE period_id = (SELECT id FROM period "
                + "WHERE code = ?) AND unit_id = (SELECT id FROM unit WHERE code = ?) AND code = ?")) {
            s.setString(1, period.toString());
            s.setString(2, unit);
            s.setString(3, code);
            return s.executeUpdate() > 0;
        }
    }

    /** The figures of the given periods (those that have none are simply absent), by period, unit and code. */
    public static List<Observation> load(Connection c, Collection<Period> wanted) throws SQLException {
        return join(List.of(loadPart(c, wanted, 0, 1)));
    }

    /**
     * The figures of the given periods read in {@code parts} pieces, by ranges of unit ids, to be
     * run at the same time ({@link Database#readTogether}); {@link #join} puts their results
     * together into what {@link #load} returns.
     */
    public static List<Database.Work<List<List<Observation>>>> loadInParts(Collection<Period> wanted, int parts) {
        if (parts < 1) {
            throw new IllegalArgumentException("parts < 1: " + parts);
        }
        List<Database.Work<List<List<Observation>>>> out = new ArrayList<>(parts);
        for (int part = 0; part < parts; part++) {
            int which = part;
            out.add(c -> loadPart(c, wanted, which, parts));
        }
        return out;
    }

    /** The results of {@link #loadInParts}, in order, as one list ordered as {@link #load} orders it. */
    public static List<Observation> join(List<List<List<Observation>>> parts) {
        int size = 0;
        int periods = 0;
        for (List<List<Observation>> part : parts) {
            periods = Math.max(periods, part.size());
            for (List<Observation> rows : part) {
                size += rows.size();
            }
        }
        List<Observation> out = new ArrayList<>(size);
        for (int p = 0; p < periods; p++) {
            for (List<List<Observation>> part : parts) {
                out.addAll(part.get(p));
            }
        }
        return out;
    }

    /**
     * One piece: for each wanted period in time order, the figures of the units in the piece's id
     * range, by unit and code. The calls into the driver per figure are what a load costs, so there
     * are few: the unit id and whether there is a note come in one number, SQL NULL is asked for
     * only when the value reads as 0, the note only when there is one, and the code as bytes that
     * are usually those of the same position in the unit before (one String per distinct code).
     */
    private static List<List<Observation>> loadPart(Connection c, Collection<Period> wanted, int part, int parts)
            throws SQLException {
        Map<Long, String> unitMap = Keys.unitCodes(c);
        long[] ids = unitMap.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
        long from = part == 0 || ids.length == 0 ? Long.MIN_VALUE : ids[(int) ((long) ids.length * part / parts)];
        long to = part == parts - 1 || ids.length == 0 ? Long.MAX_VALUE
                : ids[(int) ((long) ids.length * (part + 1) / parts)];
        String[] units = new String[ids.length == 0 ? 1 : (int) ids[ids.length - 1] + 1];
        unitMap.forEach((id, code) -> units[id.intValue()] = code);
        Codes codes = new Codes();
        List<List<Observation>> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT unit_id * 2 + (note <> ''), value, code, "
                + "CASE WHEN note <> '' THEN note END FROM figure WHERE period_id = ? AND unit_id >= ? AND unit_id < ? "
                + "ORDER BY unit_id, code")) {
            for (Map.Entry<Long, Period> p : Keys.periods(c).entrySet()) {
                if (!wanted.contains(p.getValue())) {
                    continue;
                }
                Period period = p.getValue();
                List<Observation> rows = new ArrayList<>();
                s.setLong(1, p.getKey());
                s.setLong(2, from);
                s.setLong(3, to);
                try (ResultSet r = s.executeQuery()) {
                    long unitId = -1;
                    String unit = null;
                    int at = 0;
                    while (r.next()) {
                        long key = r.getLong(1);
                        if (key >>> 1 != unitId) {
                            unitId = key >>> 1;
                            unit = units[(int) unitId];
                            at = 0;
                        }
                        double v = r.getDouble(2);
                        OptionalDouble value = v == 0 && r.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(v);
                        String code = codes.at(at++, r.getBytes(3));
                        String note = (key & 1) == 0 ? "" : r.getString(4);
                        rows.add(new Observation(period, unit, code, value, note));
                    }
                }
                out.add(rows);
            }
        }
        return out;
    }

    /**
     * Codes as Strings from their UTF-8 bytes, remembered by their position within a unit: units
     * mostly have the same codes in the same order, so most rows find theirs without decoding.
     */
    private static final class Codes {
        private static final int KEPT = 1024;
        private final byte[][] bytes = new byte[KEPT][];
        private final String[] strings = new String[KEPT];

        String at(int position, byte[] code) {
            if (position < KEPT && Arrays.equals(code, bytes[position])) {
                return strings[position];
            }
            String decoded = new String(code, StandardCharsets.UTF_8);
            if (position < KEPT) {
                bytes[position] = code;
                strings[position] = decoded;
            }
            return decoded;
        }
    }

    /** Every figure of one unit in one period with its source, operator and time (for the data screens). */
    public static List<StoredFigure> ofUnit(Connection c, Period period, String unit) throws SQLException {
        List<StoredFigure> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT f.code, f.value, f.note, f.source, f.operator, "
                + "f.changed_at FROM figure f JOIN period p ON p.id = f.period_id JOIN unit u ON u.id = f.unit_id "
                + "WHERE p.code = ? AND u.code = ? ORDER BY f.code")) {
            s.setString(1, period.toString());
            s.setString(2, unit);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    double v = r.getDouble(2);
                    OptionalDouble value = r.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(v);
                    out.add(new StoredFigure(new Observation(period, unit, r.getString(1), value, r.getString(3)),
                            r.getString(4), r.getString(5), r.getString(6)));
                }
            }
        }
        return out;
    }

    /** Periods that hold at least one figure, in time order. */
    public static List<Period> periods(Connection c) throws SQLException {
        List<Period> out = new ArrayList<>();
        // one look into the primary key per period, not a scan of every figure
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM figure WHERE period_id = ? LIMIT 1")) {
            for (Map.Entry<Long, Period> p : Keys.periods(c).entrySet()) {
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

    /** Whether any figure of the given periods came from {@code source} (the demo data's mark). */
    public static boolean anyFrom(Connection c, Collection<Period> periods, String source) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT 1 FROM figure f JOIN period p ON p.id = f.period_id WHERE p.code = ? AND f.source = ? LIMIT 1")) {
            for (Period p : periods) {
                s.setString(1, p.toString());
                s.setString(2, source);
                try (ResultSet r = s.executeQuery()) {
                    if (r.next()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}

package org.sanlian.workbench.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.sanlian.workbench.core.check.Issue;
import org.sanlian.workbench.core.check.ValidationException;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.model.Scheme;
import org.sanlian.workbench.core.model.StoredScheme;
import org.sanlian.workbench.core.model.Unit;
import org.sanlian.workbench.core.model.Zone;

/**
 * Schemes, one per assessment year, kept as their JSON text, with the units, zones and zone
 * membership of each mirrored into tables. The JSON is read back into a {@link Scheme} by the
 * caller ({@code io} knows the format; the store does not).
 */
public final class SchemeRepository {

    private SchemeRepository() {
    }

    /**
     * Keeps {@code scheme} (parsed from {@code json}) as the scheme of {@code year}, replacing the
     * one kept for that year, and brings units, zones and membership in line with it. A unit the
     * scheme no longer lists keeps its row (its figures stay). Refused when a published bulletin
     * used the year's scheme (copy it to another year instead).
     */
    public static long save(Connection c, int year, Scheme scheme, String json, String now) throws SQLException {
        Optional<StoredScheme> existing = byYear(c, year);
        long id;
        if (existing.isPresent()) {
            id = existing.get().id();
            if (!existing.get().json().equals(json) && BulletinRepository.usesScheme(c, id)) {
                throw new ValidationException(Issue.of("scheme " + year, "store.scheme-published", year));
            }
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE scheme SET code = ?, name = ?, json = ?, changed_at = ? WHERE id = ?")) {
                s.setString(1, scheme.code());
                s.setString(2, scheme.name());
                s.setString(3, json);
                s.setString(4, now);
                s.setLong(5, id);
                s.executeUpdate();
            }
        } else {
            id = insert(c, year, scheme, json, OptionalInt.empty(), now);
        }
        mirrorUnitsAndZones(c, id, scheme);
        return id;
    }

    /** Copies the scheme of {@code fromYear} to {@code toYear} (which must not have one yet). */
    public static long copy(Connection c, int fromYear, int toYear, Scheme scheme, String now) throws SQLException {
        StoredScheme from = byYear(c, fromYear).orElseThrow(() -> new ValidationException(
                Issue.of("--from", "store.no-scheme-for-year", fromYear)));
        if (byYear(c, toYear).isPresent()) {
            throw new ValidationException(Issue.of("--year", "store.scheme-year-taken", toYear));
        }
        long id = insert(c, toYear, scheme, from.json(), OptionalInt.of((int) from.id()), now);
        mirrorUnitsAndZones(c, id, scheme);
        return id;
    }

    public static List<StoredScheme> list(Connection c) throws SQLException {
        List<StoredScheme> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT s.id, s.year, s.code, s.name, s.json, f.year, s.changed_at FROM scheme s "
                        + "LEFT JOIN scheme f ON f.id = s.copied_from ORDER BY s.year");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                out.add(read(r));
            }
        }
        return out;
    }

    public static Optional<StoredScheme> byYear(Connection c, int year) throws SQLException {
        return list(c).stream().filter(s -> s.year() == year).findFirst();
    }

    /**
     * The scheme that scores a period: the one of the period's year, else the latest earlier one,
     * else none.
     */
    public static Optional<StoredScheme> forPeriod(Connection c, Period period) throws SQLException {
        StoredScheme best = null;
        for (StoredScheme s : list(c)) {
            if (s.year() <= period.year()) {
                best = s;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The years whose scheme a published bulletin used: those schemes can no longer change. */
    public static Set<Integer> publishedYears(Connection c) throws SQLException {
        Set<Integer> out = new java.util.TreeSet<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT DISTINCT s.year FROM scheme s JOIN bulletin b ON b.scheme_id = s.id");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                out.add(r.getInt(1));
            }
        }
        return out;
    }

    private static long insert(Connection c, int year, Scheme scheme, String json, OptionalInt copiedFrom, String now)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO scheme (year, code, name, json, copied_from, "
                + "created_at, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
            s.setInt(1, year);
            s.setString(2, scheme.code());
            s.setString(3, scheme.name());
            s.setString(4, json);
            if (copiedFrom.isPresent()) {
                s.setInt(5, copiedFrom.getAsInt());
            } else {
                s.setNull(5, java.sql.Types.INTEGER);
            }
            s.setString(6, now);
            s.setString(7, now);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static void mirrorUnitsAndZones(Connection c, long schemeId, Scheme scheme) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO unit (code, name) VALUES (?, ?) "
                + "ON CONFLICT (code) DO UPDATE SET name = excluded.name WHERE name IS NOT excluded.name")) {
            for (Unit u : scheme.units()) {
                s.setString(1, u.code());
                s.setString(2, u.name());
                s.executeUpdate();
            }
        }
        Map<String, Long> unitIds = Keys.unitIds(c);
        Set<String> zoneCodes = new HashSet<>();
        try (PreparedStatement upsert = c.prepareStatement("INSERT INTO zone (scheme_id, code, name, position) "
                + "VALUES (?, ?, ?, ?) ON CONFLICT (scheme_id, code) DO UPDATE SET name = excluded.name, "
                + "position = excluded.position RETURNING id");
             PreparedStatement clear = c.prepareStatement("DELETE FROM zone_member WHERE zone_id = ?");
             PreparedStatement member = c.prepareStatement(
                     "INSERT INTO zone_member (zone_id, unit_id, position) VALUES (?, ?, ?)")) {
            int position = 0;
            for (Zone z : scheme.zones()) {
                zoneCodes.add(z.code());
                upsert.setLong(1, schemeId);
                upsert.setString(2, z.code());
                upsert.setString(3, z.name());
                upsert.setInt(4, position++);
                long zoneId;
                try (ResultSet r = upsert.executeQuery()) {
                    r.next();
                    zoneId = r.getLong(1);
                }
                clear.setLong(1, zoneId);
                clear.executeUpdate();
                int at = 0;
                for (String unit : z.units()) {
                    member.setLong(1, zoneId);
                    member.setLong(2, unitIds.get(unit));
                    member.setInt(3, at++);
                    member.executeUpdate();
                }
            }
        }
        List<String> stale = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT code FROM zone WHERE scheme_id = ?")) {
            s.setLong(1, schemeId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    if (!zoneCodes.contains(r.getString(1))) {
                        stale.add(r.getString(1));
                    }
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement("DELETE FROM zone WHERE scheme_id = ? AND code = ?")) {
            for (String code : stale) {
                s.setLong(1, schemeId);
                s.setString(2, code);
                s.executeUpdate();
            }
        }
    }

    private static StoredScheme read(ResultSet r) throws SQLException {
        int from = r.getInt(6);
        OptionalInt copiedFrom = r.wasNull() ? OptionalInt.empty() : OptionalInt.of(from);
        return new StoredScheme(r.getLong(1), r.getInt(2), r.getString(3), r.getString(4), r.getString(5),
                copiedFrom, r.getString(7));
    }
}

package org.sanlian.workbench.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.sanlian.workbench.core.check.Issue;

/**
 * {@code db check}: SQLite's own {@code integrity_check} and {@code foreign_key_check}, then the
 * store's invariants: the schema version, the actor row, each bulletin's content hash and rows, and
 * the zones of each scheme against its JSON. Returns every problem found; none means sound.
 */
public final class StoreCheck {

    private StoreCheck() {
    }

    public static List<Issue> run(Connection c, int expectedVersion) throws SQLException {
        List<Issue> found = new ArrayList<>();
        integrity(c, found);
        foreignKeys(c, found);
        int version = Database.userVersion(c);
        if (version != expectedVersion) {
            found.add(Issue.of("PRAGMA user_version", "store.check.version", version, expectedVersion));
        }
        if (version == 0) {
            return found;
        }
        if (count(c, "SELECT count(*) FROM actor WHERE id = 1") != 1) {
            found.add(Issue.of("actor", "store.check.actor"));
        }
        bulletins(c, found);
        zones(c, found);
        return found;
    }

    /**
     * The problems of one bulletin: its content no longer has its hash, or its ranking rows no longer
     * match its content (someone edited the file directly). Empty when it is as published.
     */
    public static List<Issue> bulletin(Connection c, String number) throws SQLException {
        List<Issue> found = new ArrayList<>();
        bulletins(c, found);
        return found.stream().filter(i -> i.where().equals("bulletin " + number)).toList();
    }

    /** The lower-case hex SHA-256 of a bulletin's content, as kept in {@code content_hash}. */
    public static String contentHash(String content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static void integrity(Connection c, List<Issue> found) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("PRAGMA integrity_check"); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                if (!"ok".equals(r.getString(1))) {
                    found.add(Issue.of("PRAGMA integrity_check", "store.check.integrity", r.getString(1)));
                }
            }
        }
    }

    private static void foreignKeys(Connection c, List<Issue> found) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("PRAGMA foreign_key_check"); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                found.add(Issue.of(r.getString(1), "store.check.foreign-key", r.getString(1), r.getString(2),
                        r.getString(3)));
            }
        }
    }

    private static void bulletins(Connection c, List<Issue> found) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT number, content, content_hash FROM bulletin ORDER BY id");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                if (!contentHash(r.getString(2)).equals(r.getString(3))) {
                    found.add(Issue.of("bulletin " + r.getString(1), "store.check.bulletin-hash", r.getString(1)));
                }
            }
        }
        String rowsDiffer = "SELECT b.number, r.unit_code FROM bulletin_row r JOIN bulletin b ON b.id = r.bulletin_id "
                + "WHERE NOT EXISTS (SELECT 1 FROM json_each(b.content, '$.rows') j "
                + "WHERE json_extract(j.value, '$.unit') = r.unit_code AND json_extract(j.value, '$.total') IS r.total "
                + "AND json_extract(j.value, '$.rank') IS r.rank AND json_extract(j.value, '$.zoneRank') IS r.zone_rank "
                + "AND json_extract(j.value, '$.bottom') IS r.bottom) "
                + "UNION SELECT b.number, NULL FROM bulletin b WHERE json_array_length(b.content, '$.rows') IS NOT "
                + "(SELECT count(*) FROM bulletin_row r WHERE r.bulletin_id = b.id)";
        try (PreparedStatement s = c.prepareStatement(rowsDiffer); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                found.add(Issue.of("bulletin " + r.getString(1), "store.check.bulletin-rows", r.getString(1),
                        r.getString(2) == null ? "*" : r.getString(2)));
            }
        }
    }

    private static void zones(Connection c, List<Issue> found) throws SQLException {
        // each (scheme, zone, unit) of the JSON must be a membership row, and each row a pair of the JSON
        String json = "SELECT s.year AS year, json_extract(z.value, '$.code') AS zone, u.value AS unit "
                + "FROM scheme s, json_each(s.json, '$.zones') z, json_each(z.value, '$.units') u";
        String rows = "SELECT s.year AS year, z.code AS zone, un.code AS unit FROM zone_member m "
                + "JOIN zone z ON z.id = m.zone_id JOIN scheme s ON s.id = z.scheme_id JOIN unit un ON un.id = m.unit_id";
        String sql = "SELECT year, zone, unit FROM (" + json + " EXCEPT " + rows + ") UNION SELECT year, zone, unit FROM ("
                + rows + " EXCEPT " + json + ") ORDER BY 1, 2, 3";
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                found.add(Issue.of("scheme " + r.getInt(1), "store.check.zones", r.getInt(1), r.getString(2),
                        r.getString(3)));
            }
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }
}

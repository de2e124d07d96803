package org.sanlian.workbench.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/** The workbench's settings, one text value per key. Writes leave an unchanged value alone. */
public final class SettingRepository {

    private SettingRepository() {
    }

    /** The value of {@code key}, if set. */
    public static Optional<String> get(Connection c, String key) throws SQLException {
        Objects.requireNonNull(key, "key");
        try (PreparedStatement s = c.prepareStatement("SELECT value FROM setting WHERE key = ?")) {
            s.setString(1, key);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
            }
        }
    }

    /** Sets {@code key} to {@code value}; writes nothing when it already has that value. */
    public static void put(Connection c, String key, String value) throws SQLException {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        try (PreparedStatement s = c.prepareStatement("INSERT INTO setting (key, value) VALUES (?, ?) "
                + "ON CONFLICT (key) DO UPDATE SET value = excluded.value WHERE setting.value IS NOT excluded.value")) {
            s.setString(1, key);
            s.setString(2, value);
            s.executeUpdate();
        }
    }

    /** Removes {@code key} (nothing happens when it is not set). */
    public static void remove(Connection c, String key) throws SQLException {
        Objects.requireNonNull(key, "key");
        try (PreparedStatement s = c.prepareStatement("DELETE FROM setting WHERE key = ?")) {
            s.setString(1, key);
            s.executeUpdate();
        }
    }

    /** Every setting, sorted by key. */
    public static Map<String, String> all(Connection c) throws SQLException {
        Map<String, String> out = new TreeMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT key, value FROM setting");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                out.put(r.getString(1), r.getString(2));
            }
        }
        return out;
    }
}

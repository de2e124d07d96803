package org.sanlian.workbench.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sanlian.workbench.core.check.Issue;
import org.sanlian.workbench.core.check.ValidationException;
import org.sanlian.workbench.core.model.Bulletin;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.model.PeriodKind;

/**
 * Published bulletins (通报) and their ranking rows. Kept once and never changed: the schema's
 * triggers refuse any update or delete, and {@link StoreCheck} recomputes each content hash.
 */
public final class BulletinRepository {

    /** One unit's line of a bulletin's ranking. */
    public record Row(String unit, String name, String zone, Optional<Double> total, Optional<Integer> rank,
                      Optional<Integer> zoneRank, boolean bottom, String level) {
    }

    private static final String SELECT = "SELECT b.id, b.number, b.published_on, s.year, p.year, p.kind, p.part, "
            + "b.content_hash, b.content, b.operator, b.created_at FROM bulletin b JOIN scheme s ON s.id = b.scheme_id "
            + "JOIN period p ON p.id = b.period_id";

    private BulletinRepository() {
    }

    /** Keeps a bulletin and its rows; refused when the number is taken. Returns the new id. */
    public static long add(Connection c, Bulletin b, List<Row> rows) throws SQLException {
        if (byNumber(c, b.number()).isPresent()) {
            throw new ValidationException(Issue.of("--number", "store.bulletin-number-taken", b.number()));
        }
        long schemeId = SchemeRepository.byYear(c, b.schemeYear()).orElseThrow(() -> new ValidationException(
                Issue.of("--scheme", "store.no-scheme-for-year", b.schemeYear()))).id();
        long periodId = Keys.periodId(c, b.period());
        long id;
        try (PreparedStatement s = c.prepareStatement("INSERT INTO bulletin (number, published_on, scheme_id, "
                + "period_id, content_hash, content, operator, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
            s.setString(1, b.number());
            s.setString(2, b.publishedOn().toString());
            s.setLong(3, schemeId);
            s.setLong(4, periodId);
            s.setString(5, b.contentHash());
            s.setString(6, b.content());
            s.setString(7, b.operator());
            s.setString(8, b.createdAt());
            try (ResultSet r = s.executeQuery()) {
                r.next();
                id = r.getLong(1);
            }
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO bulletin_row (bulletin_id, unit_code, unit_name, "
                + "zone_code, total, rank, zone_rank, bottom, level) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Row row : rows) {
                s.setLong(1, id);
                s.setString(2, row.unit());
                s.setString(3, row.name());
                s.setString(4, row.zone());
                s.setObject(5, row.total().orElse(null));
                s.setObject(6, row.rank().orElse(null));
                s.setObject(7, row.zoneRank().orElse(null));
                s.setInt(8, row.bottom() ? 1 : 0);
                s.setString(9, row.level());
                s.executeUpdate();
            }
        }
        return id;
    }

    /** Every bulletin, newest first. */
    public static List<Bulletin> list(Connection c) throws SQLException {
        List<Bulletin> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(SELECT + " ORDER BY b.published_on DESC, b.id DESC");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                out.add(read(r));
            }
        }
        return out;
    }

    public static Optional<Bulletin> byNumber(Connection c, String number) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SELECT + " WHERE b.number = ?")) {
            s.setString(1, number);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(read(r)) : Optional.empty();
            }
        }
    }

    /** The ranking rows of a bulletin, by rank then unit. */
    public static List<Row> rows(Connection c, long bulletinId) throws SQLException {
        List<Row> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT unit_code, unit_name, zone_code, total, rank, zone_rank, "
                + "bottom, level FROM bulletin_row WHERE bulletin_id = ? ORDER BY rank IS NULL, rank, unit_code")) {
            s.setLong(1, bulletinId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new Row(r.getString(1), r.getString(2), r.getString(3),
                            Optional.ofNullable((Double) nullable(r, 4, r.getDouble(4))),
                            Optional.ofNullable((Integer) nullable(r, 5, r.getInt(5))),
                            Optional.ofNullable((Integer) nullable(r, 6, r.getInt(6))), r.getInt(7) == 1,
                            r.getString(8)));
                }
            }
        }
        return out;
    }

    /** Whether a published bulletin used the scheme with this row id. */
    static boolean usesScheme(Connection c, long schemeId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM bulletin WHERE scheme_id = ? LIMIT 1")) {
            s.setLong(1, schemeId);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }

    private static Object nullable(ResultSet r, int column, Object value) throws SQLException {
        return r.wasNull() ? null : value;
    }

    private static Bulletin read(ResultSet r) throws SQLException {
        Period period = new Period(r.getInt(5), PeriodKind.valueOf(r.getString(6)), r.getInt(7));
        return new Bulletin(r.getLong(1), r.getString(2), LocalDate.parse(r.getString(3)), r.getInt(4), period,
                r.getString(8), r.getString(9), r.getString(10), r.getString(11));
    }
}

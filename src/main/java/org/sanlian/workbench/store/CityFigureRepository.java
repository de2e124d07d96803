package org.sanlian.workbench.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.sanlian.workbench.core.model.Period;

/**
 * City figures (全市数): the city's own total of an input summed over the units, by period and
 * code, against which data entry checks the units' sum. Audited by the table's triggers (entity
 * {@code city_figure}, no unit). Writes leave unchanged figures alone.
 */
public final class CityFigureRepository {

    /** One city figure as kept: value (empty for an explicit unknown one), note, source, who and when. */
    public record CityFigure(String code, OptionalDouble value, String note, String source, String operator,
                             String changedAt) {
        public CityFigure {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(value, "value");
            note = note == null ? "" : note;
            source = source == null ? "" : source;
            operator = operator == null ? "" : operator;
            changedAt = changedAt == null ? "" : changedAt;
        }
    }

    private static final String UPSERT = "INSERT INTO city_figure (period_id, code, value, note, source, operator, "
            + "changed_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT (period_id, code) DO UPDATE SET value = excluded.value, note = excluded.note, "
            + "source = excluded.source, operator = excluded.operator, changed_at = excluded.changed_at "
            + "WHERE city_figure.value IS NOT excluded.value OR city_figure.note IS NOT excluded.note "
            + "OR city_figure.source IS NOT excluded.source";

    private CityFigureRepository() {
    }

    /** The city figures of {@code period}, by code. */
    public static List<CityFigure> load(Connection c, Period period) throws SQLException {
        List<CityFigure> out = new ArrayList<>();
        Optional<Long> id = Keys.existingPeriodId(c, period);
        if (id.isEmpty()) {
            return out;
        }
        try (PreparedStatement s = c.prepareStatement("SELECT code, value, note, source, operator, changed_at "
                + "FROM city_figure WHERE period_id = ? ORDER BY code")) {
            s.setLong(1, id.get());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    double v = r.getDouble(2);
                    OptionalDouble value = r.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(v);
                    out.add(new CityFigure(r.getString(1), value, r.getString(3), r.getString(4), r.getString(5),
                            r.getString(6)));
                }
            }
        }
        return out;
    }

    /**
     * Writes one city figure of {@code period} (the period is created if new). Returns whether the
     * row changed.
     */
    public static boolean upsert(Connection c, Period period, String code, OptionalDouble value, String note,
                                 String source, String operator, String now) throws SQLException {
        long id = Keys.periodId(c, period);
        try (PreparedStatement s = c.prepareStatement(UPSERT)) {
            s.setLong(1, id);
            s.setString(2, code);
            if (value.isPresent()) {
                s.setDouble(3, value.getAsDouble());
            } else {
                s.setNull(3, Types.REAL);
            }
            s.setString(4, note == null ? "" : note);
            s.setString(5, source == null ? "" : source);
            s.setString(6, operator);
            s.setString(7, now);
            return s.executeUpdate() > 0;
        }
    }

    /** Removes one city figure; returns whether there was one. */
    public static boolean delete(Connection c, Period period, String code) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM city_figure WHERE period_id = (SELECT id FROM "
                + "period WHERE code = ?) AND code = ?")) {
            s.setString(1, period.toString());
            s.setString(2, code);
            return s.executeUpdate() > 0;
        }
    }
}

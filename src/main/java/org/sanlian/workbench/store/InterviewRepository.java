package org.sanlian.workbench.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.sanlian.workbench.core.check.Issue;
import org.sanlian.workbench.core.check.ValidationException;
import org.sanlian.workbench.core.model.Interview;
import org.sanlian.workbench.core.model.InterviewStatus;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.model.PeriodKind;

/**
 * Bottom-list interviews (末位约谈) and their follow-up, kept across periods. An interview belongs
 * to a unit, a period and (optionally) the bulletin that put the unit on the bottom list; those
 * are fixed once it is added (the audit log watches only the follow-up), and the follow-up (date,
 * attendees, plan, deadline, status) is what {@link #update} changes. Dates are ISO text.
 */
public final class InterviewRepository {

    private static final String SELECT = "SELECT i.id, u.code, p.year, p.kind, p.part, b.number, i.held_on, "
            + "i.attendees, i.plan, i.deadline, i.status FROM interview i JOIN unit u ON u.id = i.unit_id "
            + "JOIN period p ON p.id = i.period_id LEFT JOIN bulletin b ON b.id = i.bulletin_id";

    private static final Comparator<Interview> ORDER = Comparator.comparing(Interview::period)
            .thenComparing(Interview::unit).thenComparingLong(Interview::id);

    private InterviewRepository() {
    }

    /**
     * Keeps a new interview (its {@code id} is ignored) and returns its id. The unit and, when
     * given, the bulletin (by number) must be kept already; the period is created as needed.
     */
    public static long add(Connection c, Interview i, String operator, String now) throws SQLException {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(now, "now");
        Long unit = Keys.unitIds(c).get(i.unit());
        if (unit == null) {
            throw new ValidationException(Issue.of(i.unit(), "store.unknown-unit", i.unit()));
        }
        Optional<Long> bulletin = bulletinId(c, i);
        long period = Keys.periodId(c, i.period());
        try (PreparedStatement s = c.prepareStatement("INSERT INTO interview (unit_id, period_id, bulletin_id, held_on, "
                + "attendees, plan, deadline, status, operator, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "RETURNING id")) {
            s.setLong(1, unit);
            s.setLong(2, period);
            if (bulletin.isPresent()) {
                s.setLong(3, bulletin.get());
            } else {
                s.setNull(3, Types.INTEGER);
            }
            setFollowUp(s, 4, i);
            s.setString(9, operator);
            s.setString(10, now);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /**
     * Changes the follow-up of the interview with {@code i.id()}; leaves it alone when nothing
     * changed. Refused when there is no such interview, or when {@code i} names another unit, period
     * or bulletin than the one kept (delete it and add it again instead).
     */
    public static void update(Connection c, Interview i, String operator, String now) throws SQLException {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(now, "now");
        Interview kept = byId(c, i.id()).orElseThrow(() -> new ValidationException(
                Issue.of(String.valueOf(i.id()), "store.unknown-interview", i.id())));
        if (!kept.unit().equals(i.unit()) || !kept.period().equals(i.period())
                || !kept.bulletin().equals(i.bulletin())) {
            throw new ValidationException(Issue.of(String.valueOf(i.id()), "store.interview-reassigned", i.id(),
                    kept.unit(), kept.period(), kept.bulletin().orElse("-")));
        }
        try (PreparedStatement s = c.prepareStatement("UPDATE interview SET held_on = ?1, attendees = ?2, plan = ?3, "
                + "deadline = ?4, status = ?5, operator = ?6, changed_at = ?7 WHERE id = ?8 AND (held_on IS NOT ?1 "
                + "OR attendees IS NOT ?2 OR plan IS NOT ?3 OR deadline IS NOT ?4 OR status IS NOT ?5)")) {
            setFollowUp(s, 1, i);
            s.setString(6, operator);
            s.setString(7, now);
            s.setLong(8, i.id());
            s.executeUpdate();
        }
    }

    /** Removes one interview; refused when there is no such interview. */
    public static void delete(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM interview WHERE id = ?")) {
            s.setLong(1, id);
            if (s.executeUpdate() == 0) {
                throw new ValidationException(Issue.of(String.valueOf(id), "store.unknown-interview", id));
            }
        }
    }

    /** One interview by id. */
    public static Optional<Interview> byId(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SELECT + " WHERE i.id = ?")) {
            s.setLong(1, id);
            List<Interview> found = read(s);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        }
    }

    /** The interviews of a unit and/or a period (empty means any), by period, unit and id. */
    public static List<Interview> list(Connection c, Optional<String> unit, Optional<Period> period)
            throws SQLException {
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE 1 = 1");
        List<String> args = new ArrayList<>();
        if (unit.isPresent()) {
            sql.append(" AND u.code = ?");
            args.add(unit.get());
        }
        if (period.isPresent()) {
            sql.append(" AND p.code = ?");
            args.add(period.get().toString());
        }
        try (PreparedStatement s = c.prepareStatement(sql.toString())) {
            for (int k = 0; k < args.size(); k++) {
                s.setString(k + 1, args.get(k));
            }
            List<Interview> out = read(s);
            out.sort(ORDER);
            return out;
        }
    }

    private static Optional<Long> bulletinId(Connection c, Interview i) throws SQLException {
        if (i.bulletin().isEmpty()) {
            return Optional.empty();
        }
        String number = i.bulletin().get();
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM bulletin WHERE number = ?")) {
            s.setString(1, number);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new ValidationException(Issue.of(number, "store.unknown-bulletin", number));
                }
                return Optional.of(r.getLong(1));
            }
        }
    }

    /** Sets held_on, attendees, plan, deadline and status from parameter {@code first} on. */
    private static void setFollowUp(PreparedStatement s, int first, Interview i) throws SQLException {
        s.setString(first, i.heldOn().map(LocalDate::toString).orElse(null));
        s.setString(first + 1, i.attendees());
        s.setString(first + 2, i.plan());
        s.setString(first + 3, i.deadline().map(LocalDate::toString).orElse(null));
        s.setString(first + 4, i.status().name());
    }

    private static List<Interview> read(PreparedStatement s) throws SQLException {
        List<Interview> out = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                Period period = new Period(r.getInt(3), PeriodKind.valueOf(r.getString(4)), r.getInt(5));
                out.add(new Interview(r.getLong(1), r.getString(2), period, Optional.ofNullable(r.getString(6)),
                        date(r.getString(7)), r.getString(8), r.getString(9), date(r.getString(10)),
                        InterviewStatus.valueOf(r.getString(11))));
            }
        }
        return out;
    }

    private static Optional<LocalDate> date(String text) {
        return text == null ? Optional.empty() : Optional.of(LocalDate.parse(text));
    }
}

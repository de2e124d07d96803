package org.sanlian.workbench.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sanlian.workbench.core.check.Issue;
import org.sanlian.workbench.core.check.ValidationException;
import org.sanlian.workbench.core.model.Period;

/**
 * The assessment periods kept (2025, 2025H1, 2025Q3 …): those that figures, targets or bulletins
 * created, and those added ahead of their figures so that they can be chosen for data entry.
 */
public final class PeriodRepository {

    /** A kept period with how many figures and units with figures it holds, and its bulletins' numbers. */
    public record Row(Period period, int figures, int units, List<String> bulletins) {
        public Row {
            bulletins = List.copyOf(bulletins);
        }
    }

    private PeriodRepository() {
    }

    /** Every kept period in time order, with its counts and bulletins (oldest bulletin first). */
    public static List<Row> list(Connection c) throws SQLException {
        Map<Long, int[]> counts = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT period_id, count(*), count(DISTINCT unit_id) FROM figure GROUP BY period_id");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                counts.put(r.getLong(1), new int[] {r.getInt(2), r.getInt(3)});
            }
        }
        Map<Long, List<String>> bulletins = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT period_id, number FROM bulletin ORDER BY published_on, id");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                bulletins.computeIfAbsent(r.getLong(1), k -> new ArrayList<>()).add(r.getString(2));
            }
        }
        List<Row> out = new ArrayList<>();
        for (Map.Entry<Long, Period> p : Keys.periods(c).entrySet()) {
            int[] n = counts.getOrDefault(p.getKey(), new int[2]);
            out.add(new Row(p.getValue(), n[0], n[1], bulletins.getOrDefault(p.getKey(), List.of())));
        }
        return out;
    }

    /** Keeps a new period; refused when it is kept already. */
    public static void add(Connection c, Period period) throws SQLException {
        if (Keys.existingPeriodId(c, period).isPresent()) {
            throw new ValidationException(Issue.of(period.toString(), "store.period-exists", period));
        }
        Keys.periodId(c, period);
    }
}

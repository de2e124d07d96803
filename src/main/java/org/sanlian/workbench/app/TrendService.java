package org.sanlian.workbench.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.model.PeriodKind;
import org.sanlian.workbench.core.model.Unit;
import org.sanlian.workbench.core.model.Zone;
import org.sanlian.workbench.core.scoring.PeriodResult;
import org.sanlian.workbench.core.scoring.UnitResult;

/**
 * 趋势: every period of one kind that holds figures, each scored with the scheme of its own year
 * (as 计算与排名 scores it: {@link WorkbenchDatabase#assessment} without a chosen year), reduced to
 * what the trend lines and the rank-change table need per unit: total, overall and zone rank, and
 * whether the unit was bottom-listed. Long work: tells how far it got and stops when asked.
 */
public final class TrendService {

    /** One unit in one period: its total, overall and zone rank, its zone, whether it was bottom-listed. */
    public record Point(String unit, String name, Zone zone, double total, int rank, int zoneRank, boolean listed) {
        public Point {
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(zone, "zone");
        }
    }

    /** One period's points by unit code, in overall rank order, and the zones of its scheme in order. */
    public record Scored(Period period, int schemeYear, List<Zone> zones, Map<String, Point> points) {
        public Scored {
            Objects.requireNonNull(period, "period");
            zones = List.copyOf(zones);
            points = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(points));
        }
    }

    /** Every scored period in time order, and the units met (the latest scheme's first, in its order). */
    public record Trend(List<Scored> periods, List<Unit> units) {
        public Trend {
            periods = List.copyOf(periods);
            units = List.copyOf(units);
        }

        public Optional<Scored> of(Period period) {
            return periods.stream().filter(s -> s.period().equals(period)).findFirst();
        }
    }

    /** Watches the scoring: told after each period, asked before each whether to stop. */
    public interface Watch {
        void scored(int done, int total, Period period);

        boolean cancelled();
    }

    /** Nobody watches, and the work never stops early. */
    public static final Watch NONE = new Watch() {
        @Override
        public void scored(int done, int total, Period period) {
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    };

    private TrendService() {
    }

    /**
     * Scores every period of {@code kind} that holds figures, each with its own year's scheme.
     * Throws {@link CancelledException} when the watch asks to stop.
     */
    public static Trend load(WorkbenchDatabase db, ScoringService scoring, PeriodKind kind, Watch watch) {
        List<Period> periods = db.periods().stream().filter(p -> p.kind() == kind).toList();
        List<Scored> out = new ArrayList<>();
        Map<String, Unit> units = new LinkedHashMap<>();
        List<List<Unit>> schemeUnits = new ArrayList<>();
        int done = 0;
        for (Period p : periods) {
            if (watch.cancelled()) {
                throw new CancelledException();
            }
            int year = db.schemeFor(p, Optional.empty()).year();
            PeriodResult r = scoring.score(db.assessment(p, Optional.empty()), p);
            Map<String, Point> points = new LinkedHashMap<>();
            for (UnitResult u : r.rows()) {
                points.put(u.unit().code(), new Point(u.unit().code(), u.unit().name(), u.zone(), u.total(), u.rank(),
                        u.zoneRank(), u.listed()));
            }
            out.add(new Scored(p, year, r.scheme().zones(), points));
            schemeUnits.add(r.scheme().units());
            watch.scored(++done, periods.size(), p);
        }
        // the latest scheme's units first, in its order (and its names); units gone since after them
        for (int i = schemeUnits.size() - 1; i >= 0; i--) {
            for (Unit u : schemeUnits.get(i)) {
                units.putIfAbsent(u.code(), u);
            }
        }
        return new Trend(out, new ArrayList<>(units.values()));
    }
}

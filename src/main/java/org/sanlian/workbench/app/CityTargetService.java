package org.sanlian.workbench.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;

import org.sanlian.workbench.core.model.CityTarget;
import org.sanlian.workbench.core.model.DataSet;
import org.sanlian.workbench.core.model.Observation;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.model.Scheme;
import org.sanlian.workbench.core.model.StoredScheme;
import org.sanlian.workbench.core.targets.CityProgress;
import org.sanlian.workbench.store.CityFigureRepository;
import org.sanlian.workbench.store.FigureRepository;

/**
 * 目标进度: the city's goals (the {@code cityTargets} of the scheme that scores a period) in that
 * period, worked out by {@link CityProgress} from the units' figures, each beside the figure formed
 * the same way from the city figures entered on the 全市数 row (全市数, table {@code city_figure}),
 * when those are all there. A difference between the two is a data warning.
 */
public final class CityTargetService {

    /** The pseudo unit that holds the entered city figures in the data set handed to {@link CityProgress#entered}. */
    static final String CITY = "";

    /** One goal and the figure the entered city figures give for it (empty when any is missing). */
    public record Row(CityProgress.Goal goal, OptionalDouble entered) {
        public Row {
            Objects.requireNonNull(goal, "goal");
            Objects.requireNonNull(entered, "entered");
        }

        /** Whether the entered city figure differs from the computed one by more than a rounding slip. */
        public boolean differs() {
            if (entered.isEmpty() || goal.figure().isEmpty()) {
                return false;
            }
            double a = entered.getAsDouble();
            double b = goal.figure().getAsDouble();
            return Math.abs(a - b) > 1e-6 * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
        }
    }

    /** The goals of a period: the scheme used (and its year) and one row per goal, in the scheme's order. */
    public record Report(Period period, int schemeYear, Scheme scheme, List<Row> rows) {
        public Report {
            Objects.requireNonNull(period, "period");
            Objects.requireNonNull(scheme, "scheme");
            rows = List.copyOf(rows);
        }
    }

    private CityTargetService() {
    }

    /** The goals of the scheme that scores {@code period} ({@code schemeYear}'s when given), in that period. */
    public static Report load(WorkbenchDatabase db, Period period, Optional<Integer> schemeYear) {
        StoredScheme stored = db.schemeFor(period, schemeYear);
        Scheme scheme = db.scheme(stored);
        Set<Period> wanted = periods(scheme, period);
        return db.database().read(c -> report(period, stored.year(), scheme,
                new DataSet(FigureRepository.load(c, wanted)), cityFigures(c, wanted)));
    }

    /**
     * As {@link #load(WorkbenchDatabase, Period, Optional)}, with the units' figures taken from an
     * assessment already read for {@code period} (its data holds every period up to it): only the
     * entered city figures are read.
     */
    public static Report load(WorkbenchDatabase db, Assessment assessment, Period period,
                              Optional<Integer> schemeYear) {
        StoredScheme stored = db.schemeFor(period, schemeYear);
        Set<Period> wanted = periods(assessment.scheme(), period);
        DataSet city = db.database().read(c -> cityFigures(c, wanted));
        return report(period, stored.year(), assessment.scheme(), assessment.data(), city);
    }

    /** The periods the scheme's goals add up or look back to in {@code period}. */
    private static Set<Period> periods(Scheme scheme, Period period) {
        Set<Period> wanted = new TreeSet<>();
        for (CityTarget t : scheme.cityTargets()) {
            for (Period p : CityProgress.periods(t, period)) {
                wanted.add(p);
                wanted.add(p.previous()); // prev() in a derived expression
            }
        }
        return wanted;
    }

    private static DataSet cityFigures(java.sql.Connection c, Set<Period> wanted) throws java.sql.SQLException {
        List<Observation> city = new ArrayList<>();
        for (Period p : wanted) {
            for (CityFigureRepository.CityFigure f : CityFigureRepository.load(c, p)) {
                city.add(new Observation(p, CITY, f.code(), f.value(), f.note()));
            }
        }
        return new DataSet(city);
    }

    private static Report report(Period period, int schemeYear, Scheme scheme, DataSet data, DataSet cityData) {
        List<Row> rows = new ArrayList<>();
        for (CityTarget t : scheme.cityTargets()) {
            rows.add(new Row(CityProgress.of(scheme, t, data, period),
                    CityProgress.entered(scheme, t, cityData, CITY, period)));
        }
        return new Report(period, schemeYear, scheme, rows);
    }
}

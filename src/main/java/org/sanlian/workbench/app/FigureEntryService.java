package org.sanlian.workbench.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

import org.sanlian.workbench.core.check.Issue;
import org.sanlian.workbench.core.check.ValidationException;
import org.sanlian.workbench.core.model.DataSet;
import org.sanlian.workbench.core.model.Observation;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.model.Scheme;
import org.sanlian.workbench.core.model.StoredScheme;
import org.sanlian.workbench.core.model.Unit;
import org.sanlian.workbench.io.data.FigureRows;
import org.sanlian.workbench.io.excel.LenientNumber;
import org.sanlian.workbench.store.CityFigureRepository;
import org.sanlian.workbench.store.FigureRepository;

/**
 * Figures entered by hand (数据录入): a period's figures as kept, with who last changed each, and
 * the previous period's values to compare against; numbers read as the Excel importer reads a
 * number typed as text; and a set of changed cells written in one audited transaction, checked
 * first as a data file's rows are.
 */
public final class FigureEntryService {

    /** The source recorded on a figure typed or pasted into the grid, unless its cell names another. */
    public static final String MANUAL_SOURCE = "手工录入";

    /** One figure as kept: value (empty for an explicit missing one), note, source, who changed it and when. */
    public record Kept(String unit, String code, OptionalDouble value, String note, String source, String operator,
                       String changedAt) {
        public Kept {
            Objects.requireNonNull(value, "value");
            note = note == null ? "" : note;
            source = source == null ? "" : source;
            operator = operator == null ? "" : operator;
            changedAt = changedAt == null ? "" : changedAt;
        }
    }

    /**
     * What the grid of a period shows: the scheme that scores it (and its year), the period's
     * figures as kept, and the figures of the period before it (the same kind), for the outlier and
     * cumulative checks.
     */
    public record Sheet(Period period, int schemeYear, Scheme scheme, List<Kept> figures, DataSet previous,
                        List<Kept> cityFigures) {
        public Sheet {
            figures = List.copyOf(figures);
            Objects.requireNonNull(previous, "previous");
            cityFigures = List.copyOf(cityFigures);
        }

        /** A sheet without city figures. */
        public Sheet(Period period, int schemeYear, Scheme scheme, List<Kept> figures, DataSet previous) {
            this(period, schemeYear, scheme, figures, previous, List.of());
        }
    }

    /**
     * The unit of a {@link Kept} city figure (全市数) in {@link Sheet#cityFigures()}: the city's own
     * total of an input summed over the units, which the grid checks the units' sum against.
     */
    public static final String CITY = "";

    /** One city figure to keep (全市数): an empty value with a blank note removes it. */
    public record CityChange(String code, OptionalDouble value, String note, String source) {
        public CityChange {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(value, "value");
            note = note == null ? "" : note.strip();
            source = source == null || source.isBlank() ? MANUAL_SOURCE : source.strip();
        }

        boolean removes() {
            return value.isEmpty() && note.isEmpty();
        }
    }

    /** One cell to keep: an empty value with a blank note removes the figure. */
    public record Change(String unit, String code, OptionalDouble value, String note, String source) {
        public Change {
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(value, "value");
            note = note == null ? "" : note.strip();
            source = source == null || source.isBlank() ? MANUAL_SOURCE : source.strip();
        }

        boolean removes() {
            return value.isEmpty() && note.isEmpty();
        }
    }

    /** A number read from text, and whether it had to be adjusted (full-width digits, thousands separators). */
    public record Reading(double value, boolean adjusted) {
    }

    private FigureEntryService() {
    }

    /**
     * Reads text typed or pasted as a number, as the Excel importer reads a number typed as text:
     * full-width digits and signs, the Chinese full stop and comma, thousands separators in their
     * places. Empty when it is no number even so (units, percent signs, decimal commas, words).
     */
    public static Optional<Reading> readNumber(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        return LenientNumber.parse(text).map(p -> new Reading(p.value(), p.fullWidth() || p.thousands()));
    }

    /** The grid's content for {@code period}, read with the scheme that scores the period. */
    public static Sheet sheet(WorkbenchDatabase db, Period period) {
        StoredScheme stored = db.schemeFor(period, Optional.empty());
        Scheme scheme = db.scheme(stored);
        Period before = period.previous();
        return db.database().read(c -> {
            List<Kept> kept = new ArrayList<>();
            for (Unit u : scheme.units()) {
                for (FigureRepository.StoredFigure f : FigureRepository.ofUnit(c, period, u.code())) {
                    Observation o = f.observation();
                    kept.add(new Kept(o.unit(), o.code(), o.value(), o.note(), f.source(), f.operator(),
                            f.changedAt()));
                }
            }
            List<Kept> city = new ArrayList<>();
            for (CityFigureRepository.CityFigure f : CityFigureRepository.load(c, period)) {
                city.add(new Kept(CITY, f.code(), f.value(), f.note(), f.source(), f.operator(), f.changedAt()));
            }
            return new Sheet(period, stored.year(), scheme, kept,
                    new DataSet(FigureRepository.load(c, List.of(before))), city);
        });
    }

    /**
     * Keeps {@code changes} to the figures of {@code period} in one transaction under
     * {@code operator} (the audit log records each), grouped by their source. Every value is
     * checked first as a data file's row is (a known unit and enterable code, an input's bounds and
     * integer rule, counts not negative); any problem refuses the whole, naming the unit and code.
     * Returns how many figures changed.
     */
    public static int save(WorkbenchDatabase db, Period period, List<Change> changes, String operator) {
        return save(db, period, changes, List.of(), operator);
    }

    /**
     * Keeps {@code changes} to the units' figures and {@code cityChanges} to the city figures (全市数)
     * of {@code period} in one transaction under {@code operator}, each audited. A city figure
     * must be of an input of the scheme and not negative; refused as a whole otherwise. Returns how
     * many figures (of units and of the city) changed.
     */
    public static int save(WorkbenchDatabase db, Period period, List<Change> changes, List<CityChange> cityChanges,
                           String operator) {
        db.requireWritable();
        if (changes.isEmpty() && cityChanges.isEmpty()) {
            return 0;
        }
        Scheme scheme = db.scheme(db.schemeFor(period, Optional.empty()));
        check(scheme, period, changes);
        checkCity(scheme, cityChanges);
        Map<String, List<Observation>> bySource = new LinkedHashMap<>();
        List<Change> removed = new ArrayList<>();
        for (Change ch : changes) {
            if (ch.removes()) {
                removed.add(ch);
            } else {
                bySource.computeIfAbsent(ch.source(), s -> new ArrayList<>())
                        .add(new Observation(period, ch.unit(), ch.code(), ch.value(), ch.note()));
            }
        }
        return db.database().write(operator, c -> {
            String now = db.database().now();
            int changed = 0;
            for (Map.Entry<String, List<Observation>> e : bySource.entrySet()) {
                changed += FigureRepository.upsert(c, e.getValue(), e.getKey(), 0, operator, now);
            }
            for (Change ch : removed) {
                if (FigureRepository.delete(c, period, ch.unit(), ch.code())) {
                    changed++;
                }
            }
            for (CityChange ch : cityChanges) {
                boolean done = ch.removes() ? CityFigureRepository.delete(c, period, ch.code())
                        : CityFigureRepository.upsert(c, period, ch.code(), ch.value(), ch.note(), ch.source(),
                        operator, now);
                if (done) {
                    changed++;
                }
            }
            return changed;
        });
    }

    private static void checkCity(Scheme scheme, List<CityChange> changes) {
        List<Issue> issues = new ArrayList<>();
        for (CityChange ch : changes) {
            boolean input = scheme.inputs().stream().anyMatch(i -> i.code().equals(ch.code()));
            if (!input) {
                issues.add(Issue.of(ch.code(), "entry.city.unknown-code", ch.code()));
            } else if (ch.value().isPresent() && ch.value().getAsDouble() < 0) {
                issues.add(Issue.of(ch.code(), "entry.city.negative", ch.code(),
                        FigureRows.plain(ch.value().getAsDouble())));
            }
        }
        if (!issues.isEmpty()) {
            throw new ValidationException(issues);
        }
    }

    private static void check(Scheme scheme, Period period, List<Change> changes) {
        FigureRows rows = new FigureRows(scheme, FigureRows.Kind.DATA, "entry.duplicate");
        List<Issue> issues = new ArrayList<>();
        int n = 0;
        for (Change ch : changes) {
            String where = scheme.unit(ch.unit()).map(Unit::name).orElse(ch.unit()) + " · " + ch.code();
            List<Issue> found = new ArrayList<>();
            String text = ch.value().isPresent() ? FigureRows.plain(ch.value().getAsDouble()) : "";
            rows.row(new FigureRows.Cell(period.toString(), where), new FigureRows.Cell(ch.unit(), where),
                    new FigureRows.Cell(ch.code(), where), new FigureRows.ValueCell(ch.value(), text, where),
                    ch.note(), where + " #" + (++n), found);
            issues.addAll(found);
        }
        if (!issues.isEmpty()) {
            throw new ValidationException(issues);
        }
    }
}

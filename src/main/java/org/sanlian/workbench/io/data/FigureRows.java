package org.sanlian.workbench.io.data;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Supplier;

import org.sanlian.workbench.core.check.Issue;
import org.sanlian.workbench.core.model.Adjustment;
import org.sanlian.workbench.core.model.Derived;
import org.sanlian.workbench.core.model.Dimension;
import org.sanlian.workbench.core.model.Indicator;
import org.sanlian.workbench.core.model.Input;
import org.sanlian.workbench.core.model.Observation;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.model.PeriodKind;
import org.sanlian.workbench.core.model.Scheme;
import org.sanlian.workbench.core.model.TargetSource;
import org.sanlian.workbench.core.model.Unit;
import org.sanlian.workbench.core.model.Veto;
import org.sanlian.workbench.core.model.Zone;

/**
 * The checks every row of a data or targets file gets against a scheme, whatever the file is
 * (CSV, a plain data workbook, a returned template): the period and its kind, a known unit (or
 * zone), an enterable code (derived and dimension codes refused), an input's bounds and integer
 * rule, counts not negative, and no duplicate {@code (period, unit, code)}. The caller reads the
 * cells and parses the number; this class says what is wrong and where, and keeps the sound rows.
 * One instance serves one file, so duplicates are found within it.
 */
public final class FigureRows {

    /** Data (figures) or targets (commitments and zone targets). */
    public enum Kind { DATA, TARGETS }

    /**
     * One cell as read: its text, trimmed, and where it is ({@code file:line:column},
     * {@code file:sheet!C7}). Where may be given as a supplier: it is only needed for a message,
     * and building millions of such strings is most of a large file's reading time.
     */
    public static final class Cell {
        private final String text;
        private final Supplier<String> where;

        public Cell(String text, String where) {
            this(text, () -> where);
        }

        public Cell(String text, Supplier<String> where) {
            this.text = Objects.requireNonNull(text, "text");
            this.where = Objects.requireNonNull(where, "where");
        }

        public String text() {
            return text;
        }

        public String where() {
            return where.get();
        }
    }

    /** A value cell: the number read (empty when blank or unreadable), its text as written, and where it is. */
    public static final class ValueCell {
        private final OptionalDouble value;
        private final String text;
        private final Supplier<String> where;

        public ValueCell(OptionalDouble value, String text, String where) {
            this(value, text, () -> where);
        }

        public ValueCell(OptionalDouble value, String text, Supplier<String> where) {
            this.value = Objects.requireNonNull(value, "value");
            this.text = Objects.requireNonNull(text, "text");
            this.where = Objects.requireNonNull(where, "where");
        }

        public OptionalDouble value() {
            return value;
        }

        public String text() {
            return text;
        }

        public String where() {
            return where.get();
        }
    }

    private final Scheme scheme;
    private final Kind kind;
    private final String duplicateCode;
    private final List<Observation> observations = new ArrayList<>();
    /** Per period, the label of the first row of each (unit or zone, code), by their indexes. */
    private final Map<Period, List<String[]>> firstLabel = new HashMap<>();
    /** Canonical unit/zone and code strings with their indexes, so rows share them. */
    private final Map<String, Integer> subjectIndex = new HashMap<>();
    private final Map<String, Integer> codeIndex = new HashMap<>();
    private final List<String> subjects = new ArrayList<>();
    private final List<String> codes = new ArrayList<>();
    private final Map<String, Optional<Period>> periodByText = new HashMap<>();

    private final Set<String> units = new HashSet<>();
    private final Set<String> zones = new HashSet<>();
    private final Set<String> enterable = new HashSet<>();
    private final Set<String> derived = new HashSet<>();
    private final Set<String> dimensions = new HashSet<>();
    private final Set<String> counts = new HashSet<>();
    private final Set<String> known = new HashSet<>();
    private final Map<String, Input> inputs = new HashMap<>();
    private final Map<String, Indicator> leaves = new LinkedHashMap<>();

    /**
     * @param duplicateCode the issue code of a duplicate row; its arguments are period, unit, code
     *                      and the label of the earlier row (a line number, a cell)
     */
    public FigureRows(Scheme scheme, Kind kind, String duplicateCode) {
        this.scheme = scheme;
        this.kind = kind;
        this.duplicateCode = duplicateCode;
        scheme.units().stream().map(Unit::code).forEach(units::add);
        scheme.zones().stream().map(Zone::code).forEach(zones::add);
        scheme.derived().stream().map(Derived::code).forEach(derived::add);
        scheme.dimensions().stream().map(Dimension::code).forEach(dimensions::add);
        scheme.adjustments().stream().map(Adjustment::code).forEach(counts::add);
        scheme.vetoes().stream().map(Veto::code).forEach(counts::add);
        scheme.inputs().forEach(i -> inputs.put(i.code(), i));
        scheme.leaves().forEach(l -> leaves.put(l.code(), l));
        enterable.addAll(enterableDataCodes(scheme));
        known.addAll(enterable);
        known.addAll(derived);
        known.addAll(dimensions);
    }

    /**
     * Every code a data file may hold, in the scheme's order: inputs, indicators and the bonus,
     * penalty and veto counts, less the derived ones (a leaf that is also derived is computed, never
     * entered).
     */
    public static Set<String> enterableDataCodes(Scheme scheme) {
        Set<String> out = new LinkedHashSet<>();
        scheme.inputs().forEach(i -> out.add(i.code()));
        scheme.leaves().forEach(l -> out.add(l.code()));
        scheme.adjustments().forEach(a -> out.add(a.code()));
        scheme.vetoes().forEach(v -> out.add(v.code()));
        scheme.derived().forEach(d -> out.remove(d.code()));
        return Collections.unmodifiableSet(out);
    }

    /**
     * The codes a unit enters itself, in the scheme's order: the inputs, then the indicators whose
     * value is entered (neither an input nor derived). Bonus, penalty and veto counts are left out:
     * the office decides them.
     */
    public static List<String> unitCodes(Scheme scheme) {
        Set<String> derivedCodes = new HashSet<>();
        scheme.derived().forEach(d -> derivedCodes.add(d.code()));
        List<String> out = new ArrayList<>();
        for (Input i : scheme.inputs()) {
            if (!derivedCodes.contains(i.code())) {
                out.add(i.code());
            }
        }
        for (Indicator leaf : scheme.leaves()) {
            if (!derivedCodes.contains(leaf.code()) && !out.contains(leaf.code())) {
                out.add(leaf.code());
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** The rows kept so far (every row checked without a problem), in the order given. */
    public List<Observation> observations() {
        return Collections.unmodifiableList(observations);
    }

    /** Hands over the rows kept so far and forgets them (duplicates are still found against them). */
    public List<Observation> drain() {
        List<Observation> out = new ArrayList<>(observations);
        observations.clear();
        return out;
    }

    /** How many rows are kept and not yet drained. */
    public int pending() {
        return observations.size();
    }

    /**
     * Checks one row. Problems go to {@code found}, which may already hold the caller's own (an
     * unreadable number, say); the row is kept only when {@code found} is empty at the end. Any of
     * the cells may be null when the file has no such column (the caller reports that).
     *
     * @param label how a later duplicate names this row (a line number, a cell)
     */
    public void row(Cell period, Cell unit, Cell code, ValueCell value, String note, String label, List<Issue> found) {
        Period p = period(period, found);
        boolean codeOk = code != null && (kind == Kind.DATA ? dataCode(code, found) : targetCode(code, found));
        boolean unitOk = unit != null && unit(unit, codeOk ? code.text() : null, found);
        if (value != null && value.value().isPresent()) {
            bounds(codeOk ? code.text() : null, value, found);
        }
        if (p != null && unitOk && codeOk) {
            int u = index(subjectIndex, subjects, unit.text());
            int c = index(codeIndex, codes, code.text());
            String earlier = firstLabel(p, u, c, label);
            if (earlier != null) {
                found.add(Issue.of(code.where(), duplicateCode, p, unit.text(), code.text(), earlier));
            }
            if (found.isEmpty()) {
                observations.add(new Observation(p, subjects.get(u), codes.get(c),
                        value == null ? OptionalDouble.empty() : value.value(), note == null ? "" : note));
            }
        }
    }

    private static int index(Map<String, Integer> index, List<String> canonical, String text) {
        Integer i = index.get(text);
        if (i == null) {
            i = canonical.size();
            index.put(text, i);
            canonical.add(text);
        }
        return i;
    }

    /** Records {@code label} as the first row of (period, subject, code) and returns null, or returns the earlier label. */
    private String firstLabel(Period p, int subject, int code, String label) {
        List<String[]> bySubject = firstLabel.computeIfAbsent(p, k -> new ArrayList<>());
        while (bySubject.size() <= subject) {
            bySubject.add(null);
        }
        String[] byCode = bySubject.get(subject);
        if (byCode == null || byCode.length <= code) {
            String[] grown = new String[Math.max(code + 1, Math.max(16, codes.size() + codes.size() / 2))];
            if (byCode != null) {
                System.arraycopy(byCode, 0, grown, 0, byCode.length);
            }
            byCode = grown;
            bySubject.set(subject, byCode);
        }
        String earlier = byCode[code];
        if (earlier == null) {
            byCode[code] = label;
        }
        return earlier;
    }

    private static boolean blank(Cell f, String column, List<Issue> found) {
        if (f.text().isEmpty()) {
            found.add(Issue.of(f.where(), "csv.blank-cell", column));
            return true;
        }
        return false;
    }

    private Period period(Cell f, List<Issue> found) {
        if (f == null || blank(f, "period", found)) {
            return null;
        }
        Optional<Period> p = periodByText.get(f.text());
        if (p == null) {
            try {
                p = Period.parse(f.text());
            } catch (IllegalArgumentException e) {
                p = Optional.empty();
            }
            periodByText.put(f.text(), p);
        }
        if (p.isEmpty()) {
            found.add(Issue.of(f.where(), "csv.bad-period", f.text()));
            return null;
        }
        PeriodKind expected = scheme.periodKind();
        if (p.get().kind() != expected) {
            found.add(Issue.of(f.where(), "csv.period-kind", f.text(), expected, example(expected)));
            return null;
        }
        return p.get();
    }

    private static String example(PeriodKind kind) {
        switch (kind) {
            case HALF: return "2025H1";
            case QUARTER: return "2025Q3";
            default: return "2025";
        }
    }

    private boolean dataCode(Cell f, List<Issue> found) {
        if (blank(f, "code", found)) {
            return false;
        }
        String code = f.text();
        if (derived.contains(code)) {
            found.add(Issue.of(f.where(), "csv.derived-code", code));
        } else if (enterable.contains(code)) {
            return true;
        } else if (dimensions.contains(code)) {
            found.add(Issue.of(f.where(), "csv.dimension-code", code));
        } else {
            found.add(Issue.of(f.where(), "csv.unknown-code", code));
        }
        return false;
    }

    private boolean targetCode(Cell f, List<Issue> found) {
        if (blank(f, "code", found)) {
            return false;
        }
        String code = f.text();
        if (targetSource(code).isPresent()) {
            return true;
        }
        found.add(Issue.of(f.where(), known.contains(code) ? "csv.not-a-target" : "csv.unknown-code", code));
        return false;
    }

    /** COMMITMENT or ZONE where the code is a leaf that takes its target from the targets file. */
    private Optional<TargetSource> targetSource(String code) {
        Indicator leaf = leaves.get(code);
        if (leaf == null) {
            return Optional.empty();
        }
        return leaf.target().filter(t -> t == TargetSource.COMMITMENT || t == TargetSource.ZONE);
    }

    /** Checks the unit cell; {@code code} is the row's code when that is valid, else null. */
    private boolean unit(Cell f, String code, List<Issue> found) {
        if (blank(f, "unit", found)) {
            return false;
        }
        String unit = f.text();
        boolean isUnit = units.contains(unit);
        if (kind == Kind.DATA) {
            if (!isUnit) {
                found.add(Issue.of(f.where(), "csv.unknown-unit", unit));
            }
            return isUnit;
        }
        boolean isZone = zones.contains(unit);
        if (code == null) {
            if (!isUnit && !isZone) {
                found.add(Issue.of(f.where(), "csv.unknown-unit", unit));
            }
            return isUnit || isZone;
        }
        TargetSource source = targetSource(code).orElseThrow();
        if (source == TargetSource.COMMITMENT) {
            if (isUnit) {
                return true;
            }
            found.add(isZone ? Issue.of(f.where(), "csv.target-wants-unit", code, unit)
                    : Issue.of(f.where(), "csv.unknown-unit", unit));
            return false;
        }
        if (isZone) {
            return true;
        }
        found.add(isUnit ? Issue.of(f.where(), "csv.target-wants-zone", code, unit)
                : Issue.of(f.where(), "csv.unknown-zone", unit));
        return false;
    }

    /** An input's bounds and integer rule, and counts not negative (data only; code null when invalid). */
    private void bounds(String code, ValueCell f, List<Issue> found) {
        if (kind != Kind.DATA || code == null) {
            return;
        }
        double v = f.value().getAsDouble();
        Input input = inputs.get(code);
        if (input != null) {
            if ((input.min().isPresent() && v < input.min().getAsDouble())
                    || (input.max().isPresent() && v > input.max().getAsDouble())) {
                found.add(Issue.of(f.where(), "csv.out-of-bounds", code, f.text(),
                        input.min().isPresent() ? plain(input.min().getAsDouble()) : "-∞",
                        input.max().isPresent() ? plain(input.max().getAsDouble()) : "+∞"));
            } else if (input.integer() && v != Math.rint(v)) {
                found.add(Issue.of(f.where(), "csv.not-integer", code, f.text()));
            }
        }
        if (counts.contains(code) && v < 0) {
            found.add(Issue.of(f.where(), "csv.negative-count", code, f.text()));
        }
    }

    /** A bound as people write it: {@code 0}, {@code 100}, {@code 0.5}. */
    public static String plain(double bound) {
        return BigDecimal.valueOf(bound).stripTrailingZeros().toPlainString();
    }
}

package org.sanlian.workbench.io.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Pattern;

import org.sanlian.workbench.core.check.Issue;
import org.sanlian.workbench.core.check.ValidationException;
import org.sanlian.workbench.core.model.Adjustment;
import org.sanlian.workbench.core.model.DataSet;
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
 * Reads the data file and the targets file of FORMATS.md ({@code period,unit,code,value[,note]},
 * UTF-8 with or without BOM) against a scheme. Every problem of a file is collected and thrown at
 * once as a {@link ValidationException} whose issues say {@code file:line:column} (line 1 is the
 * header; the column is the field's 1-based position in the file); a file with any problem yields
 * nothing.
 */
public final class DataCsvReader {

    /**
     * A number exactly as FORMATS.md allows: digits before the point are required and so are digits
     * after it ({@code .5} and {@code 5.} are refused, on purpose: the format is strict so that every
     * tool reads the same figure; the Excel importer may be kinder). No NaN, no infinity, no
     * thousands separators, no decimal comma, no full-width digits.
     */
    static final Pattern NUMBER = Pattern.compile("[+-]?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    static final String PERIOD = "period";
    static final String UNIT = "unit";
    static final String CODE = "code";
    static final String VALUE = "value";
    static final String NOTE = "note";
    private static final List<String> REQUIRED = List.of(PERIOD, UNIT, CODE, VALUE);
    private static final List<String> KNOWN = List.of(PERIOD, UNIT, CODE, VALUE, NOTE);

    private enum Kind { DATA, TARGETS }

    private DataCsvReader() {
    }

    /** Reads a data file (figures: inputs, indicator values, adjustment and veto counts). */
    public static DataSet readData(Path file, Scheme scheme) {
        return read(file, scheme, Kind.DATA);
    }

    /** Reads data from a stream of UTF-8 bytes (bytes that are not UTF-8 are refused). */
    public static DataSet readData(InputStream in, String sourceName, Scheme scheme) {
        return read(new StrictUtf8Reader(in), sourceName, scheme, Kind.DATA);
    }

    /** Reads data from characters; {@code sourceName} names the file in issues. */
    public static DataSet readData(Reader in, String sourceName, Scheme scheme) {
        return read(in, sourceName, scheme, Kind.DATA);
    }

    /** Reads a targets file: commitments (unit codes) and zone targets (zone codes). */
    public static DataSet readTargets(Path file, Scheme scheme) {
        return read(file, scheme, Kind.TARGETS);
    }

    public static DataSet readTargets(InputStream in, String sourceName, Scheme scheme) {
        return read(new StrictUtf8Reader(in), sourceName, scheme, Kind.TARGETS);
    }

    public static DataSet readTargets(Reader in, String sourceName, Scheme scheme) {
        return read(in, sourceName, scheme, Kind.TARGETS);
    }

    private static DataSet read(Path file, Scheme scheme, Kind kind) {
        String name = file.toString();
        try (InputStream in = Files.newInputStream(file)) {
            return read(new StrictUtf8Reader(in), name, scheme, kind);
        } catch (IOException e) {
            throw unreadable(name, e);
        }
    }

    private static DataSet read(Reader in, String name, Scheme scheme, Kind kind) {
        try {
            return parse(in, name, scheme, kind);
        } catch (IOException e) {
            throw unreadable(name, e);
        }
    }

    private static ValidationException unreadable(String name, IOException e) {
        return new ValidationException(Issue.of(name, "file.unreadable", name,
                e.getClass().getSimpleName() + ": " + e.getMessage()));
    }

    private static DataSet parse(Reader in, String name, Scheme scheme, Kind kind) throws IOException {
        IssueList issues = new IssueList(name);
        CsvTokenizer tokenizer = new CsvTokenizer(in, name, issues);
        CsvRecord header = tokenizer.next();
        while (header != null && header.blank() && !header.malformed()) {
            header = tokenizer.next();
        }
        if (header == null) {
            if (issues.isEmpty()) {
                issues.accept(Issue.of(name, "csv.empty-file", name));
            }
            issues.throwIfAny();
        }
        if (header.malformed()) {
            issues.throwIfAny();
        }
        Map<String, Integer> columns = readHeader(header, name, issues);
        if (columns == null) {
            issues.throwIfAny();
        }
        Rows rows = new Rows(scheme, kind, name, columns, header.fields().size(), issues);
        for (CsvRecord r = tokenizer.next(); r != null; r = tokenizer.next()) {
            if (!r.malformed() && !r.blank()) {
                rows.read(r);
            }
        }
        issues.throwIfAny();
        return new DataSet(rows.observations);
    }

    /** The 0-based index of each known column, or null when the first line is no header at all. */
    private static Map<String, Integer> readHeader(CsvRecord header, String name, IssueList issues) {
        if (header.fields().stream().noneMatch(f -> KNOWN.contains(f.cell()))) {
            issues.accept(Issue.of(name + ":" + header.line(), "csv.missing-header", String.join(",", KNOWN)));
            return null;
        }
        Map<String, Integer> columns = new HashMap<>();
        for (CsvField f : header.fields()) {
            String column = f.cell();
            String where = name + ":" + f.line() + ":" + f.column();
            if (column.isEmpty()) {
                issues.accept(Issue.of(where, "csv.blank-column", f.column()));
            } else if (!KNOWN.contains(column)) {
                issues.accept(Issue.of(where, "csv.unknown-column", column, String.join(", ", KNOWN)));
            } else if (columns.containsKey(column)) {
                issues.accept(Issue.of(where, "csv.duplicate-column", column, columns.get(column) + 1));
            } else {
                columns.put(column, f.column() - 1);
            }
        }
        for (String required : REQUIRED) {
            if (!columns.containsKey(required)) {
                issues.accept(Issue.of(name + ":" + header.line(), "csv.missing-column", required));
            }
        }
        return columns;
    }

    /** Checks the rows of one file against the scheme and turns the good ones into observations. */
    private static final class Rows {

        private final Scheme scheme;
        private final Kind kind;
        private final String name;
        private final Map<String, Integer> columns;
        private final int width;
        private final IssueList issues;
        private final List<Observation> observations = new ArrayList<>();
        private final Map<String, Integer> firstLine = new HashMap<>();

        private final Set<String> units = new HashSet<>();
        private final Set<String> zones = new HashSet<>();
        private final Set<String> enterable = new HashSet<>();
        private final Set<String> derived = new HashSet<>();
        private final Set<String> dimensions = new HashSet<>();
        private final Set<String> counts = new HashSet<>();
        private final Set<String> known = new HashSet<>();
        private final Map<String, Input> inputs = new HashMap<>();
        private final Map<String, Indicator> leaves = new LinkedHashMap<>();

        Rows(Scheme scheme, Kind kind, String name, Map<String, Integer> columns, int width, IssueList issues) {
            this.scheme = scheme;
            this.kind = kind;
            this.name = name;
            this.columns = columns;
            this.width = width;
            this.issues = issues;
            scheme.units().stream().map(Unit::code).forEach(units::add);
            scheme.zones().stream().map(Zone::code).forEach(zones::add);
            scheme.derived().stream().map(Derived::code).forEach(derived::add);
            scheme.dimensions().stream().map(Dimension::code).forEach(dimensions::add);
            scheme.adjustments().stream().map(Adjustment::code).forEach(counts::add);
            scheme.vetoes().stream().map(Veto::code).forEach(counts::add);
            scheme.inputs().forEach(i -> inputs.put(i.code(), i));
            scheme.leaves().forEach(l -> leaves.put(l.code(), l));
            enterable.addAll(inputs.keySet());
            enterable.addAll(leaves.keySet());
            enterable.addAll(counts);
            // A leaf that is also derived is computed, never entered.
            enterable.removeAll(derived);
            known.addAll(enterable);
            known.addAll(derived);
            known.addAll(dimensions);
        }

        void read(CsvRecord r) {
            List<CsvField> fields = r.fields();
            if (fields.size() != width) {
                int column = Math.min(fields.size(), width) + 1;
                CsvField last = fields.get(Math.min(fields.size(), width + 1) - 1);
                issues.accept(Issue.of(name + ":" + last.line() + ":" + column, "csv.field-count",
                        width, fields.size()));
                return;
            }
            List<Issue> found = new ArrayList<>();
            Period period = period(fields, found);
            CsvField codeField = field(fields, CODE);
            String code = codeField == null ? null : codeField.cell();
            boolean codeOk = codeField != null && (kind == Kind.DATA ? dataCode(codeField, found)
                    : targetCode(codeField, found));
            CsvField unitField = field(fields, UNIT);
            boolean unitOk = unitField != null && unit(unitField, codeOk ? code : null, found);
            OptionalDouble value = value(fields, codeOk ? code : null, found);
            if (period != null && unitOk && codeOk) {
                String key = period + "\u0000" + unitField.cell() + "\u0000" + code;
                Integer earlier = firstLine.putIfAbsent(key, codeField.line());
                if (earlier != null) {
                    found.add(Issue.of(where(codeField), "csv.duplicate", period, unitField.cell(), code, earlier));
                }
            }
            if (found.isEmpty()) {
                if (period != null && unitOk && codeOk) {
                    CsvField note = field(fields, NOTE);
                    observations.add(new Observation(period, unitField.cell(), code, value,
                            note == null ? "" : note.cell()));
                }
                return;
            }
            found.sort(Comparator.comparing(Rows::position));
            found.forEach(issues);
        }

        private static int position(Issue issue) {
            String w = issue.where();
            return Integer.parseInt(w.substring(w.lastIndexOf(':') + 1));
        }

        private CsvField field(List<CsvField> fields, String column) {
            Integer i = columns.get(column);
            return i == null ? null : fields.get(i);
        }

        private String where(CsvField f) {
            return name + ":" + f.line() + ":" + f.column();
        }

        private boolean blank(CsvField f, String column, List<Issue> found) {
            if (f.cell().isEmpty()) {
                found.add(Issue.of(where(f), "csv.blank-cell", column));
                return true;
            }
            return false;
        }

        private Period period(List<CsvField> fields, List<Issue> found) {
            CsvField f = field(fields, PERIOD);
            if (f == null || blank(f, PERIOD, found)) {
                return null;
            }
            Optional<Period> p;
            try {
                p = Period.parse(f.cell());
            } catch (IllegalArgumentException e) {
                p = Optional.empty();
            }
            if (p.isEmpty()) {
                found.add(Issue.of(where(f), "csv.bad-period", f.cell()));
                return null;
            }
            PeriodKind expected = scheme.periodKind();
            if (p.get().kind() != expected) {
                found.add(Issue.of(where(f), "csv.period-kind", f.cell(), expected, example(expected)));
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

        private boolean dataCode(CsvField f, List<Issue> found) {
            if (blank(f, CODE, found)) {
                return false;
            }
            String code = f.cell();
            if (derived.contains(code)) {
                found.add(Issue.of(where(f), "csv.derived-code", code));
            } else if (enterable.contains(code)) {
                return true;
            } else if (dimensions.contains(code)) {
                found.add(Issue.of(where(f), "csv.dimension-code", code));
            } else {
                found.add(Issue.of(where(f), "csv.unknown-code", code));
            }
            return false;
        }

        private boolean targetCode(CsvField f, List<Issue> found) {
            if (blank(f, CODE, found)) {
                return false;
            }
            String code = f.cell();
            Optional<TargetSource> source = targetSource(code);
            if (source.isPresent()) {
                return true;
            }
            found.add(Issue.of(where(f), known.contains(code) ? "csv.not-a-target" : "csv.unknown-code", code));
            return false;
        }

        /** COMMITMENT or ZONE where the code is a leaf that takes its target from this file. */
        private Optional<TargetSource> targetSource(String code) {
            Indicator leaf = leaves.get(code);
            if (leaf == null) {
                return Optional.empty();
            }
            return leaf.target().filter(t -> t == TargetSource.COMMITMENT || t == TargetSource.ZONE);
        }

        /** Checks the unit column; {@code code} is the row's code when that is valid, else null. */
        private boolean unit(CsvField f, String code, List<Issue> found) {
            if (blank(f, UNIT, found)) {
                return false;
            }
            String unit = f.cell();
            boolean isUnit = units.contains(unit);
            if (kind == Kind.DATA) {
                if (!isUnit) {
                    found.add(Issue.of(where(f), "csv.unknown-unit", unit));
                }
                return isUnit;
            }
            boolean isZone = zones.contains(unit);
            if (code == null) {
                if (!isUnit && !isZone) {
                    found.add(Issue.of(where(f), "csv.unknown-unit", unit));
                }
                return isUnit || isZone;
            }
            TargetSource source = targetSource(code).orElseThrow();
            if (source == TargetSource.COMMITMENT) {
                if (isUnit) {
                    return true;
                }
                found.add(isZone ? Issue.of(where(f), "csv.target-wants-unit", code, unit)
                        : Issue.of(where(f), "csv.unknown-unit", unit));
                return false;
            }
            if (isZone) {
                return true;
            }
            found.add(isUnit ? Issue.of(where(f), "csv.target-wants-zone", code, unit)
                    : Issue.of(where(f), "csv.unknown-zone", unit));
            return false;
        }

        private OptionalDouble value(List<CsvField> fields, String code, List<Issue> found) {
            CsvField f = field(fields, VALUE);
            if (f == null || f.cell().isEmpty()) {
                return OptionalDouble.empty();
            }
            String text = f.cell();
            if (!NUMBER.matcher(text).matches()) {
                found.add(Issue.of(where(f), "csv.bad-number", text));
                return OptionalDouble.empty();
            }
            double v = Double.parseDouble(text);
            if (Double.isInfinite(v)) {
                found.add(Issue.of(where(f), "csv.bad-number", text));
                return OptionalDouble.empty();
            }
            if (kind == Kind.DATA && code != null) {
                Input input = inputs.get(code);
                if (input != null) {
                    if ((input.min().isPresent() && v < input.min().getAsDouble())
                            || (input.max().isPresent() && v > input.max().getAsDouble())) {
                        found.add(Issue.of(where(f), "csv.out-of-bounds", code, text,
                                input.min().isPresent() ? plain(input.min().getAsDouble()) : "-∞",
                                input.max().isPresent() ? plain(input.max().getAsDouble()) : "+∞"));
                    } else if (input.integer() && v != Math.rint(v)) {
                        found.add(Issue.of(where(f), "csv.not-integer", code, text));
                    }
                }
                if (counts.contains(code) && v < 0) {
                    found.add(Issue.of(where(f), "csv.negative-count", code, text));
                }
            }
            return OptionalDouble.of(v);
        }

        private static String plain(double bound) {
            return BigDecimal.valueOf(bound).stripTrailingZeros().toPlainString();
        }
    }
}

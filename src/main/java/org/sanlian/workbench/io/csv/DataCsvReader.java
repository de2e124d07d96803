package org.sanlian.workbench.io.csv;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

import org.sanlian.workbench.core.check.Issue;
import org.sanlian.workbench.core.check.ValidationException;
import org.sanlian.workbench.core.model.DataSet;
import org.sanlian.workbench.core.model.Observation;
import org.sanlian.workbench.core.model.Scheme;
import org.sanlian.workbench.io.data.FigureRows;
import org.sanlian.workbench.io.data.FileProblems;

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

    /** Whether {@code s} is a number as {@link #NUMBER} says, checked without a regular expression (it runs for every row). */
    static boolean strictNumber(String s) {
        int n = s.length();
        int i = 0;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int digits = digits(s, i);
        if (digits == i) {
            return false;
        }
        i = digits;
        if (i < n && s.charAt(i) == '.') {
            digits = digits(s, i + 1);
            if (digits == i + 1) {
                return false;
            }
            i = digits;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            digits = digits(s, i);
            if (digits == i) {
                return false;
            }
            i = digits;
        }
        return i == n;
    }

    /** Exact powers of ten as doubles (10^22 is the largest a double holds exactly). */
    static final double[] POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
            1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    /**
     * The number {@code s} writes when it is one as {@link #NUMBER} says, else NaN; exactly what
     * {@link Double#parseDouble} gives. A plain decimal of at most 15 digits, as figures are
     * written, is worked out here: its digits as a whole number and the power of ten are both exact
     * doubles, so their quotient is the correctly rounded value (the classic fast path of decimal
     * reading), without the parser's copies for each of a large file's rows.
     */
    static double strictValue(String s) {
        int n = s.length();
        int i = 0;
        boolean negative = false;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        long m = 0;
        int digits = 0;
        int fraction = -1;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                m = m * 10 + (c - '0');
                digits++;
                if (fraction >= 0) {
                    fraction++;
                }
            } else if (c == '.' && fraction < 0 && digits > 0) {
                fraction = 0;
            } else {
                break;
            }
        }
        if (i == n && digits > 0 && digits <= 15 && fraction != 0) {
            double v = fraction > 0 ? m / POWERS_OF_TEN[fraction] : m;
            return negative ? -v : v;
        }
        return strictNumber(s) ? Double.parseDouble(s) : Double.NaN;
    }

    /** The index after the ASCII digits that start at {@code from}. */
    private static int digits(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

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
        try {
            return readData(in, sourceName, scheme, Kind.DATA);
        } catch (IOException e) {
            throw unreadable(sourceName, e);
        }
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
            return readData(in, name, scheme, kind);
        } catch (IOException e) {
            throw unreadable(name, e);
        }
    }

    /**
     * A data file in its plain shape up to {@link PlainDataReader#MAX_BYTES} goes the quick way;
     * anything else (another shape, a problem, a larger file, targets) is read by the general
     * reader, which says what is wrong and where.
     */
    private static DataSet readData(InputStream in, String name, Scheme scheme, Kind kind) throws IOException {
        if (kind != Kind.DATA) {
            return read(new StrictUtf8Reader(in), name, scheme, kind);
        }
        byte[] head = in.readNBytes(PlainDataReader.MAX_BYTES + 1);
        if (head.length <= PlainDataReader.MAX_BYTES) {
            Optional<DataSet> plain = PlainDataReader.read(head, scheme);
            if (plain.isPresent()) {
                return plain.get();
            }
        }
        return read(new StrictUtf8Reader(new SequenceInputStream(new ByteArrayInputStream(head), in)), name, scheme,
                kind);
    }

    private static DataSet read(Reader in, String name, Scheme scheme, Kind kind) {
        try {
            return parse(in, name, scheme, kind);
        } catch (IOException e) {
            throw unreadable(name, e);
        }
    }

    private static ValidationException unreadable(String name, IOException e) {
        return FileProblems.unreadable(name, e);
    }

    /**
     * Reads a data file in chunks: every {@code chunk} rows checked without a problem go to
     * {@code sink} as they are read, so that a caller can write them while the rest is read. At the
     * end every problem of the file is thrown at once, as {@link #readData(Path, Scheme)} does;
     * whatever the sink did with the chunks must then be undone by the caller (a transaction).
     * Once the file has a problem the sink gets an empty chunk every {@code chunk} rows instead.
     */
    public static void streamData(Path file, Scheme scheme, int chunk, Consumer<List<Observation>> sink) {
        String name = file.toString();
        try (InputStream in = Files.newInputStream(file)) {
            parse(new StrictUtf8Reader(in), name, scheme, Kind.DATA, chunk, sink);
        } catch (IOException e) {
            throw unreadable(name, e);
        }
    }

    private static DataSet parse(Reader in, String name, Scheme scheme, Kind kind) throws IOException {
        List<Observation> all = new ArrayList<>();
        parse(in, name, scheme, kind, Integer.MAX_VALUE, all::addAll);
        return new DataSet(all);
    }

    private static void parse(Reader in, String name, Scheme scheme, Kind kind, int chunk,
                              Consumer<List<Observation>> sink) throws IOException {
        IssueList issues = new IssueList(name);
        // the text is split into records on a thread of its own while the records are checked here
        try (CsvRecordStream records = CsvRecordStream.start(in, name)) {
            CsvRecord header = records.next(issues);
            while (header != null && header.blank() && !header.malformed()) {
                header = records.next(issues);
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
            int sinceHandedOver = 0;
            for (CsvRecord r = records.next(issues); r != null; r = records.next(issues)) {
                if (!r.malformed() && !r.blank()) {
                    rows.read(r);
                    sinceHandedOver++;
                    if (issues.isEmpty()) {
                        if (rows.checks.pending() >= chunk) {
                            sink.accept(rows.checks.drain());
                            sinceHandedOver = 0;
                        }
                    } else if (sinceHandedOver >= chunk) {
                        // the file will be refused: its rows are dropped as read (duplicates are still
                        // found against them), and the sink still hears from the reader, so that a
                        // caller can report progress and stop early
                        rows.checks.drain();
                        sink.accept(List.of());
                        sinceHandedOver = 0;
                    }
                }
            }
            issues.throwIfAny();
            sink.accept(rows.checks.drain());
        }
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

    /** Reads the rows of one file as cells and lets {@link FigureRows} check them against the scheme. */
    private static final class Rows {

        private final String name;
        /** Each known column's 0-based index, -1 when the file has no such column. */
        private final int period;
        private final int unit;
        private final int code;
        private final int value;
        private final int note;
        private final int width;
        private final IssueList issues;
        private final FigureRows checks;
        /** One row's problems, the same list for every row. */
        private final List<Issue> found = new ArrayList<>();

        Rows(Scheme scheme, Kind kind, String name, Map<String, Integer> columns, int width, IssueList issues) {
            this.name = name;
            this.period = columns.getOrDefault(PERIOD, -1);
            this.unit = columns.getOrDefault(UNIT, -1);
            this.code = columns.getOrDefault(CODE, -1);
            this.value = columns.getOrDefault(VALUE, -1);
            this.note = columns.getOrDefault(NOTE, -1);
            this.width = width;
            this.issues = issues;
            this.checks = new FigureRows(scheme, kind == Kind.DATA ? FigureRows.Kind.DATA : FigureRows.Kind.TARGETS,
                    "csv.duplicate");
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
            List<Issue> found = this.found;
            found.clear();
            CsvField codeField = field(fields, code);
            FigureRows.ValueCell cellValue = value(field(fields, value), found);
            CsvField noteField = field(fields, note);
            checks.row(cell(field(fields, period)), cell(field(fields, unit)), cell(codeField), cellValue,
                    noteField == null ? "" : noteField.cell(), codeField == null ? "" : Integer.toString(codeField.line()),
                    found);
            if (!found.isEmpty()) {
                found.sort(Comparator.comparing(Rows::position));
                found.forEach(issues);
            }
        }

        private static int position(Issue issue) {
            String w = issue.where();
            return Integer.parseInt(w.substring(w.lastIndexOf(':') + 1));
        }

        private static CsvField field(List<CsvField> fields, int column) {
            return column < 0 ? null : fields.get(column);
        }

        private String where(CsvField f) {
            return name + ":" + f.line() + ":" + f.column();
        }

        private FigureRows.Cell cell(CsvField f) {
            return f == null ? null : new FigureRows.Cell(f.cell(), () -> where(f));
        }

        /** The value as the format writes it, strictly; an unreadable one is reported here. */
        private FigureRows.ValueCell value(CsvField f, List<Issue> found) {
            if (f == null) {
                return null;
            }
            String text = f.cell();
            if (text.isEmpty()) {
                return new FigureRows.ValueCell(OptionalDouble.empty(), text, () -> where(f));
            }
            double number = strictValue(text);
            if (Double.isNaN(number) || Double.isInfinite(number)) {
                found.add(Issue.of(where(f), "csv.bad-number", text));
                return new FigureRows.ValueCell(OptionalDouble.empty(), text, () -> where(f));
            }
            return new FigureRows.ValueCell(OptionalDouble.of(number), text, () -> where(f));
        }
    }
}

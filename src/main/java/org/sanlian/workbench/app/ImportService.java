package org.sanlian.workbench.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.sanlian.workbench.core.check.Issue;
import org.sanlian.workbench.core.check.ValidationException;
import org.sanlian.workbench.core.model.DataSet;
import org.sanlian.workbench.core.model.Observation;
import org.sanlian.workbench.core.model.Scheme;
import org.sanlian.workbench.io.csv.DataCsvReader;
import org.sanlian.workbench.io.data.FigureRows;
import org.sanlian.workbench.io.excel.WorkbookFiles;
import org.sanlian.workbench.io.excel.WorkbookReader;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.model.Unit;
import org.sanlian.workbench.core.model.BackupFile;
import org.sanlian.workbench.store.FigureRepository;
import org.sanlian.workbench.store.ImportBatches;
import org.sanlian.workbench.core.model.StoredScheme;
import org.sanlian.workbench.store.TargetRepository;

/**
 * Imports data or targets files into the database, all or nothing: every file is read and checked
 * first, every problem of every file is reported at once, and nothing is written unless all are
 * sound. Then a backup is taken and all files are written in one transaction, one import batch per
 * file. A file is a CSV file (FORMATS.md), a plain data workbook (.xlsx, .xls: the same long
 * format on its first sheet) or a returned fill-in template (docs/templates.md); a folder stands for
 * the CSV files and workbooks in it. Warnings (numbers typed as text in a workbook ...) do not stop
 * the import; they come back in the report.
 */
public final class ImportService {

    /** What was imported. */
    public enum Kind { DATA, TARGETS }

    /** The template a file was: its unit (code and name), period and the year of its scheme. */
    public record TemplateOrigin(String unit, String unitName, Period period, int schemeYear) {
    }

    /**
     * One file's outcome: rows read, rows that changed the database (of which {@code added} were new
     * and {@code corrected} replaced a different earlier figure), its warnings, and the template it
     * was, if it was one.
     */
    public record FileReport(Path file, int rows, int changed, int added, int corrected, List<Issue> warnings,
                             Optional<TemplateOrigin> template) {
        public FileReport {
            warnings = List.copyOf(warnings);
        }
    }

    /** One unit's share of the import, over all files: rows read, changes, corrections, warnings on its rows. */
    public record UnitSummary(String unit, String name, int rows, int changed, int corrected, int warnings) {
    }

    /** The units of the scheme that still have no figure at all for a period whose templates were imported. */
    public record Outstanding(Period period, List<Unit> units) {
        public Outstanding {
            units = List.copyOf(units);
        }
    }

    /**
     * The whole import: each file's outcome, each unit's, the units still without figures for the
     * periods of the templates imported, and the backup taken before it.
     */
    public record Report(List<FileReport> files, List<UnitSummary> units, List<Outstanding> outstanding,
                         BackupFile backup) {
        public int rows() {
            return files.stream().mapToInt(FileReport::rows).sum();
        }

        public int changed() {
            return files.stream().mapToInt(FileReport::changed).sum();
        }

        public int warnings() {
            return files.stream().mapToInt(f -> f.warnings().size()).sum();
        }
    }

    /**
     * One file as checked without writing: the rows it holds (0 when it could not be read), its
     * problems (none when it can be imported) and warnings, and the template it was, if it was one.
     */
    public record FileCheck(Path file, int rows, List<Issue> errors, List<Issue> warnings,
                            Optional<TemplateOrigin> template) {
        public FileCheck {
            errors = List.copyOf(errors);
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * What an import would do, found without writing: each file's outcome, every problem in the
     * order an import reports them (those of no single file too: a folder without files, a file
     * that is not there), and each unit's share with the changes it would make against what is kept
     * now ({@code changed}, of which {@code corrected} replace a different figure).
     */
    public record Check(List<FileCheck> files, List<Issue> errors, List<UnitSummary> units) {
        public Check {
            files = List.copyOf(files);
            errors = List.copyOf(errors);
            units = List.copyOf(units);
        }

        /** Whether the import would go through: no problem at all. */
        public boolean sound() {
            return errors.isEmpty();
        }

        public int rows() {
            return files.stream().mapToInt(FileCheck::rows).sum();
        }

        public int changed() {
            return units.stream().mapToInt(UnitSummary::changed).sum();
        }

        public List<Issue> warnings() {
            return files.stream().flatMap(f -> f.warnings().stream()).toList();
        }
    }

    /** One file as read: its figures, warnings (and how many concern each unit) and template origin. */
    private record Read(Path file, DataSet data, List<Issue> warnings, Map<String, Integer> warningsByUnit,
                        Optional<TemplateOrigin> template) {
    }

    private ImportService() {
    }

    /**
     * Imports {@code paths} (files or folders) checked against the scheme of {@code schemeYear}, or
     * against the latest kept scheme when none is given. A returned template is always checked
     * against the scheme it was made for.
     */
    public static Report importFiles(WorkbenchDatabase db, Kind kind, List<Path> paths, Optional<Integer> schemeYear,
                                     String operator) {
        return importFiles(db, kind, paths, schemeYear, operator, Progress.NONE);
    }

    /**
     * As {@link #importFiles(WorkbenchDatabase, Kind, List, Optional, String)}, telling
     * {@code progress} of each file (and each batch of rows of a CSV data file) read and written.
     * When it asks to stop, {@link CancelledException} is thrown: before writing, nothing was
     * written; while writing, the transaction is rolled back; either way no backup is left behind.
     */
    public static Report importFiles(WorkbenchDatabase db, Kind kind, List<Path> paths, Optional<Integer> schemeYear,
                                     String operator, Progress progress) {
        db.requireWritable();
        List<StoredScheme> schemes = db.schemes();
        Scheme scheme = db.scheme(chosenScheme(db, schemes, schemeYear));

        List<Issue> issues = new ArrayList<>();
        List<Path> files = expand(paths, issues);
        if (kind == Kind.DATA && issues.isEmpty() && files.size() == 1 && isCsv(files.get(0))) {
            return streamOne(db, files.get(0), scheme, operator, progress);
        }
        Reading reading = readAll(files, kind, scheme, workbookContext(db, kind, scheme, schemes), progress, issues);
        if (!issues.isEmpty()) {
            throw new ValidationException(issues);
        }
        progress.stopIfCancelled();

        BackupFile backup = db.backup("before-import");
        Map<String, String> names = unitNames(db, schemes, scheme);
        Map<String, Tally> perUnit = new LinkedHashMap<>();
        scheme.units().forEach(u -> perUnit.put(u.code(), new Tally()));
        List<FileReport> reports;
        try {
            reports = db.database().write(operator, c -> write(c, db, kind, reading.read(), operator, perUnit,
                    progress));
        } catch (CancelledException e) {
            deleteQuietly(backup);
            throw e;
        }
        return new Report(reports, summaries(perUnit, names), outstanding(db, scheme, reports), backup);
    }

    /**
     * Reads and checks {@code paths} as {@link #importFiles} would, and writes nothing: every file's
     * outcome, every problem, and what the import would change for each unit against the figures
     * (or targets) kept now. Allowed on a read-only database. {@code progress} hears of each file and
     * each batch of rows of a CSV data file, and may stop the check ({@link CancelledException}).
     */
    public static Check check(WorkbenchDatabase db, Kind kind, List<Path> paths, Optional<Integer> schemeYear,
                              Progress progress) {
        List<StoredScheme> schemes = db.schemes();
        Scheme scheme = db.scheme(chosenScheme(db, schemes, schemeYear));
        List<Issue> issues = new ArrayList<>();
        List<Path> files = expand(paths, issues);
        Reading reading = readAll(files, kind, scheme, workbookContext(db, kind, scheme, schemes), progress, issues);
        progress.stopIfCancelled();
        Map<String, String> names = unitNames(db, schemes, scheme);
        Map<String, Tally> perUnit = new LinkedHashMap<>();
        scheme.units().forEach(u -> perUnit.put(u.code(), new Tally()));
        Set<Period> periods = new HashSet<>();
        reading.read().forEach(r -> r.data().observations().forEach(o -> periods.add(o.period())));
        Map<Period, Map<String, Map<String, Observation>>> before = db.database().read(c -> kept(c, kind, periods));
        for (Read r : reading.read()) {
            Tally ignored = new Tally();
            for (Observation o : r.data().observations()) {
                Tally unit = perUnit.computeIfAbsent(o.unit(), u -> new Tally());
                unit.rows++;
                if (kind == Kind.DATA || o.value().isPresent()) { // an empty target is no target: never written
                    countChange(o, before, unit, ignored);
                }
            }
            r.warningsByUnit().forEach((unit, n) -> perUnit.computeIfAbsent(unit, u -> new Tally()).warnings += n);
        }
        return new Check(reading.files(), issues, summaries(perUnit, names));
    }

    /** The units with rows or warnings, in the scheme's order, then any others. */
    private static List<UnitSummary> summaries(Map<String, Tally> perUnit, Map<String, String> names) {
        List<UnitSummary> units = new ArrayList<>();
        perUnit.forEach((code, n) -> {
            if (n.rows > 0 || n.warnings > 0) {
                units.add(new UnitSummary(code, names.getOrDefault(code, code), n.rows, n.changed, n.corrected,
                        n.warnings));
            }
        });
        return units;
    }

    private static StoredScheme chosenScheme(WorkbenchDatabase db, List<StoredScheme> schemes,
                                             Optional<Integer> schemeYear) {
        if (schemes.isEmpty()) {
            throw new ValidationException(Issue.of(db.file().toString(), "store.no-scheme", db.file()));
        }
        return schemeYear.isPresent()
                ? schemes.stream().filter(s -> s.year() == schemeYear.get()).findFirst().orElseThrow(() ->
                        new ValidationException(Issue.of("--scheme", "store.no-scheme-for-year", schemeYear.get())))
                : schemes.get(schemes.size() - 1);
    }

    /** Every unit's name, from every kept scheme, the chosen one's last. */
    private static Map<String, String> unitNames(WorkbenchDatabase db, List<StoredScheme> schemes, Scheme scheme) {
        Map<String, String> names = new HashMap<>();
        schemes.forEach(s -> db.scheme(s).units().forEach(u -> names.put(u.code(), u.name())));
        scheme.units().forEach(u -> names.put(u.code(), u.name()));
        return names;
    }

    /** The files read without a problem, and every file's outcome. */
    private record Reading(List<Read> read, List<FileCheck> files) {
    }

    /**
     * Reads and checks every file; problems go to {@code issues} in the order they are reported:
     * each file's own, then a template given twice or a figure given by two files.
     */
    private static Reading readAll(List<Path> files, Kind kind, Scheme scheme, WorkbookReader.Context context,
                                   Progress progress, List<Issue> issues) {
        List<Read> read = new ArrayList<>();
        List<FileCheck> checks = new ArrayList<>();
        Map<String, String> firstFile = new HashMap<>();
        Map<String, String> firstTemplate = new HashMap<>();
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            progress.stopIfCancelled();
            progress.update(new Progress.Step(Progress.Phase.CHECKING, i, files.size(), name(file), 0));
            List<Issue> errors = new ArrayList<>();
            Read r = null;
            try {
                r = read(file, kind, scheme, context, progress, i, files.size());
                if (r.template().isPresent()) {
                    TemplateOrigin t = r.template().get();
                    String earlier = firstTemplate.putIfAbsent(t.period() + "\u0000" + t.unit(), file.toString());
                    if (earlier != null) {
                        errors.add(Issue.of(file.toString(), "import.template-twice", t.unitName(), t.unit(),
                                t.period(), earlier));
                    }
                }
                for (Observation o : files.size() == 1 || !errors.isEmpty() ? List.<Observation>of()
                        : r.data().observations()) {
                    String key = o.period() + "\u0000" + o.unit() + "\u0000" + o.code();
                    String earlier = firstFile.putIfAbsent(key, file.toString());
                    if (earlier != null) {
                        errors.add(Issue.of(file.toString(), "import.duplicate-across-files", o.period(), o.unit(),
                                o.code(), earlier));
                    }
                }
            } catch (ValidationException e) {
                errors.addAll(e.issues());
            }
            issues.addAll(errors);
            if (r != null && errors.isEmpty()) {
                read.add(r);
            }
            checks.add(r == null
                    ? new FileCheck(file, 0, errors, List.of(), Optional.empty())
                    : new FileCheck(file, r.data().observations().size(), errors, r.warnings(), r.template()));
        }
        progress.update(new Progress.Step(Progress.Phase.CHECKING, files.size(), files.size(), "", 0));
        return new Reading(read, checks);
    }

    /** Writes the files read, one import batch each, counting each file's and each unit's changes. */
    private static List<FileReport> write(java.sql.Connection c, WorkbenchDatabase db, Kind kind, List<Read> read,
                                          String operator, Map<String, Tally> perUnit, Progress progress)
            throws java.sql.SQLException {
        List<FileReport> out = new ArrayList<>();
        String now = db.database().now();
        for (int i = 0; i < read.size(); i++) {
            Read r = read.get(i);
            Path file = r.file();
            progress.stopIfCancelled();
            progress.update(new Progress.Step(Progress.Phase.WRITING, i, read.size(), name(file), 0));
            String source = file.getFileName().toString();
            List<Observation> rows = r.data().observations();
            ImportBatches.Kind batchKind = kind == Kind.DATA ? ImportBatches.Kind.DATA : ImportBatches.Kind.TARGETS;
            long batch = ImportBatches.open(c, batchKind, file.toAbsolutePath().toString(), operator, now);
            Tally inFile = new Tally();
            // what the file's periods hold already, read once, to tell additions from corrections
            Map<Period, Map<String, Map<String, Observation>>> before = kind == Kind.DATA
                    ? existing(c, rows) : Map.of();
            for (Observation o : rows) {
                Tally unit = perUnit.computeIfAbsent(o.unit(), u -> new Tally());
                unit.rows++;
                inFile.rows++;
                if (kind != Kind.DATA) {
                    continue;
                }
                countChange(o, before, unit, inFile);
            }
            if (kind == Kind.DATA) {
                for (int from = 0; from < rows.size(); from += CHUNK) {
                    progress.stopIfCancelled();
                    List<Observation> part = rows.subList(from, Math.min(rows.size(), from + CHUNK));
                    inFile.changed += FigureRepository.upsert(c, part, source, batch, operator, now);
                    progress.update(new Progress.Step(Progress.Phase.WRITING, i, read.size(), name(file),
                            from + part.size()));
                }
            } else {
                // targets are few: written per unit (or zone) to count each one's changes
                Map<String, List<Observation>> bySubject = new LinkedHashMap<>();
                rows.forEach(o -> bySubject.computeIfAbsent(o.unit(), u -> new ArrayList<>()).add(o));
                for (Map.Entry<String, List<Observation>> e : bySubject.entrySet()) {
                    int changed = TargetRepository.upsert(c, e.getValue(), source, batch, operator, now);
                    perUnit.get(e.getKey()).changed += changed;
                    inFile.changed += changed;
                }
            }
            r.warningsByUnit().forEach((unit, n) -> perUnit.computeIfAbsent(unit, u -> new Tally()).warnings += n);
            ImportBatches.close(c, batch, inFile.changed);
            out.add(new FileReport(file, rows.size(), inFile.changed, inFile.added, inFile.corrected, r.warnings(),
                    r.template()));
        }
        progress.stopIfCancelled();
        progress.update(new Progress.Step(Progress.Phase.WRITING, read.size(), read.size(), "", 0));
        return out;
    }

    private static String name(Path file) {
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }

    private static void deleteQuietly(BackupFile backup) {
        try {
            Files.deleteIfExists(backup.file());
        } catch (IOException ignored) {
            // a backup too many does no harm
        }
    }

    /** For each period a template was imported for: the scheme's units that have no figure of it yet. */
    private static List<Outstanding> outstanding(WorkbenchDatabase db, Scheme scheme, List<FileReport> reports) {
        Map<Period, Integer> years = new TreeMap<>();
        reports.forEach(f -> f.template().ifPresent(t -> years.put(t.period(), t.schemeYear())));
        List<Outstanding> out = new ArrayList<>();
        for (Map.Entry<Period, Integer> p : years.entrySet()) {
            Scheme ofTemplates = db.schemes().stream().filter(s -> s.year() == p.getValue()).findFirst()
                    .map(db::scheme).orElse(scheme);
            List<Unit> missing = db.database().read(c -> {
                List<Unit> none = new ArrayList<>();
                for (Unit u : ofTemplates.units()) {
                    if (FigureRepository.ofUnit(c, p.getKey(), u.code()).isEmpty()) {
                        none.add(u);
                    }
                }
                return none;
            });
            out.add(new Outstanding(p.getKey(), missing));
        }
        return out;
    }

    /** Counts of rows read, changed, added and corrected, and warnings. */
    private static final class Tally {
        int rows;
        int changed;
        int added;
        int corrected;
        int warnings;

        void add(Tally o) {
            rows += o.rows;
            changed += o.changed;
            added += o.added;
            corrected += o.corrected;
            warnings += o.warnings;
        }
    }

    /**
     * One file read and checked. A CSV data file is read in batches of rows, telling
     * {@code progress} after each and stopping when it asks; a workbook is read whole.
     */
    private static Read read(Path file, Kind kind, Scheme scheme, WorkbookReader.Context context, Progress progress,
                             int index, int files) {
        if (isCsv(file)) {
            if (kind == Kind.TARGETS) {
                return new Read(file, DataCsvReader.readTargets(file, scheme), List.of(), Map.of(), Optional.empty());
            }
            List<Observation> rows = new ArrayList<>();
            long[] seen = {0};
            DataCsvReader.streamData(file, scheme, CHUNK, chunk -> {
                rows.addAll(chunk);
                seen[0] += chunk.isEmpty() ? CHUNK : chunk.size();
                progress.stopIfCancelled();
                progress.update(new Progress.Step(Progress.Phase.CHECKING, index, files, name(file), seen[0]));
            });
            return new Read(file, new DataSet(rows), List.of(), Map.of(), Optional.empty());
        }
        WorkbookReader.Result result = WorkbookReader.read(file, context);
        Optional<TemplateOrigin> origin = result.template().map(t -> new TemplateOrigin(t.unit(),
                context.schemeOfYear().apply(t.schemeYear()).flatMap(s -> s.unit(t.unit())).map(Unit::name)
                        .orElse(t.unit()), t.period(), t.schemeYear()));
        return new Read(file, result.data(), result.warnings(), result.warningsByUnit(), origin);
    }

    private static WorkbookReader.Context workbookContext(WorkbenchDatabase db, Kind kind, Scheme scheme,
                                                          List<StoredScheme> schemes) {
        Map<Integer, Scheme> byYear = new HashMap<>();
        IntFunction<Optional<Scheme>> ofYear = year -> schemes.stream().filter(s -> s.year() == year).findFirst()
                .map(s -> byYear.computeIfAbsent(year, y -> db.scheme(s)));
        return new WorkbookReader.Context(kind == Kind.DATA ? FigureRows.Kind.DATA : FigureRows.Kind.TARGETS, scheme,
                ofYear, TemplateService.existingKey(db), WorkbookFiles.Limits.DEFAULT);
    }

    /** Rows handed from the reading thread to the writing one at a time. */
    private static final int CHUNK = 16_384;

    /**
     * One CSV data file, read on a thread of its own while the rows already checked are written:
     * on two cores a large file takes about as long as the slower of the two. The promise stays:
     * the whole file is one transaction, and a problem anywhere in it (every one is reported) rolls
     * back what was written; the backup taken first is then removed, as nothing changed.
     */
    private static Report streamOne(WorkbenchDatabase db, Path file, Scheme scheme, String operator,
                                    Progress progress) {
        progress.stopIfCancelled();
        progress.update(new Progress.Step(Progress.Phase.WRITING, 0, 1, name(file), 0));
        BackupFile backup = db.backup("before-import");
        Map<String, Tally> perUnit = new LinkedHashMap<>();
        scheme.units().forEach(u -> perUnit.put(u.code(), new Tally()));
        java.util.concurrent.BlockingQueue<List<Observation>> queue = new java.util.concurrent.ArrayBlockingQueue<>(4);
        List<Observation> end = new ArrayList<>(0);
        java.util.concurrent.atomic.AtomicReference<RuntimeException> failure =
                new java.util.concurrent.atomic.AtomicReference<>();
        Thread reader = new Thread(() -> {
            try {
                DataCsvReader.streamData(file, scheme, CHUNK, chunk -> hand(queue, chunk));
            } catch (RuntimeException e) {
                failure.set(e);
            } finally {
                try {
                    queue.put(end);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "import-reader");
        reader.setDaemon(true);
        try {
            FileReport report = db.database().write(operator, c -> {
                String now = db.database().now();
                String source = file.getFileName().toString();
                long batch = ImportBatches.open(c, ImportBatches.Kind.DATA, file.toAbsolutePath().toString(), operator,
                        now);
                Tally inFile = new Tally();
                Map<Period, Map<String, Map<String, Observation>>> before = new HashMap<>();
                reader.start();
                while (true) {
                    List<Observation> chunk;
                    try {
                        chunk = queue.take();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("import interrupted", e);
                    }
                    if (chunk == end) {
                        break;
                    }
                    java.util.Set<Period> fresh = new java.util.HashSet<>();
                    chunk.forEach(o -> {
                        if (!before.containsKey(o.period())) {
                            fresh.add(o.period());
                        }
                    });
                    if (!fresh.isEmpty()) {
                        fresh.forEach(p -> before.put(p, new HashMap<>()));
                        for (Observation o : FigureRepository.load(c, fresh)) {
                            before.get(o.period()).computeIfAbsent(o.unit(), u -> new HashMap<>()).put(o.code(), o);
                        }
                    }
                    for (Observation o : chunk) {
                        Tally unit = perUnit.computeIfAbsent(o.unit(), u -> new Tally());
                        unit.rows++;
                        inFile.rows++;
                        countChange(o, before, unit, inFile);
                    }
                    inFile.changed += FigureRepository.upsert(c, chunk, source, batch, operator, now);
                    progress.stopIfCancelled();
                    progress.update(new Progress.Step(Progress.Phase.WRITING, 0, 1, source, inFile.rows));
                }
                if (failure.get() != null) {
                    throw failure.get();
                }
                progress.stopIfCancelled(); // the last chance: after this the transaction commits
                ImportBatches.close(c, batch, inFile.changed);
                return new FileReport(file, inFile.rows, inFile.changed, inFile.added, inFile.corrected, List.of(),
                        Optional.empty());
            });
            List<UnitSummary> units = new ArrayList<>();
            perUnit.forEach((code, n) -> {
                if (n.rows > 0) {
                    units.add(new UnitSummary(code, scheme.unit(code).map(Unit::name).orElse(code), n.rows, n.changed,
                            n.corrected, 0));
                }
            });
            return new Report(List.of(report), units, List.of(), backup);
        } catch (RuntimeException | Error e) {
            reader.interrupt();
            deleteQuietly(backup);
            throw e;
        }
    }

    /** Counts a figure as added or corrected (or neither, when equal) against what was kept before. */
    private static void countChange(Observation o, Map<Period, Map<String, Map<String, Observation>>> before,
                                    Tally unit, Tally inFile) {
        Observation old = before.getOrDefault(o.period(), Map.of()).getOrDefault(o.unit(), Map.of()).get(o.code());
        if (old == null) {
            unit.added++;
            unit.changed++;
            inFile.added++;
        } else if (!old.value().equals(o.value()) || !old.note().equals(o.note())) {
            unit.corrected++;
            unit.changed++;
            inFile.corrected++;
        }
    }

    private static void hand(java.util.concurrent.BlockingQueue<List<Observation>> queue, List<Observation> chunk) {
        try {
            queue.put(chunk);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("import cancelled", e);
        }
    }

    /** The figures (or targets) kept for {@code periods}, by period, unit (or zone) and code. */
    private static Map<Period, Map<String, Map<String, Observation>>> kept(java.sql.Connection c, Kind kind,
                                                                          Set<Period> periods)
            throws java.sql.SQLException {
        Map<Period, Map<String, Map<String, Observation>>> out = new HashMap<>();
        if (periods.isEmpty()) {
            return out;
        }
        for (Observation o : kind == Kind.DATA ? FigureRepository.load(c, periods) : TargetRepository.load(c, periods)) {
            out.computeIfAbsent(o.period(), p -> new HashMap<>()).computeIfAbsent(o.unit(), u -> new HashMap<>())
                    .put(o.code(), o);
        }
        return out;
    }

    /** The figures already kept for the periods of {@code rows}, by period, unit and code. */
    private static Map<Period, Map<String, Map<String, Observation>>> existing(java.sql.Connection c,
                                                                               List<Observation> rows)
            throws java.sql.SQLException {
        java.util.Set<Period> periods = new java.util.HashSet<>();
        rows.forEach(o -> periods.add(o.period()));
        Map<Period, Map<String, Map<String, Observation>>> out = new HashMap<>();
        for (Observation o : FigureRepository.load(c, periods)) {
            out.computeIfAbsent(o.period(), p -> new HashMap<>()).computeIfAbsent(o.unit(), u -> new HashMap<>())
                    .put(o.code(), o);
        }
        return out;
    }

    /**
     * Files as given; a folder stands for its CSV files and workbooks, by name (Excel's own lock
     * files, {@code ~$name.xlsx}, left out). Problems go to {@code issues}.
     */
    static List<Path> expand(List<Path> paths, List<Issue> issues) {
        List<Path> out = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> files = Files.list(path)) {
                    List<Path> found = files.filter(p -> importable(p) && Files.isRegularFile(p)
                            && !p.getFileName().toString().startsWith("~$")).sorted().toList();
                    if (found.isEmpty()) {
                        issues.add(Issue.of(path.toString(), "import.empty-folder", path));
                    }
                    out.addAll(found);
                } catch (IOException e) {
                    issues.add(Issue.of(path.toString(), "file.unreadable", path, String.valueOf(e.getMessage())));
                }
            } else if (!Files.exists(path)) {
                issues.add(Issue.of(path.toString(), "import.missing-file", path));
            } else if (!importable(path)) {
                issues.add(Issue.of(path.toString(), "import.unsupported-format", path));
            } else {
                out.add(path);
            }
        }
        return out;
    }

    private static boolean importable(Path p) {
        return isCsv(p) || WorkbookFiles.isWorkbookName(p);
    }

    private static boolean isCsv(Path p) {
        return p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
    }
}

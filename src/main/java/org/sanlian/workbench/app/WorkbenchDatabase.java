package org.sanlian.workbench.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.sanlian.workbench.core.check.Issue;
import org.sanlian.workbench.core.check.ValidationException;
import org.sanlian.workbench.core.model.DataSet;
import org.sanlian.workbench.core.model.Observation;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.model.Scheme;
import org.sanlian.workbench.io.scheme.SchemeReader;
import org.sanlian.workbench.io.scheme.SchemeWriter;
import org.sanlian.workbench.store.AuditRepository;
import org.sanlian.workbench.core.model.AuditEntry;
import org.sanlian.workbench.core.model.AuditFilter;
import org.sanlian.workbench.store.Backups;
import org.sanlian.workbench.core.model.BackupFile;
import org.sanlian.workbench.store.Database;
import org.sanlian.workbench.store.FigureRepository;
import org.sanlian.workbench.store.ImportBatches;
import org.sanlian.workbench.store.Migrator;
import org.sanlian.workbench.store.PeriodRepository;
import org.sanlian.workbench.store.SchemeRepository;
import org.sanlian.workbench.core.model.StoredScheme;
import org.sanlian.workbench.store.SettingRepository;
import org.sanlian.workbench.store.StoreCheck;
import org.sanlian.workbench.store.TargetRepository;

/**
 * The open workbench database as the window and the command line use it: opened (and migrated,
 * with a backup first), backed up on the first open of each day, and read into assessments. When
 * another process has the file open for writing, or the file itself is read-only, this one is
 * {@link #readOnly()} ({@link #readOnlyReason()} says which).
 */
public final class WorkbenchDatabase implements AutoCloseable {

    /** Why the database is open read-only, if it is. */
    public enum ReadOnlyReason {
        /** Not read-only. */
        NONE,
        /** Another workbench process (window or command line) has the file open for writing. */
        HELD_BY_ANOTHER_PROCESS,
        /** The file's permissions or attributes forbid writing it. */
        FILE_READ_ONLY
    }

    /** The source recorded on the demo database's simulated figures (示例数据). */
    public static final String DEMO_SOURCE = "示例数据";
    /** The setting that says how many backups to keep. */
    public static final String BACKUPS_KEPT = "backups.kept";
    /** The setting that names who works on this database (asked on the window's first start). */
    public static final String OPERATOR = "operator";

    private static final Migrator MIGRATOR = new Migrator();

    private final Database database;
    private final Clock clock;
    private final Optional<BackupFile> dailyBackup;
    private final List<Issue> dailyBackupFailure;

    private WorkbenchDatabase(Database database, Clock clock, Optional<BackupFile> dailyBackup) {
        this(database, clock, dailyBackup, List.of());
    }

    private WorkbenchDatabase(Database database, Clock clock, Optional<BackupFile> dailyBackup,
                              List<Issue> dailyBackupFailure) {
        this.database = database;
        this.clock = clock;
        this.dailyBackup = dailyBackup;
        this.dailyBackupFailure = List.copyOf(dailyBackupFailure);
    }

    /** Opens (creating if needed) and migrates a database; takes the day's backup if it is due. */
    public static WorkbenchDatabase open(Path file) {
        return open(file, Clock.systemDefaultZone());
    }

    public static WorkbenchDatabase open(Path file, Clock clock) {
        Database database = Database.open(file, MIGRATOR.latestVersion(), clock);
        try {
            Optional<BackupFile> daily = Optional.empty();
            if (!database.readOnly()) {
                MIGRATOR.migrate(database);
                if (database.read(c -> !SchemeRepository.list(c).isEmpty())) {
                    try {
                        daily = backups(database, clock).takeDailyIfDue(database);
                    } catch (ValidationException e) {
                        // a full disk or an unwritable backups folder must not lock the user out of the
                        // database: it opens, and the caller tells the user that the day's backup failed
                        return new WorkbenchDatabase(database, clock, daily, e.issues());
                    }
                }
            } else if (database.userVersion() < MIGRATOR.latestVersion()) {
                // a migration writes: an older file opened read-only cannot be brought up to date
                if (database.readOnlyReason() == Database.ReadOnlyReason.FILE_READ_ONLY) {
                    throw new ValidationException(Issue.of(file.toString(), "store.file-read-only-old-version",
                            database.file(), database.userVersion(), MIGRATOR.latestVersion()));
                }
                throw database.readOnlyRefusal();
            }
            return new WorkbenchDatabase(database, clock, daily);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** Opens a database that must exist already (commands that read refuse to create one). */
    public static WorkbenchDatabase openExisting(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ValidationException(Issue.of(file.toString(), "store.missing", file));
        }
        return open(file);
    }

    /**
     * The workbench's first start: opens {@code file}, and when it holds no scheme yet fills it
     * with the default scheme and the demo data.
     */
    public static WorkbenchDatabase openOrCreateDemo(Path file, String operator) {
        WorkbenchDatabase db = open(file);
        try {
            if (!db.readOnly() && db.schemes().isEmpty()) {
                db.initDemo(operator);
            }
            return db;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /**
     * Creates a new database at {@code file} holding only the shipped default scheme, as the scheme of
     * {@code year}, with {@code operator} as its operator. Refused (and nothing left behind) when the
     * file is another process's, or already holds a scheme.
     */
    public static WorkbenchDatabase createWithDefaultScheme(Path file, int year, String operator) {
        boolean existed = Files.exists(file);
        WorkbenchDatabase db = open(file);
        try {
            db.requireWritable();
            db.initScheme(AssessmentFiles.defaultScheme(), year, operator);
            db.setOperator(operator, operator);
            return db;
        } catch (RuntimeException e) {
            db.close();
            if (!existed) {
                deleteQuietly(file);
            }
            throw e;
        }
    }

    private static void deleteQuietly(Path file) {
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            try {
                Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
            } catch (java.io.IOException | RuntimeException ignored) {
                // a leftover empty file is harmless: opening it again fills or refuses it the same way
            }
        }
    }

    public Path file() {
        return database.file();
    }

    public boolean readOnly() {
        return database.readOnly();
    }

    /** Why the database is read-only ({@link ReadOnlyReason#NONE} when it is not). */
    public ReadOnlyReason readOnlyReason() {
        return ReadOnlyReason.valueOf(database.readOnlyReason().name());
    }

    /** Why the day's backup, due on opening, could not be taken (empty when it was taken or not due). */
    public List<Issue> dailyBackupFailure() {
        return dailyBackupFailure;
    }

    /** The backup taken on opening, when it was the first open of the day. */
    public Optional<BackupFile> dailyBackup() {
        return dailyBackup;
    }

    /** The store underneath, for the services of this package. */
    Database database() {
        return database;
    }

    /** Fills an empty database with the default scheme (for 2023, copied to 2024 and 2025) and the demo data. */
    public void initDemo(String operator) {
        Assessment demo = AssessmentFiles.demo();
        String json = SchemeWriter.toJson(demo.scheme());
        database.write(operator, c -> {
            refuseIfNotEmpty(c);
            String now = database.now();
            SchemeRepository.save(c, 2023, demo.scheme(), json, now);
            SchemeRepository.copy(c, 2023, 2024, demo.scheme(), now);
            SchemeRepository.copy(c, 2024, 2025, demo.scheme(), now);
            long data = ImportBatches.open(c, ImportBatches.Kind.DATA, DEMO_SOURCE, operator, now);
            ImportBatches.close(c, data, FigureRepository.upsert(c, demo.data().observations(), DEMO_SOURCE, data,
                    operator, now));
            long targets = ImportBatches.open(c, ImportBatches.Kind.TARGETS, DEMO_SOURCE, operator, now);
            ImportBatches.close(c, targets, TargetRepository.upsert(c, demo.targets().observations(), DEMO_SOURCE,
                    targets, operator, now));
            return null;
        });
    }

    /** Fills an empty database with a scheme read from a file, as the scheme of {@code year}. */
    public void initScheme(Path schemeFile, int year, String operator) {
        Scheme scheme = SchemeReader.read(schemeFile);
        String json = SchemeWriter.toJson(scheme);
        database.write(operator, c -> {
            refuseIfNotEmpty(c);
            SchemeRepository.save(c, year, scheme, json, database.now());
            return null;
        });
    }

    /** Fills an empty database with {@code scheme} as the scheme of {@code year}. */
    public void initScheme(Scheme scheme, int year, String operator) {
        String json = SchemeWriter.toJson(scheme);
        Scheme checked = SchemeReader.fromJson(json, "scheme " + year);
        database.write(operator, c -> {
            refuseIfNotEmpty(c);
            SchemeRepository.save(c, year, checked, json, database.now());
            return null;
        });
    }

    private void refuseIfNotEmpty(java.sql.Connection c) throws java.sql.SQLException {
        if (!SchemeRepository.list(c).isEmpty()) {
            throw new ValidationException(Issue.of(file().toString(), "store.not-empty", file()));
        }
    }

    /**
     * Keeps a scheme file as the scheme of {@code year}, replacing that year's scheme unless a
     * published bulletin used it. Returns the scheme read.
     */
    public Scheme saveScheme(Path schemeFile, int year, String operator) {
        Scheme scheme = SchemeReader.read(schemeFile);
        String json = SchemeWriter.toJson(scheme);
        database.write(operator, c -> SchemeRepository.save(c, year, scheme, json, database.now()));
        return scheme;
    }

    /**
     * Keeps an edited scheme as the new version of the scheme of {@code year} (or as the first one of
     * that year): checked as a scheme file is, then written whole in one audited transaction. Refused
     * when a published bulletin used that year's scheme (copy it to a new year instead). Returns the
     * scheme as kept.
     */
    public Scheme saveScheme(Scheme scheme, int year, String operator) {
        requireWritable();
        String json = SchemeWriter.toJson(scheme);
        Scheme checked = SchemeReader.fromJson(json, "scheme " + year);
        database.write(operator, c -> SchemeRepository.save(c, year, checked, json, database.now()));
        return checked;
    }

    /**
     * Copies the scheme of {@code fromYear} to {@code toYear} (which must not have one) and keeps
     * {@code edited} as the copy's content, all or nothing: how edits to a published year's scheme
     * are kept. The new year records the year it was copied from.
     */
    public Scheme copySchemeAs(int fromYear, int toYear, Scheme edited, String operator) {
        requireWritable();
        StoredScheme from = schemes().stream().filter(s -> s.year() == fromYear).findFirst().orElseThrow(
                () -> new ValidationException(Issue.of("--from", "store.no-scheme-for-year", fromYear)));
        Scheme original = scheme(from);
        String json = SchemeWriter.toJson(edited);
        Scheme checked = SchemeReader.fromJson(json, "scheme " + toYear);
        database.write(operator, c -> {
            String now = database.now();
            SchemeRepository.copy(c, fromYear, toYear, original, now);
            return SchemeRepository.save(c, toYear, checked, json, now);
        });
        return checked;
    }

    /** The years whose scheme a published bulletin used (those schemes cannot change). */
    public Set<Integer> publishedSchemeYears() {
        return database.read(SchemeRepository::publishedYears);
    }

    /** Copies the scheme of {@code fromYear} forward to {@code toYear}, which must not have one. */
    public void copyScheme(int fromYear, int toYear, String operator) {
        StoredScheme from = schemes().stream().filter(s -> s.year() == fromYear).findFirst().orElseThrow(
                () -> new ValidationException(Issue.of("--from", "store.no-scheme-for-year", fromYear)));
        Scheme scheme = scheme(from);
        database.write(operator, c -> SchemeRepository.copy(c, fromYear, toYear, scheme, database.now()));
    }

    /** The kept schemes, by year. */
    public List<StoredScheme> schemes() {
        return database.read(SchemeRepository::list);
    }

    /** The scheme of a year, read. */
    public Scheme scheme(StoredScheme stored) {
        return SchemeReader.fromJson(stored.json(), "scheme " + stored.year());
    }

    /**
     * The scheme that scores {@code period}: the chosen year's when given, else the period's year's,
     * else the latest earlier one, else the earliest kept.
     */
    public StoredScheme schemeFor(Period period, Optional<Integer> year) {
        List<StoredScheme> all = schemes();
        if (all.isEmpty()) {
            throw new ValidationException(Issue.of(file().toString(), "store.no-scheme", file()));
        }
        if (year.isPresent()) {
            return all.stream().filter(s -> s.year() == year.get()).findFirst().orElseThrow(
                    () -> new ValidationException(Issue.of("--scheme", "store.no-scheme-for-year", year.get())));
        }
        return database.read(c -> SchemeRepository.forPeriod(c, period)).orElse(all.get(0));
    }

    /** Every kept period (with figures or added ahead of them), in time order. */
    public List<Period> allPeriods() {
        return periodSummaries().stream().map(PeriodSummary::period).toList();
    }

    /** Every kept period with its figure count and bulletins, in time order. */
    public List<PeriodSummary> periodSummaries() {
        return database.read(c -> PeriodRepository.list(c).stream()
                .map(r -> new PeriodSummary(r.period(), r.figures(), r.units(), r.bulletins())).toList());
    }

    /** Keeps a new period ahead of its figures, so that it can be chosen; refused when it is kept already. */
    public void addPeriod(Period period, String operator) {
        requireWritable();
        database.write(operator, c -> {
            PeriodRepository.add(c, period);
            return null;
        });
    }

    /** Whether any figure came from the demo data (示例数据): then the window marks the database simulated. */
    public boolean holdsDemoData() {
        return database.read(c -> FigureRepository.anyFrom(c, FigureRepository.periods(c), DEMO_SOURCE));
    }

    /** Periods that hold figures, in time order. */
    public List<Period> periods() {
        return database.read(FigureRepository::periods);
    }

    /**
     * The assessment of {@code period}: its scheme, and the figures and targets of every period of
     * the same kind up to it (earlier periods give rank changes, {@code prev()} and CONSECUTIVE).
     */
    public Assessment assessment(Period period, Optional<Integer> schemeYear) {
        StoredScheme stored = schemeFor(period, schemeYear);
        Scheme scheme = scheme(stored);
        Set<Period> wanted = database.read(c -> {
            Set<Period> periods = new TreeSet<>();
            for (Period p : FigureRepository.periods(c)) {
                if (p.kind() == period.kind() && p.compareTo(period) <= 0) {
                    periods.add(p);
                }
            }
            periods.add(period);
            return periods;
        });
        // the figures in pieces read at the same time, the targets and the demo mark beside the first,
        // all from one committed state
        List<Database.Work<Loaded>> works = new ArrayList<>();
        for (Database.Work<List<List<Observation>>> part : FigureRepository.loadInParts(wanted, Database.readers())) {
            works.add(c -> new Loaded(part.run(c), List.of(), false));
        }
        Database.Work<Loaded> first = works.get(0);
        works.set(0, c -> new Loaded(first.run(c).figures(), TargetRepository.load(c, wanted),
                FigureRepository.anyFrom(c, List.of(period), DEMO_SOURCE)));
        List<Loaded> loaded = database.readTogether(works);
        DataSet data = new DataSet(FigureRepository.join(loaded.stream().map(Loaded::figures).toList()));
        return new Assessment(scheme, data, new DataSet(loaded.get(0).targets()), loaded.get(0).simulated());
    }

    /** One piece of an assessment's read: figures by period; the first also has the targets and the demo mark. */
    private record Loaded(List<List<Observation>> figures, List<Observation> targets, boolean simulated) {
    }

    /** The operator to record when none is given: the database's setting, else the system user. */
    public String defaultOperator() {
        return operator().orElse(System.getProperty("user.name", "operator"));
    }

    /** Who works on this database: its {@code operator} setting, when set. */
    public Optional<String> operator() {
        return database.read(c -> SettingRepository.get(c, OPERATOR)).map(String::strip).filter(s -> !s.isBlank());
    }

    /** Sets the {@code operator} setting (audited as a change {@code by} whom; {@code by} blank: the new operator). */
    public void setOperator(String name, String by) {
        String chosen = name == null ? "" : name.strip();
        if (chosen.isEmpty()) {
            throw new ValidationException(Issue.of(OPERATOR, "store.operator-blank"));
        }
        String writer = by == null || by.isBlank() ? chosen : by;
        database.write(writer, c -> {
            SettingRepository.put(c, OPERATOR, chosen);
            return null;
        });
    }

    /** Takes a backup now (reason {@code manual}, or another lower-case word). */
    public BackupFile backup(String reason) {
        return backups().take(database, reason);
    }

    /** The backups of this database, newest first. */
    public List<BackupFile> listBackups() {
        return backups().list();
    }

    /** The newest backup, if any. */
    public Optional<BackupFile> lastBackup() {
        return listBackups().stream().findFirst();
    }

    /** Replaces the content with a backup's, after backing up the current content. */
    public BackupFile restore(Path backup) {
        return backups().restore(database, backup, MIGRATOR.latestVersion());
    }

    /** {@code db check}: every problem found (none when sound). */
    public List<Issue> check() {
        List<Issue> found = new ArrayList<>(database.read(c -> StoreCheck.run(c, MIGRATOR.latestVersion())));
        return found;
    }

    /**
     * The audit trail. The template key's value is left out ({@code "(hidden)"}): audit files are
     * handed around, and whoever holds the key can sign templates.
     */
    public List<AuditEntry> audit(AuditFilter filter) {
        List<AuditEntry> out = new ArrayList<>();
        for (AuditEntry e : database.read(c -> AuditRepository.list(c, filter))) {
            if (e.entity().equals("setting") && e.code().filter(TemplateService.KEY_SETTING::equals).isPresent()) {
                Optional<String> hidden = Optional.of("{\"value\":\"(hidden)\"}");
                e = new AuditEntry(e.id(), e.at(), e.operator(), e.entity(), e.action(), e.unit(), e.period(), e.code(),
                        e.oldValue().isPresent() ? hidden : Optional.empty(),
                        e.newValue().isPresent() ? hidden : Optional.empty());
            }
            out.add(e);
        }
        return out;
    }

    /** How many audit lines pass the filter, its limit aside (what a limited {@link #audit} left out). */
    public long auditCount(AuditFilter filter) {
        return database.read(c -> AuditRepository.count(c, filter));
    }

    /** Refuses writing when another process holds the file or the file is read-only, with the reason. */
    public void requireWritable() {
        if (readOnly()) {
            throw database.readOnlyRefusal();
        }
    }

    Backups backups() {
        return backups(database, clock);
    }

    private static Backups backups(Database database, Clock clock) {
        int keep = database.read(c -> SettingRepository.get(c, BACKUPS_KEPT)).map(WorkbenchDatabase::count)
                .orElse(Backups.DEFAULT_KEEP);
        return new Backups(database.file(), keep, clock);
    }

    private static int count(String text) {
        try {
            return Math.max(1, Integer.parseInt(text.strip()));
        } catch (NumberFormatException e) {
            return Backups.DEFAULT_KEEP;
        }
    }

    @Override
    public void close() {
        database.close();
    }
}

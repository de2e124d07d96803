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
import org.sanlian.workbench.store.SchemeRepository;
import org.sanlian.workbench.core.model.StoredScheme;
import org.sanlian.workbench.store.SettingRepository;
import org.sanlian.workbench.store.StoreCheck;
import org.sanlian.workbench.store.TargetRepository;

/**
 * The open workbench database as the window and the command line use it: opened (and migrated,
 * with a backup first), backed up on the first open of each day, and read into assessments. When
 * another process has the file open for writing this one is {@link #readOnly()}.
 */
public final class WorkbenchDatabase implements AutoCloseable {

    /** The source recorded on the demo database's simulated figures (示例数据). */
    public static final String DEMO_SOURCE = "示例数据";
    /** The setting that says how many backups to keep. */
    public static final String BACKUPS_KEPT = "backups.kept";

    private static final Migrator MIGRATOR = new Migrator();

    private final Database database;
    private final Clock clock;
    private final Optional<BackupFile> dailyBackup;

    private WorkbenchDatabase(Database database, Clock clock, Optional<BackupFile> dailyBackup) {
        this.database = database;
        this.clock = clock;
        this.dailyBackup = dailyBackup;
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
                    daily = backups(database, clock).takeDailyIfDue(database);
                }
            } else if (database.userVersion() < MIGRATOR.latestVersion()) {
                throw new ValidationException(Issue.of(file.toString(), "store.read-only", database.file()));
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

    public Path file() {
        return database.file();
    }

    public boolean readOnly() {
        return database.readOnly();
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
        return database.read(c -> {
            Set<Period> wanted = new TreeSet<>();
            for (Period p : FigureRepository.periods(c)) {
                if (p.kind() == period.kind() && p.compareTo(period) <= 0) {
                    wanted.add(p);
                }
            }
            wanted.add(period);
            DataSet data = new DataSet(FigureRepository.load(c, wanted));
            DataSet targets = new DataSet(TargetRepository.load(c, wanted));
            boolean simulated = FigureRepository.anyFrom(c, List.of(period), DEMO_SOURCE);
            return new Assessment(scheme, data, targets, simulated);
        });
    }

    /** The operator to record when none is given: the database's setting, else the system user. */
    public String defaultOperator() {
        return database.read(c -> SettingRepository.get(c, "operator"))
                .filter(s -> !s.isBlank()).orElse(System.getProperty("user.name", "operator"));
    }

    /** Takes a backup now (reason {@code manual}, or another lower-case word). */
    public BackupFile backup(String reason) {
        return backups().take(database, reason);
    }

    public List<BackupFile> listBackups() {
        return backups().list();
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

    /** Refuses writing when another process holds the file, with the reason. */
    public void requireWritable() {
        if (readOnly()) {
            throw new ValidationException(Issue.of(file().toString(), "store.read-only", file()));
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

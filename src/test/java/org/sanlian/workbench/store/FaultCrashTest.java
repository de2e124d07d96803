package org.sanlian.workbench.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanlian.workbench.Launcher;
import org.sanlian.workbench.app.ImportService;
import org.sanlian.workbench.app.WorkbenchDatabase;
import org.sanlian.workbench.bench.DatabaseBenchmark;
import org.sanlian.workbench.bench.LargeCase;
import org.sanlian.workbench.core.check.Issue;
import org.sanlian.workbench.core.model.BackupFile;
import org.sanlian.workbench.io.scheme.SchemeWriter;

/**
 * Kills a child JVM (as {@link ImportCrashTest} does) while it publishes a bulletin, takes a backup,
 * and migrates a version-1 file, at moments spread over the whole run. After each kill the file
 * opens, passes {@code db check}, holds every figure, unit and audit line committed before, and
 * holds the operation wholly or not at all: a bulletin with its content, hash and every row, a
 * backup that is a sound database under a backup's name (anything partial is named {@code .part}
 * and never listed), a schema at version 1 or at the latest.
 */
class FaultCrashTest {

    private static final int UNITS = 100;
    private static final int INDICATORS = 40;
    private static final int KILLS = 4;

    @TempDir
    static Path dir;

    private static Path pristine;
    private static final int[] made = new int[3];
    private static final int[] landed = new int[3];
    private static int backupsVerified;
    private static int partials;
    private static final StringBuilder wholeSeconds = new StringBuilder();

    private record State(long figures, double sum, long units, long schemes, long audit, long bulletins,
                         long bulletinRows) {
        boolean sameCommittedAs(State o) {
            return figures == o.figures && sum == o.sum && units == o.units && schemes == o.schemes;
        }
    }

    @BeforeAll
    static void pristineDatabase() throws Exception {
        LargeCase large = new LargeCase(UNITS, INDICATORS, 11);
        Path scheme = dir.resolve("large-2025.scheme.json");
        SchemeWriter.write(large.scheme, scheme);
        Path data = dir.resolve("data.csv");
        DatabaseBenchmark.writeData(large, 2024, 2025, data, 3);
        pristine = dir.resolve("pristine/work.db");
        try (WorkbenchDatabase db = WorkbenchDatabase.open(pristine)) {
            db.initScheme(scheme, 2025, "setup");
            ImportService.importFiles(db, ImportService.Kind.DATA, List.of(data), Optional.empty(), "setup");
        }
        clearBackups(pristine);
    }

    @AfterAll
    static void summary() {
        System.out.printf("FaultCrashTest: %d kills (%d during db publish, %d during db backup, %d during migration "
                + "V001→V%d); publish landed %d, backup landed %d, migration landed %d; %d files reopened, every one "
                + "passes db check with nothing committed lost; %d listed backups verified sound, %d kills inside a "
                + "backup's write left a .part file, never listed (whole runs:%s)%n", made[0] + made[1] + made[2], made[0], made[1], made[2],
                new Migrator().latestVersion(), landed[0], landed[1], landed[2], made[0] + made[1] + made[2],
                backupsVerified, partials, wholeSeconds);
    }

    @Test
    void aKilledPublishLeavesTheBulletinWhollyThereOrAbsent() throws Exception {
        State before = state(pristine);
        Path work = dir.resolve("publish/work.db");
        double full = wholeRun(work, pristine, "publish", "--period", "2025");
        State done = state(work);
        assertThat(done.bulletins()).isEqualTo(before.bulletins() + 1);
        assertThat(done.bulletinRows()).isEqualTo(UNITS);

        SplittableRandom random = new SplittableRandom(20261127);
        for (int i = 0; i < KILLS; i++) {
            fresh(pristine, work);
            long delay = delay(full, i, random);
            kill(child(work, "publish", "--period", "2025"), delay);
            made[0]++;
            State after = reopenAndCheck(work, before);
            if (after.bulletins() == before.bulletins()) {
                assertThat(after.bulletinRows()).as("no rows without their bulletin").isZero();
            } else {
                landed[0]++;
                assertThat(after.bulletins()).isEqualTo(before.bulletins() + 1);
                assertThat(after.bulletinRows()).as("every row of the bulletin, kill at %d ms", delay)
                        .isEqualTo(UNITS);
                assertThat(bulletinContentLength(work)).as("content of the bulletin").isPositive();
            }
        }
    }

    @Test
    void aKilledBackupLeavesASoundBackupOrAPartNeverListed() throws Exception {
        State before = state(pristine);
        Path work = dir.resolve("backup/work.db");
        double full = wholeRun(work, pristine, "backup");
        assertThat(listedBackups(work)).as("the day's backup and the manual one").hasSize(2);

        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < KILLS; i++) {
            fresh(pristine, work);
            Process p = child(work, "backup");
            long delay;
            if (i % 2 == 0) {
                delay = delay(full, i, random);
                Thread.sleep(delay);
            } else {
                // wait until a backup is being written, then kill inside it
                delay = -1;
                waitFor(p, full, work.resolveSibling("backups"), f -> f.getFileName().toString().endsWith(".part"));
                Thread.sleep(random.nextInt(3));
            }
            kill(p, 0);
            made[1]++;
            partials += partials(work);
            if (!listedBackups(work).isEmpty()) {
                landed[1]++;
            }
            reopenAndCheck(work, before);
        }
    }

    @Test
    void aKilledMigrationLeavesVersion1OrTheLatestAndEveryFigure() throws Exception {
        Migrator latest = new Migrator();
        Path v1 = dir.resolve("v1/work.db");
        makeVersion1(v1);
        State before = state(v1, 1);
        assertThat(before.figures()).isPositive();
        Path work = dir.resolve("migrate/work.db");
        double full = wholeRun(work, v1, "check");
        assertThat(userVersion(work)).isEqualTo(latest.latestVersion());

        SplittableRandom random = new SplittableRandom(99);
        for (int i = 0; i < KILLS; i++) {
            fresh(v1, work);
            Process p = child(work, "check");
            if (i % 2 == 0) {
                Thread.sleep(delay(full, i, random));
            } else {
                // the migration's own backup comes first: kill while it or the scripts run
                waitFor(p, full, work.resolveSibling("backups"), f -> true);
                Thread.sleep(random.nextInt(60));
            }
            kill(p, 0);
            made[2]++;
            partials += partials(work);
            int version = userVersion(work);
            assertThat(version).as("version 1 or the latest, nothing between").isIn(1, latest.latestVersion());
            if (version == latest.latestVersion()) {
                landed[2]++;
            }
            State after = reopenAndCheck(work, before);
            assertThat(after.audit()).as("audit lines").isEqualTo(before.audit());
            assertThat(userVersion(work)).isEqualTo(latest.latestVersion());
        }
    }

    /** A version-1 file holding the large case's scheme and figures (V002 only adds city_figure). */
    private static void makeVersion1(Path v1) throws Exception {
        Files.createDirectories(v1.getParent());
        Migrator latest = new Migrator();
        assertThat(latest.scripts().get(1).name()).isEqualTo("V002__city_figure.sql");
        Path raw = dir.resolve("v1/raw.db");
        Files.copy(pristine, raw);
        try (Database full = Database.open(raw, latest.latestVersion())) {
            full.vacuumInto(v1);
        }
        try (Database old = Database.open(v1, latest.latestVersion())) {
            old.inTransaction(c -> {
                try (Statement s = c.createStatement()) {
                    for (String trigger : List.of("insert", "update", "delete")) {
                        s.execute("DROP TRIGGER city_figure_audit_" + trigger);
                    }
                    s.execute("DROP TABLE city_figure");
                    s.execute("PRAGMA user_version = 1");
                }
                return null;
            });
        }
        Files.delete(raw);
        clearBackups(v1);
        // what V001 alone makes has the same tables but city_figure
        Path reference = dir.resolve("v1-reference/work.db");
        new Migrator(latest.scripts().subList(0, 1), Clock.systemDefaultZone()).openAndMigrate(reference).close();
        assertThat(tables(reference)).isEqualTo(tables(v1));
    }

    /** Reopens as the workbench does, runs db check, compares with what was committed before; every listed backup is sound. */
    private static State reopenAndCheck(Path work, State before) throws SQLException, IOException {
        try (WorkbenchDatabase reopened = WorkbenchDatabase.open(work)) {
            List<Issue> problems = reopened.check();
            assertThat(problems).as("db check after a kill").isEmpty();
            for (BackupFile b : reopened.listBackups()) {
                Backups.verify(b.file(), new Migrator().latestVersion());
                backupsVerified++;
            }
        }
        State after = state(work);
        assertThat(after.sameCommittedAs(before)).as("committed %s, now %s", before, after).isTrue();
        return after;
    }

    /** Backups left half-written by the kill: named .part, so never listed (checked in reopenAndCheck). */
    private static int partials(Path work) throws IOException {
        Path folder = work.resolveSibling("backups");
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return (int) files.filter(f -> f.getFileName().toString().endsWith(".part")).count();
        }
    }

    private static long delay(double fullSeconds, int i, SplittableRandom random) {
        double share = 0.3 + 1.0 * i / (KILLS - 1) + (random.nextDouble() - 0.5) * 0.1;
        return Math.max(50, Math.round(fullSeconds * share * 1000));
    }

    private static void waitFor(Process p, double fullSeconds, Path folder, Predicate<Path> which)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + (long) (fullSeconds * 2e9);
        while (System.nanoTime() < deadline && p.isAlive()) {
            if (Files.isDirectory(folder)) {
                try (Stream<Path> files = Files.list(folder)) {
                    if (files.anyMatch(which)) {
                        return;
                    }
                }
            }
            Thread.sleep(1);
        }
    }

    private static void kill(Process p, long delayMs) throws InterruptedException {
        if (delayMs > 0) {
            Thread.sleep(delayMs);
        }
        p.destroyForcibly();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    /** One uninterrupted run, to know how long the whole process takes; it must succeed. */
    private static double wholeRun(Path work, Path from, String... command) throws Exception {
        fresh(from, work);
        long start = System.nanoTime();
        Process whole = child(work, command);
        assertThat(whole.waitFor(120, TimeUnit.SECONDS)).isTrue();
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(whole.exitValue()).as("an uninterrupted db %s succeeds", command[0]).isZero();
        wholeSeconds.append(String.format(" %s %.1f s", command[0], seconds));
        return seconds;
    }

    private static Process child(Path db, String... command) throws IOException {
        List<String> line = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dsanlian.db.cache-kib=256",
                // a short-lived child: start fast, one core's worth of threads
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), Launcher.class.getName(), "db"));
        line.addAll(List.of(command));
        line.addAll(List.of("--db", db.toString(), "--operator", "crash"));
        return new ProcessBuilder(line).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static List<BackupFile> listedBackups(Path work) {
        return new Backups(work).list();
    }

    /** A copy of a database with nothing else beside it. */
    private static void fresh(Path from, Path work) throws IOException {
        Path folder = work.getParent();
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            }
        }
        Files.createDirectories(folder);
        Files.copy(from, work, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void clearBackups(Path db) throws IOException {
        Path folder = db.resolveSibling("backups");
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            }
        }
    }

    private static State state(Path file) throws SQLException {
        return state(file, new Migrator().latestVersion());
    }

    private static State state(Path file, int version) throws SQLException {
        try (Database db = Database.open(file, version)) {
            return db.read(c -> new State(
                    (long) number(c, "SELECT count(*) FROM figure"),
                    number(c, "SELECT total(value) FROM figure"),
                    (long) number(c, "SELECT count(*) FROM unit"),
                    (long) number(c, "SELECT count(*) FROM scheme"),
                    (long) number(c, "SELECT count(*) FROM audit_log WHERE entity <> 'bulletin'"),
                    (long) number(c, "SELECT count(*) FROM bulletin"),
                    (long) number(c, "SELECT count(*) FROM bulletin_row")));
        }
    }

    private static long bulletinContentLength(Path file) throws SQLException {
        try (Database db = Database.open(file, new Migrator().latestVersion())) {
            return db.read(c -> (long) number(c, "SELECT min(length(content)) FROM bulletin"));
        }
    }

    private static int userVersion(Path file) throws SQLException {
        try (Database db = Database.open(file, 1000)) {
            return db.userVersion();
        }
    }

    private static List<String> tables(Path file) throws SQLException {
        try (Database db = Database.open(file, 1000)) {
            return db.read(c -> {
                List<String> out = new ArrayList<>();
                try (PreparedStatement s = c.prepareStatement(
                        "SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger') ORDER BY name");
                     ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(r.getString(1));
                    }
                }
                return out;
            });
        }
    }

    private static double number(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            r.next();
            return r.getDouble(1);
        }
    }
}

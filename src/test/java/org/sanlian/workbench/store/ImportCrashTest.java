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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanlian.workbench.Launcher;
import org.sanlian.workbench.app.ImportService;
import org.sanlian.workbench.app.WorkbenchDatabase;
import org.sanlian.workbench.bench.DatabaseBenchmark;
import org.sanlian.workbench.bench.LargeCase;
import org.sanlian.workbench.core.check.Issue;
import org.sanlian.workbench.io.scheme.SchemeWriter;

/**
 * Kills a child JVM that imports a large file at many moments (JVM start, reading, backup, the
 * write transaction, commit) and reopens the database each time: SQLite's integrity and foreign
 * keys and the store's invariants hold, the import is there wholly or not at all (figures, their
 * audit lines and the import batch alike), and what was committed before is untouched.
 */
class ImportCrashTest {

    private static final int UNITS = 400;
    private static final int INDICATORS = 120;
    private static final int KILLS = 12;

    @TempDir
    Path dir;

    private record State(long figures2024, double sum2024, long figures2025, long audit2025, long batches) {
    }

    @Test
    void aKilledImportIsWhollyPresentOrWhollyAbsentAndNothingEarlierIsLost() throws Exception {
        LargeCase large = new LargeCase(UNITS, INDICATORS, 7);
        Path scheme = dir.resolve("large-2025.scheme.json");
        SchemeWriter.write(large.scheme, scheme);
        Path before = dir.resolve("before.csv");
        Path big = dir.resolve("big.csv");
        long beforeRows = DatabaseBenchmark.writeData(large, 2024, 2024, before, 1);
        long bigRows = DatabaseBenchmark.writeData(large, 2025, 2025, big, 2);
        long bigFigures = bigRows; // one figure per row, missing values included

        Path pristine = dir.resolve("pristine/work.db");
        try (WorkbenchDatabase db = WorkbenchDatabase.open(pristine)) {
            db.initScheme(scheme, 2025, "setup");
            ImportService.importFiles(db, ImportService.Kind.DATA, List.of(before), Optional.empty(), "setup");
        }
        State committed = state(pristine);
        assertThat(committed.figures2024()).isEqualTo(beforeRows);
        assertThat(committed.figures2025()).isZero();

        // one uninterrupted import, to know how long the whole process takes
        Path work = dir.resolve("work/work.db");
        fresh(pristine, work);
        long start = System.nanoTime();
        Process whole = importer(work, big);
        assertThat(whole.waitFor(120, TimeUnit.SECONDS)).isTrue();
        double full = (System.nanoTime() - start) / 1e9;
        assertThat(whole.exitValue()).as("an uninterrupted import succeeds").isZero();
        assertThat(state(work).figures2025()).isEqualTo(bigFigures);

        SplittableRandom random = new SplittableRandom(20221022);
        int absent = 0;
        int present = 0;
        int midWrite = 0;
        for (int i = 0; i < KILLS; i++) {
            fresh(pristine, work);
            // every other kill anywhere from JVM start to after the commit, the rest where the write runs
            double share = i % 2 == 0 ? 0.2 + 0.95 * i / (KILLS - 1) + (random.nextDouble() - 0.5) * 0.08
                    : 0.55 + 0.4 * random.nextDouble();
            long delay = Math.max(50, Math.round(full * share * 1000));
            Process p = importer(work, big);
            if (i % 2 == 0) {
                Thread.sleep(delay);
            } else {
                // wait for the write to begin (the WAL grows), then kill somewhere inside it
                Path growing = work.resolveSibling(work.getFileName() + "-wal");
                long deadline = System.nanoTime() + (long) (full * 2e9);
                while (System.nanoTime() < deadline && p.isAlive()
                        && !(Files.exists(growing) && Files.size(growing) > 256 * 1024)) {
                    Thread.sleep(1);
                }
                Thread.sleep(random.nextInt(40));
            }
            p.destroyForcibly();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            Path wal = work.resolveSibling(work.getFileName() + "-wal");
            boolean walLeft = Files.exists(wal) && Files.size(wal) > 0;

            try (WorkbenchDatabase reopened = WorkbenchDatabase.open(work)) {
                List<Issue> problems = reopened.check();
                assertThat(problems).as("db check after a kill at %d ms", delay).isEmpty();
            }
            State after = state(work);
            assertThat(after.figures2024()).as("figures committed before").isEqualTo(committed.figures2024());
            assertThat(after.sum2024()).isEqualTo(committed.sum2024());
            if (after.figures2025() == 0) {
                absent++;
                if (walLeft) {
                    midWrite++; // killed with pages of the import in the WAL but no commit
                }
                assertThat(after.audit2025()).isZero();
                assertThat(after.batches()).isEqualTo(committed.batches());
            } else {
                present++;
                assertThat(after.figures2025()).as("all or nothing, kill at %d ms", delay).isEqualTo(bigFigures);
                assertThat(after.audit2025()).as("audit lines, kill at %d ms: %s", delay, debug(work))
                        .isEqualTo(bigFigures);
                assertThat(after.batches()).isEqualTo(committed.batches() + 1);
            }
        }
        System.out.printf("ImportCrashTest: %d kills of a %,d-row import (%.1f s whole): %d before commit "
                + "(%d of them inside the write), %d after; every reopened file sound%n", KILLS, bigRows, full, absent,
                midWrite, present);
        assertThat(absent).as("some kills land before the commit").isPositive();
        assertThat(midWrite).as("some kills land inside the write, with uncommitted pages in the WAL").isPositive();
    }

    private Process importer(Path db, Path data) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // a small page cache: the import's pages go to the WAL long before it commits
                "-Dsanlian.db.cache-kib=256",
                "-cp", System.getProperty("java.class.path"), Launcher.class.getName(),
                "db", "import", "--db", db.toString(), data.toString(), "--operator", "crash"));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** A copy of the pristine database with nothing else beside it. */
    private static void fresh(Path pristine, Path work) throws IOException {
        Path folder = work.getParent();
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            }
        }
        Files.createDirectories(folder);
        Files.copy(pristine, work, StandardCopyOption.REPLACE_EXISTING);
    }

    private static State state(Path file) throws SQLException {
        try (Database db = Database.open(file, new Migrator().latestVersion())) {
            return db.read(c -> new State(
                    (long) number(c, "SELECT count(*) FROM figure f JOIN period p ON p.id = f.period_id WHERE p.code = '2024'"),
                    number(c, "SELECT total(value) FROM figure f JOIN period p ON p.id = f.period_id "
                            + "WHERE p.code = '2024'"),
                    (long) number(c, "SELECT count(*) FROM figure f JOIN period p ON p.id = f.period_id "
                            + "WHERE p.code = '2025'"),
                    (long) number(c, "SELECT count(*) FROM audit_trail WHERE entity = 'figure' AND period_code = '2025'"),
                    (long) number(c, "SELECT count(*) FROM import_batch")));
        }
    }

    private static String debug(Path file) throws SQLException {
        try (Database db = Database.open(file, new Migrator().latestVersion())) {
            return db.read(c -> "batches " + number(c, "SELECT count(*) FROM import_batch") + " created "
                    + number(c, "SELECT count(created_batch) FROM figure") + " maxb "
                    + number(c, "SELECT max(created_batch) FROM figure") + " maxid "
                    + number(c, "SELECT max(id) FROM import_batch") + " log "
                    + number(c, "SELECT count(*) FROM audit_log") + " trail "
                    + number(c, "SELECT count(*) FROM audit_trail WHERE period_code = '2025'"));
        }
    }

    private static double number(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            r.next();
            return r.getDouble(1);
        }
    }
}

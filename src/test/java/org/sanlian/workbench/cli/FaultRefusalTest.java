package org.sanlian.workbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanlian.workbench.app.WorkbenchDatabase;
import org.sanlian.workbench.core.model.AuditFilter;
import org.sanlian.workbench.store.Migrator;

/**
 * Faults short of a crash, through the command line: a disk that cannot take a backup or an export
 * (a folder that cannot be written into: a file where a folder should be, or a read-only folder; a
 * disk that is really full is {@link DiskFullTest}'s), a read-only database file, a database held by another
 * process, and a database file written by a newer workbench. Each is refused with exit 1 and a
 * message that names the file and says what to do; nothing is half-written, the database is
 * untouched.
 */
class FaultRefusalTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private Path db;
    private static int refused;
    private static int skipped;

    @BeforeEach
    void capture() throws Exception {
        Console.redirect(new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
        for (String f : new String[] {"scheme.json", "data.csv", "targets.csv"}) {
            Files.copy(ExampleGoldenTest.EXAMPLE.resolve(f), dir.resolve(f));
        }
        db = dir.resolve("work.db");
        assertThat(run("db", "init", "--db", db.toString(), "--scheme", dir.resolve("scheme.json").toString(),
                "--year", "2024", "--operator", "李四")).isZero();
        assertThat(run("db", "import", "--db", db.toString(), dir.resolve("data.csv").toString(),
                "--operator", "李四")).isZero();
        assertThat(run("db", "import", "--db", db.toString(), "--kind", "targets",
                dir.resolve("targets.csv").toString(), "--operator", "李四")).isZero();
        stdout.reset();
        stderr.reset();
    }

    @AfterEach
    void restore() {
        Console.redirect(System.out, System.err);
    }

    @AfterAll
    static void summary() {
        System.out.printf("FaultRefusalTest: %d faults (backup folder unwritable, export folder unwritable or "
                + "uncreatable, read-only (chmod, or chattr +i as root) or locked database, newer database version) refused "
                + "with exit 1 and a message naming the file, nothing half-written, database untouched; %d skipped "
                + "(running as root, permissions do not stop writes)%n", refused, skipped);
    }

    private int run(String... args) {
        return SanlianCli.run(args);
    }

    private String err() {
        return stderr.toString(StandardCharsets.UTF_8);
    }

    /** Exit 1, the message names {@code file}, no stack trace, and the database is unchanged. */
    private void refusedNaming(int exit, Path file, String digestBefore, long auditBefore) throws Exception {
        assertThat(exit).as("exit code; stderr: %s", err()).isEqualTo(SanlianCli.USER_ERROR);
        assertThat(err()).contains(file.getFileName().toString()).doesNotContain("\tat ").doesNotContain("at org.sanlian");
        if (digestBefore != null) {
            assertThat(digest(db)).as("the database file is untouched").isEqualTo(digestBefore);
        }
        if (auditBefore >= 0) {
            assertThat(auditLines()).isEqualTo(auditBefore);
            assertThat(run("db", "check", "--db", db.toString())).isZero();
        }
        refused++;
    }

    @Test
    void aBackupFolderThatIsAFileRefusesTheBackupButStillOpensTheDatabase() throws Exception {
        Path backups = dir.resolve("backups");
        deleteTree(backups);
        Files.writeString(backups, "not a folder");
        long audit = auditLines();
        int exit = run("db", "backup", "--db", db.toString());
        refusedNaming(exit, backups, null, audit);
        assertThat(err()).contains("备份").contains("磁盘空间");
        assertThat(Files.readString(backups)).isEqualTo("not a folder");
        // the day's backup failing does not lock the user out: commands that read still run, and say so
        stderr.reset();
        assertThat(run("db", "check", "--db", db.toString())).isZero();
        assertThat(err()).contains("自动备份未能完成").contains(backups.toString());
        Path out = dir.resolve("ranking.xlsx");
        assertThat(run("db", "export", "--db", db.toString(), "--period", "2025", "--out", out.toString())).isZero();
        assertThat(out).isRegularFile();
    }

    @Test
    void aReadOnlyBackupFolderRefusesTheBackup() throws Exception {
        Path backups = dir.resolve("backups");
        Files.createDirectories(backups);
        List<Path> before = list(backups);
        Files.setPosixFilePermissions(backups, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            skipAsRoot(backups);
            int exit = run("db", "backup", "--db", db.toString());
            refusedNaming(exit, backups, null, -1);
            assertThat(list(backups)).as("no partial backup left").isEqualTo(before);
        } finally {
            Files.setPosixFilePermissions(backups, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void anExportWhoseFolderCannotBeCreatedIsRefusedAndWritesNothing() throws Exception {
        Path blocker = dir.resolve("reports");
        Files.writeString(blocker, "a file where the folder should be");
        Path out = blocker.resolve("2025/ranking.xlsx");
        String before = digest(db);
        long audit = auditLines();
        int exit = run("db", "export", "--db", db.toString(), "--period", "2025", "--out", out.toString());
        refusedNaming(exit, blocker, before, audit);
        assertThat(err()).contains("磁盘是否已满");
        assertThat(Files.readString(blocker)).isEqualTo("a file where the folder should be");
        assertThat(list(dir).stream().filter(p -> p.getFileName().toString().endsWith(".tmp"))).isEmpty();
    }

    @Test
    void anExportIntoAReadOnlyFolderIsRefusedAndLeavesNoTemporaryFile() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("locked"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            skipAsRoot(folder);
            Path out = folder.resolve("ranking.xlsx");
            String before = digest(db);
            int exit = run("db", "export", "--db", db.toString(), "--period", "2025", "--out", out.toString());
            refusedNaming(exit, out, before, auditLines());
            assertThat(list(folder)).isEmpty();
        } finally {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void aReadOnlyDatabaseFileIsRefusedForWritingAndLeftUntouched() throws Exception {
        String before = digest(db);
        long audit = auditLines();
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("r--r--r--"));
        // as root, permissions do not stop writes: make the file immutable instead, where chattr can
        boolean immutable = Files.isWritable(db) && chattr("+i", db);
        try {
            if (!immutable) {
                skipAsRoot(db);
            }
            for (String[] command : List.of(
                    new String[] {"db", "import", "--db", db.toString(), dir.resolve("data.csv").toString()},
                    new String[] {"db", "publish", "--db", db.toString(), "--period", "2025"},
                    new String[] {"db", "backup", "--db", db.toString()})) {
                stderr.reset();
                int exit = run(command);
                refusedNaming(exit, db, before, -1);
                assertThat(err()).contains("只读").contains("未做任何改动");
            }
        } finally {
            if (immutable) {
                chattr("-i", db);
            }
            Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-r--r--"));
        }
        assertThat(digest(db)).isEqualTo(before);
        assertThat(auditLines()).isEqualTo(audit);
    }

    private static boolean chattr(String flag, Path file) {
        try {
            Process p = new ProcessBuilder("chattr", flag, file.toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    void aDatabaseHeldByAnotherProcessIsReadOnlyHereAndRefusesAPublish() throws Exception {
        long audit = auditLines();
        try (WorkbenchDatabase holder = WorkbenchDatabase.openExisting(db)) {
            assertThat(holder.readOnly()).isFalse();
            int exit = run("db", "publish", "--db", db.toString(), "--period", "2025", "--operator", "王五");
            refusedNaming(exit, db, null, -1);
            assertThat(err()).contains("只读").contains("关闭另一个进程");
            exit = run("db", "import", "--db", db.toString(), dir.resolve("data.csv").toString());
            refusedNaming(exit, db, null, -1);
        }
        assertThat(auditLines()).isEqualTo(audit);
        assertThat(run("db", "publish", "--db", db.toString(), "--list")).isZero();
        assertThat(stdout.toString(StandardCharsets.UTF_8)).doesNotContain("2025-1");
    }

    @Test
    void aDatabaseFromANewerVersionIsRefusedByEveryCommandAndLeftUntouched() throws Exception {
        int latest = new Migrator().latestVersion();
        int newer = latest + 3;
        // close every connection and checkpoint the WAL, then set the version as a newer workbench would
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            s.execute("PRAGMA user_version = " + newer);
        }
        Files.deleteIfExists(dir.resolve("work.db-wal"));
        Files.deleteIfExists(dir.resolve("work.db-shm"));
        String before = digest(db);
        List<Path> beside = list(dir);
        for (String[] command : List.of(
                new String[] {"db", "check", "--db", db.toString()},
                new String[] {"db", "backup", "--db", db.toString()},
                new String[] {"db", "publish", "--db", db.toString(), "--period", "2025"},
                new String[] {"db", "import", "--db", db.toString(), dir.resolve("data.csv").toString()},
                new String[] {"db", "export", "--db", db.toString(), "--period", "2025", "--out",
                    dir.resolve("out.xlsx").toString()})) {
            stderr.reset();
            int exit = run(command);
            refusedNaming(exit, db, before, -1);
            assertThat(err()).as(String.join(" ", command)).contains(String.valueOf(newer))
                    .contains(String.valueOf(latest)).contains("升级工作台");
        }
        assertThat(list(dir).stream().filter(p -> !p.getFileName().toString().endsWith(".lock")).toList())
                .as("no backup, export or journal written beside it").isEqualTo(
                        beside.stream().filter(p -> !p.getFileName().toString().endsWith(".lock")).toList());
    }

    private void skipAsRoot(Path path) {
        if (Files.isWritable(path)) {
            skipped++;
        }
        assumeFalse(Files.isWritable(path), "running as root: permissions do not stop writes");
    }

    private long auditLines() {
        try (WorkbenchDatabase open = WorkbenchDatabase.openExisting(db)) {
            return open.audit(AuditFilter.any()).size();
        }
    }

    private static String digest(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private static List<Path> list(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            }
        }
    }
}

package org.sanlian.workbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.sanlian.workbench.ReadOnlyFile;
import org.sanlian.workbench.app.WorkbenchDatabase;
import org.sanlian.workbench.core.model.AuditFilter;
import org.sanlian.workbench.store.Database;
import org.sanlian.workbench.store.Migrator;
import org.sanlian.workbench.store.SettingRepository;

/**
 * Faults short of a crash, through the command line: a disk that cannot take a backup or an export
 * (a folder that cannot be written into: a file where a folder should be, or a read-only folder; a
 * disk that is really full is {@link DiskFullTest}'s), a read-only database file, a database held by another
 * process, and a database file written by a newer workbench. Each is refused with exit 1 and a
 * message that names the file and says what to do; nothing is half-written, the database is
 * untouched. A read-only database file is still read: commands that only read it work, with a
 * notice that names the file and why it is read-only; only its writes (and its migration) are refused.
 */
class FaultRefusalTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private Path db;
    private static int refused;
    private static int readOnlyReads;
    private static int skipped;

    @BeforeEach
    void capture() throws Exception {
        Console.redirect(new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
        ExampleFiles.copyInto(dir);
        db = dir.resolve("work.db");
        ExampleFiles.database(dir, db);
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
                + "uncreatable, writes to a read-only (chmod, or chattr +i as root) or locked database file, a read-only "
                + "file of an older version, newer database version) refused with exit 1 and a message naming the file, "
                + "nothing half-written, database untouched; %d reading commands on the read-only file done with its "
                + "notice; %d skipped (neither permissions nor chattr +i make a file read-only here)%n", refused, readOnlyReads,
                skipped);
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
        try (ReadOnlyFile locked = readOnly(backups)) {
            int exit = run("db", "backup", "--db", db.toString());
            refusedNaming(exit, backups, null, -1);
            assertThat(list(backups)).as("no partial backup left").isEqualTo(before);
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
        try (ReadOnlyFile locked = readOnly(folder)) {
            Path out = folder.resolve("ranking.xlsx");
            String before = digest(db);
            int exit = run("db", "export", "--db", db.toString(), "--period", "2025", "--out", out.toString());
            refusedNaming(exit, out, before, auditLines());
            assertThat(list(folder)).isEmpty();
        }
    }

    @Test
    void aReadOnlyDatabaseFileIsReadButRefusedForWritingAndLeftUntouched() throws Exception {
        assertThat(dir.resolve("work.db-wal")).as("the database was closed cleanly").doesNotExist();
        String before = digest(db);
        long audit = auditLines();
        Path backups = dir.resolve("backups");
        List<Path> backupsBefore = list(backups);
        Path export = dir.resolve("read-only-export.xlsx");
        try (ReadOnlyFile locked = readOnly(db)) {
            // commands that only read the database work, and say that (and why) it is read-only
            for (String[] command : List.of(
                    new String[] {"db", "check", "--db", db.toString()},
                    new String[] {"db", "publish", "--db", db.toString(), "--list"},
                    new String[] {"db", "audit", "--db", db.toString()},
                    new String[] {"db", "export", "--db", db.toString(), "--period", "2025", "--out", export.toString()},
                    new String[] {"db", "backup", "--db", db.toString()})) {
                stderr.reset();
                int exit = run(command);
                assertThat(exit).as("%s; stderr: %s", String.join(" ", command), err()).isZero();
                assertThat(err()).as(String.join(" ", command)).contains(db.toAbsolutePath().normalize().toString())
                        .contains("是只读的").contains("文件权限或属性").doesNotContain("另一个工作台进程")
                        .doesNotContain("\tat ");
                assertThat(digest(db)).as("the read-only file after %s", String.join(" ", command)).isEqualTo(before);
                readOnlyReads++;
            }
            assertThat(export).isRegularFile();
            List<Path> taken = list(backups).stream().filter(b -> !backupsBefore.contains(b)).toList();
            assertThat(taken).as("db backup wrote one backup into the backups folder").hasSize(1);
            assertThat(taken.get(0).getFileName().toString()).endsWith("-manual.db");

            // commands that write are refused with the file's own reason, and change nothing
            for (String[] command : List.of(
                    new String[] {"db", "import", "--db", db.toString(), dir.resolve("data.csv").toString()},
                    new String[] {"db", "publish", "--db", db.toString(), "--period", "2025"},
                    new String[] {"db", "init", "--db", db.toString(), "--scheme", dir.resolve("scheme.json").toString(),
                        "--year", "2026"},
                    new String[] {"db", "restore", "--db", db.toString(), taken.get(0).toString()})) {
                stderr.reset();
                int exit = run(command);
                refusedNaming(exit, db, before, -1);
                assertThat(err()).as(String.join(" ", command)).contains("数据库只能读取，本次操作没有完成")
                        .doesNotContain("输入有误").contains("只读").contains("文件权限或属性")
                        .contains("未做任何改动").contains("取消该文件的只读属性").doesNotContain("另一个工作台进程");
            }
            assertThat(list(backups)).as("no backup taken before a refused write").hasSize(backupsBefore.size() + 1);
        }
        assertThat(digest(db)).isEqualTo(before);
        assertThat(auditLines()).isEqualTo(audit);
        stderr.reset();
        assertThat(run("db", "check", "--db", db.toString())).as(err()).isZero();
        assertThat(err()).doesNotContain("只读");
        List<Path> taken = list(backups).stream().filter(b -> !backupsBefore.contains(b)).toList();
        assertThat(run("db", "check", "--db", taken.get(0).toString())).as("the backup taken read-only").isZero();
        assertThat(run("db", "publish", "--db", db.toString(), "--period", "2025", "--operator", "李四"))
                .as("writable again: %s", err()).isZero();
    }

    @Test
    void aReadOnlyDatabaseFileOfAnOlderVersionIsRefusedUntilItIsWritable() throws Exception {
        // a database of V001 only, as an older workbench left it, with one setting in it
        Path scripts = Files.createDirectories(dir.resolve("v1-scripts"));
        String v1 = "V001__init.sql";
        try (var in = Migrator.class.getResourceAsStream("/" + Migrator.DEFAULT_LOCATION + "/" + v1)) {
            Files.copy(in, scripts.resolve(v1));
        }
        Path old = dir.resolve("old.db");
        try (Database v1db = new Migrator(scripts).openAndMigrate(old)) {
            v1db.write("李四", c -> {
                SettingRepository.put(c, WorkbenchDatabase.OPERATOR, "李四");
                return null;
            });
        }
        int latest = new Migrator().latestVersion();
        assertThat(latest).isGreaterThan(1);
        String before = digest(old);
        List<Path> beside = list(dir);
        try (ReadOnlyFile locked = readOnly(old)) {
            for (String[] command : List.of(
                    new String[] {"db", "check", "--db", old.toString()},
                    new String[] {"db", "publish", "--db", old.toString(), "--list"},
                    new String[] {"db", "import", "--db", old.toString(), dir.resolve("data.csv").toString()})) {
                stderr.reset();
                int exit = run(command);
                assertThat(exit).as("%s; stderr: %s", String.join(" ", command), err()).isEqualTo(SanlianCli.USER_ERROR);
                assertThat(err()).as(String.join(" ", command)).contains(old.getFileName().toString())
                        .contains("只读").contains("旧版本").contains("版本 1").contains("版本 " + latest)
                        .contains("取消该文件的只读属性").doesNotContain("另一个工作台进程").doesNotContain("\tat ");
                assertThat(digest(old)).isEqualTo(before);
                refused++;
            }
            // SQLite's WAL index and an empty WAL are left beside it (a read-only connection cannot remove them)
            assertThat(list(dir).stream().filter(p -> !p.getFileName().toString().matches("old\\.db-(shm|wal)")))
                    .as("no backup or other file made").isEqualTo(beside);
            assertThat(list(backups(dir)).stream().filter(b -> b.getFileName().toString().startsWith("old-")))
                    .as("no backup before a migration").isEmpty();
            Path wal = dir.resolve("old.db-wal");
            assertThat(Files.exists(wal) ? Files.size(wal) : 0L).as("nothing written into a WAL").isZero();
        }
        // writable again: the first open migrates it (after a backup), and what was committed is there
        assertThat(run("db", "check", "--db", old.toString())).as(err()).isZero();
        try (WorkbenchDatabase open = WorkbenchDatabase.openExisting(old)) {
            assertThat(open.readOnly()).isFalse();
            assertThat(open.operator()).contains("李四");
        }
    }

    /** {@code path} read-only for the test (ReadOnlyFile: permissions, or chattr +i as root); a skip is counted. */
    private ReadOnlyFile readOnly(Path path) throws IOException {
        try {
            return ReadOnlyFile.of(path);
        } catch (org.opentest4j.TestAbortedException e) {
            skipped++;
            throw e;
        }
    }

    private static Path backups(Path folder) throws IOException {
        return Files.createDirectories(folder.resolve("backups"));
    }

    @Test
    void aDatabaseHeldByAnotherProcessIsReadOnlyHereAndRefusesAPublish() throws Exception {
        long audit = auditLines();
        try (WorkbenchDatabase holder = WorkbenchDatabase.openExisting(db)) {
            assertThat(holder.readOnly()).isFalse();
            int exit = run("db", "publish", "--db", db.toString(), "--period", "2025", "--operator", "王五");
            refusedNaming(exit, db, null, -1);
            assertThat(err()).contains("数据库只能读取，本次操作没有完成").contains("只读").contains("关闭另一个进程");
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

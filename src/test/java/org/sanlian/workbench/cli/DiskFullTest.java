package org.sanlian.workbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanlian.workbench.store.Database;
import org.sqlite.SQLiteConfig;

/**
 * A full disk, for real, through the command line. Everywhere: SQLite's page cap
 * ({@code PRAGMA max_page_count}, set through {@link Database#MAX_PAGES_PROPERTY}) makes a write fail
 * with SQLITE_FULL exactly as a full disk does, under {@code db import}, {@code db publish} and a
 * migration. Where the tests may mount (root, and {@code mount -t tmpfs} allowed): a tmpfs of 2 MB
 * that the database, a backup or an exported workbook does not fit into. After each: exit 1 with a
 * message that says the disk is full, names the file and says to free space and try again, no Java
 * exception name; the database passes {@code db check}; every table holds what it held before;
 * nothing partial is left; and once there is room the same command goes through.
 */
class DiskFullTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private Path db;
    private static int faults;
    private static int sqliteFull;
    private static int tmpfsFull;
    private static int losses;
    private static long rowsKept;
    private static int recovered;
    private static int partials;
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
        System.clearProperty(Database.MAX_PAGES_PROPERTY);
        Console.redirect(System.out, System.err);
    }

    @AfterAll
    static void summary() {
        System.out.printf("DiskFullTest: %d faults injected (%d SQLITE_FULL by a page cap: import, publish, "
                + "migration V001->V2; %d on a real tmpfs of 1-2 MB: import, db backup, db export, export), every one "
                + "refused with exit 1 and a message that the disk is full naming the file; db check passed after "
                + "each, %d table rows compared before and after, %d losses, %d partial files left; %d commands "
                + "went through once there was room; %d skipped (tmpfs not mountable here)%n",
                faults, sqliteFull, tmpfsFull, rowsKept, losses, partials, recovered, skipped);
    }

    // ---- SQLITE_FULL by SQLite's page cap: runs everywhere ----

    @Test
    void anImportThatDoesNotFitIsUndoneAndSaysTheDiskIsFull() throws Exception {
        Path big = noteHeavyData(dir.resolve("big.csv"), 1500);
        Map<String, String> before = tables(db);
        int exit = capped(db, () -> run("db", "import", "--db", db.toString(), big.toString(), "--operator", "王五"));
        toldDiskFull(exit, db);
        keptEverything(db, before);
        assertThat(backups(db)).as("the backup taken before the import is removed with it")
                .noneMatch(f -> f.contains("before-import") && f.endsWith(".part"));
        sqliteFull++;
        // with room again, the same file goes in
        assertThat(run("db", "import", "--db", db.toString(), big.toString(), "--operator", "王五")).isZero();
        assertThat(tables(db)).isNotEqualTo(before);
        recovered++;
    }

    @Test
    void aPublicationThatDoesNotFitIsUndoneAndNoBulletinIsListed() throws Exception {
        Map<String, String> before = tables(db);
        int exit = capped(db, () -> run("db", "publish", "--db", db.toString(), "--period", "2025",
                "--number", "2025-1", "--date", "2026-01-15", "--operator", "王五"));
        toldDiskFull(exit, db);
        keptEverything(db, before);
        stdout.reset();
        assertThat(run("db", "publish", "--db", db.toString(), "--list")).isZero();
        assertThat(stdout.toString(StandardCharsets.UTF_8)).doesNotContain("2025-1");
        sqliteFull++;
        assertThat(run("db", "publish", "--db", db.toString(), "--period", "2025", "--number", "2025-1",
                "--date", "2026-01-15", "--operator", "王五")).isZero();
        recovered++;
    }

    @Test
    void aMigrationThatDoesNotFitLeavesTheOldVersionWhole() throws Exception {
        Path v1 = dir.resolve("old/v1.db");
        makeVersion1(db, v1);
        Map<String, String> before = tables(v1);
        int exit = capped(v1, () -> run("db", "check", "--db", v1.toString()));
        toldDiskFull(exit, v1);
        assertThat(userVersion(v1)).as("the failed script left the file at V001").isEqualTo(1);
        assertThat(tables(v1)).isEqualTo(before);
        assertThat(backups(v1)).as("the backup before the migration is whole, never a .part")
                .anyMatch(f -> f.endsWith("-before-v2.db")).noneMatch(f -> f.endsWith(".part"));
        sqliteFull++;
        // with room again the migration runs, db check passes, and every row of V001 is still there
        assertThat(run("db", "check", "--db", v1.toString())).as(err()).isZero();
        assertThat(userVersion(v1)).isEqualTo(2);
        Map<String, String> after = tables(v1);
        assertThat(after).containsAllEntriesOf(before);
        rowsKept += rows(v1, before.keySet());
        recovered++;
    }

    // ---- a real full disk: a small tmpfs, where the tests may mount one ----

    @Test
    void anImportOntoAFullDiskIsUndoneAndSaysTheDiskIsFull() throws Exception {
        Path mount = mountTmpfs("2m");
        try {
            Path work = copyInto(mount);
            assertThat(run("db", "backup", "--db", work.toString())).isZero(); // the day's backup, now taken
            Path big = noteHeavyData(dir.resolve("big.csv"), 1500);
            // leave room for the backup taken before the import, not for the import itself
            long room = Files.size(work) + 96 * 1024;
            Path ballast = fill(mount, room);
            Map<String, String> before = tables(work);
            int exit = run("db", "import", "--db", work.toString(), big.toString(), "--operator", "王五");
            toldDiskFull(exit, work);
            keptEverything(work, before);
            assertThat(backups(work)).noneMatch(f -> f.endsWith(".part") || f.contains("before-import"));
            tmpfsFull++;
            Files.delete(ballast);
            assertThat(run("db", "import", "--db", work.toString(), big.toString(), "--operator", "王五"))
                    .as(err()).isZero();
            recovered++;
        } finally {
            unmount(mount);
        }
    }

    @Test
    void aBackupOntoAFullDiskIsRefusedAndLeavesNoPartialBackup() throws Exception {
        Path mount = mountTmpfs("2m");
        try {
            Path work = copyInto(mount);
            assertThat(run("db", "backup", "--db", work.toString())).isZero(); // the day's backup, now taken
            List<String> backupsBefore = backups(work);
            Path ballast = fill(mount, Files.size(work) / 2);
            Map<String, String> before = tables(work);
            stderr.reset();
            int exit = run("db", "backup", "--db", work.toString());
            toldDiskFull(exit, work.resolveSibling("backups"));
            assertThat(err()).contains("备份");
            assertThat(backups(work)).as("no partial backup").isEqualTo(backupsBefore);
            keptEverything(work, before);
            tmpfsFull++;
            Files.delete(ballast);
            assertThat(run("db", "backup", "--db", work.toString())).isZero();
            assertThat(backups(work)).hasSize(backupsBefore.size() + 1);
            recovered++;
        } finally {
            unmount(mount);
        }
    }

    @Test
    void anExportOntoAFullDiskLeavesNoTemporaryOrPartialFile() throws Exception {
        Path mount = mountTmpfs("1m");
        try {
            Path ballast = fill(mount, 16 * 1024);
            Map<String, String> before = tables(db);
            Path out = mount.resolve("ranking.xlsx");
            int exit = run("db", "export", "--db", db.toString(), "--period", "2025", "--out", out.toString());
            toldDiskFull(exit, out);
            assertThat(list(mount)).as("no workbook, no hidden .tmp").containsExactly(ballast);
            keptEverything(db, before);
            tmpfsFull++;

            stderr.reset();
            Path fromFiles = mount.resolve("from-files.xlsx");
            exit = run("export", "--scheme", dir.resolve("scheme.json").toString(), "--data",
                    dir.resolve("data.csv").toString(), "--targets", dir.resolve("targets.csv").toString(),
                    "--period", "2025", "--out", fromFiles.toString());
            toldDiskFull(exit, fromFiles);
            assertThat(list(mount)).containsExactly(ballast);
            tmpfsFull++;

            Files.delete(ballast);
            assertThat(run("db", "export", "--db", db.toString(), "--period", "2025", "--out", out.toString()))
                    .as(err()).isZero();
            assertThat(list(mount)).containsExactly(out);
            recovered++;
        } finally {
            unmount(mount);
        }
    }

    // ---- helpers ----

    private int run(String... args) {
        return SanlianCli.run(args);
    }

    private String err() {
        return stderr.toString(StandardCharsets.UTF_8);
    }

    /** Runs {@code command} with {@code file}'s writing connection capped at the pages it has now. */
    private static int capped(Path file, Supplier<Integer> command) throws SQLException {
        System.setProperty(Database.MAX_PAGES_PROPERTY, String.valueOf(pageCount(file)));
        try {
            return command.get();
        } finally {
            System.clearProperty(Database.MAX_PAGES_PROPERTY);
        }
    }

    /** Exit 1; the message says the disk is full, names {@code file}, says what to do; no Java in it. */
    private void toldDiskFull(int exit, Path file) throws IOException {
        faults++;
        String err = err();
        assertThat(exit).as("exit code; stderr: %s", err).isEqualTo(SanlianCli.USER_ERROR);
        assertThat(err).as("stderr").startsWith("磁盘出了问题，本次操作没有完成").doesNotContain("输入有误").contains("磁盘已满").contains(file.toString()).contains("释放磁盘空间")
                .contains("重试")
                .doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("SQLITE_")
                .doesNotContain("程序内部错误");
        List<Path> left = partialFiles(file.getParent());
        partials += left.size();
        assertThat(left).as("temporary or partial files left beside %s", file).isEmpty();
    }

    /** Hidden .tmp files of an export, .part files of a backup, anywhere under {@code folder}. */
    private static List<Path> partialFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(f -> f.getFileName().toString().matches(".*\\.(tmp|part)")).toList();
        }
    }

    /** db check passes and every table holds exactly what it held before. */
    private void keptEverything(Path file, Map<String, String> before) throws Exception {
        stderr.reset();
        assertThat(run("db", "check", "--db", file.toString())).as("db check: %s", err()).isZero();
        Map<String, String> after = tables(file);
        if (!after.equals(before)) {
            losses++;
        }
        assertThat(after).as("every table as before").isEqualTo(before);
        rowsKept += rows(file, before.keySet());
    }

    /** The data file with every figure's note replaced by {@code length} characters: a lot to write. */
    private Path noteHeavyData(Path out, int length) throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve("data.csv"), StandardCharsets.UTF_8);
        List<String> heavy = new ArrayList<>();
        heavy.add(lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",", -1);
            String note = (f[1] + f[2] + "的说明：" + "数据核对无误，来源统计年报。".repeat(length)).substring(0, length);
            heavy.add(f[0] + "," + f[1] + "," + f[2] + "," + f[3] + "," + note);
        }
        Files.write(out, heavy, StandardCharsets.UTF_8);
        return out;
    }

    /** A V001 copy of {@code from}: what a workbench before V002 wrote, without free pages. */
    private static void makeVersion1(Path from, Path to) throws Exception {
        Files.createDirectories(to.getParent());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + from); Statement s = c.createStatement()) {
            s.execute("VACUUM INTO '" + to.toString().replace("'", "''") + "'");
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + to); Statement s = c.createStatement()) {
            for (String trigger : List.of("insert", "update", "delete")) {
                s.execute("DROP TRIGGER city_figure_audit_" + trigger);
            }
            s.execute("DROP TABLE city_figure");
            s.execute("PRAGMA user_version = 1");
            s.execute("VACUUM");
        }
    }

    private static SQLiteConfig readOnly() {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        return config;
    }

    private static int pageCount(Path file) throws SQLException {
        return intPragma(file, "page_count");
    }

    private static int userVersion(Path file) throws SQLException {
        return intPragma(file, "user_version");
    }

    private static int intPragma(Path file, String pragma) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file, readOnly().toProperties());
             Statement s = c.createStatement(); ResultSet r = s.executeQuery("PRAGMA " + pragma)) {
            r.next();
            return r.getInt(1);
        }
    }

    /** Each table's rows, sorted and hashed: equal maps mean the same content, whatever the pages. */
    private static Map<String, String> tables(Path file) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file, readOnly().toProperties());
             Statement s = c.createStatement()) {
            List<String> names = new ArrayList<>();
            try (ResultSet r = s.executeQuery(
                    "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")) {
                while (r.next()) {
                    names.add(r.getString(1));
                }
            }
            for (String table : names) {
                List<String> rows = new ArrayList<>();
                try (ResultSet r = s.executeQuery("SELECT * FROM \"" + table + "\"")) {
                    ResultSetMetaData meta = r.getMetaData();
                    while (r.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            Object v = r.getObject(i);
                            row.append(v instanceof byte[] b ? HexFormat.of().formatHex(b) : String.valueOf(v))
                                    .append('\u001f');
                        }
                        rows.add(row.toString());
                    }
                }
                Collections.sort(rows);
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                rows.forEach(row -> sha.update((row + '\n').getBytes(StandardCharsets.UTF_8)));
                out.put(table, rows.size() + " rows " + HexFormat.of().formatHex(sha.digest()));
            }
        }
        return out;
    }

    private static long rows(Path file, Iterable<String> tables) throws SQLException {
        long n = 0;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file, readOnly().toProperties());
             Statement s = c.createStatement()) {
            for (String table : tables) {
                try (ResultSet r = s.executeQuery("SELECT count(*) FROM \"" + table + "\"")) {
                    r.next();
                    n += r.getLong(1);
                }
            }
        }
        return n;
    }

    private static List<String> backups(Path file) throws IOException {
        Path folder = file.resolveSibling("backups");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static List<Path> list(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }

    /** The fixture's database, copied whole (its WAL was checkpointed when the last command closed it). */
    private Path copyInto(Path mount) throws IOException {
        assertThat(db.resolveSibling("work.db-wal")).doesNotExist();
        Path work = mount.resolve("work.db");
        Files.copy(db, work);
        return work;
    }

    /** Fills the file system of {@code folder} with a ballast file until only about {@code room} bytes are free. */
    private static Path fill(Path folder, long room) throws IOException {
        Path ballast = folder.resolve("ballast.bin");
        long free = Files.getFileStore(folder).getUsableSpace();
        assertThat(free).as("free space on the tmpfs").isGreaterThan(room);
        byte[] chunk = new byte[4096];
        long toWrite = free - room;
        try (OutputStream out = Files.newOutputStream(ballast)) {
            for (long done = 0; done < toWrite; done += chunk.length) {
                out.write(chunk, 0, (int) Math.min(chunk.length, toWrite - done));
            }
        }
        return ballast;
    }

    /** Mounts a tmpfs of {@code size} in the test's folder, or skips the test with the reason. */
    private Path mountTmpfs(String size) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("tmpfs"));
        boolean linux = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux");
        boolean root = linux && "0".equals(command("id", "-u").out().strip());
        if (!root) {
            skipped++;
        }
        assumeTrue(root, "a real small file system needs root and Linux's mount; the page-cap tests cover SQLITE_FULL");
        Ran mount = command("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", folder.toString());
        boolean mounted = mount.exit() == 0 && isMountPoint(folder);
        if (!mounted) {
            skipped++;
        }
        assumeTrue(mounted, "mount -t tmpfs was refused here: " + mount.out());
        return folder;
    }

    private static boolean isMountPoint(Path folder) throws IOException {
        return !Files.getFileStore(folder).equals(Files.getFileStore(folder.getParent()));
    }

    private static void unmount(Path mount) throws Exception {
        Ran umount = command("umount", mount.toString());
        assertThat(umount.exit()).as("umount %s: %s", mount, umount.out()).isZero();
    }

    private record Ran(int exit, String out) {
    }

    /** Runs a system command: its exit code and output (-1 and the reason when it could not start). */
    private static Ran command(String... args) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Ran(p.waitFor(), out);
        } catch (IOException e) {
            return new Ran(-1, String.valueOf(e.getMessage()));
        }
    }
}

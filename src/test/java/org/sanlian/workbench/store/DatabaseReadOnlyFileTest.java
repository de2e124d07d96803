package org.sanlian.workbench.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanlian.workbench.ReadOnlyFile;
import org.sanlian.workbench.core.check.Issue;
import org.sanlian.workbench.core.check.ValidationException;

/**
 * A database file that may not be written (permissions, or {@code chattr +i} where the tests run as
 * root) opens read-only: it reads everything committed, in the WAL or not, refuses writes naming the
 * file's own read-only-ness (not another process), and leaves the file's bytes as they were.
 */
class DatabaseReadOnlyFileTest {

    @TempDir
    Path dir;

    /** What to make writable again after each test, so that the temporary folder can be removed. */
    private final Map<Path, ReadOnlyFile> readOnly = new LinkedHashMap<>();

    @AfterEach
    void makeWritableAgain() throws IOException {
        for (ReadOnlyFile f : readOnly.values()) {
            f.close();
        }
    }

    @Test
    void aCleanlyClosedFileOpensReadOnlyReadsEverythingAndRefusesWrites() throws Exception {
        Path file = dir.resolve("work.db");
        create(file, 3);
        assertThat(file.resolveSibling("work.db-wal")).as("closed cleanly: no WAL left").doesNotExist();
        assertThat(Files.readAllBytes(file)[18]).as("the header says WAL").isEqualTo((byte) 2);
        String before = digest(file);
        makeReadOnly(file);

        try (Database db = Database.open(file, 0)) {
            assertThat(db.readOnly()).isTrue();
            assertThat(db.readOnlyReason()).isEqualTo(Database.ReadOnlyReason.FILE_READ_ONLY);
            assertThat(db.<Integer>read(c -> count(c))).isEqualTo(3);
            assertThat(db.readTogether(List.<Database.Work<Integer>>of(c -> count(c), c -> count(c))))
                    .containsExactly(3, 3);
            assertThatThrownBy(() -> db.inTransaction(c -> exec(c, "INSERT INTO t VALUES (99)")))
                    .isInstanceOf(ValidationException.class)
                    .satisfies(e -> assertThat(((ValidationException) e).issues()).extracting(Issue::code)
                            .containsExactly("store.file-read-only"));
            assertThatThrownBy(() -> db.write("tester", c -> exec(c, "INSERT INTO t VALUES (99)")))
                    .isInstanceOf(ValidationException.class)
                    .satisfies(e -> assertThat(((ValidationException) e).issues()).extracting(Issue::code)
                            .containsExactly("store.file-read-only"));
        }
        assertThat(digest(file)).as("the read-only file's bytes").isEqualTo(before);

        makeWritable(file);
        try (Database db = Database.open(file, 0)) {
            assertThat(db.readOnlyReason()).isEqualTo(Database.ReadOnlyReason.NONE);
            db.inTransaction(c -> exec(c, "INSERT INTO t VALUES (4)"));
            assertThat(db.<Integer>read(c -> count(c))).isEqualTo(4);
        }
        // the read-only connection could not remove the -wal and -shm it made; the next writer does
        assertThat(file.resolveSibling("work.db-wal")).doesNotExist();
        assertThat(file.resolveSibling("work.db-shm")).doesNotExist();
    }

    @Test
    void committedChangesStillInTheWalAreReadFromAReadOnlyFile() throws Exception {
        Path copy = crashedCopy(Files.createDirectories(dir.resolve("crashed")));
        String before = digest(copy);
        makeReadOnly(copy);

        try (Database db = Database.open(copy, 0)) {
            assertThat(db.readOnlyReason()).isEqualTo(Database.ReadOnlyReason.FILE_READ_ONLY);
            assertThat(db.<Integer>read(c -> count(c))).as("nothing committed is lost").isEqualTo(5);
        }
        assertThat(digest(copy)).isEqualTo(before);

        makeWritable(copy);
        try (Database db = Database.open(copy, 0)) {
            assertThat(db.readOnly()).isFalse();
            assertThat(db.<Integer>read(c -> count(c))).isEqualTo(5);
            assertThat(db.<String>read(c -> text(c, "PRAGMA integrity_check"))).isEqualTo("ok");
        }
    }

    @Test
    void committedChangesInTheWalOfAFolderThatCannotBeWrittenAreRead() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("crashed"));
        Path copy = crashedCopy(folder);
        String before = digest(copy);
        String walBefore = digest(folder.resolve("work.db-wal"));
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            makeReadOnly(folder.resolve("work.db" + suffix));
        }
        makeReadOnly(folder);

        try (Database db = Database.open(copy, 0)) {
            assertThat(db.readOnlyReason()).isEqualTo(Database.ReadOnlyReason.FILE_READ_ONLY);
            assertThat(db.<Integer>read(c -> count(c))).as("read through the WAL, not as immutable").isEqualTo(5);
        }
        assertThat(digest(copy)).isEqualTo(before);
        assertThat(digest(folder.resolve("work.db-wal"))).isEqualTo(walBefore);
    }

    /**
     * A copy in {@code folder} of a database whose writer committed rows 4 and 5 into the WAL and
     * was stopped before any checkpoint: its three files as a crash would leave them.
     */
    private Path crashedCopy(Path folder) throws Exception {
        Path file = dir.resolve("work.db");
        create(file, 3);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("PRAGMA wal_autocheckpoint = 0");
            s.execute("INSERT INTO t VALUES (4)");
            s.execute("INSERT INTO t VALUES (5)");
            for (String suffix : new String[] {"", "-wal", "-shm"}) {
                Files.copy(dir.resolve("work.db" + suffix), folder.resolve("work.db" + suffix),
                        StandardCopyOption.REPLACE_EXISTING);
            }
        }
        assertThat(Files.size(folder.resolve("work.db-wal"))).as("rows in the WAL only").isPositive();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + folder.resolve("work.db") + "?immutable=1");
             Statement s = c.createStatement(); ResultSet rows = s.executeQuery("SELECT count(*) FROM t")) {
            rows.next();
            assertThat(rows.getInt(1)).as("the main file alone lacks them").isEqualTo(3);
        }
        return folder.resolve("work.db");
    }

    @Test
    void aCleanlyClosedFileInAFolderThatCannotBeWrittenIsReadWithoutItsWal() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("shared"));
        Path file = folder.resolve("工作 库.db");
        create(file, 3);
        Files.delete(WriterLock.lockFile(file));
        String before = digest(file);
        makeReadOnly(file);
        makeReadOnly(folder);

        try (Database db = Database.open(file, 0)) {
            assertThat(db.readOnlyReason()).isEqualTo(Database.ReadOnlyReason.FILE_READ_ONLY);
            assertThat(db.<Integer>read(c -> count(c))).isEqualTo(3);
            assertThatThrownBy(() -> db.inTransaction(c -> exec(c, "INSERT INTO t VALUES (99)")))
                    .isInstanceOf(ValidationException.class);
        }
        try (var files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("工作 库.db");
        }
        assertThat(digest(file)).isEqualTo(before);
    }

    @Test
    void aFileHeldByAnotherOpenerKeepsThatReason() throws Exception {
        Path file = dir.resolve("work.db");
        create(file, 1);
        try (Database holder = Database.open(file, 0); Database second = Database.open(file, 0)) {
            assertThat(holder.readOnlyReason()).isEqualTo(Database.ReadOnlyReason.NONE);
            assertThat(second.readOnlyReason()).isEqualTo(Database.ReadOnlyReason.HELD_BY_ANOTHER_PROCESS);
            assertThat(second.readOnlyRefusal().issues()).extracting(Issue::code).containsExactly("store.read-only");
        }
    }

    private static void create(Path file, int rows) {
        try (Database db = Database.open(file, 0)) {
            db.inTransaction(c -> exec(c, "CREATE TABLE t (x INTEGER) STRICT"));
            for (int i = 1; i <= rows; i++) {
                int x = i;
                db.inTransaction(c -> exec(c, "INSERT INTO t VALUES (" + x + ")"));
            }
        }
    }

    private void makeReadOnly(Path path) throws IOException {
        readOnly.put(path, ReadOnlyFile.of(path));
        assertThat(Files.isWritable(path)).isFalse();
    }

    private void makeWritable(Path path) throws IOException {
        readOnly.remove(path).close();
        assertThat(Files.isWritable(path)).isTrue();
    }

    private static int count(Connection c) throws SQLException {
        return Integer.parseInt(text(c, "SELECT count(*) FROM t"));
    }

    private static String text(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static int exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            return s.executeUpdate(sql);
        }
    }

    private static String digest(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}

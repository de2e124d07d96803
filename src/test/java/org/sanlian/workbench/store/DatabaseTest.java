package org.sanlian.workbench.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanlian.workbench.core.check.Issue;
import org.sanlian.workbench.core.check.ValidationException;

class DatabaseTest {

    @TempDir
    Path dir;

    @Test
    void opensInWalModeWithForeignKeysAndFullSync() {
        try (Database db = Database.open(dir.resolve("a/b/work.db"), 0)) {
            assertThat(dir.resolve("a/b/work.db")).exists();
            assertThat(db.journalMode()).isEqualToIgnoringCase("wal");
            assertThat(db.<Integer>inTransaction(c -> pragma(c, "foreign_keys"))).isEqualTo(1);
            assertThat(db.<Integer>inTransaction(c -> pragma(c, "synchronous"))).isEqualTo(2); // FULL
            assertThat(db.<Integer>inTransaction(c -> pragma(c, "busy_timeout"))).isPositive();
        }
    }

    @Test
    void aTransactionThatThrowsLeavesNothingBehind() {
        try (Database db = Database.open(dir.resolve("work.db"), 0)) {
            db.inTransaction(c -> exec(c, "CREATE TABLE t (x INTEGER) STRICT"));
            assertThatThrownBy(() -> db.inTransaction(c -> {
                exec(c, "INSERT INTO t VALUES (1)");
                exec(c, "INSERT INTO t VALUES (2)");
                throw new IllegalStateException("boom");
            })).isInstanceOf(IllegalStateException.class).hasMessage("boom");
            assertThatThrownBy(() -> db.inTransaction(c -> {
                exec(c, "INSERT INTO t VALUES (3)");
                return exec(c, "INSERT INTO nowhere VALUES (4)");
            })).isInstanceOf(StoreException.class);
            assertThat(db.<Integer>inTransaction(c -> count(c, "t"))).isZero();
            db.inTransaction(c -> exec(c, "INSERT INTO t VALUES (5)"));
            assertThat(db.<Integer>inTransaction(c -> count(c, "t"))).isEqualTo(1);
        }
        try (Database again = Database.open(dir.resolve("work.db"), 0)) {
            assertThat(again.<Integer>inTransaction(c -> count(c, "t"))).isEqualTo(1);
        }
    }

    @Test
    void aFileThatIsNotSqliteIsRefusedAndLeftUntouched() throws IOException {
        Path file = dir.resolve("notes.db");
        byte[] bytes = "name,value\nlishui,1\n".repeat(200).getBytes(StandardCharsets.UTF_8);
        Files.write(file, bytes);

        assertThatThrownBy(() -> Database.open(file, 1))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.issues())
                        .extracting(Issue::code).containsExactly("store.not-a-database"));
        assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
        assertThat(dir.resolve("notes.db-wal")).doesNotExist();
        assertThat(dir.resolve("notes.db-shm")).doesNotExist();
    }

    @Test
    void aDamagedSqliteFileIsRefusedUntouched() throws IOException {
        Path file = dir.resolve("damaged.db");
        byte[] bytes = new byte[4096];
        System.arraycopy("SQLite format 3\0".getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, 16);
        for (int i = 16; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        Files.write(file, bytes);

        assertThatThrownBy(() -> Database.open(file, 1))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.issues())
                        .extracting(Issue::code).containsExactly("store.not-a-database"));
        assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
    }

    @Test
    void aFileFromANewerBuildIsRefusedUntouched() throws Exception {
        Path file = dir.resolve("future.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            exec(c, "CREATE TABLE t (x)");
            exec(c, "PRAGMA user_version = 99");
        }
        byte[] before = Files.readAllBytes(file);

        assertThatThrownBy(() -> Database.open(file, 1))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.issues()).extracting(Issue::code).containsExactly("store.newer-version");
                    assertThat(e.issues().get(0).args()).contains("99", "1");
                });
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void foreignKeysAreEnforced() {
        try (Database db = new Migrator().openAndMigrate(dir.resolve("work.db"))) {
            assertThatThrownBy(() -> db.inTransaction(c -> exec(c,
                    "INSERT INTO zone (scheme_id, code, name, position) VALUES (4242, 'Z1', 'zone', 0)")))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("FOREIGN KEY");
            assertThat(db.<Integer>inTransaction(c -> count(c, "zone"))).isZero();
        }
    }

    static int pragma(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("PRAGMA " + name)) {
            r.next();
            return r.getInt(1);
        }
    }

    static int count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM " + table)) {
            r.next();
            return r.getInt(1);
        }
    }

    static int exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            return s.executeUpdate(sql);
        }
    }

    static List<String> tables(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")) {
            List<String> names = new java.util.ArrayList<>();
            while (r.next()) {
                names.add(r.getString(1));
            }
            return names;
        }
    }
}

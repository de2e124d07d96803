package org.sanlian.workbench.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sanlian.workbench.store.DatabaseTest.count;
import static org.sanlian.workbench.store.DatabaseTest.exec;
import static org.sanlian.workbench.store.DatabaseTest.pragma;
import static org.sanlian.workbench.store.DatabaseTest.tables;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigratorTest {

    private static final List<String> TABLES = List.of("actor", "audit_log", "bulletin", "bulletin_row",
            "city_figure", "coverage", "figure", "import_batch", "interview", "period", "scheme", "setting", "target", "unit", "zone",
            "zone_member");

    @TempDir
    Path dir;

    @Test
    void aFreshFileReachesTheLatestVersionWithEveryTableAndNoBackup() throws IOException {
        Migrator migrator = new Migrator();
        assertThat(migrator.latestVersion()).isGreaterThanOrEqualTo(1);
        try (Database db = migrator.openAndMigrate(dir.resolve("work.db"))) {
            assertThat(db.userVersion()).isEqualTo(migrator.latestVersion());
            assertThat(db.<List<String>>inTransaction(DatabaseTest::tables)).containsAll(TABLES);
            assertThat(db.<String>inTransaction(c -> {
                try (Statement s = c.createStatement();
                     ResultSet r = s.executeQuery("PRAGMA integrity_check")) {
                    r.next();
                    return r.getString(1);
                }
            })).isEqualTo("ok");
        }
        assertThat(backups()).isEmpty();
    }

    @Test
    void migratingTwiceChangesNothing() throws IOException {
        Migrator migrator = new Migrator();
        try (Database db = migrator.openAndMigrate(dir.resolve("work.db"))) {
            db.inTransaction(c -> exec(c, "INSERT INTO setting VALUES ('k', 'v')"));
            assertThat(migrator.migrate(db)).isEmpty();
            assertThat(db.userVersion()).isEqualTo(migrator.latestVersion());
            assertThat(db.<Integer>inTransaction(c -> count(c, "setting"))).isEqualTo(1);
        }
        try (Database again = migrator.openAndMigrate(dir.resolve("work.db"))) {
            assertThat(again.userVersion()).isEqualTo(migrator.latestVersion());
        }
        assertThat(backups()).isEmpty();
    }

    @Test
    void theSchemaRefusesBadRowsWithChecksAndStrictTypes() {
        try (Database db = new Migrator().openAndMigrate(dir.resolve("work.db"))) {
            assertThatThrownBy(() -> db.inTransaction(c -> exec(c,
                    "INSERT INTO period (code, year, kind, part) VALUES ('2025Q5', 2025, 'QUARTER', 5)")))
                    .isInstanceOf(StoreException.class).hasMessageContaining("CHECK");
            assertThatThrownBy(() -> db.inTransaction(c -> exec(c,
                    "INSERT INTO unit (id, code, name) VALUES ('first', '331102', '莲都区')")))
                    .isInstanceOf(StoreException.class);
            assertThat(db.<Integer>inTransaction(c -> count(c, "period") + count(c, "unit"))).isZero();
        }
    }

    @Test
    void aFailingMigrationRollsBackAndLeavesTheFileUsable() throws IOException {
        Path scripts = Files.createDirectories(dir.resolve("scripts"));
        Files.writeString(scripts.resolve("V001__first.sql"), "CREATE TABLE a (x INTEGER) STRICT;\n");
        Files.writeString(scripts.resolve("V002__broken.sql"),
                "CREATE TABLE b (y INTEGER) STRICT;\nINSERT INTO a VALUES (7);\nTHIS IS NOT SQL;\n");
        Path file = dir.resolve("work.db");
        try (Database db = Database.open(file, 2)) {
            Migrator migrator = new Migrator(scripts);
            assertThat(migrator.latestVersion()).isEqualTo(2);
            assertThatThrownBy(() -> migrator.migrate(db)).isInstanceOf(StoreException.class);
            assertThat(db.userVersion()).isEqualTo(1);
            assertThat(db.<List<String>>inTransaction(DatabaseTest::tables)).containsExactly("a");
            assertThat(db.<Integer>inTransaction(c -> count(c, "a"))).isZero();
            db.inTransaction(c -> exec(c, "INSERT INTO a VALUES (1)"));
        }
        try (Database again = Database.open(file, 2)) {
            assertThat(again.userVersion()).isEqualTo(1);
            assertThat(again.<Integer>inTransaction(c -> count(c, "a"))).isEqualTo(1);
        }
    }

    @Test
    void anOlderNonEmptyDatabaseIsBackedUpBeforeMigrating() throws Exception {
        Path scripts = Files.createDirectories(dir.resolve("scripts"));
        Files.writeString(scripts.resolve("V001__first.sql"), "CREATE TABLE a (x INTEGER) STRICT;\n");
        Path file = dir.resolve("work.db");
        try (Database db = new Migrator(scripts).openAndMigrate(file)) {
            db.inTransaction(c -> exec(c, "INSERT INTO a VALUES (42)"));
        }
        assertThat(backups()).isEmpty();
        Files.writeString(scripts.resolve("V002__second.sql"), "ALTER TABLE a ADD COLUMN y TEXT;\n");

        Optional<Path> backup;
        try (Database db = Database.open(file, 2)) {
            backup = new Migrator(scripts).migrate(db);
            assertThat(db.userVersion()).isEqualTo(2);
        }

        assertThat(backup).isPresent();
        assertThat(backups()).containsExactly(backup.get());
        assertThat(backup.get().getFileName().toString()).matches("work-\\d{8}-\\d{6}-before-v2\\.db");
        try (Connection old = DriverManager.getConnection("jdbc:sqlite:" + backup.get())) {
            assertThat(pragma(old, "user_version")).isEqualTo(1);
            assertThat(count(old, "a")).isEqualTo(1);
            assertThat(tables(old)).containsExactly("a");
        }
    }

    @Test
    void aVersion1FileGetsTheCityFigureTableAfterABackupAndStillPassesTheStoreCheck() throws Exception {
        Migrator full = new Migrator();
        assertThat(full.latestVersion()).isGreaterThanOrEqualTo(2);
        assertThat(full.scripts().get(1).name()).isEqualTo("V002__city_figure.sql");
        Migrator onlyV1 = new Migrator(full.scripts().subList(0, 1), java.time.Clock.systemDefaultZone());
        Path file = dir.resolve("work.db");
        try (Database db = onlyV1.openAndMigrate(file)) {
            assertThat(db.userVersion()).isEqualTo(1);
            db.write("张三", c -> {
                exec(c, "INSERT INTO unit (code, name) VALUES ('331102', '莲都区')");
                return exec(c, "INSERT INTO period (code, year, kind, part) VALUES ('2025', 2025, 'YEAR', 1)");
            });
            assertThat(db.<List<String>>inTransaction(DatabaseTest::tables)).doesNotContain("city_figure");
        }

        Optional<Path> backup;
        try (Database db = Database.open(file, full.latestVersion())) {
            backup = full.migrate(db);
            assertThat(db.userVersion()).isEqualTo(full.latestVersion());
            assertThat(db.<List<String>>inTransaction(DatabaseTest::tables)).containsExactlyElementsOf(TABLES);
            assertThat(db.<List<org.sanlian.workbench.core.check.Issue>>read(
                    c -> StoreCheck.run(c, full.latestVersion()))).isEmpty();
            assertThat(db.<Integer>inTransaction(c -> count(c, "unit"))).isEqualTo(1);
            db.write("张三", c -> CityFigureRepository.upsert(c, org.sanlian.workbench.core.model.Period.year(2025),
                    "GDP", java.util.OptionalDouble.of(1000), "", "市统计局", "张三", "2026-01-01T00:00:00Z"));
            assertThat(db.<Integer>inTransaction(c -> count(c, "city_figure"))).isEqualTo(1);
        }
        assertThat(backup).isPresent();
        assertThat(backup.get().getFileName().toString()).matches("work-\\d{8}-\\d{6}-before-v2\\.db");
        try (Connection old = DriverManager.getConnection("jdbc:sqlite:" + backup.get())) {
            assertThat(pragma(old, "user_version")).isEqualTo(1);
            assertThat(tables(old)).doesNotContain("city_figure");
            assertThat(count(old, "unit")).isEqualTo(1);
        }
    }

    @Test
    void scriptsMustBeNumberedWithoutGaps() throws IOException {
        Path scripts = Files.createDirectories(dir.resolve("scripts"));
        Files.writeString(scripts.resolve("V001__first.sql"), "CREATE TABLE a (x INTEGER) STRICT;\n");
        Files.writeString(scripts.resolve("V003__third.sql"), "CREATE TABLE c (x INTEGER) STRICT;\n");
        assertThatThrownBy(() -> new Migrator(scripts)).isInstanceOf(IllegalStateException.class);
    }

    private List<Path> backups() throws IOException {
        if (!Files.isDirectory(dir.resolve("backups"))) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir.resolve("backups"))) {
            return files.toList();
        }
    }
}

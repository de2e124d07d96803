package org.sanlian.workbench.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sanlian.workbench.store.DatabaseTest.count;
import static org.sanlian.workbench.store.DatabaseTest.exec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanlian.workbench.core.check.Issue;
import org.sanlian.workbench.core.check.ValidationException;
import org.sanlian.workbench.core.model.BackupFile;

class BackupsTest {

    @TempDir
    Path dir;

    private final Migrator migrator = new Migrator();

    /** A clock that moves on by one minute each time it is read. */
    private static Clock ticking(Instant start) {
        return new Clock() {
            private Instant now = start;

            @Override
            public ZoneId getZone() {
                return ZoneId.of("Asia/Shanghai");
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public synchronized Instant instant() {
                now = now.plus(Duration.ofMinutes(1));
                return now;
            }
        };
    }

    @Test
    void aKilledBackupsLeftoverIsRemovedOnceStaleAndAYoungOneIsLeftToItsWriter() throws Exception {
        Path file = dir.resolve("work.db");
        Instant now = Instant.parse("2026-11-26T00:00:00Z");
        Path folder = dir.resolve("backups");
        Files.createDirectories(folder);
        Path stale = folder.resolve("work-20261125-090000-daily.db.part");
        Path young = folder.resolve("work-20261126-075950-manual.db.part");
        Path otherDatabase = folder.resolve("other-20261125-090000-daily.db.part");
        Path notOurs = folder.resolve("notes.part");
        for (Path p : List.of(stale, young, otherDatabase, notOurs)) {
            Files.writeString(p, "half a backup");
            Files.setLastModifiedTime(p, java.nio.file.attribute.FileTime.from(now.minus(Duration.ofHours(20))));
        }
        Files.setLastModifiedTime(young, java.nio.file.attribute.FileTime.from(now.minus(Duration.ofMinutes(10))));
        try (Database db = migrator.openAndMigrate(file)) {
            new Backups(file, 3, ticking(now)).take(db, "manual");
        }
        assertThat(stale).doesNotExist();
        assertThat(young).exists();
        assertThat(otherDatabase).exists(); // another database's backups are its own business
        assertThat(notOurs).exists();
    }

    @Test
    void onlyTheNewestBackupsAreKept() {
        Path file = dir.resolve("work.db");
        try (Database db = migrator.openAndMigrate(file)) {
            Backups backups = new Backups(file, 3, ticking(Instant.parse("2026-11-26T00:00:00Z")));
            for (int i = 0; i < 5; i++) {
                backups.take(db, "manual");
            }
            List<BackupFile> kept = backups.list();
            assertThat(kept).hasSize(3);
            assertThat(kept.get(0).takenAt()).isAfter(kept.get(1).takenAt());
            assertThat(kept.get(0).file().getParent()).isEqualTo(dir.resolve("backups"));
            assertThat(kept.get(0).file().getFileName().toString()).matches("work-20261126-08\\d{4}-manual\\.db");
        }
    }

    @Test
    void theDailyBackupIsTakenOncePerDay() {
        Path file = dir.resolve("work.db");
        try (Database db = migrator.openAndMigrate(file)) {
            Clock clock = ticking(Instant.parse("2026-11-26T01:00:00Z"));
            Backups backups = new Backups(file, 10, clock);
            assertThat(backups.takeDailyIfDue(db)).isPresent();
            assertThat(backups.takeDailyIfDue(db)).isEmpty();
            Backups nextDay = new Backups(file, 10, ticking(Instant.parse("2026-11-27T01:00:00Z")));
            assertThat(nextDay.takeDailyIfDue(db)).isPresent();
            assertThat(nextDay.list()).extracting(BackupFile::reason).containsExactly("daily", "daily");
        }
    }

    @Test
    void aBackupHoldsTheCommittedContentAndRestoreBringsItBack() {
        Path file = dir.resolve("work.db");
        try (Database db = migrator.openAndMigrate(file)) {
            db.write("tester", c -> exec(c, "INSERT INTO unit (code, name) VALUES ('331102', '莲都区')"));
            Backups backups = new Backups(file, 10, ticking(Instant.parse("2026-11-26T00:00:00Z")));
            BackupFile backup = backups.take(db, "manual");
            db.write("tester", c -> exec(c, "INSERT INTO unit (code, name) VALUES ('331121', '青田县')"));
            assertThat(db.<Integer>read(c -> count(c, "unit"))).isEqualTo(2);

            BackupFile safety = backups.restore(db, backup.file(), migrator.latestVersion());

            assertThat(db.<Integer>read(c -> count(c, "unit"))).isEqualTo(1);
            assertThat(safety.reason()).isEqualTo("before-restore");
            assertThat(db.<List<Issue>>read(c -> StoreCheck.run(c, migrator.latestVersion()))).isEmpty();
        }
        try (Database again = migrator.openAndMigrate(file)) {
            assertThat(again.<Integer>read(c -> count(c, "unit"))).isEqualTo(1);
        }
    }

    @Test
    void aDamagedOrForeignBackupIsRefusedAndNothingChanges() throws Exception {
        Path file = dir.resolve("work.db");
        Path notDb = Files.writeString(dir.resolve("notes.db"), "hello");
        try (Database db = migrator.openAndMigrate(file)) {
            db.write("tester", c -> exec(c, "INSERT INTO unit (code, name) VALUES ('331102', '莲都区')"));
            Backups backups = new Backups(file, 10, ticking(Instant.parse("2026-11-26T00:00:00Z")));
            assertThatThrownBy(() -> backups.restore(db, notDb, migrator.latestVersion()))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.issues())
                            .extracting(Issue::code).containsExactly("store.not-a-database"));
            assertThatThrownBy(() -> backups.restore(db, dir.resolve("absent.db"), migrator.latestVersion()))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.issues())
                            .extracting(Issue::code).containsExactly("store.backup-missing"));
            assertThat(backups.list()).isEmpty();
            assertThat(db.<Integer>read(c -> count(c, "unit"))).isEqualTo(1);
        }
    }
}

package org.sanlian.workbench.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sanlian.workbench.store.DatabaseTest.exec;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanlian.workbench.core.check.Issue;
import org.sanlian.workbench.core.model.Bulletin;
import org.sanlian.workbench.core.model.Observation;
import org.sanlian.workbench.core.model.Period;

/** db check: SQLite's checks and the store's invariants, and the audit the triggers keep. */
class StoreCheckTest {

    @TempDir
    Path dir;

    private Database db;
    private final Migrator migrator = new Migrator();

    @BeforeEach
    void open() {
        db = migrator.openAndMigrate(dir.resolve("work.db"));
        var scheme = org.sanlian.workbench.app.AssessmentFiles.defaultScheme();
        db.write("tester", c -> SchemeRepository.save(c, 2025, scheme,
                org.sanlian.workbench.io.scheme.SchemeWriter.toJson(scheme), db.now()));
    }

    @org.junit.jupiter.api.AfterEach
    void close() {
        db.close();
    }

    private List<Issue> check() {
        return db.read(c -> StoreCheck.run(c, migrator.latestVersion()));
    }

    private String unit() {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT code FROM unit ORDER BY id LIMIT 1");
                 ResultSet r = s.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        });
    }

    private void publish(String content) {
        Bulletin b = new Bulletin(0, "2025-1", LocalDate.of(2026, 1, 15), 2025, Period.year(2025),
                StoreCheck.contentHash(content), content, "tester", db.now());
        String unit = unit();
        db.write("tester", c -> BulletinRepository.add(c, b, List.of(new BulletinRepository.Row(unit, "甲", "Z",
                Optional.of(91.5), Optional.of(1), Optional.of(1), false, ""))));
    }

    private String content() {
        return "{\"rows\":[{\"unit\":\"" + unit() + "\",\"total\":91.5,\"rank\":1,\"zoneRank\":1,\"bottom\":0}]}";
    }

    @Test
    void aFreshStoreIsSound() {
        assertThat(check()).isEmpty();
    }

    @Test
    void aBulletinEditedBehindTheStoresBackIsFound() {
        publish(content());
        assertThat(check()).isEmpty();
        assertThatThrownBy(() -> db.write("tester", c -> exec(c, "UPDATE bulletin SET content = '{}'")))
                .hasMessageContaining("frozen");
        // someone with a SQLite tool drops the guard and edits the frozen rows
        db.write("intruder", c -> {
            exec(c, "DROP TRIGGER bulletin_frozen_update");
            exec(c, "DROP TRIGGER bulletin_row_frozen_update");
            exec(c, "UPDATE bulletin SET content = replace(content, '91.5', '99.5')");
            return exec(c, "UPDATE bulletin_row SET rank = 2");
        });
        assertThat(check()).extracting(Issue::code)
                .contains("store.check.bulletin-hash", "store.check.bulletin-rows");
    }

    @Test
    void zonesThatDisagreeWithTheSchemeTextAreFound() {
        db.write("intruder", c -> exec(c, "DELETE FROM zone_member WHERE unit_id = (SELECT min(unit_id) FROM zone_member)"));
        assertThat(check()).extracting(Issue::code).contains("store.check.zones");
    }

    @Test
    void everyFigureChangeIsAuditedWithWhoWhenOldAndNew() throws SQLException {
        String unit = unit();
        Period p = Period.year(2025);
        db.write("张三", c -> FigureRepository.upsert(c, List.of(new Observation(p, unit, "X1", OptionalDouble.of(5), "")),
                "a.csv", 0, "张三", db.now()));
        db.write("李四", c -> FigureRepository.upsert(c, List.of(new Observation(p, unit, "X1", OptionalDouble.of(6), "改")),
                "b.csv", 0, "李四", db.now()));
        db.write("李四", c -> FigureRepository.upsert(c, List.of(new Observation(p, unit, "X1", OptionalDouble.of(6), "改")),
                "b.csv", 0, "李四", db.now()));
        db.write("王五", c -> FigureRepository.delete(c, p, unit, "X1"));

        List<org.sanlian.workbench.core.model.AuditEntry> trail = db.read(c -> AuditRepository.list(c,
                new org.sanlian.workbench.core.model.AuditFilter(Optional.of(unit), Optional.of("2025"),
                        Optional.of("X1"), Optional.empty(), Optional.of("figure"), Optional.empty(), Optional.empty(),
                        0)));
        assertThat(trail).extracting(e -> e.operator() + " " + e.action())
                .containsExactly("张三 INSERT", "李四 UPDATE", "王五 DELETE");
        assertThat(trail.get(1).oldValue()).hasValue("{\"value\":5.0,\"note\":\"\",\"source\":\"a.csv\"}");
        assertThat(trail.get(1).newValue()).hasValue("{\"value\":6.0,\"note\":\"改\",\"source\":\"b.csv\"}");
        assertThat(trail.get(2).newValue()).isEmpty();
        assertThat(trail).allSatisfy(e -> assertThat(e.at()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z"));
        assertThatThrownBy(() -> db.write("x", (Connection c) -> exec(c, "DELETE FROM audit_log")))
                .hasMessageContaining("append-only");
    }
}

package org.sanlian.workbench.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sanlian.workbench.store.CoverageRepositoryTest.text;
import static org.sanlian.workbench.store.DatabaseTest.count;
import static org.sanlian.workbench.store.DatabaseTest.exec;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanlian.workbench.core.check.Issue;
import org.sanlian.workbench.core.check.ValidationException;
import org.sanlian.workbench.core.model.Interview;
import org.sanlian.workbench.core.model.InterviewStatus;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.store.CoverageRepositoryTest.AuditRow;

class InterviewRepositoryTest {

    static final Period Y2024 = Period.year(2024);
    static final Period Y2025 = Period.year(2025);
    static final Period H2025 = Period.parse("2025H1").orElseThrow();
    static final String T1 = "2026-01-10T08:00:00Z";
    static final String T2 = "2026-02-20T09:30:00Z";

    @TempDir
    Path dir;

    Database db;

    @BeforeEach
    void open() {
        db = new Migrator().openAndMigrate(dir.resolve("work.db"));
        db.write("tester", c -> {
            exec(c, "INSERT INTO unit (code, name) VALUES ('331102', '莲都区')");
            exec(c, "INSERT INTO unit (code, name) VALUES ('331121', '青田县')");
            exec(c, "INSERT INTO scheme (year, code, name, json, created_at, changed_at) "
                    + "VALUES (2025, 'LS2025', '2025 年方案', '{}', '" + T1 + "', '" + T1 + "')");
            long period = Keys.periodId(c, Y2025);
            try (PreparedStatement s = c.prepareStatement("INSERT INTO bulletin (number, published_on, scheme_id, "
                    + "period_id, content_hash, content, operator, created_at) VALUES ('丽三联〔2026〕3号', "
                    + "'2026-01-05', (SELECT id FROM scheme WHERE year = 2025), ?, ?, '{}', 'tester', ?)")) {
                s.setLong(1, period);
                s.setString(2, "0".repeat(64));
                s.setString(3, T1);
                s.executeUpdate();
            }
            return null;
        });
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void addedInterviewsListBackAcrossPeriodsOrderedByPeriodUnitAndId() {
        Interview full = new Interview(0, "331121", Y2025, Optional.of("丽三联〔2026〕3号"),
                Optional.of(LocalDate.of(2026, 1, 20)), "县长、分管副县长", "一季度完成整改",
                Optional.of(LocalDate.of(2026, 3, 31)), InterviewStatus.HELD);
        long a = add(full);
        long b = add(planned("331102", Y2025));
        long c = add(planned("331121", Y2024));
        long d = add(planned("331102", Y2025));
        long e = add(planned("331102", H2025));

        assertThat(List.of(a, b, c, d, e)).doesNotHaveDuplicates().allSatisfy(id -> assertThat(id).isPositive());
        List<Interview> all = list(Optional.empty(), Optional.empty());
        assertThat(all).extracting(Interview::id).containsExactly(c, b, d, a, e);
        assertThat(all.get(3)).isEqualTo(withId(full, a));
        assertThat(all.get(1)).isEqualTo(withId(planned("331102", Y2025), b));
        assertThat(list(Optional.of("331102"), Optional.empty())).extracting(Interview::id).containsExactly(b, d, e);
        assertThat(list(Optional.empty(), Optional.of(Y2025))).extracting(Interview::id).containsExactly(b, d, a);
        assertThat(list(Optional.of("331121"), Optional.of(Y2024))).extracting(Interview::id).containsExactly(c);
        assertThat(list(Optional.of("331121"), Optional.of(Period.year(2023)))).isEmpty();
        assertThat(query("SELECT held_on || ' ' || deadline || ' ' || operator || ' ' || changed_at FROM interview "
                + "WHERE id = " + a)).isEqualTo("2026-01-20 2026-03-31 张三 " + T1);
    }

    @Test
    void addingIsAuditedWithUnitAndPeriod() {
        int auditBefore = rows("audit_log");

        long id = add(planned("331102", Y2025));

        assertThat(auditAfter(auditBefore)).containsExactly(new AuditRow("interview", "INSERT", "张三", "331102",
                "2025", String.valueOf(id), null, "{\"held_on\":null,\"attendees\":\"\",\"plan\":\"\","
                + "\"deadline\":null,\"status\":\"PLANNED\"}"));
    }

    @Test
    void anUnknownBulletinOrUnitIsRefusedAndNothingIsWritten() {
        int auditBefore = rows("audit_log");
        int periodsBefore = rows("period");
        Interview unknownBulletin = new Interview(0, "331102", Y2024, Optional.of("丽三联〔2099〕1号"),
                Optional.empty(), "", "", Optional.empty(), InterviewStatus.PLANNED);

        assertThatThrownBy(() -> db.write("张三", c -> {
            InterviewRepository.add(c, planned("331121", Y2024), "张三", T1);
            return InterviewRepository.add(c, unknownBulletin, "张三", T1);
        })).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.issues()).extracting(Issue::code).containsExactly("store.unknown-bulletin");
            assertThat(e.issues().get(0).args()).containsExactly("丽三联〔2099〕1号");
        });
        assertThatThrownBy(() -> db.write("张三", c -> InterviewRepository.add(c, planned("339999", Y2025), "张三", T1)))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.issues()).extracting(Issue::code).containsExactly("store.unknown-unit");
                    assertThat(e.issues().get(0).args()).containsExactly("339999");
                });

        assertThat(rows("interview")).isZero();
        assertThat(rows("audit_log")).isEqualTo(auditBefore);
        assertThat(rows("period")).isEqualTo(periodsBefore);
    }

    @Test
    void updatingChangesTheFollowUpAndIsAuditedOnce() {
        long id = add(planned("331102", Y2025));
        int auditBefore = rows("audit_log");
        Interview held = new Interview(id, "331102", Y2025, Optional.empty(), Optional.of(LocalDate.of(2026, 2, 3)),
                "区长", "整改方案", Optional.of(LocalDate.of(2026, 6, 30)), InterviewStatus.RECTIFYING);

        db.write("李四", c -> {
            InterviewRepository.update(c, held, "李四", T2);
            return null;
        });

        assertThat(list(Optional.empty(), Optional.empty())).containsExactly(held);
        assertThat(auditAfter(auditBefore)).containsExactly(new AuditRow("interview", "UPDATE", "李四", "331102",
                "2025", String.valueOf(id),
                "{\"held_on\":null,\"attendees\":\"\",\"plan\":\"\",\"deadline\":null,\"status\":\"PLANNED\"}",
                "{\"held_on\":\"2026-02-03\",\"attendees\":\"区长\",\"plan\":\"整改方案\","
                        + "\"deadline\":\"2026-06-30\",\"status\":\"RECTIFYING\"}"));
        assertThat(query("SELECT operator || ' ' || changed_at FROM interview")).isEqualTo("李四 " + T2);

        db.write("王五", c -> {
            InterviewRepository.update(c, held, "王五", "2026-03-01T00:00:00Z");
            return null;
        });

        assertThat(rows("audit_log")).as("an unchanged update audits nothing").isEqualTo(auditBefore + 1);
        assertThat(query("SELECT operator || ' ' || changed_at FROM interview")).isEqualTo("李四 " + T2);
    }

    @Test
    void updatingAMissingInterviewOrMovingOneIsRefused() {
        long id = add(planned("331102", Y2025));
        int auditBefore = rows("audit_log");

        assertThatThrownBy(() -> db.write("李四", c -> {
            InterviewRepository.update(c, withId(planned("331102", Y2025), id + 100), "李四", T2);
            return null;
        })).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.issues()).extracting(Issue::code).containsExactly("store.unknown-interview");
            assertThat(e.issues().get(0).args()).containsExactly(String.valueOf(id + 100));
        });
        Interview moved = new Interview(id, "331121", Y2025, Optional.empty(), Optional.empty(), "", "改了",
                Optional.empty(), InterviewStatus.HELD);
        assertThatThrownBy(() -> db.write("李四", c -> {
            InterviewRepository.update(c, moved, "李四", T2);
            return null;
        })).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.issues()).extracting(Issue::code).containsExactly("store.interview-reassigned");
            assertThat(e.issues().get(0).args()).containsExactly(String.valueOf(id), "331102", "2025", "-");
        });
        Interview linked = new Interview(id, "331102", Y2025, Optional.of("丽三联〔2026〕3号"), Optional.empty(), "",
                "", Optional.empty(), InterviewStatus.PLANNED);
        assertThatThrownBy(() -> db.write("李四", c -> {
            InterviewRepository.update(c, linked, "李四", T2);
            return null;
        })).isInstanceOf(ValidationException.class);

        assertThat(list(Optional.empty(), Optional.empty())).containsExactly(withId(planned("331102", Y2025), id));
        assertThat(rows("audit_log")).isEqualTo(auditBefore);
    }

    @Test
    void deletingIsAuditedWithUnitAndPeriod() {
        long keep = add(planned("331121", Y2024));
        long gone = add(new Interview(0, "331102", Y2025, Optional.of("丽三联〔2026〕3号"), Optional.empty(), "",
                "", Optional.empty(), InterviewStatus.CANCELLED));
        int auditBefore = rows("audit_log");

        db.write("李四", c -> {
            InterviewRepository.delete(c, gone);
            return null;
        });

        assertThat(list(Optional.empty(), Optional.empty())).extracting(Interview::id).containsExactly(keep);
        assertThat(auditAfter(auditBefore)).containsExactly(new AuditRow("interview", "DELETE", "李四", "331102",
                "2025", String.valueOf(gone),
                "{\"held_on\":null,\"attendees\":\"\",\"plan\":\"\",\"deadline\":null,\"status\":\"CANCELLED\"}",
                null));
        assertThatThrownBy(() -> db.write("李四", c -> {
            InterviewRepository.delete(c, gone);
            return null;
        })).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.issues())
                .extracting(Issue::code).containsExactly("store.unknown-interview"));
        assertThat(rows("audit_log")).isEqualTo(auditBefore + 1);
    }

    static Interview planned(String unit, Period period) {
        return new Interview(0, unit, period, Optional.empty(), Optional.empty(), "", "", Optional.empty(),
                InterviewStatus.PLANNED);
    }

    static Interview withId(Interview i, long id) {
        return new Interview(id, i.unit(), i.period(), i.bulletin(), i.heldOn(), i.attendees(), i.plan(),
                i.deadline(), i.status());
    }

    long add(Interview i) {
        return db.<Long>write("张三", c -> InterviewRepository.add(c, i, "张三", T1));
    }

    List<Interview> list(Optional<String> unit, Optional<Period> period) {
        return db.<List<Interview>>read(c -> InterviewRepository.list(c, unit, period));
    }

    int rows(String table) {
        return db.<Integer>read(c -> count(c, table));
    }

    String query(String sql) {
        return db.<String>read(c -> text(c, sql));
    }

    List<AuditRow> auditAfter(int skip) {
        return db.<List<AuditRow>>read(c -> CoverageRepositoryTest.auditAfter(c, skip));
    }
}

package org.sanlian.workbench.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanlian.workbench.core.check.Issue;
import org.sanlian.workbench.core.check.ValidationException;
import org.sanlian.workbench.core.model.AuditEntry;
import org.sanlian.workbench.core.model.AuditFilter;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.model.Scheme;
import org.sanlian.workbench.core.model.StoredScheme;
import org.sanlian.workbench.core.model.Zone;
import org.sanlian.workbench.io.scheme.SchemeReader;
import org.sanlian.workbench.io.scheme.SchemeWriter;

/**
 * What the window's data screens write through app: the operator setting, an edited scheme kept as
 * the new version of its year (refused once published, kept as a copy in a new year instead), new
 * periods, a new database holding only the default scheme.
 */
class SchemeEditsAndPeriodsTest {

    @TempDir
    Path dir;

    private static List<AuditEntry> audit(WorkbenchDatabase db, String entity) {
        return db.audit(new AuditFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(entity), Optional.empty(), Optional.empty(), 0));
    }

    /** The scheme with unit {@code unit} moved from its zone to the end of zone {@code to}. */
    private static Scheme moved(Scheme s, String unit, String to) {
        List<Zone> zones = new ArrayList<>();
        for (Zone z : s.zones()) {
            List<String> members = new ArrayList<>(z.units());
            members.remove(unit);
            if (z.code().equals(to)) {
                members.add(unit);
            }
            zones.add(new Zone(z.code(), z.name(), members));
        }
        return s.withUnitsAndZones(s.units(), zones);
    }

    @Test
    void theOperatorIsASettingAndItsChangeIsAudited() {
        try (WorkbenchDatabase db = WorkbenchDatabase.openOrCreateDemo(dir.resolve("w.db"), "tester")) {
            assertThat(db.operator()).isEmpty();
            db.setOperator("  张三 ", "张三");
            assertThat(db.operator()).hasValue("张三");
            assertThat(db.defaultOperator()).isEqualTo("张三");
            db.setOperator("李四", "张三");
            List<AuditEntry> trail = audit(db, "setting");
            assertThat(trail).extracting(e -> e.action() + " " + e.operator() + " " + e.code().orElse(""))
                    .contains("INSERT 张三 operator", "UPDATE 张三 operator");
            assertThatThrownBy(() -> db.setOperator(" ", "张三"))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.issues())
                            .extracting(Issue::code).containsExactly("store.operator-blank"));
        }
    }

    @Test
    void anEditedSchemeIsKeptAsItsYearsNewVersionAndMirrorsItsZones() {
        try (WorkbenchDatabase db = WorkbenchDatabase.openOrCreateDemo(dir.resolve("w.db"), "tester")) {
            StoredScheme before = db.schemes().get(2);
            Scheme edited = moved(db.scheme(before), "331102", "Z2");

            Scheme kept = db.saveScheme(edited, 2025, "张三");

            StoredScheme after = db.schemes().get(2);
            assertThat(after.year()).isEqualTo(2025);
            assertThat(db.scheme(after).zones()).isEqualTo(kept.zones());
            assertThat(db.scheme(after).zoneByUnit().get("331102").code()).isEqualTo("Z2");
            assertThat(db.scheme(db.schemes().get(1)).zoneByUnit().get("331102").code()).isEqualTo("Z1");
            AuditEntry last = audit(db, "scheme").get(audit(db, "scheme").size() - 1);
            assertThat(last.action()).isEqualTo("UPDATE");
            assertThat(last.operator()).isEqualTo("张三");
            assertThat(last.period()).hasValue("2025");
            assertThat(last.oldValue()).hasValue(before.json());
            assertThat(last.newValue()).hasValue(after.json());
            assertThat(db.check()).isEmpty(); // the zone tables follow the JSON
            // the demo figures now rank 莲都区 among 生态发展类
            assertThat(new ScoringService().score(db.assessment(Period.year(2025), Optional.empty()),
                    Period.year(2025)).rows().stream().filter(r -> r.unit().code().equals("331102"))
                    .findFirst().orElseThrow().zone().code()).isEqualTo("Z2");
        }
    }

    @Test
    void anInvalidSchemeIsRefusedWithItsFieldPathsAndNothingIsWritten() {
        try (WorkbenchDatabase db = WorkbenchDatabase.openOrCreateDemo(dir.resolve("w.db"), "tester")) {
            Scheme s = db.scheme(db.schemes().get(2));
            Scheme unzoned = s.withUnitsAndZones(s.units(), List.of(s.zones().get(0)));
            int trail = db.audit(AuditFilter.any()).size();

            assertThatThrownBy(() -> db.saveScheme(unzoned, 2025, "张三"))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.issues())
                            .extracting(Issue::code).contains("scheme.unit-without-zone"));
            assertThat(db.audit(AuditFilter.any())).hasSize(trail);
        }
    }

    @Test
    void aPublishedYearRefusesTheEditWhichIsKeptAsACopyInANewYear() {
        try (WorkbenchDatabase db = WorkbenchDatabase.openOrCreateDemo(dir.resolve("w.db"), "tester")) {
            PublishService.publish(db, Period.year(2025), Optional.empty(), Optional.empty(), Optional.empty(),
                    "张三");
            assertThat(db.publishedSchemeYears()).containsExactly(2025);
            String published = db.schemes().get(2).json();
            Scheme edited = moved(db.scheme(db.schemes().get(2)), "331102", "Z2");

            assertThatThrownBy(() -> db.saveScheme(edited, 2025, "张三"))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.issues())
                            .extracting(Issue::code).containsExactly("store.scheme-published"));
            assertThat(db.schemes().get(2).json()).isEqualTo(published);

            db.copySchemeAs(2025, 2026, edited, "张三");
            StoredScheme copy = db.schemes().get(3);
            assertThat(copy.year()).isEqualTo(2026);
            assertThat(copy.copiedFrom()).hasValue(2025);
            assertThat(db.scheme(copy).zoneByUnit().get("331102").code()).isEqualTo("Z2");
            assertThat(db.schemes().get(2).json()).isEqualTo(published);
            assertThat(db.check()).isEmpty();
            assertThatThrownBy(() -> db.copySchemeAs(2025, 2026, edited, "张三"))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.issues())
                            .extracting(Issue::code).containsExactly("store.scheme-year-taken"));
        }
    }

    @Test
    void periodsAreListedWithTheirFiguresAndBulletinsAndCanBeAddedAhead() {
        try (WorkbenchDatabase db = WorkbenchDatabase.openOrCreateDemo(dir.resolve("w.db"), "tester")) {
            PublishService.publish(db, Period.year(2024), Optional.empty(), Optional.empty(), Optional.empty(),
                    "张三");
            db.addPeriod(Period.year(2026), "张三");

            assertThat(db.allPeriods()).extracting(Period::toString)
                    .containsExactly("2022", "2023", "2024", "2025", "2026");
            assertThat(db.periods()).extracting(Period::toString).containsExactly("2022", "2023", "2024", "2025");
            List<PeriodSummary> summaries = db.periodSummaries();
            PeriodSummary p2024 = summaries.get(2);
            assertThat(p2024.figures()).isPositive();
            assertThat(p2024.units()).isEqualTo(10);
            assertThat(p2024.bulletins()).containsExactly("2024-1");
            assertThat(summaries.get(3).published()).isFalse();
            assertThat(summaries.get(4).figures()).isZero();
            assertThatThrownBy(() -> db.addPeriod(Period.year(2026), "张三"))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.issues())
                            .extracting(Issue::code).containsExactly("store.period-exists"));
            assertThat(db.holdsDemoData()).isTrue();
        }
    }

    @Test
    void aNewDatabaseHoldsOnlyTheDefaultSchemeForTheYearAndItsOperator() {
        Path file = dir.resolve("new/office.db");
        try (WorkbenchDatabase db = WorkbenchDatabase.createWithDefaultScheme(file, 2026, "张三")) {
            assertThat(db.schemes()).extracting(StoredScheme::year).containsExactly(2026);
            assertThat(db.scheme(db.schemes().get(0))).isEqualTo(AssessmentFiles.defaultScheme());
            assertThat(db.allPeriods()).isEmpty();
            assertThat(db.operator()).hasValue("张三");
            assertThat(db.holdsDemoData()).isFalse();
            assertThat(db.audit(AuditFilter.any())).extracting(AuditEntry::operator).containsOnly("张三");
        }
        // an existing database is not overwritten, and stays
        assertThatThrownBy(() -> WorkbenchDatabase.createWithDefaultScheme(file, 2027, "张三"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.issues())
                        .extracting(Issue::code).containsExactly("store.not-empty"));
        assertThat(file).isRegularFile();
        try (WorkbenchDatabase db = WorkbenchDatabase.open(file)) {
            assertThat(db.schemes()).extracting(StoredScheme::year).containsExactly(2026);
        }
    }

    @Test
    void theSchemeRoundTripsThroughItsFileFormatUnchanged() {
        Scheme s = AssessmentFiles.defaultScheme();
        assertThat(SchemeReader.fromJson(SchemeWriter.toJson(s), "x")).isEqualTo(s);
    }
}

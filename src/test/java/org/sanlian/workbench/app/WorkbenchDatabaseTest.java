package org.sanlian.workbench.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanlian.workbench.ReadOnlyFile;
import org.sanlian.workbench.core.check.Issue;
import org.sanlian.workbench.core.check.ValidationException;
import org.sanlian.workbench.core.model.Bulletin;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.model.StoredScheme;
import org.sanlian.workbench.core.scoring.PeriodResult;
import org.sanlian.workbench.io.bulletin.BulletinContent;
import org.sanlian.workbench.store.SchemeRepository;

/** The demo database, scheme years, publication and the one-writer rule, through app. */
class WorkbenchDatabaseTest {

    @TempDir
    Path dir;

    @Test
    void theFirstStartHoldsTheDemoAndScoresAsTheDemoFiles() {
        Path file = dir.resolve("data/sanlian.db");
        try (WorkbenchDatabase db = WorkbenchDatabase.openOrCreateDemo(file, "tester")) {
            assertThat(db.schemes()).extracting(StoredScheme::year).containsExactly(2023, 2024, 2025);
            assertThat(db.schemes().get(2).copiedFrom()).hasValue(2024);
            assertThat(db.periods()).extracting(Period::toString).containsExactly("2022", "2023", "2024", "2025");
            Assessment fromDb = db.assessment(Period.year(2025), Optional.empty());
            assertThat(fromDb.simulated()).isTrue();
            ScoringService scoring = new ScoringService();
            PeriodResult expected = scoring.score(AssessmentFiles.demo(), Period.year(2025));
            PeriodResult actual = scoring.score(fromDb, Period.year(2025));
            assertThat(actual.rows()).extracting(r -> r.unit().code() + " " + r.total() + " " + r.rank())
                    .containsExactlyElementsOf(expected.rows().stream()
                            .map(r -> r.unit().code() + " " + r.total() + " " + r.rank()).toList());
            assertThat(db.check()).isEmpty();
        }
        try (WorkbenchDatabase again = WorkbenchDatabase.openOrCreateDemo(file, "tester")) {
            assertThat(again.schemes()).hasSize(3); // not filled twice
        }
    }

    @Test
    void aPeriodIsScoredByItsYearsSchemeElseTheLatestEarlierElseTheEarliest() {
        try (WorkbenchDatabase db = WorkbenchDatabase.openOrCreateDemo(dir.resolve("w.db"), "tester")) {
            assertThat(db.schemeFor(Period.year(2024), Optional.empty()).year()).isEqualTo(2024);
            assertThat(db.schemeFor(Period.year(2030), Optional.empty()).year()).isEqualTo(2025);
            assertThat(db.schemeFor(Period.year(2022), Optional.empty()).year()).isEqualTo(2023);
            assertThat(db.schemeFor(Period.year(2025), Optional.of(2023)).year()).isEqualTo(2023);
            assertThatThrownBy(() -> db.schemeFor(Period.year(2025), Optional.of(1999)))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.issues())
                            .extracting(Issue::code).containsExactly("store.no-scheme-for-year"));
        }
    }

    @Test
    void aPublishedBulletinKeepsItsContentAndFreezesItsScheme() {
        try (WorkbenchDatabase db = WorkbenchDatabase.openOrCreateDemo(dir.resolve("w.db"), "tester")) {
            Bulletin b = PublishService.publish(db, Period.year(2025), Optional.empty(), Optional.empty(),
                    Optional.empty(), "张三");
            assertThat(b.number()).isEqualTo("2025-1");
            assertThat(BulletinContent.field(b.content(), "results"))
                    .isEqualTo(csv(new ScoringService().score(db.assessment(Period.year(2025), Optional.empty()),
                            Period.year(2025))));
            assertThat(PublishService.list(db)).extracting(Bulletin::contentHash).containsExactly(b.contentHash());

            StoredScheme used = db.schemes().get(2);
            var changed = db.scheme(used).withTree(db.scheme(used).tree().subList(0, 2));
            assertThatThrownBy(() -> db.database().write("张三", c -> SchemeRepository.save(c, 2025, changed,
                    org.sanlian.workbench.io.scheme.SchemeWriter.toJson(changed), db.database().now())))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.issues())
                            .extracting(Issue::code).containsExactly("store.scheme-published"));
            assertThat(db.check()).isEmpty();
            Bulletin second = PublishService.publish(db, Period.year(2025), Optional.empty(), Optional.empty(),
                    Optional.empty(), "张三");
            assertThat(second.number()).isEqualTo("2025-2");
            assertThat(second.contentHash()).isNotEqualTo(b.contentHash()); // the number is part of the content
        }
    }

    @Test
    void aSchemeIsCopiedForwardAndAYearTakenIsRefused() {
        try (WorkbenchDatabase db = WorkbenchDatabase.openOrCreateDemo(dir.resolve("w.db"), "tester")) {
            db.copyScheme(2025, 2026, "张三");
            StoredScheme copy = db.schemes().get(3);
            assertThat(copy.year()).isEqualTo(2026);
            assertThat(copy.copiedFrom()).hasValue(2025);
            assertThat(copy.json()).isEqualTo(db.schemes().get(2).json());
            assertThat(db.audit(new org.sanlian.workbench.core.model.AuditFilter(Optional.empty(),
                    Optional.of("2026"), Optional.empty(), Optional.of("张三"), Optional.of("scheme"),
                    Optional.empty(), Optional.empty(), 0))).hasSize(1);
            assertThatThrownBy(() -> db.copyScheme(2024, 2026, "张三"))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.issues())
                            .extracting(Issue::code).containsExactly("store.scheme-year-taken"));
            assertThat(db.check()).isEmpty();
        }
    }

    @Test
    void aSecondOpenerReadsButIsRefusedWrites() {
        Path file = dir.resolve("w.db");
        try (WorkbenchDatabase first = WorkbenchDatabase.openOrCreateDemo(file, "tester");
             WorkbenchDatabase second = WorkbenchDatabase.open(file)) {
            assertThat(first.readOnly()).isFalse();
            assertThat(second.readOnly()).isTrue();
            assertThat(first.readOnlyReason()).isEqualTo(WorkbenchDatabase.ReadOnlyReason.NONE);
            assertThat(second.readOnlyReason()).isEqualTo(WorkbenchDatabase.ReadOnlyReason.HELD_BY_ANOTHER_PROCESS);
            assertThat(second.periods()).hasSize(4);
            assertThatThrownBy(() -> PublishService.publish(second, Period.year(2025), Optional.empty(),
                    Optional.empty(), Optional.empty(), "x"))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.issues())
                            .extracting(Issue::code).containsExactly("store.read-only"));
            assertThatThrownBy(() -> ImportService.importFiles(second, ImportService.Kind.DATA, List.of(file),
                    Optional.empty(), "x")).isInstanceOf(ValidationException.class);
        }
        try (WorkbenchDatabase after = WorkbenchDatabase.open(file)) {
            assertThat(after.readOnly()).isFalse(); // the lock went with the first opener
            assertThat(PublishService.list(after)).isEmpty();
        }
    }

    @Test
    void aReadOnlyFileReadsButIsRefusedWritesForItsOwnReason() throws Exception {
        Path file = dir.resolve("w.db");
        WorkbenchDatabase.openOrCreateDemo(file, "tester").close();
        byte[] before = Files.readAllBytes(file);
        try (ReadOnlyFile readOnly = ReadOnlyFile.of(file); WorkbenchDatabase db = WorkbenchDatabase.open(file)) {
            assertThat(db.readOnly()).isTrue();
            assertThat(db.readOnlyReason()).isEqualTo(WorkbenchDatabase.ReadOnlyReason.FILE_READ_ONLY);
            assertThat(db.periods()).hasSize(4);
            assertThat(db.check()).isEmpty();
            assertThat(db.dailyBackup()).as("no daily backup of a file that cannot change").isEmpty();
            assertThatThrownBy(db::requireWritable)
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.issues())
                            .extracting(Issue::code).containsExactly("store.file-read-only"));
            assertThatThrownBy(() -> PublishService.publish(db, Period.year(2025), Optional.empty(),
                    Optional.empty(), Optional.empty(), "x"))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.issues())
                            .extracting(Issue::code).containsExactly("store.file-read-only"));
            assertThatThrownBy(() -> db.setOperator("王五", "tester")).isInstanceOf(ValidationException.class);
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        try (WorkbenchDatabase again = WorkbenchDatabase.open(file)) {
            assertThat(again.readOnlyReason()).isEqualTo(WorkbenchDatabase.ReadOnlyReason.NONE);
        }
    }

    private static String csv(PeriodResult result) {
        try {
            java.io.StringWriter w = new java.io.StringWriter();
            org.sanlian.workbench.io.csv.ResultCsvWriter.writeResults(result, w);
            return w.toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

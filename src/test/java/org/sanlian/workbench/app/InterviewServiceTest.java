package org.sanlian.workbench.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanlian.workbench.core.check.Issue;
import org.sanlian.workbench.core.check.ValidationException;
import org.sanlian.workbench.core.model.AuditEntry;
import org.sanlian.workbench.core.model.AuditFilter;
import org.sanlian.workbench.core.model.Interview;
import org.sanlian.workbench.core.model.InterviewStatus;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.i18n.Messages;

/** Interviews kept, changed and removed on a temporary demo database, each audited under the operator. */
class InterviewServiceTest {

    private static final String LIANDU = "331102";
    private static final String QINGTIAN = "331121";
    private static final Period Y2024 = Period.year(2024);
    private static final Period Y2025 = Period.year(2025);

    @TempDir
    Path dir;

    private WorkbenchDatabase db;

    @BeforeAll
    static void chinese() {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
    }

    @BeforeEach
    void open() {
        db = WorkbenchDatabase.openOrCreateDemo(dir.resolve("w.db"), "tester");
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static Interview held(String unit, Period period, LocalDate on, LocalDate deadline) {
        return new Interview(0, unit, period, Optional.empty(), Optional.of(on), "市科技局 王某；副区长 李某",
                "加大研发投入", Optional.of(deadline), InterviewStatus.RECTIFYING);
    }

    private List<AuditEntry> trail() {
        return db.audit(new AuditFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("interview"), Optional.empty(), Optional.empty(), 0));
    }

    @Test
    void anAddedInterviewIsKeptAndAuditedUnderTheOperator() {
        Interview kept = InterviewService.add(db, held(LIANDU, Y2025, LocalDate.of(2026, 1, 10),
                LocalDate.of(2026, 6, 30)), "张三");

        assertThat(kept.id()).isPositive();
        assertThat(InterviewService.ofUnit(db, LIANDU)).containsExactly(kept);
        assertThat(trail()).singleElement().satisfies(e -> {
            assertThat(e.operator()).isEqualTo("张三");
            assertThat(e.action()).isEqualTo("INSERT");
            assertThat(e.unit()).hasValue(LIANDU);
            assertThat(e.period()).hasValue("2025");
            assertThat(e.newValue().orElseThrow()).contains("\"status\":\"RECTIFYING\"", "\"deadline\":\"2026-06-30\"");
        });
    }

    @Test
    void anEditChangesTheFollowUpAndAuditsOldAndNew() {
        Interview kept = InterviewService.add(db, held(LIANDU, Y2025, LocalDate.of(2026, 1, 10),
                LocalDate.of(2026, 6, 30)), "张三");
        Interview done = new Interview(kept.id(), LIANDU, Y2025, Optional.empty(), kept.heldOn(), kept.attendees(),
                kept.plan() + "，已完成", kept.deadline(), InterviewStatus.DONE);

        InterviewService.update(db, done, "李四");

        assertThat(InterviewService.ofUnit(db, LIANDU)).singleElement()
                .satisfies(i -> {
                    assertThat(i.status()).isEqualTo(InterviewStatus.DONE);
                    assertThat(i.plan()).isEqualTo("加大研发投入，已完成");
                });
        assertThat(trail()).extracting(AuditEntry::action, AuditEntry::operator)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("INSERT", "张三"),
                        org.assertj.core.groups.Tuple.tuple("UPDATE", "李四"));
        AuditEntry update = trail().stream().filter(e -> e.action().equals("UPDATE")).findFirst().orElseThrow();
        assertThat(update.oldValue().orElseThrow()).contains("RECTIFYING");
        assertThat(update.newValue().orElseThrow()).contains("DONE", "已完成");
    }

    @Test
    void aDeletedInterviewIsGoneAndItsDeletionAudited() {
        Interview kept = InterviewService.add(db, held(LIANDU, Y2025, LocalDate.of(2026, 1, 10),
                LocalDate.of(2026, 6, 30)), "张三");

        InterviewService.delete(db, kept.id(), "王五");

        assertThat(InterviewService.ofUnit(db, LIANDU)).isEmpty();
        assertThat(trail()).filteredOn(e -> e.action().equals("DELETE")).singleElement()
                .satisfies(e -> {
                    assertThat(e.operator()).isEqualTo("王五");
                    assertThat(e.code()).hasValue(Long.toString(kept.id()));
                });
    }

    @Test
    void aUnitsInterviewsOfEveryPeriodComeNewestFirstAndOtherUnitsStayOut() {
        Interview older = InterviewService.add(db, held(LIANDU, Y2024, LocalDate.of(2025, 1, 8),
                LocalDate.of(2025, 6, 30)), "张三");
        Interview planned = InterviewService.add(db, new Interview(0, LIANDU, Y2025, Optional.empty(), Optional.empty(),
                "", "", Optional.empty(), InterviewStatus.PLANNED), "张三");
        Interview newer = InterviewService.add(db, held(LIANDU, Y2025, LocalDate.of(2026, 1, 10),
                LocalDate.of(2026, 6, 30)), "张三");
        InterviewService.add(db, held(QINGTIAN, Y2025, LocalDate.of(2026, 1, 11), LocalDate.of(2026, 6, 30)), "张三");

        assertThat(InterviewService.ofUnit(db, LIANDU)).extracting(Interview::id)
                .containsExactly(newer.id(), planned.id(), older.id());
    }

    @Test
    void refusedInputSaysWhyAndLeavesNothing() {
        Interview backwards = held(LIANDU, Y2025, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 2, 1));
        Interview nobody = new Interview(0, LIANDU, Y2025, Optional.empty(), Optional.of(LocalDate.of(2026, 1, 10)),
                "  ", "", Optional.empty(), InterviewStatus.HELD);
        Interview noPlan = new Interview(0, LIANDU, Y2025, Optional.empty(), Optional.empty(), "王某", " ",
                Optional.empty(), InterviewStatus.RECTIFYING);

        assertThatThrownBy(() -> InterviewService.add(db, backwards, "张三")).isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(Messages.get().describe(((ValidationException) e).issues().get(0)))
                        .isEqualTo("331102 · 2025: 整改期限 2026-02-01 早于约谈日期 2026-03-01。整改期限应在约谈之后，请改正其中一个日期。"));
        assertThat(InterviewService.check(nobody)).extracting(Issue::code)
                .containsExactly("interview.attendees-needed");
        assertThat(InterviewService.check(noPlan)).extracting(Issue::code)
                .containsExactly("interview.held-date-needed", "interview.plan-needed", "interview.deadline-needed");
        assertThatThrownBy(() -> InterviewService.add(db, nobody, "张三")).isInstanceOf(ValidationException.class);

        // an edit that would break a kept record is refused too, and the kept one stays as it was
        Interview kept = InterviewService.add(db, held(LIANDU, Y2025, LocalDate.of(2026, 1, 10),
                LocalDate.of(2026, 6, 30)), "张三");
        Interview broken = new Interview(kept.id(), LIANDU, Y2025, Optional.empty(), kept.heldOn(), "", kept.plan(),
                kept.deadline(), InterviewStatus.DONE);
        assertThatThrownBy(() -> InterviewService.update(db, broken, "李四")).isInstanceOf(ValidationException.class);

        assertThat(InterviewService.ofUnit(db, LIANDU)).containsExactly(kept);
        assertThat(trail()).singleElement().satisfies(e -> assertThat(e.action()).isEqualTo("INSERT"));
    }

    @Test
    void aPlannedInterviewNeedsNothingYetButMayNotEndBeforeItStarts() {
        Interview bare = new Interview(0, LIANDU, Y2025, Optional.empty(), Optional.empty(), "", "",
                Optional.empty(), InterviewStatus.PLANNED);
        assertThat(InterviewService.check(bare)).isEmpty();
        assertThat(InterviewService.check(new Interview(0, LIANDU, Y2025, Optional.empty(),
                Optional.of(LocalDate.of(2026, 2, 1)), "", "", Optional.of(LocalDate.of(2026, 1, 31)),
                InterviewStatus.PLANNED))).extracting(Issue::code).containsExactly("interview.deadline-before-held");
    }

    @Test
    void anOpenInterviewPastItsDeadlineIsOverdueAndAClosedOneNever() {
        Interview open = held(LIANDU, Y2025, LocalDate.of(2026, 1, 10), LocalDate.of(2026, 6, 30));
        Interview done = new Interview(0, LIANDU, Y2025, Optional.empty(), open.heldOn(), open.attendees(), open.plan(),
                open.deadline(), InterviewStatus.DONE);
        LocalDate after = LocalDate.of(2026, 7, 1);

        assertThat(InterviewService.overdue(open, after)).isTrue();
        assertThat(InterviewService.overdue(open, LocalDate.of(2026, 6, 30))).isFalse();
        assertThat(InterviewService.overdue(done, after)).isFalse();
    }

    @Test
    void anInterviewLinksABulletinOfItsPeriodOnlyWhenOneIsPublished() {
        assertThat(InterviewService.bulletins(db, Y2025)).isEmpty();
        Interview linked = new Interview(0, LIANDU, Y2025, Optional.of("2025-1"), Optional.empty(), "", "",
                Optional.empty(), InterviewStatus.PLANNED);
        assertThatThrownBy(() -> InterviewService.add(db, linked, "张三")).isInstanceOf(ValidationException.class);
        assertThat(InterviewService.ofUnit(db, LIANDU)).isEmpty();
    }
}

package org.sanlian.workbench.ui.bottom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanlian.workbench.app.Assessment;
import org.sanlian.workbench.app.FigureEntryService;
import org.sanlian.workbench.app.InterviewService;
import org.sanlian.workbench.app.ScoringService;
import org.sanlian.workbench.app.WorkbenchDatabase;
import org.sanlian.workbench.core.bottom.Level;
import org.sanlian.workbench.core.model.AuditEntry;
import org.sanlian.workbench.core.model.AuditFilter;
import org.sanlian.workbench.core.model.Interview;
import org.sanlian.workbench.core.model.InterviewStatus;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.scoring.UnitResult;
import org.sanlian.workbench.i18n.Messages;
import org.sanlian.workbench.ui.common.CurrentThreadTaskExecutor;
import org.sanlian.workbench.ui.common.TaskExecutor;
import org.sanlian.workbench.ui.shell.Workspace;

/** The 末位约谈 view model on the demo database, without a toolkit: its work runs on the test's thread. */
class BottomViewModelTest {

    private static final Period Y2025 = Period.year(2025);
    private static final Period Y2024 = Period.year(2024);
    private static final String QINGTIAN = "331121";
    private static final String SONGYANG = "331124";
    private static final LocalDate TODAY = LocalDate.of(2026, 7, 1);

    /** Runs work on the calling thread and counts it. */
    private static final class Counting implements TaskExecutor {
        private final TaskExecutor inner = new CurrentThreadTaskExecutor();
        int runs;

        @Override
        public <T> void execute(Callable<T> work, Consumer<? super T> ok, Consumer<? super Throwable> failed) {
            runs++;
            inner.execute(work, ok, failed);
        }
    }

    /** Keeps work until the test runs it, in any order. */
    private static final class Held implements TaskExecutor {
        private final Deque<Runnable> waiting = new ArrayDeque<>();

        @Override
        public <T> void execute(Callable<T> work, Consumer<? super T> ok, Consumer<? super Throwable> failed) {
            waiting.add(() -> new CurrentThreadTaskExecutor().execute(work, ok, failed));
        }
    }

    @TempDir
    Path dir;

    private WorkbenchDatabase db;
    private Workspace workspace;
    private Counting executor;
    private BottomViewModel vm;

    @BeforeAll
    static void chinese() {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
    }

    @BeforeEach
    void open() {
        db = WorkbenchDatabase.openOrCreateDemo(dir.resolve("w.db"), "tester");
        workspace = new Workspace(new CurrentThreadTaskExecutor());
        workspace.attach(db, Workspace.Content.read(db), "张三");
        executor = new Counting();
        vm = new BottomViewModel(workspace, new ScoringService(), executor, () -> TODAY);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private BottomRow row(String unit) {
        return vm.rows().stream().filter(r -> r.unitCode().equals(unit)).findFirst().orElseThrow();
    }

    private static Interview rectifying(String unit, Period period, LocalDate deadline) {
        return rectifying(unit, period, LocalDate.of(2026, 1, 10), deadline);
    }

    private static Interview rectifying(String unit, Period period, LocalDate held, LocalDate deadline) {
        return new Interview(0, unit, period, Optional.empty(), Optional.of(held),
                "市科技局 王某；县长 李某", "补齐研发机构", Optional.of(deadline), InterviewStatus.RECTIFYING);
    }

    @Test
    void theChosenPeriodsEntriesAreListedWithTheirRulesAndLevelsInWords() {
        assertThat(vm.periodProperty().get()).isEqualTo(Y2025);
        assertThat(vm.busyProperty().get()).isFalse();
        List<String> listed = new ScoringService().score(db.assessment(Y2025, Optional.empty()), Y2025).rows().stream()
                .filter(UnitResult::listed).map(r -> r.unit().code()).toList();
        assertThat(vm.rows()).extracting(BottomRow::unitCode).containsExactlyElementsOf(listed);

        BottomRow qingtian = row(QINGTIAN);
        assertThat(qingtian.unitName()).isEqualTo("青田县");
        assertThat(qingtian.zoneName()).isEqualTo("跨越发展类");
        assertThat(qingtian.zoneRank()).isEqualTo(5);
        assertThat(qingtian.total()).isEqualTo("73.12");
        assertThat(qingtian.level()).isEqualTo(Level.ESCALATED);
        assertThat(BottomViewModel.levelText(qingtian.level())).isEqualTo("升级约谈");
        assertThat(qingtian.rules()).containsExactly("分区排名末1位", "某一维度全市末位（提醒）", "连续2期列入名单（升级约谈）");
        assertThat(qingtian.weakest()).hasSize(3).allSatisfy(w -> assertThat(w.searched()).isTrue());
        assertThat(vm.statusProperty().get())
                .isEqualTo("2025年：共 10 个单位，4 个列入末位约谈名单（约谈 0 个，升级约谈 2 个，提醒 2 个）");
        // a reminder is not searched for an escape: DIMENSION_LAST does not move with one figure's value
        assertThat(row(SONGYANG).weakest()).allSatisfy(w -> assertThat(w.searched()).isFalse());
        assertThat(BottomViewModel.weakText(row(SONGYANG).weakest().get(0)))
                .isEqualTo("省级领军型创新创业团队：0 个");
    }

    @Test
    void anEscapeMarginSaysTheValueThatTakesTheUnitOffAndThatValueDoes() {
        workspace.selectPeriod(Y2024);
        BottomRow songyang = row(SONGYANG);
        assertThat(songyang.rules()).contains("分区排名末1位");
        BottomRow.Weak teams = songyang.weakest().stream().filter(w -> w.code().equals("LEAD_TEAMS")).findFirst()
                .orElseThrow();
        assertThat(teams.integer()).isTrue();
        assertThat(BottomViewModel.weakText(teams)).isEqualTo("省级领军型创新创业团队：0 个，升至 1 个 可脱离名单（+1）");

        // the count shown, entered, takes 松阳县 off the zone's last place; one less keeps it there
        Assessment a = db.assessment(Y2024, Optional.empty());
        ScoringService scoring = new ScoringService();
        Assessment raised = new Assessment(a.scheme(), a.data().with(Y2024, SONGYANG, "LEAD_TEAMS", 1), a.targets(),
                a.simulated());
        assertThat(scoring.score(raised, Y2024).row(SONGYANG).orElseThrow().bottom().orElseThrow().rules())
                .doesNotContain("BOTTOM_N_PER_ZONE");
        assertThat(scoring.score(a, Y2024).row(SONGYANG).orElseThrow().bottom().orElseThrow().rules())
                .contains("BOTTOM_N_PER_ZONE");
    }

    @Test
    void weakTextRoundsTheTargetTheWayThatStillGetsTheUnitOff() {
        BottomRow.Weak share = new BottomRow.Weak("HT_SHARE", "高新占比", "%", OptionalDouble.of(40.7), true,
                OptionalDouble.of(57.171), true, false);
        BottomRow.Weak fewer = new BottomRow.Weak("NORD_1E", "无研发企业数", "家", OptionalDouble.of(9), true,
                OptionalDouble.of(6.4), false, true);
        BottomRow.Weak missing = new BottomRow.Weak("QIYOU", "覆盖率", "%", OptionalDouble.empty(), true,
                OptionalDouble.of(1.971), true, false);
        BottomRow.Weak none = new BottomRow.Weak("LVGU", "绿谷", "个", OptionalDouble.of(2), true,
                OptionalDouble.empty(), true, true);

        assertThat(BottomViewModel.weakText(share)).isEqualTo("高新占比：40.7 %，升至 57.18 % 可脱离名单（+16.48）");
        assertThat(BottomViewModel.weakText(fewer)).isEqualTo("无研发企业数：9 家，降至 6 家 可脱离名单（−3）");
        assertThat(BottomViewModel.weakText(missing)).isEqualTo("覆盖率：缺数，填报至少 1.98 % 可脱离名单");
        assertThat(BottomViewModel.weakText(none)).isEqualTo("绿谷：2 个（仅靠此项无法脱离名单）");
    }

    @Test
    void anAnswerForAPeriodNoLongerChosenIsDropped() {
        Held held = new Held();
        BottomViewModel slow = new BottomViewModel(workspace, new ScoringService(), held, () -> TODAY);
        assertThat(slow.busyProperty().get()).isTrue();
        workspace.selectPeriod(Y2024);
        assertThat(held.waiting).hasSize(2);

        held.waiting.removeLast().run(); // 2024, asked last, answers first
        List<String> of2024 = slow.rows().stream().map(BottomRow::unitCode).toList();
        assertThat(slow.periodProperty().get()).isEqualTo(Y2024);
        assertThat(slow.busyProperty().get()).isFalse();
        held.waiting.removeFirst().run(); // the stale 2025 answer
        while (!held.waiting.isEmpty()) {
            held.waiting.removeFirst().run(); // interviews of the chosen entry
        }
        assertThat(slow.periodProperty().get()).isEqualTo(Y2024);
        assertThat(slow.rows()).extracting(BottomRow::unitCode).containsExactlyElementsOf(of2024);
        assertThat(of2024).contains("331127"); // 景宁 is on the 2024 list by the 60-point line
    }

    @Test
    void anInterviewSavedFromTheScreenIsListedAuditedUnderTheOperatorWithoutRescoring() {
        vm.select(QINGTIAN);
        Interview draft = vm.newInterview().orElseThrow();
        assertThat(draft.unit()).isEqualTo(QINGTIAN);
        assertThat(draft.period()).isEqualTo(Y2025);
        long revision = workspace.state().revision();
        int runs = executor.runs;

        assertThat(vm.save(rectifying(QINGTIAN, Y2025, LocalDate.of(2026, 12, 31)))).isEmpty();

        assertThat(vm.interviews()).singleElement().satisfies(r -> {
            assertThat(r.interview().plan()).isEqualTo("补齐研发机构");
            assertThat(r.overdue()).isFalse();
        });
        assertThat(vm.noticeProperty().get()).isEqualTo("已保存 青田县 2025年 的约谈记录。");
        assertThat(workspace.state().revision()).isEqualTo(revision + 1);
        assertThat(executor.runs - runs).as("the write and the interviews read, no rescoring").isEqualTo(2);
        assertThat(db.audit(new AuditFilter(Optional.of(QINGTIAN), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of("interview"), Optional.empty(), Optional.empty(), 0)))
                .singleElement().satisfies(e -> {
                    assertThat(e.operator()).isEqualTo("张三");
                    assertThat(e.action()).isEqualTo("INSERT");
                });

        Interview kept = vm.interviews().get(0).interview();
        Interview done = new Interview(kept.id(), kept.unit(), kept.period(), kept.bulletin(), kept.heldOn(),
                kept.attendees(), kept.plan(), kept.deadline(), InterviewStatus.DONE);
        assertThat(vm.save(done)).isEmpty();
        assertThat(vm.interviews()).singleElement()
                .satisfies(r -> assertThat(r.interview().status()).isEqualTo(InterviewStatus.DONE));
        assertThat(vm.delete(done)).isEmpty();
        assertThat(vm.interviews()).isEmpty();
        assertThat(db.audit(AuditFilter.any())).filteredOn(e -> e.entity().equals("interview"))
                .extracting(AuditEntry::action).containsExactlyInAnyOrder("INSERT", "UPDATE", "DELETE");
    }

    @Test
    void theEntrysInterviewsOfEveryPeriodComeNewestFirstWithOpenOnesPastTheirDeadlineOverdue() {
        InterviewService.add(db, rectifying(QINGTIAN, Y2024, LocalDate.of(2025, 1, 8), LocalDate.of(2025, 6, 30)),
                "张三");
        Interview closed = rectifying(QINGTIAN, Y2025, LocalDate.of(2026, 3, 31));
        InterviewService.add(db, new Interview(0, QINGTIAN, Y2025, Optional.empty(), closed.heldOn(),
                closed.attendees(), closed.plan(), closed.deadline(), InterviewStatus.DONE), "张三");
        vm.select(SONGYANG);
        vm.select(QINGTIAN);

        assertThat(vm.interviews()).extracting(r -> r.interview().period(), BottomViewModel.InterviewRow::overdue)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Y2025, false),
                        org.assertj.core.groups.Tuple.tuple(Y2024, true));
        assertThat(vm.interviewsTitleProperty().get()).isEqualTo("青田县 的约谈记录（各考核期，新的在前）：1 条逾期未完成");
    }

    @Test
    void refusedInputIsSaidAndNothingIsWritten() {
        vm.select(QINGTIAN);
        Interview backwards = rectifying(QINGTIAN, Y2025, LocalDate.of(2026, 1, 1));
        Interview nobody = new Interview(0, QINGTIAN, Y2025, Optional.empty(), Optional.of(LocalDate.of(2026, 1, 10)),
                " ", "", Optional.empty(), InterviewStatus.HELD);

        assertThat(vm.save(backwards)).hasValue(
                "331121 · 2025: 整改期限 2026-01-01 早于约谈日期 2026-01-10。整改期限应在约谈之后，请改正其中一个日期。");
        assertThat(vm.save(nobody)).hasValue("331121 · 2025: 状态为已约谈、整改中或已整改时，须填写参加人员。");
        assertThat(vm.interviews()).isEmpty();
        assertThat(InterviewService.ofUnit(db, QINGTIAN)).isEmpty();
        assertThat(workspace.state().revision()).isZero();
    }

    @Test
    void aFigureWrittenOnAnotherScreenReloadsTheList() {
        ListChange change = ListChange.find(db, Y2025);
        assertThat(vm.rows()).extracting(BottomRow::unitCode).containsExactlyElementsOf(change.listedBefore());
        assertThat(vm.rows().stream().anyMatch(r -> r.unitCode().equals(change.unit()))).isNotEqualTo(change.enters());

        FigureEntryService.save(db, Y2025, List.of(new FigureEntryService.Change(change.unit(), change.code(),
                OptionalDouble.of(change.after()), "", "")), "张三");
        workspace.reload();

        assertThat(vm.rows()).extracting(BottomRow::unitCode).containsExactlyElementsOf(change.listedAfter());
        assertThat(vm.rows().stream().anyMatch(r -> r.unitCode().equals(change.unit()))).isEqualTo(change.enters());
    }

    @Test
    void aPeriodWithoutFiguresHasNoListAndSaysSo() {
        db.addPeriod(Period.year(2026), "tester");
        workspace.reload();
        workspace.selectPeriod(Period.year(2026));

        assertThat(vm.periodProperty().get()).isEqualTo(Period.year(2026));
        assertThat(vm.rows()).isEmpty();
        assertThat(vm.selectedProperty().get()).isNull();
        assertThat(vm.newInterview()).isEmpty();
        assertThat(vm.statusProperty().get()).isEqualTo("2026年 尚无数据，没有末位约谈名单。请先录入或导入数据。");
        assertThat(vm.errorProperty().get()).isEmpty();
    }
}

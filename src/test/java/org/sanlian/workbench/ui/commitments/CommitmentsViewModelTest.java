package org.sanlian.workbench.ui.commitments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanlian.workbench.app.Assessment;
import org.sanlian.workbench.app.ScoringService;
import org.sanlian.workbench.app.WorkbenchDatabase;
import org.sanlian.workbench.core.model.AuditEntry;
import org.sanlian.workbench.core.model.AuditFilter;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.scoring.PeriodResult;
import org.sanlian.workbench.i18n.Messages;
import org.sanlian.workbench.ui.common.CurrentThreadTaskExecutor;
import org.sanlian.workbench.ui.shell.Workspace;

/** The commitments view model on the demo database, without a toolkit: its work runs on the test's thread. */
class CommitmentsViewModelTest {

    private static final Period Y2025 = Period.year(2025);
    private static final String LIANDU = "331102";
    private static final String QINGTIAN = "331121";

    @TempDir
    Path dir;

    private WorkbenchDatabase db;
    private Workspace workspace;
    private CommitmentsViewModel vm;

    @BeforeAll
    static void chinese() {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
    }

    @BeforeEach
    void open() {
        db = WorkbenchDatabase.openOrCreateDemo(dir.resolve("w.db"), "tester");
        workspace = new Workspace(new CurrentThreadTaskExecutor());
        workspace.attach(db, Workspace.Content.read(db), "张三");
        vm = new CommitmentsViewModel(workspace, new CurrentThreadTaskExecutor(), new ScoringService());
    }

    @AfterEach
    void close() {
        db.close();
    }

    private List<AuditEntry> targetAudit() {
        return db.audit(new AuditFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("target"), Optional.empty(), Optional.empty(), 0));
    }

    private OptionalDouble kept(String unit, String code) {
        return db.assessment(Y2025, Optional.empty()).targets().value(Y2025, unit, code);
    }

    @Test
    void showsTheCommitmentIndicatorsAndTheKeptTargetsOfTheChosenPeriod() {
        assertThat(vm.sheet().period()).isEqualTo(Y2025);
        assertThat(vm.sheet().indicators()).extracting(i -> i.code())
                .containsExactly("HTE", "TECH_SME", "NEW_RI", "NEW_HTRD", "RD_INT", "LVGU", "LOCAL_LEADERS");
        assertThat(vm.sheet().units()).hasSize(10);
        assertThat(vm.targetText(LIANDU, "HTE")).isEqualTo("218");
        assertThat(vm.targetText(LIANDU, "RD_INT")).isEqualTo("2.95");
        assertThat(vm.summaryProperty().get()).startsWith("2025年（按 2025 年方案）：已填 70/70 个目标");

        workspace.selectPeriod(Period.year(2024));
        assertThat(vm.sheet().period()).isEqualTo(Period.year(2024));
    }

    @Test
    void keptPercentagesComeFromTheFiguresAsTheEngineScoresThem() {
        Assessment a = db.assessment(Y2025, Optional.empty());
        double hte = a.data().value(Y2025, LIANDU, "HTE").orElseThrow();
        double sme = a.data().value(Y2025, LIANDU, "TECH_SME").orElseThrow();
        double rdInt = a.data().value(Y2025, LIANDU, "RD_EXP").orElseThrow()
                / (a.data().value(Y2025, LIANDU, "GDP").orElseThrow() * 10000) * 100;

        assertThat(vm.actual(LIANDU, "HTE")).hasValue(hte);
        assertThat(vm.keeping(LIANDU, "HTE").orElseThrow().percent()).isCloseTo(hte / 218 * 100, within(1e-9));
        assertThat(vm.keeping(LIANDU, "HTE").orElseThrow().kept()).isEqualTo(hte >= 218);
        assertThat(vm.keeping(LIANDU, "TECH_SME").orElseThrow().percent()).isCloseTo(sme / 630 * 100, within(1e-9));
        assertThat(vm.keeping(LIANDU, "TECH_SME").orElseThrow().kept()).isFalse(); // 621 of 630
        assertThat(vm.keepingText(LIANDU, "TECH_SME")).isEqualTo("未完成 98.6%（实际 621）");

        // a derived indicator: the engine's value, the same as the results screen's detail
        assertThat(vm.actual(LIANDU, "RD_INT").getAsDouble()).isCloseTo(rdInt, within(1e-12));
        PeriodResult r = new ScoringService().score(a, Y2025);
        assertThat(r.row(LIANDU).orElseThrow().leaf("RD_INT").orElseThrow().value()).hasValue(
                vm.actual(LIANDU, "RD_INT").getAsDouble());
        assertThat(vm.keeping(LIANDU, "RD_INT").orElseThrow().percent()).isCloseTo(rdInt / 2.95 * 100, within(1e-9));

        // an edited target is compared at once
        assertThat(vm.type(LIANDU, "TECH_SME", "600")).isEmpty();
        assertThat(vm.keeping(LIANDU, "TECH_SME").orElseThrow().kept()).isTrue();
        assertThat(vm.keepingText(LIANDU, "TECH_SME")).isEqualTo("完成 103.5%（实际 621）");
    }

    @Test
    void typedTargetsAreReadLikeExcelAndInvalidOnesAreRefusedWithTheirReason() {
        assertThat(vm.type(LIANDU, "HTE", "２３０")).isEmpty();
        assertThat(vm.target(LIANDU, "HTE")).hasValue(230);
        assertThat(vm.type(LIANDU, "TECH_SME", "1,200")).isEmpty();
        assertThat(vm.target(LIANDU, "TECH_SME")).hasValue(1200);

        assertThat(vm.type(LIANDU, "HTE", "两百")).hasValueSatisfying(r -> assertThat(r)
                .startsWith("莲都区 · 国家高新技术企业数: “两百”不是数字"));
        assertThat(vm.type(LIANDU, "HTE", "230.5")).hasValue(
                "莲都区 · 国家高新技术企业数: “国家高新技术企业数”是计数，目标只能是整数，而此处为 230.5。请改为整数。");
        assertThat(vm.type(LIANDU, "RD_INT", "0")).hasValueSatisfying(r -> assertThat(r)
                .contains("按目标完成率计分，目标不能为 0"));
        assertThat(vm.type(LIANDU, "LVGU", "-3")).hasValueSatisfying(r -> assertThat(r).contains("是负数"));
        assertThat(vm.problemsProperty().get()).contains("是负数");
        assertThat(vm.target(LIANDU, "HTE")).hasValue(230); // refused text changed nothing
        assertThat(vm.target(LIANDU, "RD_INT")).hasValue(2.95);

        assertThat(vm.type(LIANDU, "LVGU", "")).isEmpty(); // blank: no target
        assertThat(vm.target(LIANDU, "LVGU")).isEmpty();
        assertThat(vm.problemsProperty().get()).isEmpty();
    }

    @Test
    void aPastedBlockIsOneUndoStepAndItsBadCellsAreListed() {
        String block = "250\t700\n60\t二百\t2\r\n70\t300\n";
        List<String> refused = vm.paste(LIANDU, "HTE", block);

        assertThat(vm.target(LIANDU, "HTE")).hasValue(250);
        assertThat(vm.target(LIANDU, "TECH_SME")).hasValue(700);
        assertThat(vm.target(QINGTIAN, "HTE")).hasValue(60);
        assertThat(vm.target(QINGTIAN, "NEW_RI")).hasValue(2);
        assertThat(vm.target("331122", "TECH_SME")).hasValue(300);
        assertThat(refused).containsExactly("青田县 · 省级科技型中小企业数: “二百”不是数字，不能作为“省级科技型中小企业数”的目标。"
                + "请填写如 120 或 2.5 的数值（可用全角数字和千位分隔符），留空表示没有目标。");
        assertThat(vm.problemsProperty().get()).startsWith("已粘贴 6 个单元格；1 处未采用：\n青田县 · 省级科技型中小企业数");
        assertThat(vm.target(QINGTIAN, "TECH_SME")).isEqualTo(kept(QINGTIAN, "TECH_SME"));

        vm.undo();
        assertThat(vm.target(LIANDU, "HTE")).hasValue(218);
        assertThat(vm.target("331122", "TECH_SME")).isEqualTo(kept("331122", "TECH_SME"));
        assertThat(vm.isDirty()).isFalse();
        vm.redo();
        assertThat(vm.target(LIANDU, "HTE")).hasValue(250);
        assertThat(vm.isDirty()).isTrue();

        // past the grid's last column and last unit
        List<String> outside = vm.paste("331181", "LOCAL_LEADERS", "3\t4\n5\t6\n7\t8\n");
        assertThat(vm.target("331181", "LOCAL_LEADERS")).hasValue(3);
        assertThat(vm.target("331191", "LOCAL_LEADERS")).hasValue(5);
        assertThat(outside).containsExactly("另有 4 个单元格超出表格（单位或指标不够），未粘贴。请从更靠上、靠左的单元格开始粘贴，或少复制几行几列。");
    }

    @Test
    void savingWritesTheChangedTargetsInOneAuditedTransactionAndReadsThemBack() {
        int before = targetAudit().size();
        vm.type(LIANDU, "HTE", "240");
        vm.type(QINGTIAN, "LVGU", "");
        vm.undo();
        vm.redo();
        assertThat(vm.isDirty()).isTrue();

        boolean[] saved = new boolean[1];
        vm.save(() -> saved[0] = true);

        assertThat(saved[0]).isTrue();
        assertThat(vm.isDirty()).isFalse();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.noticeProperty().get()).isEqualTo("已保存 2025年 的公开承诺和分区目标，2 个目标有变化（操作人：张三）。");
        assertThat(kept(LIANDU, "HTE")).hasValue(240);
        assertThat(kept(QINGTIAN, "LVGU")).isEmpty();
        List<AuditEntry> trail = targetAudit().subList(before, targetAudit().size());
        assertThat(trail).extracting(AuditEntry::action).containsExactlyInAnyOrder("UPDATE", "DELETE");
        assertThat(trail).extracting(AuditEntry::operator).containsOnly("张三");
        assertThat(trail).extracting(e -> e.unit().orElse("")).containsExactlyInAnyOrder(LIANDU, QINGTIAN);
        assertThat(workspace.state().revision()).isEqualTo(1);

        // read back by a fresh model: what was saved is shown
        CommitmentsViewModel again = new CommitmentsViewModel(workspace, new CurrentThreadTaskExecutor(),
                new ScoringService());
        assertThat(again.targetText(LIANDU, "HTE")).isEqualTo("240");
        assertThat(again.targetText(QINGTIAN, "LVGU")).isEmpty();
        assertThat(db.check()).isEmpty();
    }

    @Test
    void carryOverFillsTheEmptyCellsOfANewPeriodWithLastPeriodsTargetsAsOneUndoStep() {
        Period y2026 = Period.year(2026);
        db.addPeriod(y2026, "tester");
        workspace.reload(() -> { });
        workspace.selectPeriod(y2026);
        assertThat(vm.sheet().period()).isEqualTo(y2026);
        assertThat(vm.grid().targets()).isEmpty();
        assertThat(vm.earlierPeriod()).hasValue(Y2025);
        assertThat(vm.type(LIANDU, "HTE", "230")).isEmpty(); // typed before: stays
        assertThat(vm.canCarryOverProperty().get()).isTrue();
        assertThat(vm.carryOverTipProperty().get())
                .isEqualTo("把 2025年 的目标填入本表的 73 个空格，已填的目标不变；作为一步，可撤销；按“保存”后才写入。");
        int before = targetAudit().size();

        assertThat(vm.carryOver()).isEmpty();
        assertThat(vm.target(LIANDU, "HTE")).hasValue(230);
        assertThat(vm.target(LIANDU, "TECH_SME")).hasValue(630);
        assertThat(vm.target(LIANDU, "RD_INT")).hasValue(2.95);
        assertThat(vm.target(QINGTIAN, "HTE")).hasValue(68);
        assertThat(vm.grid().targets()).hasSize(74); // 70 commitments and 4 zone targets
        assertThat(vm.noticeProperty().get()).isEqualTo("已从 2025年 沿用 73 个目标填入空格，尚未保存。请按本期的承诺修改后按“保存”。");
        assertThat(vm.problemsProperty().get()).isEmpty();
        assertThat(vm.canCarryOverProperty().get()).isFalse();
        assertThat(db.assessment(y2026, Optional.empty()).targets().value(y2026, QINGTIAN, "HTE")).isEmpty();
        assertThat(targetAudit()).hasSize(before);

        vm.undo();
        assertThat(vm.grid().targets()).containsOnlyKeys(new org.sanlian.workbench.app.CommitmentService.Key(LIANDU, "HTE"));
        assertThat(vm.canCarryOverProperty().get()).isTrue();
        vm.redo();
        vm.type(QINGTIAN, "HTE", "75");
        vm.save(() -> { });

        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.isDirty()).isFalse();
        assertThat(vm.noticeProperty().get()).isEqualTo("已保存 2026年 的公开承诺和分区目标，74 个目标有变化（操作人：张三）。");
        var kept = db.assessment(y2026, Optional.empty()).targets();
        assertThat(kept.value(y2026, LIANDU, "HTE")).hasValue(230);
        assertThat(kept.value(y2026, LIANDU, "TECH_SME")).hasValue(630);
        assertThat(kept.value(y2026, QINGTIAN, "HTE")).hasValue(75);
        assertThat(kept.value(y2026, QINGTIAN, "LVGU")).hasValue(5);
        List<AuditEntry> trail = targetAudit().subList(before, targetAudit().size());
        assertThat(trail).hasSize(74).allSatisfy(e -> {
            assertThat(e.operator()).isEqualTo("张三");
            assertThat(e.action()).isEqualTo("INSERT");
            assertThat(e.period()).hasValue("2026");
        });
        assertThat(kept(LIANDU, "HTE")).hasValue(218); // 2025 as it was
        assertThat(db.check()).isEmpty();
    }

    @Test
    void carryOverTakesOnlyEmptyCellsAndIsDisabledWhenNothingIsLeftOrNothingIsEarlier() {
        // 2025 has every target: nothing to fill
        assertThat(vm.earlierPeriod()).hasValue(Period.year(2024));
        assertThat(vm.canCarryOverProperty().get()).isFalse();
        assertThat(vm.carryOverTipProperty().get())
                .isEqualTo("不能沿用：2024年 有目标的格，本期都已有目标（已填的目标不会被覆盖）。");

        vm.type(LIANDU, "HTE", "");
        vm.type(QINGTIAN, "LVGU", "");
        vm.type(QINGTIAN, "HTE", "70");
        assertThat(vm.canCarryOverProperty().get()).isTrue();
        assertThat(vm.carryOver()).isEmpty();
        assertThat(vm.target(LIANDU, "HTE")).hasValue(195); // 2024's
        assertThat(vm.target(QINGTIAN, "LVGU")).hasValue(5);
        assertThat(vm.target(QINGTIAN, "HTE")).hasValue(70); // typed: not overwritten by 2024's 62
        assertThat(vm.target(LIANDU, "TECH_SME")).hasValue(630); // kept: not overwritten by 2024's 558
        vm.undo();
        assertThat(vm.target(LIANDU, "HTE")).isEmpty();
        assertThat(vm.target(QINGTIAN, "HTE")).hasValue(70);

        // the earliest period has nothing before it
        workspace.selectPeriod(Period.year(2022));
        assertThat(vm.sheet().period()).isEqualTo(Period.year(2022));
        assertThat(vm.earlierPeriod()).isEmpty();
        assertThat(vm.canCarryOverProperty().get()).isFalse();
        assertThat(vm.carryOverTipProperty().get()).isEqualTo("不能沿用：2022年 之前没有同类考核期填过这些指标的目标。");
        assertThat(vm.carryOver()).hasValue("不能沿用：2022年 之前没有同类考核期填过这些指标的目标。");
    }
}

package org.sanlian.workbench.ui.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanlian.workbench.app.FigureEntryService;
import org.sanlian.workbench.app.WorkbenchDatabase;
import org.sanlian.workbench.core.model.AuditFilter;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.i18n.Messages;
import org.sanlian.workbench.ui.common.CurrentThreadTaskExecutor;
import org.sanlian.workbench.ui.shell.Workspace;

/** The 审计日志 view model on the demo database, without a toolkit: its work runs on the test's thread. */
class AuditViewModelTest {

    private static final String LIANDU = "331102";
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path dir;

    private WorkbenchDatabase db;
    private Workspace workspace;
    private AuditViewModel vm;

    @BeforeAll
    static void chinese() {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
    }

    @BeforeEach
    void open() {
        db = WorkbenchDatabase.openOrCreateDemo(dir.resolve("w.db"), "tester");
        workspace = new Workspace(new CurrentThreadTaskExecutor());
        workspace.attach(db, Workspace.Content.read(db), "张三");
        vm = new AuditViewModel(workspace, new CurrentThreadTaskExecutor(), SHANGHAI);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void change(String unit, String code, double value, String note, String source) {
        FigureEntryService.save(db, Period.year(2025),
                List.of(new FigureEntryService.Change(unit, code, OptionalDouble.of(value), note, source)), "张三");
        workspace.reload();
    }

    @Test
    void theNewestPageIsShownFirstAndMoreAddsAnother() {
        long total = db.auditCount(AuditFilter.any());
        assertThat(total).isGreaterThan(2L * AuditViewModel.PAGE);

        assertThat(vm.rows()).hasSize(AuditViewModel.PAGE);
        assertThat(vm.summaryProperty().get()).isEqualTo("显示最新 200 条，共 " + String.format(Locale.ROOT, "%,d", total)
                + " 条符合条件（点击“更多”继续显示）");
        assertThat(vm.canMoreProperty().get()).isTrue();
        List<String> times = vm.rows().stream().map(AuditRow::time).toList();
        assertThat(times).isSortedAccordingTo(java.util.Comparator.reverseOrder());

        vm.more();
        assertThat(vm.rows()).hasSize(2 * AuditViewModel.PAGE);
        assertThat(vm.summaryProperty().get()).startsWith("显示最新 400 条，");
        assertThat(vm.rows().stream().map(AuditRow::time).toList()).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void aChangeIsShownAtTheTopAndTheFiltersShowExactlyItsUnitAndCode() {
        change(LIANDU, "HTE", 141, "快报", "统计局");

        // another screen wrote: the revision moved, the lines were read again
        AuditRow top = vm.rows().get(0);
        assertThat(top.kind()).isEqualTo("指标数据");
        assertThat(top.action()).isEqualTo("修改");
        assertThat(top.operator()).isEqualTo("张三");
        assertThat(top.newValue()).isEqualTo("141");
        assertThat(top.note()).isEqualTo("快报 · 来源：统计局");
        assertThat(top.unitText()).isEqualTo("莲都区 331102");

        vm.unitProperty().set(LIANDU);
        vm.codeProperty().set(" HTE ");
        vm.apply();
        assertThat(vm.rows()).isNotEmpty().allSatisfy(r -> {
            assertThat(r.unit()).isEqualTo(LIANDU);
            assertThat(r.code()).isEqualTo("HTE");
        });
        long expected = db.audit(new AuditFilter(java.util.Optional.of(LIANDU), java.util.Optional.empty(),
                java.util.Optional.of("HTE"), java.util.Optional.empty(), java.util.Optional.empty(),
                java.util.Optional.empty(), java.util.Optional.empty(), 0)).size();
        assertThat(vm.rows()).hasSize((int) expected);
        assertThat(vm.rows()).filteredOn(r -> r.action().equals("修改")).singleElement()
                .satisfies(r -> assertThat(r.newValue()).isEqualTo("141"));
        assertThat(vm.summaryProperty().get()).isEqualTo("共 " + expected + " 条符合条件，已全部显示");
        assertThat(vm.canMoreProperty().get()).isFalse();
    }

    @Test
    void operatorTextAndDaysNarrowTheLines() {
        change(LIANDU, "HTE", 141, "更正口径", "");
        change("331121", "GDP", 402, "", "");

        vm.operatorProperty().set("张三");
        vm.apply();
        assertThat(vm.rows()).hasSize(2).extracting(AuditRow::unit).containsExactly("331121", LIANDU);

        vm.textProperty().set("更正口径");
        vm.apply();
        assertThat(vm.rows()).singleElement().extracting(AuditRow::code).isEqualTo("HTE");

        vm.clearFilters();
        LocalDate today = LocalDate.now(SHANGHAI);
        vm.fromProperty().set(today.plusDays(1));
        vm.apply();
        assertThat(vm.rows()).isEmpty();
        assertThat(vm.summaryProperty().get()).isEqualTo("共 0 条符合条件，已全部显示");
        assertThat(vm.canExportProperty().get()).isFalse();

        vm.fromProperty().set(today);
        vm.toProperty().set(today);
        vm.operatorProperty().set("张三");
        vm.apply();
        assertThat(vm.rows()).hasSize(2);
        vm.toProperty().set(today.minusDays(1));
        vm.apply();
        assertThat(vm.rows()).isEmpty();
    }

    @Test
    void theExportHoldsEveryLineThatPassesNotOnlyThoseShown() throws Exception {
        long total = db.auditCount(AuditFilter.any());
        Path file = dir.resolve("out/audit.csv");

        vm.exportTo(file);

        assertThat(vm.errorProperty().get()).isEmpty();
        // every line, as db audit writes it (values may hold line breaks, so compare the whole text)
        java.io.StringWriter all = new java.io.StringWriter();
        org.sanlian.workbench.app.ResultFiles.writeAudit(db.audit(AuditFilter.any()), all);
        assertThat(Files.readString(file)).isEqualTo(all.toString());
        assertThat(db.audit(AuditFilter.any())).hasSize((int) total);
        assertThat(vm.noticeProperty().get()).startsWith("已将符合条件的 " + String.format(Locale.ROOT, "%,d", total) + " 条记录导出到 ");

        vm.unitProperty().set(LIANDU);
        vm.codeProperty().set("HTE");
        vm.apply();
        vm.exportTo(file);
        List<String> filtered = Files.readAllLines(file);
        assertThat(filtered).hasSize(vm.rows().size() + 1);
        assertThat(filtered.subList(1, filtered.size())).allSatisfy(l -> assertThat(l).contains("," + LIANDU + ",").contains(",HTE,"));
    }

    /** Holds the work asked for until the test runs it, as the window's background thread would. */
    private static final class HeldExecutor implements org.sanlian.workbench.ui.common.TaskExecutor {
        final List<Runnable> held = new java.util.ArrayList<>();

        @Override
        public <T> void execute(java.util.concurrent.Callable<T> work, java.util.function.Consumer<? super T> onSuccess,
                                java.util.function.Consumer<? super Throwable> onFailure) {
            held.add(() -> new CurrentThreadTaskExecutor().execute(work, onSuccess, onFailure));
        }

        void runAll() {
            List<Runnable> now = List.copyOf(held);
            held.clear();
            now.forEach(Runnable::run);
        }
    }

    @Test
    void aCancelledSearchLeavesTheTableAsItWasAndANewerSearchWins() {
        HeldExecutor held = new HeldExecutor();
        AuditViewModel slow = new AuditViewModel(workspace, held, SHANGHAI);
        held.runAll();
        assertThat(slow.rows()).hasSize(AuditViewModel.PAGE);

        slow.unitProperty().set(LIANDU);
        slow.apply();
        assertThat(slow.searchingProperty().get()).isTrue();
        slow.cancel();
        assertThat(slow.searchingProperty().get()).isFalse();
        assertThat(slow.noticeProperty().get()).isEqualTo("已取消查询，表中仍是上一次的结果。");
        held.runAll();
        assertThat(slow.rows()).hasSize(AuditViewModel.PAGE)
                .anySatisfy(r -> assertThat(r.unit()).isNotEqualTo(LIANDU));

        // two searches in a row: only the last one's answer is shown
        slow.codeProperty().set("HTE");
        slow.apply();
        slow.unitProperty().set("");
        slow.codeProperty().set("GDP");
        slow.apply();
        held.runAll();
        assertThat(slow.rows()).isNotEmpty().allSatisfy(r -> assertThat(r.code()).isEqualTo("GDP"));
    }

    @Test
    void aLineIsShownInWords() {
        assertThat(AuditRow.kind("city_figure")).isEqualTo("全市数");
        assertThat(AuditRow.kind("something_new")).isEqualTo("something_new");
        assertThat(AuditRow.action("DELETE")).isEqualTo("删除");
        assertThat(AuditRow.value(AuditRow.fields("{\"value\":12.0,\"note\":\"a\",\"source\":\"b\"}"))).isEqualTo("12");
        assertThat(AuditRow.value(AuditRow.fields("{\"value\":null,\"note\":\"\"}"))).isEmpty();
        assertThat(AuditRow.value(AuditRow.fields("{\"item\":3,\"covered\":1,\"evidence\":\"文件\\\"甲\\\"\"}")))
                .isEqualTo("item=3, covered=1, evidence=文件\"甲\"");
        assertThat(AuditRow.value(AuditRow.fields("not json"))).isEqualTo("not json");
        assertThat(AuditRow.localTime("2026-11-27T05:13:36Z", SHANGHAI)).isEqualTo("2026-11-27 13:13:36");
    }
}

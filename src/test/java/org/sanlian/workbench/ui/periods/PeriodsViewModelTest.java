package org.sanlian.workbench.ui.periods;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanlian.workbench.app.PeriodSummary;
import org.sanlian.workbench.app.PublishService;
import org.sanlian.workbench.app.WorkbenchDatabase;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.model.PeriodKind;
import org.sanlian.workbench.core.model.StoredScheme;
import org.sanlian.workbench.i18n.Messages;
import org.sanlian.workbench.ui.common.CurrentThreadTaskExecutor;
import org.sanlian.workbench.ui.shell.Workspace;

/** The periods view model on the demo database, without a toolkit. */
class PeriodsViewModelTest {

    @TempDir
    Path dir;

    private WorkbenchDatabase db;
    private Workspace workspace;
    private PeriodsViewModel vm;

    @BeforeAll
    static void chinese() {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
    }

    @BeforeEach
    void open() {
        db = WorkbenchDatabase.openOrCreateDemo(dir.resolve("w.db"), "tester");
        PublishService.publish(db, Period.year(2024), Optional.empty(), Optional.empty(), Optional.empty(), "张三");
        workspace = new Workspace(new CurrentThreadTaskExecutor());
        workspace.attach(db, Workspace.Content.read(db), "张三");
        vm = new PeriodsViewModel(workspace, new CurrentThreadTaskExecutor());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void listsThePeriodsWithTheirFiguresAndBulletinsAndTheSchemesByYear() {
        assertThat(vm.periods()).extracting(p -> p.period().toString()).containsExactly("2022", "2023", "2024", "2025");
        PeriodSummary p2024 = vm.periods().get(2);
        assertThat(p2024.bulletins()).containsExactly("2024-1");
        assertThat(p2024.units()).isEqualTo(10);
        assertThat(vm.schemes()).extracting(PeriodsViewModel.SchemeRow::year).containsExactly(2023, 2024, 2025);
        assertThat(vm.schemes().get(1).published()).isTrue();
        assertThat(vm.schemes().get(2).copiedFrom()).hasValue(2024);
        assertThat(vm.schemes().get(2).kind()).isEqualTo(PeriodKind.YEAR);
        assertThat(vm.newYearProperty().get()).isEqualTo("2026");
    }

    @Test
    void aPeriodIsCheckedAsItIsTyped() {
        vm.newPeriodProperty().set("2026Q5");
        assertThat(vm.periodProblemProperty().get()).startsWith("“2026Q5”不是考核期");
        vm.newPeriodProperty().set("2025");
        assertThat(vm.periodProblemProperty().get()).isEqualTo("2025年已经存在。");
        vm.newPeriodProperty().set("2026H1");
        assertThat(vm.periodProblemProperty().get()).isEqualTo("2025 年起用的方案按年度考核，考核期应写成 2026 这样的形式。");
        vm.newPeriodProperty().set(" 2026 ");
        assertThat(vm.periodProblemProperty().get()).isEmpty();
    }

    @Test
    void addingAPeriodKeepsItAndChoosesItAtTheTop() {
        vm.newPeriodProperty().set("2026");
        vm.addPeriod();

        assertThat(db.allPeriods()).contains(Period.year(2026));
        assertThat(workspace.period()).hasValue(Period.year(2026));
        assertThat(workspace.year()).hasValue(2025); // 2026 is scored by the latest earlier scheme
        assertThat(vm.periods()).extracting(p -> p.period().toString()).endsWith("2026");
        assertThat(vm.periods().get(vm.periods().size() - 1).figures()).isZero();
        assertThat(vm.noticeProperty().get()).isEqualTo("已添加考核期 2026年，并已在顶部选中。");
        assertThat(vm.newPeriodProperty().get()).isEmpty();
    }

    @Test
    void theChosenYearsSchemeIsCopiedToANewYear() {
        vm.newYearProperty().set("2024");
        assertThat(vm.yearProblemProperty().get()).isEqualTo("2024 年已经有方案了。请换一个年份。");
        vm.newYearProperty().set("2027");
        vm.copyScheme();

        assertThat(db.schemes()).extracting(StoredScheme::year).containsExactly(2023, 2024, 2025, 2027);
        assertThat(db.schemes().get(3).copiedFrom()).hasValue(2025);
        assertThat(workspace.year()).hasValue(2027);
        assertThat(vm.schemes()).extracting(PeriodsViewModel.SchemeRow::year).endsWith(2027);
        assertThat(vm.noticeProperty().get()).isEqualTo("已把 2025 年的方案复制到 2027 年，并已在顶部选中 2027 年。");
        assertThat(vm.newYearProperty().get()).isEqualTo("2028");
    }
}

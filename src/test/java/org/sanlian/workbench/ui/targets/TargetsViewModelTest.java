package org.sanlian.workbench.ui.targets;

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
import org.sanlian.workbench.ui.common.CityTargetText;
import org.sanlian.workbench.app.CityTargetService;
import org.sanlian.workbench.app.FigureEntryService;
import org.sanlian.workbench.app.WorkbenchDatabase;
import org.sanlian.workbench.core.model.DataSet;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.model.Unit;
import org.sanlian.workbench.core.targets.CityProgress;
import org.sanlian.workbench.i18n.Messages;
import org.sanlian.workbench.ui.common.CurrentThreadTaskExecutor;
import org.sanlian.workbench.ui.shell.Workspace;

/** The 目标进度 view model on the demo database, without a toolkit: its work runs on the test's thread. */
class TargetsViewModelTest {

    private static final Period Y2025 = Period.year(2025);

    @TempDir
    Path dir;

    private WorkbenchDatabase db;
    private Workspace workspace;
    private TargetsViewModel vm;

    @BeforeAll
    static void chinese() {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
    }

    @BeforeEach
    void open() {
        db = WorkbenchDatabase.openOrCreateDemo(dir.resolve("w.db"), "tester");
        workspace = new Workspace(new CurrentThreadTaskExecutor());
        workspace.attach(db, Workspace.Content.read(db), "张三");
        vm = new TargetsViewModel(workspace, new CurrentThreadTaskExecutor());
    }

    @AfterEach
    void close() {
        db.close();
    }

    private CityTargetService.Row row(String code) {
        return vm.rows().stream().filter(r -> r.goal().target().code().equals(code)).findFirst().orElseThrow();
    }

    private double sum(Period p, String code) {
        DataSet data = db.assessment(p, Optional.empty()).data();
        List<Unit> units = db.scheme(db.schemeFor(p, Optional.empty())).units();
        return units.stream().mapToDouble(u -> data.value(p, u.code(), code).orElse(0)).sum();
    }

    @Test
    void everyGoalOfTheYearsSchemeIsShownWithItsCityFigureFormedFromTheUnits() {
        assertThat(vm.periodProperty().get()).isEqualTo(Y2025);
        assertThat(vm.rows()).extracting(r -> r.goal().target().code())
                .containsExactlyElementsOf(db.scheme(db.schemeFor(Y2025, Optional.empty())).cityTargets().stream()
                        .map(t -> t.code()).toList());
        assertThat(row("HTE").goal().figure().getAsDouble()).isCloseTo(sum(Y2025, "HTE"), within(1e-9));
        // R&D intensity: the ratio of the summed inputs, not the mean of the units' ratios
        double ratio = sum(Y2025, "RD_EXP") / (sum(Y2025, "GDP") * 10000) * 100;
        assertThat(row("RD_INT").goal().figure().getAsDouble()).isCloseTo(ratio, within(1e-9));
        // NEW_RI adds up the years from 2022
        double cumulative = sum(Period.year(2022), "NEW_RI") + sum(Period.year(2023), "NEW_RI")
                + sum(Period.year(2024), "NEW_RI") + sum(Y2025, "NEW_RI");
        assertThat(row("NEW_RI").goal().figure().getAsDouble()).isCloseTo(cumulative, within(1e-9));
        assertThat(vm.summaryProperty().get()).startsWith("2025年：2025 年方案的 " + vm.rows().size() + " 项全市目标，已达成 ");
    }

    @Test
    void choosingAGoalShowsItsUnitsWithTheirShareOfTheGap() {
        assertThat(vm.selectedProperty().get()).isSameAs(vm.rows().get(0));
        vm.selectedProperty().set(row("HTE"));
        CityProgress.Goal g = row("HTE").goal();
        assertThat(vm.units()).hasSize(10);
        double gap = g.gap().getAsDouble();
        assertThat(vm.units()).allSatisfy(u -> assertThat(u.shareOfGap().getAsDouble())
                .isCloseTo(gap * u.value().getAsDouble() / g.figure().getAsDouble(), within(1e-9)));
        assertThat(vm.units().stream().mapToDouble(u -> u.shareOfGap().getAsDouble()).sum()).isCloseTo(gap, within(1e-6));
        assertThat(vm.detailProperty().get()).isEqualTo("国家高新技术企业数：全市数为各单位数值之和。");
        assertThat(vm.warningProperty().get()).isEmpty();
    }

    @Test
    void anEnteredCityFigureThatDiffersIsAWarningAfterAnotherScreenWrote() {
        double computed = row("HTE").goal().figure().getAsDouble();
        assertThat(row("HTE").entered()).isEmpty();
        FigureEntryService.save(db, Y2025, List.of(), List.of(new FigureEntryService.CityChange("HTE",
                OptionalDouble.of(computed + 5), "统计局", "")), "张三");
        workspace.reload();

        assertThat(row("HTE").entered().getAsDouble()).isCloseTo(computed + 5, within(1e-9));
        assertThat(row("HTE").differs()).isTrue();
        vm.selectedProperty().set(row("HTE"));
        assertThat(vm.warningProperty().get()).isEqualTo("数据提醒：录入的全市数为 "
                + CityTargetText.number(computed + 5) + "，按各单位数据计算为 " + CityTargetText.number(computed)
                + "，两者不一致，请核对。");
        assertThat(vm.summaryProperty().get()).endsWith("；1 项与录入的全市数不一致");
    }

    @Test
    void aUnitWithoutAFigureIsNamedAndTheChosenGoalStaysAfterAReload() {
        vm.selectedProperty().set(row("TECH_SME"));
        List<String> before = row("TECH_SME").goal().missingUnits();
        assertThat(before).doesNotContain("331102");
        FigureEntryService.save(db, Y2025, List.of(new FigureEntryService.Change("331102", "TECH_SME",
                OptionalDouble.empty(), "", "")), "张三");
        workspace.reload();
        assertThat(vm.selectedProperty().get().goal().target().code()).isEqualTo("TECH_SME");
        assertThat(row("TECH_SME").goal().missingUnits()).hasSize(before.size() + 1).contains("331102");
        assertThat(vm.warningProperty().get()).startsWith((before.size() + 1) + " 个单位缺少数据，未计入：莲都区");
        assertThat(vm.units().get(0).missing()).isTrue();
        assertThat(row("TECH_SME").goal().figure().getAsDouble()).isCloseTo(sum(Y2025, "TECH_SME"), within(1e-9));
    }

    @Test
    void choosingAnotherPeriodShowsItsGoals() {
        workspace.selectPeriod(Period.year(2024));
        assertThat(vm.periodProperty().get()).isEqualTo(Period.year(2024));
        assertThat(row("HTE").goal().figure().getAsDouble()).isCloseTo(sum(Period.year(2024), "HTE"), within(1e-9));
    }

    @Test
    void numbersStatusesAndPathsAreWrittenAsAnOfficeReadsThem() {
        assertThat(CityTargetText.number(2.5)).isEqualTo("2.5");
        assertThat(CityTargetText.number(637)).isEqualTo("637");
        assertThat(CityTargetText.number(2.3333)).isEqualTo("2.33");
        assertThat(CityTargetText.percent(OptionalDouble.of(0.4286))).isEqualTo("42.9%");
        assertThat(CityTargetText.status(CityProgress.Status.ON_TRACK)).isEqualTo("按进度");
        assertThat(CityTargetText.target(row("HTE").goal().target())).isEqualTo("1000（2026年）");
        assertThat(CityTargetText.baseline(row("HTE").goal().target())).isEqualTo("637（2021年）");
        CityProgress.Goal hte = row("HTE").goal();
        if (hte.status() != CityProgress.Status.REACHED) {
            assertThat(CityTargetText.yearly(hte)).isEqualTo("+" + CityTargetText.number(hte.gap().getAsDouble()) + "/年");
        }
    }
}

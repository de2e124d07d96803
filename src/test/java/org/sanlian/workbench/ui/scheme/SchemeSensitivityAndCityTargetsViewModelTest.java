package org.sanlian.workbench.ui.scheme;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanlian.workbench.app.PublishService;
import org.sanlian.workbench.app.WorkbenchDatabase;
import org.sanlian.workbench.core.model.CityTarget;
import org.sanlian.workbench.core.model.CityTarget.CityAggregate;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.model.Scheme;
import org.sanlian.workbench.core.model.SensitivitySettings;
import org.sanlian.workbench.core.model.StoredScheme;
import org.sanlian.workbench.i18n.Messages;
import org.sanlian.workbench.ui.common.CurrentThreadTaskExecutor;
import org.sanlian.workbench.ui.shell.Workspace;

/**
 * The scheme editor's sensitivity settings (方案 tab) and city targets (全市目标 tab) on the demo
 * database, without a toolkit: each edit one undo step, faulty values refused with the reason, and
 * what is saved read back from the database.
 */
class SchemeSensitivityAndCityTargetsViewModelTest {

    @TempDir
    Path dir;

    private WorkbenchDatabase db;
    private SchemeEditorViewModel vm;

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

    private void show() {
        Workspace workspace = new Workspace(new CurrentThreadTaskExecutor());
        workspace.attach(db, Workspace.Content.read(db), "张三");
        vm = new SchemeEditorViewModel(workspace, new CurrentThreadTaskExecutor());
    }

    private Scheme kept() {
        StoredScheme s = db.schemes().stream().filter(x -> x.year() == 2025).findFirst().orElseThrow();
        return db.scheme(s);
    }

    private int targetIndex(String code) {
        List<CityTarget> targets = vm.state().cityTargets();
        for (int i = 0; i < targets.size(); i++) {
            if (targets.get(i).code().equals(code)) {
                return i;
            }
        }
        throw new AssertionError(code + " has no city target");
    }

    private CityTarget target(String code) {
        return vm.state().cityTargets().get(targetIndex(code));
    }

    // --- sensitivity settings -------------------------------------------------------------------

    @Test
    void drawsSpreadAndSeedAreEditedEachOneUndoStep() {
        show();
        Scheme before = vm.state();
        assertThat(before.sensitivity()).isEqualTo(new SensitivitySettings(1000, 0.2, 20221022L));

        assertThat(vm.setDraws(" 5000 ")).isEmpty();
        assertThat(vm.setSpread("0.35")).isEmpty();
        assertThat(vm.setSeed("-42")).isEmpty();
        assertThat(vm.state().sensitivity()).isEqualTo(new SensitivitySettings(5000, 0.35, -42L));
        assertThat(vm.state().tree()).isEqualTo(before.tree());
        assertThat(vm.isDirty()).isTrue();
        assertThat(vm.problemsProperty().get()).isEmpty();

        vm.undo();
        assertThat(vm.state().sensitivity()).isEqualTo(new SensitivitySettings(5000, 0.35, 20221022L));
        vm.undo();
        assertThat(vm.state().sensitivity()).isEqualTo(new SensitivitySettings(5000, 0.2, 20221022L));
        vm.undo();
        assertThat(vm.state()).isEqualTo(before);
        assertThat(vm.isDirty()).isFalse();
        vm.redo();
        vm.redo();
        assertThat(vm.state().sensitivity()).isEqualTo(new SensitivitySettings(5000, 0.35, 20221022L));

        // the ends of the ranges are taken; the same value again is no step
        assertThat(vm.setDraws("1000000")).isEmpty();
        assertThat(vm.setDraws("1")).isEmpty();
        assertThat(vm.setSpread("0")).isEmpty();
        assertThat(vm.setSeed(Long.toString(Long.MAX_VALUE))).isEmpty();
        assertThat(vm.state().sensitivity()).isEqualTo(new SensitivitySettings(1, 0, Long.MAX_VALUE));
        Scheme now = vm.state();
        assertThat(vm.setSpread("0.0")).isEmpty();
        assertThat(vm.state()).isSameAs(now);
    }

    @Test
    void drawsSpreadOrSeedOutOfRangeAreRefusedWithTheRangeAndChangeNothing() {
        show();
        Scheme before = vm.state();
        for (String draws : new String[] {"0", "1000001", "12345678", "-5", "1.5", "千", ""}) {
            assertThat(vm.setDraws(draws)).as(draws)
                    .hasValue("“" + draws + "”不行：抽样次数须为 1 到 1,000,000 之间的整数。");
        }
        for (String spread : new String[] {"1", "1.5", "-0.1", "两成", ""}) {
            assertThat(vm.setSpread(spread)).as(spread)
                    .hasValue("“" + spread + "”不行：扰动幅度须是不小于 0、小于 1 的数，如 0.2（权重上下浮动 20%）。");
        }
        for (String seed : new String[] {"1.5", "9223372036854775808", "abc", ""}) {
            assertThat(vm.setSeed(seed)).as(seed).hasValue("“" + seed
                    + "”不行：随机种子须为 -9223372036854775808 到 9223372036854775807 之间的整数。");
        }
        assertThat(vm.state()).isSameAs(before);
        assertThat(vm.isDirty()).isFalse();
        assertThat(vm.canUndoProperty().get()).isFalse();
    }

    @Test
    void savedSensitivitySettingsAreReadBackFromTheDatabase() {
        show();
        assertThat(vm.setDraws("2500")).isEmpty();
        assertThat(vm.setSpread("0.15")).isEmpty();
        assertThat(vm.setSeed("7")).isEmpty();
        vm.save(() -> { });
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.isDirty()).isFalse();
        assertThat(kept().sensitivity()).isEqualTo(new SensitivitySettings(2500, 0.15, 7L));

        show(); // a new editor reads the year's scheme again
        assertThat(vm.state().sensitivity()).isEqualTo(new SensitivitySettings(2500, 0.15, 7L));
    }

    // --- city targets ---------------------------------------------------------------------------

    @Test
    void theCodesOfferedAreTheIndicatorsInputsAndDerivedEntriesEachOnce() {
        show();
        List<String> codes = vm.cityTargetCodes();
        assertThat(codes).startsWith("HTE", "TECH_SME", "HT_SHARE").contains("GDP", "RD_EXP", "RD_GROWTH")
                .doesNotHaveDuplicates().doesNotContain("INDUSTRY", "B_NATPLAT");
        assertThat(codes).hasSize((int) java.util.stream.Stream.of(vm.state().leaves().stream().map(l -> l.code()),
                vm.state().inputs().stream().map(i -> i.code()), vm.state().derived().stream().map(d -> d.code()))
                .flatMap(s -> s).distinct().count());
        assertThat(vm.cityTargetCodeLabel("GDP")).isEqualTo("GDP　" + vm.state().input("GDP").orElseThrow().name());
        assertThat(vm.cityTargetDefaultAggregate("RD_GROWTH")).isEqualTo(CityAggregate.RECOMPUTE);
        assertThat(vm.cityTargetDefaultAggregate("GDP")).isEqualTo(CityAggregate.SUM);
    }

    @Test
    void aCityTargetIsAddedEditedAndRemovedEachOneUndoStep() {
        show();
        Scheme before = vm.state();
        int n = before.cityTargets().size();
        assertThat(vm.checkNewCityTarget("RD_GROWTH", "研发经费增速", "12", "2026")).isEmpty();
        assertThat(vm.addCityTarget("RD_GROWTH", " 研发经费增速 ", "12", "2026")).isEmpty();
        assertThat(vm.state().cityTargets()).hasSize(n + 1);
        assertThat(vm.state().cityTargets().get(n)).isEqualTo(new CityTarget("RD_GROWTH", "研发经费增速", 12, 2026,
                CityAggregate.RECOMPUTE, OptionalInt.empty(), Optional.empty()));

        int i = n;
        assertThat(vm.setCityTargetName(i, "全社会研发经费增速")).isEmpty();
        assertThat(vm.setCityTargetValue(i, "15.5")).isEmpty();
        assertThat(vm.setCityTargetYear(i, "2027")).isEmpty();
        assertThat(vm.setCityTargetCode(i, "RD_EXP")).hasValue(
                "全市目标 RD_EXP 的汇总方式为 RECOMPUTE（用全市合计的基础数据重算公式），但 RD_EXP 不是派生指标。请改为 SUM，或为 RD_EXP 设置派生公式。");
        assertThat(vm.setCityTargetAggregate(i, CityAggregate.SUM)).isEmpty();
        assertThat(vm.setCityTargetCode(i, "RD_EXP")).isEmpty();
        assertThat(vm.setCityTargetCumulativeFrom(i, "2023")).isEmpty();
        assertThat(vm.setCityTargetBaseline(i, "2022", "8.5")).isEmpty();
        CityTarget edited = new CityTarget("RD_EXP", "全社会研发经费增速", 15.5, 2027, CityAggregate.SUM,
                OptionalInt.of(2023), Optional.of(new CityTarget.Baseline(2022, 8.5)));
        assertThat(vm.state().cityTargets().get(i)).isEqualTo(edited);
        assertThat(vm.problemsProperty().get()).isEmpty();

        // blank takes the cumulation and the baseline away again
        assertThat(vm.setCityTargetCumulativeFrom(i, " ")).isEmpty();
        assertThat(vm.setCityTargetBaseline(i, "", "")).isEmpty();
        assertThat(vm.state().cityTargets().get(i).cumulativeFrom()).isEmpty();
        assertThat(vm.state().cityTargets().get(i).baseline()).isEmpty();
        vm.undo();
        vm.undo();
        assertThat(vm.state().cityTargets().get(i)).isEqualTo(edited);

        // each edit was one step: seven back to the added target, one more to the scheme as read
        for (int step = 0; step < 7; step++) {
            vm.undo();
        }
        assertThat(vm.state().cityTargets().get(i).name()).isEqualTo("研发经费增速");
        vm.undo();
        assertThat(vm.state()).isEqualTo(before);
        vm.redo();
        assertThat(vm.state().cityTargets()).hasSize(n + 1);

        int hte = targetIndex("HTE");
        assertThat(vm.removeCityTarget(hte)).isEmpty();
        assertThat(vm.state().cityTargets()).extracting(CityTarget::code).doesNotContain("HTE").hasSize(n);
        vm.undo();
        assertThat(vm.state().cityTargets().get(hte).code()).isEqualTo("HTE");
        assertThat(vm.removeCityTarget(n + 5)).hasValue("请先在表中选择一项全市目标。");
    }

    @Test
    void faultyCityTargetValuesAreRefusedWithTheValidatorsMessagesAndChangeNothing() {
        show();
        int hte = targetIndex("HTE");
        int newRi = targetIndex("NEW_RI"); // cumulative from 2022, target year 2026, baseline 2021
        Scheme before = vm.state();
        assertThat(vm.setCityTargetAggregate(hte, CityAggregate.RECOMPUTE)).hasValue(
                "全市目标 HTE 的汇总方式为 RECOMPUTE（用全市合计的基础数据重算公式），但 HTE 不是派生指标。请改为 SUM，或为 HTE 设置派生公式。");
        assertThat(vm.setCityTargetCode(hte, "NOPE")).hasValue(
                "全市目标的代码 NOPE 不是方案中的指标、基础数据或派生指标。请改正。");
        assertThat(vm.setCityTargetCode(hte, " ")).hasValue(
                "请选择全市目标的代码（方案中的指标、输入指标或派生指标）。");
        assertThat(vm.setCityTargetName(hte, "  ")).hasValue("请填写名称。");
        assertThat(vm.setCityTargetValue(hte, "一千")).hasValue("“一千”不是数。请写成 12、0.5 或 1.2e3 这样的数。");
        assertThat(vm.setCityTargetYear(hte, "26")).hasValue("“26”不是年份。请写四位数的年份，如 2026。");
        assertThat(vm.setCityTargetCumulativeFrom(newRi, "2030")).hasValue(
                "cumulativeFrom（2030）与 year（2026）的大小关系不对，应满足 cumulativeFrom <= year。请更正。");
        assertThat(vm.setCityTargetYear(newRi, "2021")).hasValue(
                "cumulativeFrom（2022）与 year（2021）的大小关系不对，应满足 cumulativeFrom <= year。请更正。\n"
                        + "baseline.year（2021）与 year（2021）的大小关系不对，应满足 baseline.year < year。请更正。");
        assertThat(vm.setCityTargetBaseline(hte, "2026", "600")).hasValue(
                "baseline.year（2026）与 year（2026）的大小关系不对，应满足 baseline.year < year。请更正。");
        assertThat(vm.setCityTargetBaseline(hte, "2021", "")).hasValue(
                "基期的年份和数值须同时填写，或同时留空（无基期）。");
        assertThat(vm.setCityTargetBaseline(hte, "", "637")).hasValue(
                "基期的年份和数值须同时填写，或同时留空（无基期）。");
        assertThat(vm.setCityTargetBaseline(hte, "2021", "x")).hasValue("“x”不是数。请写成 12、0.5 或 1.2e3 这样的数。");
        assertThat(vm.checkNewCityTarget(null, "目标", "1", "2026")).hasValue(
                "请选择全市目标的代码（方案中的指标、输入指标或派生指标）。");
        assertThat(vm.checkNewCityTarget("GDP", "", "1", "2026")).hasValue("name 不能为空。请填写。");
        assertThat(vm.checkNewCityTarget("GDP", "地区生产总值", "1", "")).hasValue(
                "“”不是年份。请写四位数的年份，如 2026。");
        assertThat(vm.addCityTarget("GDP", "地区生产总值", "多", "2026")).hasValue(
                "“多”不是数。请写成 12、0.5 或 1.2e3 这样的数。");
        assertThat(vm.state()).isSameAs(before);
        assertThat(vm.isDirty()).isFalse();
        assertThat(vm.canUndoProperty().get()).isFalse();
    }

    @Test
    void savedCityTargetsAreReadBackFromTheDatabase() {
        show();
        int n = vm.state().cityTargets().size();
        assertThat(vm.addCityTarget("GDP", "地区生产总值", "5000", "2026")).isEmpty();
        assertThat(vm.setCityTargetBaseline(n, "2021", "3800.5")).isEmpty();
        assertThat(vm.setCityTargetValue(targetIndex("RD_INT"), "3.2")).isEmpty();
        assertThat(vm.removeCityTarget(targetIndex("OVERSEAS"))).isEmpty();
        vm.save(() -> { });
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.isDirty()).isFalse();

        Scheme kept = kept();
        assertThat(kept.cityTargets()).isEqualTo(vm.state().cityTargets());
        assertThat(kept.cityTargets()).extracting(CityTarget::code).endsWith("GDP").doesNotContain("OVERSEAS")
                .hasSize(n);
        assertThat(kept.cityTargets().get(n - 1)).isEqualTo(new CityTarget("GDP", "地区生产总值", 5000, 2026,
                CityAggregate.SUM, OptionalInt.empty(), Optional.of(new CityTarget.Baseline(2021, 3800.5))));
        show();
        assertThat(target("RD_INT").target()).isEqualTo(3.2);
        assertThat(target("GDP").baseline()).hasValue(new CityTarget.Baseline(2021, 3800.5));
    }

    @Test
    void aPublishedYearsCityTargetsAndSettingsAreNotSaved() {
        PublishService.publish(db, Period.year(2025), Optional.empty(), Optional.empty(), Optional.empty(), "张三");
        show();
        Scheme stored = kept();
        assertThat(vm.setDraws("3000")).isEmpty();
        assertThat(vm.setCityTargetValue(targetIndex("HTE"), "1200")).isEmpty();
        boolean[] saved = new boolean[1];
        vm.save(() -> saved[0] = true);
        assertThat(saved[0]).isFalse();
        assertThat(vm.refusedProperty().get()).isTrue();
        assertThat(vm.errorProperty().get()).contains("2025 年的方案已被已发布的通报使用，不能修改");
        assertThat(kept()).isEqualTo(stored);
        assertThat(vm.isDirty()).isTrue();
    }
}

package org.sanlian.workbench.ui.sensitivity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanlian.workbench.app.ScoringService;
import org.sanlian.workbench.app.WorkbenchDatabase;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.model.SensitivitySettings;
import org.sanlian.workbench.core.sensitivity.SensitivityResult;
import org.sanlian.workbench.core.sensitivity.UnitSensitivity;
import org.sanlian.workbench.i18n.Messages;
import org.sanlian.workbench.ui.common.CurrentThreadTaskExecutor;
import org.sanlian.workbench.ui.shell.Workspace;

/** 稳健性's view model on the demo database, without a toolkit: its work runs on the test's thread. */
class SensitivityViewModelTest {

    private static final Period Y2025 = Period.year(2025);

    @TempDir
    Path dir;

    private WorkbenchDatabase db;
    private Workspace workspace;
    private SensitivityViewModel vm;

    @BeforeAll
    static void chinese() {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
    }

    @BeforeEach
    void open() {
        db = WorkbenchDatabase.openOrCreateDemo(dir.resolve("w.db"), "tester");
        workspace = new Workspace(new CurrentThreadTaskExecutor());
        workspace.attach(db, Workspace.Content.read(db), "张三");
        vm = new SensitivityViewModel(workspace, new CurrentThreadTaskExecutor(), new ScoringService());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void theControlsStartAtTheSchemesSettings() {
        SensitivitySettings s = db.scheme(db.schemeFor(Y2025, workspace.year())).sensitivity();
        assertThat(vm.spreadProperty().get()).isEqualTo(s.spread());
        assertThat(vm.drawsProperty().get()).isEqualTo(s.draws());
        assertThat(vm.readyProperty().get()).isTrue();
        assertThat(vm.headingProperty().get()).startsWith("2025年 排名稳健性（方案：");
        assertThat(vm.rows()).isEmpty();
    }

    @Test
    void aRunShowsEveryUnitsIntervalAndShareListedAsTheServiceComputesThem() {
        vm.spreadProperty().set(0.3);
        vm.drawsProperty().set(200);
        List<Double> progress = new ArrayList<>();
        vm.progressProperty().addListener((o, a, b) -> progress.add(b.doubleValue()));

        assertThat(vm.run()).isEmpty();

        long seed = db.scheme(db.schemeFor(Y2025, workspace.year())).sensitivity().seed();
        SensitivityResult expected = new ScoringService().sensitivity(db.assessment(Y2025, workspace.year()), Y2025,
                new SensitivitySettings(200, 0.3, seed), d -> { });
        assertThat(vm.rows()).hasSize(10);
        for (int i = 0; i < 10; i++) {
            UnitSensitivity u = expected.units().get(i);
            SensitivityRow row = vm.rows().get(i);
            assertThat(row.code()).isEqualTo(u.unit());
            assertThat(row.rank()).isEqualTo(u.rank());
            assertThat(row.best()).isEqualTo(u.p05Rank());
            assertThat(row.worst()).isEqualTo(u.p95Rank());
            assertThat(row.min()).isEqualTo(u.bestRank());
            assertThat(row.max()).isEqualTo(u.worstRank());
            assertThat(row.listedShare()).isEqualTo(u.listedShare());
            assertThat(row.zone()).isNotEmpty();
        }
        assertThat(vm.rows().get(0).unit()).isEqualTo(expected.scheme().unit(expected.units().get(0).unit())
                .orElseThrow().name());
        assertThat(progress).isNotEmpty().isSorted();
        assertThat(progress.get(progress.size() - 1)).isEqualTo(1.0);
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.statusProperty().get()).isEqualTo("2025年：200 次抽样，离散度 0.3，随机种子 " + seed + "。");
        assertThat(vm.resultProperty().get().settings().draws()).isEqualTo(200);
    }

    @Test
    void cancelStopsTheRunBetweenDrawsAndKeepsNothing() {
        vm.drawsProperty().set(1000);
        boolean[] cancelled = {false};
        vm.progressProperty().addListener((o, a, b) -> {
            if (b.doubleValue() >= 0.1 && !cancelled[0]) {
                cancelled[0] = true;
                vm.cancel();
            }
        });
        vm.run();
        assertThat(vm.rows()).isEmpty();
        assertThat(vm.resultProperty().get()).isNull();
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.progressProperty().get()).isZero();
        assertThat(vm.statusProperty().get()).isEqualTo("已取消，未保留结果。");

        // the next run is not stopped by the last one's cancel
        vm.drawsProperty().set(100);
        vm.run();
        assertThat(vm.rows()).hasSize(10);
    }

    @Test
    void settingsOutOfRangeAreRefusedWithTheRange() {
        // the limits are the scheme's own (SensitivitySettings), as the scheme editor and the command line apply them
        vm.spreadProperty().set(1.0);
        assertThat(vm.run()).hasValue("离散度应不小于 0 且小于 1，现在是 1。");
        vm.spreadProperty().set(-0.1);
        assertThat(vm.run()).hasValue("离散度应不小于 0 且小于 1，现在是 -0.1。");
        vm.spreadProperty().set(0.2);
        vm.drawsProperty().set(0);
        assertThat(vm.run()).hasValue("抽样次数应在 1 到 1000000 之间，现在是 0。");
        vm.drawsProperty().set(1_000_001);
        assertThat(vm.run()).hasValue("抽样次数应在 1 到 1000000 之间，现在是 1000001。");
        assertThat(vm.errorProperty().get()).isEqualTo("抽样次数应在 1 到 1000000 之间，现在是 1000001。");
        assertThat(vm.rows()).isEmpty();
    }

    @Test
    void anotherPeriodClearsTheResultAsStale() {
        vm.drawsProperty().set(100);
        vm.run();
        assertThat(vm.rows()).hasSize(10);

        workspace.selectPeriod(Period.year(2024));

        assertThat(vm.rows()).isEmpty();
        assertThat(vm.resultProperty().get()).isNull();
        assertThat(vm.statusProperty().get()).isEqualTo("考核期或数据已变化，请重新计算。");
        assertThat(vm.headingProperty().get()).startsWith("2024年 排名稳健性");
        vm.run();
        assertThat(vm.resultProperty().get().period()).isEqualTo(Period.year(2024));
    }
}

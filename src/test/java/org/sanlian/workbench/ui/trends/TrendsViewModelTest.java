package org.sanlian.workbench.ui.trends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
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
import org.sanlian.workbench.app.CancelledException;
import org.sanlian.workbench.app.FigureEntryService;
import org.sanlian.workbench.app.ScoringService;
import org.sanlian.workbench.app.TrendService;
import org.sanlian.workbench.app.WorkbenchDatabase;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.model.PeriodKind;
import org.sanlian.workbench.core.scoring.PeriodResult;
import org.sanlian.workbench.core.scoring.UnitResult;
import org.sanlian.workbench.i18n.Messages;
import org.sanlian.workbench.io.chart.ChartData;
import org.sanlian.workbench.ui.common.CurrentThreadTaskExecutor;
import org.sanlian.workbench.ui.common.TaskExecutor;
import org.sanlian.workbench.ui.shell.Workspace;

/** The 趋势 view model on the demo database (2022–2025), without a toolkit. */
class TrendsViewModelTest {

    private static final List<Period> YEARS = List.of(Period.year(2022), Period.year(2023), Period.year(2024),
            Period.year(2025));

    @TempDir
    Path dir;

    private WorkbenchDatabase db;
    private Workspace workspace;
    private final ScoringService scoring = new ScoringService();

    @BeforeAll
    static void chinese() {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
    }

    @BeforeEach
    void open() {
        db = WorkbenchDatabase.openOrCreateDemo(dir.resolve("w.db"), "tester");
        workspace = new Workspace(new CurrentThreadTaskExecutor());
        workspace.attach(db, Workspace.Content.read(db), "张三");
    }

    @AfterEach
    void close() {
        db.close();
    }

    private PeriodResult score(Period p) {
        return scoring.score(db.assessment(p, Optional.empty()), p);
    }

    private TrendsViewModel model() {
        return new TrendsViewModel(workspace, new CurrentThreadTaskExecutor(), scoring);
    }

    @Test
    void theChosenPeriodsBottomListedUnitsAreTickedAndTheirRanksShownByPeriod() {
        TrendsViewModel vm = model();
        assertThat(vm.periods()).containsExactlyElementsOf(YEARS);
        List<String> listed = score(Period.year(2025)).rows().stream().filter(UnitResult::listed)
                .map(u -> u.unit().code()).toList();
        assertThat(listed).isNotEmpty();
        assertThat(vm.checked()).containsExactlyInAnyOrderElementsOf(listed);

        List<PeriodResult> results = YEARS.stream().map(this::score).toList();
        for (TrendsViewModel.ChangeRow row : vm.changeRows()) {
            for (int p = 0; p < YEARS.size(); p++) {
                int rank = results.get(p).row(row.unit()).orElseThrow().rank();
                assertThat(row.cells().get(p).rank()).hasValue(rank);
                if (p == 0) {
                    assertThat(row.cells().get(p).text()).isEqualTo(Integer.toString(rank));
                } else {
                    int change = results.get(p - 1).row(row.unit()).orElseThrow().rank() - rank;
                    String arrow = change > 0 ? "↑" + change : change < 0 ? "↓" + (-change) : "—";
                    assertThat(row.cells().get(p).text()).isEqualTo(rank + " " + arrow);
                }
            }
        }
        ChartData chart = vm.chartProperty().get();
        assertThat(chart.ranks()).isTrue();
        assertThat(chart.categories()).containsExactly("2022年", "2023年", "2024年", "2025年");
        assertThat(chart.series()).hasSize(listed.size());
        assertThat(vm.lowestRank()).isEqualTo(10);
    }

    @Test
    void tickingAUnitAddsItsLineAndRowAndTheSwitchShowsTotalsOrZoneRanks() {
        TrendsViewModel vm = model();
        String unit = vm.units().stream().map(c -> c.unit().code()).filter(c -> !vm.checked().contains(c))
                .findFirst().orElseThrow();
        String name = vm.units().stream().filter(c -> c.unit().code().equals(unit)).findFirst().orElseThrow()
                .unit().name();
        vm.setChecked(unit, true);
        assertThat(vm.changeRows()).extracting(TrendsViewModel.ChangeRow::unit).contains(unit);
        int line = vm.chartProperty().get().series().indexOf(name);
        assertThat(line).isNotNegative();
        UnitResult latest = score(Period.year(2025)).row(unit).orElseThrow();
        assertThat(vm.chartProperty().get().value(line, 3)).isEqualTo(latest.rank());

        vm.measureProperty().set(TrendsViewModel.Measure.TOTAL);
        assertThat(vm.chartProperty().get().ranks()).isFalse();
        assertThat(vm.chartProperty().get().value(line, 3)).isEqualTo(latest.total());

        vm.measureProperty().set(TrendsViewModel.Measure.ZONE_RANK);
        assertThat(vm.chartProperty().get().value(line, 3)).isEqualTo(latest.zoneRank());
        TrendsViewModel.ChangeRow row = vm.changeRows().stream().filter(r -> r.unit().equals(unit)).findFirst()
                .orElseThrow();
        assertThat(row.cells().get(3).rank()).hasValue(latest.zoneRank());
        int largestZone = score(Period.year(2025)).scheme().zones().stream().mapToInt(z -> z.units().size()).max()
                .orElseThrow();
        assertThat(vm.lowestRank()).isEqualTo(largestZone);

        vm.setChecked(unit, false);
        assertThat(vm.changeRows()).extracting(TrendsViewModel.ChangeRow::unit).doesNotContain(unit);
    }

    @Test
    void ticksSurviveAReloadAfterAnotherScreenWroteAndTheNewFiguresAreScored() {
        TrendsViewModel vm = model();
        String unit = vm.units().get(0).unit().code();
        vm.units().forEach(c -> c.setChecked(false));
        vm.setChecked(unit, true);
        FigureEntryService.save(db, Period.year(2025), List.of(new FigureEntryService.Change(unit, "V_FRAUD",
                OptionalDouble.of(1), "", "")), "张三");
        workspace.reload();
        assertThat(vm.checked()).containsExactly(unit);
        // a veto places the unit last
        assertThat(vm.changeRows().get(0).cells().get(3).rank()).hasValue(score(Period.year(2025)).rows().size());
    }

    @Test
    void aListenerOfThePeriodsIsToldOfEveryReloadEvenAfterAGarbageCollection() {
        TrendsViewModel vm = model();
        List<Integer> told = new ArrayList<>();
        vm.periods().addListener((javafx.collections.ListChangeListener<Period>) c -> told.add(c.getList().size()));
        System.gc(); // the view adds its listener to this list and keeps no other reference to it
        workspace.reload();
        assertThat(told).isNotEmpty().last().isEqualTo(YEARS.size());
    }

    @Test
    void whileHiddenAChangeIsOnlyNotedAndScoredWhenShownAgain() {
        TrendsViewModel vm = model();
        String unit = vm.units().get(0).unit().code();
        vm.units().forEach(c -> c.setChecked(false));
        vm.setChecked(unit, true);
        int rank = vm.changeRows().get(0).cells().get(3).rank().getAsInt();
        vm.setActive(false);
        FigureEntryService.save(db, Period.year(2025), List.of(new FigureEntryService.Change(unit, "V_FRAUD",
                OptionalDouble.of(1), "", "")), "张三");
        workspace.reload();
        assertThat(vm.changeRows().get(0).cells().get(3).rank()).hasValue(rank);
        vm.setActive(true);
        assertThat(vm.changeRows().get(0).cells().get(3).rank()).hasValue(score(Period.year(2025)).rows().size());
    }

    @Test
    void anOlderAnswerIsDroppedWhenAnotherLoadWasAskedMeanwhile() {
        List<Runnable> queued = new ArrayList<>();
        TaskExecutor later = new TaskExecutor() {
            @Override
            public <T> void execute(Callable<T> work, Consumer<? super T> onSuccess,
                                    Consumer<? super Throwable> onFailure) {
                queued.add(() -> new CurrentThreadTaskExecutor().execute(work, onSuccess, onFailure));
            }
        };
        TrendsViewModel vm = new TrendsViewModel(workspace, later, scoring);
        assertThat(vm.busyProperty().get()).isTrue();
        vm.load();
        assertThat(queued).hasSize(2);
        queued.get(0).run(); // the older request: stopped at its first period and dropped
        assertThat(vm.busyProperty().get()).isTrue();
        assertThat(vm.periods()).isEmpty();
        queued.get(1).run();
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.periods()).containsExactlyElementsOf(YEARS);
        assertThat(vm.progressProperty().get()).isEqualTo(1.0);
    }

    @Test
    void cancellingStopsTheScoringAndSaysSo() {
        List<Runnable> queued = new ArrayList<>();
        TaskExecutor later = new TaskExecutor() {
            @Override
            public <T> void execute(Callable<T> work, Consumer<? super T> onSuccess,
                                    Consumer<? super Throwable> onFailure) {
                queued.add(() -> new CurrentThreadTaskExecutor().execute(work, onSuccess, onFailure));
            }
        };
        TrendsViewModel vm = new TrendsViewModel(workspace, later, scoring);
        vm.cancel();
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.statusProperty().get()).isEqualTo("已停止计算；显示的是上次计算的结果。");
        queued.get(0).run();
        assertThat(vm.periods()).isEmpty();
        assertThat(vm.statusProperty().get()).isEqualTo("已停止计算；显示的是上次计算的结果。");
    }

    @Test
    void theServiceStopsBetweenPeriodsWhenAsked() {
        List<Period> seen = new ArrayList<>();
        assertThatThrownBy(() -> TrendService.load(db, scoring, PeriodKind.YEAR, new TrendService.Watch() {
            @Override
            public void scored(int done, int total, Period period) {
                seen.add(period);
            }

            @Override
            public boolean cancelled() {
                return seen.size() == 2;
            }
        })).isInstanceOf(CancelledException.class);
        assertThat(seen).containsExactly(Period.year(2022), Period.year(2023));
    }
}

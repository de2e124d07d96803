package org.sanlian.workbench.ui.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sanlian.workbench.app.Assessment;
import org.sanlian.workbench.app.ScoringService;
import org.sanlian.workbench.core.bottom.Level;
import org.sanlian.workbench.core.model.DataSet;
import org.sanlian.workbench.core.model.Observation;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.scoring.UnitResult;
import org.sanlian.workbench.i18n.Messages;
import org.sanlian.workbench.ui.common.CurrentThreadTaskExecutor;
import org.sanlian.workbench.ui.common.TaskExecutor;

/** The results view model without a toolkit: scoring runs on the test's thread. Figures from {@link TinyAssessment}. */
class ResultsViewModelTest {

    private static final Period Y2024 = Period.year(2024);
    private static final Period Y2025 = Period.year(2025);

    @BeforeAll
    static void chinese() {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
    }

    private static ResultsViewModel model(Assessment a) {
        return new ResultsViewModel(a, new ScoringService(), new CurrentThreadTaskExecutor());
    }

    private static List<String> units(List<ResultRow> rows) {
        return rows.stream().map(ResultRow::unitCode).toList();
    }

    @Test
    void opensOnTheLatestPeriodOfTheData() {
        ResultsViewModel vm = model(TinyAssessment.assessment(false));

        assertThat(vm.periods()).containsExactly(Y2024, Y2025);
        assertThat(vm.getSelectedPeriod()).isEqualTo(Y2025);
        assertThat(vm.getResult().period()).isEqualTo(Y2025);
        assertThat(vm.isBusy()).isFalse();
        assertThat(vm.getErrorMessage()).isEmpty();
    }

    @Test
    void overallRowsAreRankedWithSharedRanksForEqualTotals() {
        ResultsViewModel vm = model(TinyAssessment.assessment(false));

        List<ResultRow> rows = vm.overallRows();
        assertThat(units(rows)).containsExactly("A2", "A1", "B2", "B1");
        assertThat(rows).extracting(ResultRow::rank).containsExactly(1, 2, 2, 4);
        assertThat(rows).extracting(ResultRow::zoneRank).containsExactly(1, 2, 1, 2);
        assertThat(rows).extracting(ResultRow::total).containsExactly(95.5, 80.0, 80.0, 60.0);
        assertThat(rows).extracting(ResultRow::unitName).containsExactly("甲二县", "甲一区", "乙二县", "乙一市");
        assertThat(rows).extracting(ResultRow::zoneName).containsExactly("甲类", "甲类", "乙类", "乙类");
    }

    @Test
    void subtotalsFollowTheTopLevelDimensions() {
        ResultsViewModel vm = model(TinyAssessment.assessment(false));

        assertThat(vm.dimensionColumns()).extracting(d -> d.name()).containsExactly("产业链", "人才链");
        ResultRow a2 = vm.overallRows().get(0);
        assertThat(a2.subtotals()).containsExactly(OptionalDouble.of(55.5), OptionalDouble.of(40));
        assertThat(a2.bonus()).isZero();
        assertThat(a2.penalty()).isZero();
    }

    @Test
    void rankChangesAndBottomMarksOfTheLatestPeriod() {
        ResultsViewModel vm = model(TinyAssessment.assessment(false));
        ResultFormat f = vm.format();

        List<ResultRow> rows = vm.overallRows();
        assertThat(rows).extracting(r -> f.rankChange(r.rankChange())).containsExactly("↑3", "↓1", "—", "↓1");
        assertThat(rows).extracting(ResultRow::bottom).containsExactly(
                Optional.of(Level.REMINDER), Optional.of(Level.NORMAL), Optional.empty(), Optional.of(Level.ESCALATED));
        assertThat(rows).extracting(r -> f.bottomMark(r.bottom())).containsExactly("提醒", "约谈", "", "升级约谈");
        assertThat(rows).extracting(r -> f.veto(r.vetoed())).containsOnly("");
        assertThat(vm.getStatus()).isEqualTo("2025年：共 4 个单位，3 个列入末位名单（约谈 1 个，升级约谈 1 个，提醒 1 个）");
    }

    @Test
    void zoneRowsHoldTheirZoneByZoneRank() {
        ResultsViewModel vm = model(TinyAssessment.assessment(false));

        assertThat(vm.zoneRows()).extracting(z -> z.zone().name()).containsExactly("甲类", "乙类");
        assertThat(units(vm.zoneRows().get(0).rows())).containsExactly("A2", "A1");
        assertThat(units(vm.zoneRows().get(1).rows())).containsExactly("B2", "B1");
        assertThat(vm.zoneRows().get(1).rows()).extracting(ResultRow::zoneRank).containsExactly(1, 2);
    }

    @Test
    void choosingAnotherPeriodRecomputesEveryTable() {
        ResultsViewModel vm = model(TinyAssessment.assessment(false));

        vm.setSelectedPeriod(Y2024);

        assertThat(vm.getResult().period()).isEqualTo(Y2024);
        List<ResultRow> rows = vm.overallRows();
        assertThat(units(rows)).containsExactly("A1", "B2", "B1", "A2");
        assertThat(rows).extracting(ResultRow::rank).containsExactly(1, 2, 3, 4);
        assertThat(rows).extracting(ResultRow::total).containsExactly(100.0, 80.0, 70.0, 50.0);
        // no 2023 in the data: no rank changes at all
        assertThat(rows).extracting(ResultRow::rankChange).containsOnly(OptionalInt.empty());
        assertThat(rows).extracting(ResultRow::bottom).containsExactly(
                Optional.empty(), Optional.empty(), Optional.of(Level.NORMAL), Optional.of(Level.NORMAL));
        assertThat(units(vm.zoneRows().get(0).rows())).containsExactly("A1", "A2");
        assertThat(units(vm.zoneRows().get(1).rows())).containsExactly("B2", "B1");
        assertThat(vm.getStatus()).isEqualTo("2024年：共 4 个单位，2 个列入末位名单（约谈 2 个，升级约谈 0 个，提醒 0 个）");

        vm.setSelectedPeriod(Y2025);
        assertThat(units(vm.overallRows())).containsExactly("A2", "A1", "B2", "B1");
    }

    @Test
    void aVetoedUnitComesLastAndIsListed() {
        ResultsViewModel vm = model(TinyAssessment.withVetoIn2025());

        List<ResultRow> rows = vm.overallRows();
        assertThat(units(rows)).containsExactly("A2", "A1", "B1", "B2");
        assertThat(rows).extracting(ResultRow::rank).containsExactly(1, 2, 3, 4);
        ResultRow b2 = rows.get(3);
        assertThat(b2.vetoed()).isTrue();
        assertThat(b2.total()).isEqualTo(80.0); // kept as computed, ranked last
        assertThat(b2.zoneRank()).isEqualTo(2);
        assertThat(vm.format().veto(b2.vetoed())).isEqualTo("一票否决");
        assertThat(vm.format().bottomMark(b2.bottom())).isEqualTo("约谈");
    }

    @Test
    void scoresAreWrittenWithExactlyTheSchemesDecimals() {
        ResultFormat two = new ResultFormat(2);
        assertThat(two.score(80)).isEqualTo("80.00");
        assertThat(two.score(95.5)).isEqualTo("95.50");
        assertThat(two.score(0.125)).isEqualTo("0.13");
        assertThat(two.score(-0.0)).isEqualTo("0.00");
        assertThat(two.score(OptionalDouble.empty())).isEmpty();
        assertThat(new ResultFormat(0).score(79.5)).isEqualTo("80");
        assertThat(new ResultFormat(3).score(1)).isEqualTo("1.000");
    }

    @Test
    void titleNamesTheSchemeAndSimulatedData() {
        assertThat(model(TinyAssessment.assessment(true)).title()).isEqualTo("三链融合考核工作台 — 测试方案（示例数据）");
        assertThat(model(TinyAssessment.assessment(true)).simulated()).isTrue();
        assertThat(model(TinyAssessment.assessment(false)).title()).isEqualTo("三链融合考核工作台 — 测试方案");
    }

    @Test
    void aScoringErrorIsShownAsTextAndClearsTheTables() {
        // data for a half-year in a yearly scheme: the period exists but cannot be scored
        List<Observation> o = new ArrayList<>(TinyAssessment.observations());
        o.add(Observation.of("2026H1", "A1", "I1", 10));
        ResultsViewModel vm = model(new Assessment(TinyAssessment.scheme(), new DataSet(o), DataSet.empty(), false));

        assertThat(vm.getSelectedPeriod()).isEqualTo(Period.parse("2026H1").orElseThrow());
        assertThat(vm.getErrorMessage()).contains("2026H1").contains("考核周期");
        assertThat(vm.overallRows()).isEmpty();
        assertThat(vm.zoneRows()).allSatisfy(z -> assertThat(z.rows()).isEmpty());
        assertThat(vm.getResult()).isNull();

        vm.setSelectedPeriod(Y2025);
        assertThat(vm.getErrorMessage()).isEmpty();
        assertThat(vm.overallRows()).hasSize(4);
    }

    @Test
    void anAnswerToAnEarlierChoiceIsDropped() {
        DeferredExecutor executor = new DeferredExecutor();
        ResultsViewModel vm = new ResultsViewModel(TinyAssessment.assessment(false), new ScoringService(), executor);
        assertThat(vm.isBusy()).isTrue();
        vm.setSelectedPeriod(Y2024);

        executor.runAll(); // 2025 (stale), then 2024

        assertThat(vm.isBusy()).isFalse();
        assertThat(vm.getResult().period()).isEqualTo(Y2024);
        assertThat(units(vm.overallRows())).containsExactly("A1", "B2", "B1", "A2");
    }

    @Test
    void dataWithoutPeriodsShowsWhyNothingIsRanked() {
        ResultsViewModel vm = model(new Assessment(TinyAssessment.scheme(), DataSet.empty(), DataSet.empty(), false));

        assertThat(vm.periods()).isEmpty();
        assertThat(vm.getSelectedPeriod()).isNull();
        assertThat(vm.overallRows()).isEmpty();
        assertThat(vm.getStatus()).contains("没有");
    }

    @Test
    void periodsAreNamedAsPeopleSayThem() {
        assertThat(ResultFormat.period(Y2025)).isEqualTo("2025年");
        assertThat(ResultFormat.period(Period.parse("2025H2").orElseThrow())).isEqualTo("2025年下半年");
        assertThat(ResultFormat.period(Period.parse("2025Q3").orElseThrow())).isEqualTo("2025年第3季度");
    }

    @Test
    void aRefreshScoresTheShownPeriodAgainWithTheNewFigures() {
        AtomicReference<Assessment> stored = new AtomicReference<>(TinyAssessment.assessment(false));
        ResultsViewModel vm = new ResultsViewModel(List.of(Y2024, Y2025), stored.get(), p -> stored.get(),
                new ScoringService(), new CurrentThreadTaskExecutor());
        vm.selectUnit("A1");
        assertThat(vm.overallRows().get(1).total()).isEqualTo(80.0);

        stored.set(withFigure(stored.get(), "2025", "A1", "I2", 100)); // another screen saved a figure
        vm.refresh(List.of(Y2024, Y2025));

        assertThat(vm.getSelectedPeriod()).isEqualTo(Y2025);
        assertThat(units(vm.overallRows())).containsExactly("A1", "A2", "B2", "B1");
        assertThat(vm.overallRows().get(0).total()).isEqualTo(100.0);
        assertThat(vm.getBreakdown().unit().total()).as("the chosen unit's breakdown follows").isEqualTo(100.0);
        assertThat(vm.computations()).isEqualTo(2);
    }

    @Test
    void aBurstOfChangesWhileScoringIsScoredOnceWithTheLatestFigures() {
        DeferredExecutor executor = new DeferredExecutor();
        AtomicReference<Assessment> stored = new AtomicReference<>(TinyAssessment.assessment(false));
        ResultsViewModel vm = new ResultsViewModel(List.of(Y2024, Y2025), stored.get(), p -> stored.get(),
                new ScoringService(), executor);
        assertThat(executor.held()).isEqualTo(1);

        for (double v : new double[] {60, 80, 100}) {
            stored.set(withFigure(stored.get(), "2025", "A1", "I2", v));
            vm.refresh(List.of(Y2024, Y2025));
        }
        assertThat(executor.held()).as("nothing starts while the first scoring runs").isEqualTo(1);
        assertThat(vm.isBusy()).isTrue();

        executor.runOne(); // the first answer is stale: dropped, and one scoring of the latest starts
        assertThat(vm.getResult()).isNull();
        assertThat(executor.held()).isEqualTo(1);
        assertThat(vm.isBusy()).isTrue();

        executor.runAll();
        assertThat(vm.isBusy()).isFalse();
        assertThat(vm.computations()).as("three changes, scored once").isEqualTo(2);
        assertThat(vm.overallRows().get(0).unitCode()).isEqualTo("A1");
        assertThat(vm.overallRows().get(0).total()).isEqualTo(100.0);
    }

    @Test
    void aRefreshWithoutTheShownPeriodChoosesTheLatest() {
        AtomicReference<Assessment> stored = new AtomicReference<>(TinyAssessment.assessment(false));
        ResultsViewModel vm = new ResultsViewModel(List.of(Y2024, Y2025), stored.get(), p -> stored.get(),
                new ScoringService(), new CurrentThreadTaskExecutor());
        vm.setSelectedPeriod(Y2024);

        vm.refresh(List.of(Y2025));

        assertThat(vm.periods()).containsExactly(Y2025);
        assertThat(vm.getSelectedPeriod()).isEqualTo(Y2025);
        assertThat(vm.getResult().period()).isEqualTo(Y2025);
    }

    @Test
    void aUnitNotRankedInThePreviousPeriodIsMarkedNew() {
        ResultsViewModel vm = model(TinyAssessment.assessment(false));
        UnitResult a2 = vm.getResult().row("A2").orElseThrow().withRankChange(OptionalInt.empty());

        ResultRow withPrevious = ResultRow.of(a2, vm.dimensionColumns(), true);
        ResultRow firstPeriod = ResultRow.of(a2, vm.dimensionColumns(), false);

        assertThat(withPrevious.newcomer()).isTrue();
        assertThat(vm.format().rankChange(withPrevious.rankChange(), withPrevious.newcomer())).isEqualTo("新");
        assertThat(vm.format().rankChange(firstPeriod.rankChange(), firstPeriod.newcomer())).isEmpty();
        ResultRow ranked = vm.overallRows().get(0);
        assertThat(vm.format().rankChange(ranked.rankChange(), ranked.newcomer())).isEqualTo("↑3");
    }

    private static Assessment withFigure(Assessment a, String period, String unit, String code, double value) {
        return new Assessment(a.scheme(), a.data().with(Period.parse(period).orElseThrow(), unit, code, value),
                a.targets(), a.simulated());
    }

    /** Holds the work until told to run it, to interleave answers with new choices. */
    private static final class DeferredExecutor implements TaskExecutor {
        private final List<Runnable> pending = new ArrayList<>();

        @Override
        public <T> void execute(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
            pending.add(() -> new CurrentThreadTaskExecutor().execute(work, onSuccess, onFailure));
        }

        /** Runs the held work, and the work its answers start, until none is left. */
        void runAll() {
            while (!pending.isEmpty()) {
                runOne();
            }
        }

        void runOne() {
            pending.remove(0).run();
        }

        int held() {
            return pending.size();
        }
    }
}

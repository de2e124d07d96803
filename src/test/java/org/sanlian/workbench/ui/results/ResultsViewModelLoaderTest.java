package org.sanlian.workbench.ui.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sanlian.workbench.app.Assessment;
import org.sanlian.workbench.app.ScoringService;
import org.sanlian.workbench.core.check.Issue;
import org.sanlian.workbench.core.check.ValidationException;
import org.sanlian.workbench.core.model.DataSet;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.model.Scheme;
import org.sanlian.workbench.core.model.Zone;
import org.sanlian.workbench.i18n.Messages;
import org.sanlian.workbench.ui.common.CurrentThreadTaskExecutor;

/**
 * The results view model on a loader (as the window on a database): the latest period is shown from
 * the assessment handed in, every other period is loaded when chosen and may bring its own scheme
 * (columns, tabs, decimals) and its own 示例数据 mark. Without a toolkit.
 */
class ResultsViewModelLoaderTest {

    private static final Period Y2024 = Period.year(2024);
    private static final Period Y2025 = Period.year(2025);

    @BeforeAll
    static void chinese() {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
    }

    /** A loader that records the periods it was asked for. */
    private static final class RecordingLoader implements Function<Period, Assessment> {
        final List<Period> asked = new ArrayList<>();
        private final Function<Period, Assessment> answer;

        RecordingLoader(Function<Period, Assessment> answer) {
            this.answer = answer;
        }

        @Override
        public Assessment apply(Period period) {
            asked.add(period);
            return answer.apply(period);
        }
    }

    private static ResultsViewModel model(Assessment latest, Function<Period, Assessment> loader) {
        return new ResultsViewModel(List.of(Y2024, Y2025), latest, loader, new ScoringService(),
                new CurrentThreadTaskExecutor());
    }

    private static List<String> units(List<ResultRow> rows) {
        return rows.stream().map(ResultRow::unitCode).toList();
    }

    /** The tiny scheme under another name, with one decimal and one zone holding every unit. */
    static Scheme oneZoneScheme() {
        Scheme s = TinyAssessment.scheme();
        return new Scheme(s.code(), "测试方案（2024）", s.periodKind(), s.aggregation(), s.comparison(), 1,
                s.tieBreak(), s.bonusCap(), s.penaltyCap(), s.units(),
                List.of(new Zone("ZALL", "全部", List.of("A1", "A2", "B1", "B2"))), s.tree(), s.derived(),
                s.inputs(), s.adjustments(), s.vetoes(), s.bottomRules(), s.sensitivity(), s.cityTargets());
    }

    @Test
    void theLatestPeriodIsShownFromTheAssessmentHandedInWithoutLoading() {
        RecordingLoader loader = new RecordingLoader(p -> TinyAssessment.assessment(false));
        ResultsViewModel vm = model(TinyAssessment.assessment(false), loader);

        assertThat(loader.asked).isEmpty();
        assertThat(vm.periods()).containsExactly(Y2024, Y2025);
        assertThat(vm.getSelectedPeriod()).isEqualTo(Y2025);
        assertThat(units(vm.overallRows())).containsExactly("A2", "A1", "B2", "B1");
        assertThat(vm.isBusy()).isFalse();
    }

    @Test
    void choosingAPeriodLoadsItsAssessmentEachTime() {
        RecordingLoader loader = new RecordingLoader(p -> TinyAssessment.assessment(false));
        ResultsViewModel vm = model(TinyAssessment.assessment(false), loader);

        vm.setSelectedPeriod(Y2024);
        assertThat(loader.asked).containsExactly(Y2024);
        assertThat(vm.getResult().period()).isEqualTo(Y2024);
        assertThat(units(vm.overallRows())).containsExactly("A1", "B2", "B1", "A2");

        vm.setSelectedPeriod(Y2025);
        assertThat(loader.asked).containsExactly(Y2024, Y2025); // read again: the store may have changed
        assertThat(units(vm.overallRows())).containsExactly("A2", "A1", "B2", "B1");
    }

    @Test
    void aPeriodWithAnotherSchemeBringsItsColumnsTabsDecimalsTitleAndMark() {
        Assessment other = new Assessment(oneZoneScheme(), new DataSet(TinyAssessment.observations()),
                DataSet.empty(), true);
        RecordingLoader loader = new RecordingLoader(p -> p.equals(Y2024) ? other : TinyAssessment.assessment(false));
        ResultsViewModel vm = model(TinyAssessment.assessment(false), loader);
        ResultsViewModel.Layout first = vm.layout();
        assertThat(vm.zoneRows()).extracting(z -> z.zone().code()).containsExactly("ZA", "ZB");
        assertThat(vm.simulated()).isFalse();
        assertThat(vm.title()).isEqualTo("三链融合考核工作台 — 测试方案");

        vm.setSelectedPeriod(Y2024);

        assertThat(vm.layout()).isNotSameAs(first);
        assertThat(vm.format().decimals()).isEqualTo(1);
        assertThat(vm.zoneRows()).extracting(z -> z.zone().name()).containsExactly("全部");
        assertThat(units(vm.zoneRows().get(0).rows())).containsExactly("A1", "B2", "B1", "A2");
        assertThat(vm.zoneRows().get(0).rows()).extracting(ResultRow::zoneRank).containsExactly(1, 2, 3, 4);
        assertThat(vm.format().score(vm.overallRows().get(0).total())).isEqualTo("100.0");
        assertThat(vm.assessment()).isSameAs(other);
        assertThat(vm.simulated()).isTrue();
        assertThat(vm.title()).isEqualTo("三链融合考核工作台 — 测试方案（2024）（示例数据）");

        vm.setSelectedPeriod(Y2025);
        assertThat(vm.format().decimals()).isEqualTo(2);
        assertThat(vm.zoneRows()).extracting(z -> z.zone().code()).containsExactly("ZA", "ZB");
        assertThat(units(vm.zoneRows().get(1).rows())).containsExactly("B2", "B1");
        assertThat(vm.simulated()).isFalse();
    }

    @Test
    void theSameShapeKeepsTheTables() {
        RecordingLoader loader = new RecordingLoader(p -> TinyAssessment.assessment(true));
        ResultsViewModel vm = model(TinyAssessment.assessment(false), loader);
        ResultsViewModel.Layout first = vm.layout();

        vm.setSelectedPeriod(Y2024);

        assertThat(vm.layout()).isSameAs(first); // a copied scheme: no new columns or tabs
        assertThat(vm.simulated()).isTrue();
    }

    @Test
    void aLoadingFailureIsShownAsTextAndTheNextChoiceWorks() {
        RecordingLoader loader = new RecordingLoader(p -> {
            if (p.equals(Y2024)) {
                throw new ValidationException(Issue.of("work.db", "store.no-scheme", "work.db"));
            }
            return TinyAssessment.assessment(false);
        });
        ResultsViewModel vm = model(TinyAssessment.assessment(false), loader);

        vm.setSelectedPeriod(Y2024);
        assertThat(vm.getErrorMessage()).isEqualTo(Messages.get().describe(
                Issue.of("work.db", "store.no-scheme", "work.db")));
        assertThat(vm.getErrorMessage()).startsWith("work.db: ").doesNotContain("Exception");
        assertThat(vm.overallRows()).isEmpty();
        assertThat(vm.getResult()).isNull();
        assertThat(vm.isBusy()).isFalse();

        vm.setSelectedPeriod(Y2025);
        assertThat(vm.getErrorMessage()).isEmpty();
        assertThat(vm.overallRows()).hasSize(4);
    }

    @Test
    void withoutPeriodsTheSchemeStillGivesTheColumnsAndNothingIsLoaded() {
        RecordingLoader loader = new RecordingLoader(p -> TinyAssessment.assessment(false));
        ResultsViewModel vm = new ResultsViewModel(List.of(),
                new Assessment(TinyAssessment.scheme(), DataSet.empty(), DataSet.empty(), false), loader,
                new ScoringService(), new CurrentThreadTaskExecutor());

        assertThat(loader.asked).isEmpty();
        assertThat(vm.getSelectedPeriod()).isNull();
        assertThat(vm.dimensionColumns()).extracting(d -> d.name()).containsExactly("产业链", "人才链");
        assertThat(vm.getStatus()).isEqualTo(Messages.get().text("ui.results.no-periods"));
    }
}

package org.sanlian.workbench.ui.overview;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
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
import org.sanlian.workbench.ui.common.CityTargetText;
import org.sanlian.workbench.app.FigureEntryService;
import org.sanlian.workbench.app.PublishService;
import org.sanlian.workbench.app.ScoringService;
import org.sanlian.workbench.app.WorkbenchDatabase;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.model.Scheme;
import org.sanlian.workbench.core.model.Zone;
import org.sanlian.workbench.core.scoring.PeriodResult;
import org.sanlian.workbench.core.scoring.UnitResult;
import org.sanlian.workbench.i18n.Messages;
import org.sanlian.workbench.ui.common.CurrentThreadTaskExecutor;
import org.sanlian.workbench.ui.common.TaskExecutor;
import org.sanlian.workbench.ui.shell.Workspace;

/** 总览's view model on the demo database, without a toolkit: its work runs on the test's thread. */
class OverviewViewModelTest {

    private static final Period Y2025 = Period.year(2025);
    private static final String LIANDU = "331102";

    @TempDir
    Path dir;

    private WorkbenchDatabase db;
    private Workspace workspace;
    private final List<String> asked = new ArrayList<>();

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

    private OverviewViewModel model(Clock clock) {
        return new OverviewViewModel(workspace, new CurrentThreadTaskExecutor(), new ScoringService(), clock);
    }

    private OverviewViewModel model() {
        return model(Clock.systemDefaultZone());
    }

    private PeriodResult scored(Period p) {
        return new ScoringService().score(db.assessment(p, workspace.year()), p);
    }

    @Test
    void theListsAViewListensToAreTheSameEachTimeSoTheirListenersAreKept() {
        OverviewViewModel vm = model();
        // a wrapper made per call is held only weakly by its list: the view's listener on it was lost
        // to the garbage collector, and the real window showed empty blocks
        assertThat(vm.zones()).isSameAs(vm.zones());
        assertThat(vm.bottom()).isSameAs(vm.bottom());
        assertThat(vm.inputs()).isSameAs(vm.inputs());
        assertThat(vm.gaps()).isSameAs(vm.gaps());
        assertThat(vm.warnings()).isSameAs(vm.warnings());
        assertThat(vm.targets()).isSameAs(vm.targets());
    }

    @Test
    void theCityTargetsAreThoseOfTheTargetsScreenWithTheirFiguresAndStatus() {
        OverviewViewModel vm = model();
        org.sanlian.workbench.app.CityTargetService.Report report =
                org.sanlian.workbench.app.CityTargetService.load(db, Y2025, workspace.year());
        assertThat(report.rows()).isNotEmpty();
        assertThat(vm.targets()).extracting(OverviewViewModel.TargetLine::code)
                .containsExactlyElementsOf(report.rows().stream().map(r -> r.goal().target().code()).toList());
        for (int i = 0; i < report.rows().size(); i++) {
            org.sanlian.workbench.core.targets.CityProgress.Goal g = report.rows().get(i).goal();
            OverviewViewModel.TargetLine line = vm.targets().get(i);
            assertThat(line.state()).isEqualTo(g.status());
            assertThat(line.figure()).isEqualTo(CityTargetText.number(g.figure()));
            assertThat(line.status()).isIn("已达成", "按进度", "落后", "无法判断");
        }
        // the sum kind is the units' values added up: the test adds them itself for one such target
        org.sanlian.workbench.core.targets.CityProgress.Goal sum = report.rows().stream().map(r -> r.goal())
                .filter(g -> g.target().aggregate() == org.sanlian.workbench.core.model.CityTarget.CityAggregate.SUM
                        && g.target().cumulativeFrom().isEmpty() && g.figure().isPresent())
                .findFirst().orElseThrow();
        double added = new ScoringService().values(db.assessment(Y2025, workspace.year()), Y2025,
                List.of(sum.target().code())).values().stream()
                .mapToDouble(m -> m.getOrDefault(sum.target().code(), 0.0)).sum();
        assertThat(sum.figure().getAsDouble()).isCloseTo(added, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void eachZoneShowsItsBestAndLastUnitsByZoneRank() {
        OverviewViewModel vm = model();
        PeriodResult r = scored(Y2025);
        Scheme scheme = r.scheme();
        assertThat(vm.headingProperty().get()).startsWith("2025年 总览（方案：").endsWith("，示例数据）");
        assertThat(vm.zones()).extracting(OverviewViewModel.ZoneLines::code)
                .containsExactlyElementsOf(scheme.zones().stream().map(Zone::code).toList());
        for (OverviewViewModel.ZoneLines z : vm.zones()) {
            List<UnitResult> inZone = r.rows().stream().filter(u -> u.zone().code().equals(z.code()))
                    .sorted(Comparator.comparingInt(UnitResult::zoneRank)).toList();
            // the demo's zones have five units: the best three, then the last two (a unit is never shown twice)
            assertThat(inZone).hasSize(5);
            assertThat(z.top()).extracting(OverviewViewModel.RankLine::code)
                    .containsExactlyElementsOf(inZone.subList(0, 3).stream().map(u -> u.unit().code()).toList());
            assertThat(z.bottom()).extracting(OverviewViewModel.RankLine::code).containsExactlyElementsOf(
                    inZone.subList(3, 5).stream().map(u -> u.unit().code()).toList());
            assertThat(z.top()).extracting(OverviewViewModel.RankLine::zoneRank).containsExactly(1, 2, 3);
            assertThat(z.gap()).isFalse();
            assertThat(z.title()).isEqualTo(scheme.zones().stream().filter(x -> x.code().equals(z.code()))
                    .findFirst().orElseThrow().name() + "（" + inZone.size() + " 个单位）");
        }
        // the totals with the scheme's decimals, and the change as an arrow (2024 is scored before 2025)
        OverviewViewModel.RankLine first = vm.zones().get(0).top().get(0);
        UnitResult firstRow = r.row(first.code()).orElseThrow();
        assertThat(first.total()).isEqualTo(java.math.BigDecimal.valueOf(firstRow.total())
                .setScale(scheme.decimals(), java.math.RoundingMode.HALF_UP).toPlainString());
        assertThat(first.change()).matches("↑\\d+|↓\\d+|—");
    }

    @Test
    void aZoneOfTenShowsItsFirstAndLastThreeWithAGapBetween() {
        Scheme scheme = db.scheme(db.schemeFor(Y2025, workspace.year()));
        Zone all = new Zone("Z1", "全市", scheme.units().stream().map(u -> u.code()).toList());
        db.saveScheme(scheme.withUnitsAndZones(scheme.units(), List.of(all)), workspace.year().orElseThrow(), "张三");
        workspace.reload();
        OverviewViewModel vm = model();

        assertThat(vm.zones()).singleElement().satisfies(z -> {
            assertThat(z.title()).isEqualTo("全市（10 个单位）");
            assertThat(z.top()).extracting(OverviewViewModel.RankLine::zoneRank).containsExactly(1, 2, 3);
            assertThat(z.bottom()).extracting(OverviewViewModel.RankLine::zoneRank).containsExactly(8, 9, 10);
            assertThat(z.gap()).isTrue();
        });
        List<String> lastThree = scored(Y2025).rows().stream().skip(7).map(u -> u.unit().code()).toList();
        assertThat(vm.zones().get(0).bottom()).extracting(OverviewViewModel.RankLine::code)
                .containsExactlyElementsOf(lastThree);
    }

    @Test
    void theBottomListIsTheScoredPeriodsListedUnitsWithLevelAndRulesInWords() {
        OverviewViewModel vm = model();
        List<UnitResult> listed = scored(Y2025).rows().stream().filter(UnitResult::listed).toList();
        assertThat(listed).isNotEmpty();
        assertThat(vm.bottom()).extracting(OverviewViewModel.BottomLine::code)
                .containsExactlyElementsOf(listed.stream().map(u -> u.unit().code()).toList());
        OverviewViewModel.BottomLine line = vm.bottom().get(0);
        UnitResult row = listed.get(0);
        assertThat(line.unit()).isEqualTo(row.unit().name());
        assertThat(line.zone()).isEqualTo(row.zone().name());
        assertThat(line.level()).isIn("约谈", "升级约谈", "提醒");
        assertThat(line.rules()).isNotBlank().doesNotContain("BOTTOM_N_PER_ZONE", "BELOW_SCORE", "DIMENSION_LAST");
    }

    @Test
    void aRemovedFigureShowsAsMissingAfterTheWorkspaceReloads() {
        OverviewViewModel vm = model();
        String input = vm.inputs().get(0).code();
        assertThat(vm.inputs().get(0).filled()).isEqualTo("10/10");
        assertThat(vm.gaps()).noneMatch(g -> g.code().equals(LIANDU));

        FigureEntryService.save(db, Y2025, List.of(new FigureEntryService.Change(LIANDU, input,
                OptionalDouble.empty(), "", "")), "张三");
        workspace.reload();

        assertThat(vm.inputs().get(0).filled()).isEqualTo("9/10");
        assertThat(vm.inputs().get(0).complete()).isFalse();
        OverviewViewModel.GapLine gap = vm.gaps().stream().filter(g -> g.code().equals(LIANDU)).findFirst()
                .orElseThrow();
        assertThat(gap.unit()).isEqualTo("莲都区");
        assertThat(gap.missing()).contains(vm.inputs().get(0).input());
        int all = vm.inputs().size() * 10;
        int missing = vm.gaps().stream().mapToInt(OverviewViewModel.GapLine::count).sum();
        assertThat(vm.completenessProperty().get())
                .isEqualTo("数据完整性（" + (all - missing) + "/" + all + " 个数据已填）");
        assertThat(vm.warnings()).extracting(OverviewViewModel.WarningLine::text)
                .contains(vm.gaps().size() + " 个单位共缺少 " + missing + " 个数据。请在“数据录入”中补齐，或导入填报模板。");
    }

    @Test
    void aPeriodWithoutFiguresIsNotRankedAndSaysWhy() {
        Period y2026 = Period.year(2026);
        db.addPeriod(y2026, "张三");
        workspace.reload();
        OverviewViewModel vm = model();
        workspace.selectPeriod(y2026);

        assertThat(vm.zones()).isEmpty();
        assertThat(vm.bottom()).isEmpty();
        assertThat(vm.inputs()).allMatch(i -> i.filled().equals("0/10"));
        assertThat(vm.gaps()).hasSize(10);
        List<String> texts = vm.warnings().stream().map(OverviewViewModel.WarningLine::text).toList();
        assertThat(texts).anyMatch(t -> t.startsWith("2026年 无法计算："));
        assertThat(texts).contains("这些考核期还没有任何数据：2026。");
        assertThat(texts).noneMatch(t -> t.contains("尚未发布通报"));
        assertThat(vm.warnings()).filteredOn(w -> w.text().startsWith("2026年 无法计算"))
                .extracting(OverviewViewModel.WarningLine::screen).containsExactly("results");
    }

    @Test
    void anUnpublishedPeriodIsWarnedUntilABulletinPublishesIt() {
        OverviewViewModel vm = model();
        assertThat(vm.warnings()).extracting(OverviewViewModel.WarningLine::text).contains("2025年 尚未发布通报。");

        PublishService.publish(db, Y2025, Optional.empty(), Optional.empty(), Optional.empty(), "张三");
        workspace.reload();

        assertThat(vm.warnings()).extracting(OverviewViewModel.WarningLine::text)
                .noneMatch(t -> t.contains("尚未发布通报"));
    }

    @Test
    void aBackupOlderThanAWeekIsWarned() {
        db.backup("manual");
        LocalDateTime taken = db.lastBackup().orElseThrow().takenAt();
        Clock sixDays = Clock.fixed(taken.plusDays(6).atZone(ZoneId.systemDefault()).toInstant(),
                ZoneId.systemDefault());
        assertThat(model(sixDays).warnings()).extracting(OverviewViewModel.WarningLine::text)
                .noneMatch(t -> t.contains("备份"));

        Clock tenDays = Clock.fixed(taken.plusDays(10).atZone(ZoneId.systemDefault()).toInstant(),
                ZoneId.systemDefault());
        OverviewViewModel vm = model(tenDays);
        assertThat(vm.warnings()).filteredOn(w -> w.text().contains("备份")).singleElement()
                .satisfies(w -> {
                    assertThat(w.text()).isEqualTo("最近一次备份是 " + taken.toLocalDate()
                            + "，已经 10 天了。请用“文件 → 立即备份”。");
                    assertThat(w.screen()).isEmpty();
                });
    }

    @Test
    void aBlockLeadsToTheFirstOfItsScreensTheWindowHas() {
        workspace.onScreenRequest(id -> {
            asked.add(id);
            return id.equals("results") || id.equals("entry");
        });
        OverviewViewModel vm = model();
        assertThat(vm.open(OverviewViewModel.Block.BOTTOM)).isTrue();
        assertThat(asked).containsExactly("bottom", "results");
        asked.clear();
        assertThat(vm.open(OverviewViewModel.Block.COMPLETENESS)).isTrue();
        assertThat(asked).containsExactly("entry");
        asked.clear();
        assertThat(vm.open(OverviewViewModel.Block.TARGETS)).isFalse();
        assertThat(asked).containsExactly("targets");
    }

    /** Holds work until the test runs it, so that answers can come back out of order. */
    private static final class HeldExecutor implements TaskExecutor {
        final Deque<Runnable> held = new ArrayDeque<>();

        @Override
        public <T> void execute(Callable<T> work, Consumer<? super T> onSuccess,
                                Consumer<? super Throwable> onFailure) {
            held.add(() -> new CurrentThreadTaskExecutor().execute(work, onSuccess, onFailure));
        }
    }

    @Test
    void anAnswerToAnOlderRequestIsDropped() {
        HeldExecutor held = new HeldExecutor();
        OverviewViewModel vm = new OverviewViewModel(workspace, held, new ScoringService(), Clock.systemDefaultZone());
        workspace.selectPeriod(Period.year(2024));
        assertThat(held.held).hasSize(2);
        assertThat(vm.busyProperty().get()).isTrue();

        held.held.removeLast().run(); // 2024, asked last, answers first
        assertThat(vm.headingProperty().get()).startsWith("2024年 总览");
        held.held.removeFirst().run(); // 2025's late answer is dropped
        assertThat(vm.headingProperty().get()).startsWith("2024年 总览");
        assertThat(vm.overviewProperty().get().period()).isEqualTo(Period.year(2024));
        assertThat(vm.busyProperty().get()).isFalse();
    }
}

package org.sanlian.workbench.ui.commitments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
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
import org.sanlian.workbench.app.ZoneTargetService;
import org.sanlian.workbench.core.model.AuditEntry;
import org.sanlian.workbench.core.model.AuditFilter;
import org.sanlian.workbench.core.model.Dimension;
import org.sanlian.workbench.core.model.Indicator;
import org.sanlian.workbench.core.model.Node;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.model.Scheme;
import org.sanlian.workbench.core.model.TargetSource;
import org.sanlian.workbench.core.model.Zone;
import org.sanlian.workbench.core.scoring.PeriodResult;
import org.sanlian.workbench.i18n.Messages;
import org.sanlian.workbench.ui.common.CurrentThreadTaskExecutor;
import org.sanlian.workbench.ui.results.TinyAssessment;
import org.sanlian.workbench.ui.shell.Workspace;

/**
 * The 分区目标 grid of the commitments screen on the demo database (whose scheme scores 市级创新联合体数
 * and 团队科技特派员 against zone targets), without a toolkit: its work runs on the test's thread.
 */
class ZoneTargetsViewModelTest {

    private static final Period Y2025 = Period.year(2025);
    private static final String Z1 = "Z1";
    private static final String Z2 = "Z2";
    private static final String ENVOYS = "SCI_ENVOYS";
    private static final String CONSORTIA = "CONSORTIA";

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

    private OptionalDouble kept(Period period, String zone, String code) {
        return db.assessment(period, Optional.empty()).targets().value(period, zone, code);
    }

    private List<AuditEntry> targetAudit() {
        return db.audit(new AuditFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("target"), Optional.empty(), Optional.empty(), 0));
    }

    @Test
    void showsTheSchemesZonesByItsZoneTargetIndicatorsWithTheKeptTargets() {
        TargetTable zones = vm.zoneTable().orElseThrow();
        assertThat(vm.hasZoneTargets()).isTrue();
        assertThat(zones.rows()).extracting(r -> r.code()).containsExactly(Z1, Z2);
        assertThat(zones.rows()).extracting(r -> r.name()).containsExactly("跨越发展类", "生态发展类");
        assertThat(zones.columns()).extracting(i -> i.code()).containsExactly(CONSORTIA, ENVOYS);
        for (String zone : List.of(Z1, Z2)) {
            for (String code : List.of(CONSORTIA, ENVOYS)) {
                assertThat(vm.target(zone, code)).isEqualTo(kept(Y2025, zone, code));
                assertThat(vm.target(zone, code)).isPresent();
            }
        }
        assertThat(vm.zoneSummaryProperty().get()).startsWith("分区目标：已填 4/4 个目标");
        // the commitments grid is unchanged: its indicators only, its count only
        assertThat(vm.sheet().indicators()).extracting(i -> i.code()).doesNotContain(CONSORTIA, ENVOYS);
        assertThat(vm.summaryProperty().get()).startsWith("2025年（按 2025 年方案）：已填 70/70 个目标");
    }

    @Test
    void aTypedZoneTargetIsCheckedLikeACommitmentAndBlankRemovesIt() {
        assertThat(vm.type(Z1, ENVOYS, "１６")).isEmpty();
        assertThat(vm.target(Z1, ENVOYS)).hasValue(16);
        assertThat(vm.isDirty()).isTrue();

        assertThat(vm.type(Z1, ENVOYS, "-2")).hasValueSatisfying(r -> assertThat(r)
                .startsWith("跨越发展类 · 团队科技特派员: ").contains("是负数"));
        assertThat(vm.type(Z2, CONSORTIA, "许多")).hasValueSatisfying(r -> assertThat(r)
                .startsWith("生态发展类 · 市级创新联合体数: “许多”不是数字"));
        assertThat(vm.problemsProperty().get()).contains("不是数字");
        assertThat(vm.target(Z1, ENVOYS)).hasValue(16); // refused text changed nothing
        assertThat(vm.target(Z2, CONSORTIA)).isEqualTo(kept(Y2025, Z2, CONSORTIA));

        // a zone is no row of the commitments, a unit no row of the zone targets
        assertThat(vm.type(Z1, "HTE", "3")).hasValue("表格中没有单位或分区 Z1 的指标 HTE。");
        assertThat(vm.type("331102", ENVOYS, "3")).hasValue("表格中没有单位或分区 331102 的指标 SCI_ENVOYS。");

        assertThat(vm.type(Z2, ENVOYS, "")).isEmpty();
        assertThat(vm.target(Z2, ENVOYS)).isEmpty();
        assertThat(vm.zoneSummaryProperty().get()).startsWith("分区目标：已填 3/4 个目标");
        assertThat(vm.summaryProperty().get()).startsWith("2025年（按 2025 年方案）：已填 70/70 个目标");

        vm.undo();
        assertThat(vm.target(Z2, ENVOYS)).isEqualTo(kept(Y2025, Z2, ENVOYS));
        vm.undo();
        assertThat(vm.target(Z1, ENVOYS)).isEqualTo(kept(Y2025, Z1, ENVOYS));
        assertThat(vm.isDirty()).isFalse();
        vm.redo();
        assertThat(vm.target(Z1, ENVOYS)).hasValue(16);
    }

    @Test
    void aPastedBlockFillsTheZoneGridAsOneUndoStepAndListsWhatFellOutside() {
        List<String> refused = vm.paste(Z1, CONSORTIA, "3\t21\n-1\t13\n4\t4\n");

        assertThat(vm.target(Z1, CONSORTIA)).hasValue(3);
        assertThat(vm.target(Z1, ENVOYS)).hasValue(21);
        assertThat(vm.target(Z2, ENVOYS)).hasValue(13);
        assertThat(vm.target(Z2, CONSORTIA)).isEqualTo(kept(Y2025, Z2, CONSORTIA)); // -1 refused
        assertThat(refused).hasSize(2);
        assertThat(refused.get(0)).startsWith("生态发展类 · 市级创新联合体数: ").contains("是负数");
        assertThat(refused.get(1)).startsWith("另有 2 个单元格超出分区目标表");
        assertThat(vm.problemsProperty().get()).startsWith("已粘贴 3 个单元格；2 处未采用：");

        vm.undo();
        for (String zone : List.of(Z1, Z2)) {
            for (String code : List.of(CONSORTIA, ENVOYS)) {
                assertThat(vm.target(zone, code)).isEqualTo(kept(Y2025, zone, code));
            }
        }
        assertThat(vm.isDirty()).isFalse();
    }

    @Test
    void savingWritesTheZoneTargetsUnderTheOperatorAndAFreshModelReadsThemBack() {
        int before = targetAudit().size();
        double envoys = kept(Y2025, Z1, ENVOYS).getAsDouble() + 3;
        vm.type(Z1, ENVOYS, Double.toString(envoys));
        vm.type(Z2, CONSORTIA, "");
        vm.type("331102", "HTE", "240"); // a commitment in the same save

        vm.save(() -> { });

        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.isDirty()).isFalse();
        assertThat(vm.noticeProperty().get()).isEqualTo("已保存 2025年 的公开承诺和分区目标，3 个目标有变化（操作人：张三）。");
        assertThat(kept(Y2025, Z1, ENVOYS)).hasValue(envoys);
        assertThat(kept(Y2025, Z2, CONSORTIA)).isEmpty();
        assertThat(kept(Y2025, "331102", "HTE")).hasValue(240);

        List<AuditEntry> trail = targetAudit().subList(before, targetAudit().size());
        assertThat(trail).hasSize(3).extracting(AuditEntry::operator).containsOnly("张三");
        AuditEntry zone = trail.stream().filter(e -> e.unit().equals(Optional.of(Z1))).findFirst().orElseThrow();
        assertThat(zone.action()).isEqualTo("UPDATE");
        assertThat(zone.code()).hasValue(ENVOYS);
        assertThat(zone.newValue().orElseThrow()).contains(ZoneTargetService.SOURCE);
        AuditEntry removed = trail.stream().filter(e -> e.unit().equals(Optional.of(Z2))).findFirst().orElseThrow();
        assertThat(removed.action()).isEqualTo("DELETE");
        AuditEntry unit = trail.stream().filter(e -> e.unit().equals(Optional.of("331102"))).findFirst().orElseThrow();
        assertThat(unit.newValue().orElseThrow()).contains("公开承诺（工作台录入）");

        CommitmentsViewModel again = new CommitmentsViewModel(workspace, new CurrentThreadTaskExecutor(),
                new ScoringService());
        assertThat(again.target(Z1, ENVOYS)).hasValue(envoys);
        assertThat(again.target(Z2, CONSORTIA)).isEmpty();
        assertThat(again.zoneSummaryProperty().get()).startsWith("分区目标：已填 3/4 个目标");
        assertThat(db.check()).isEmpty();
    }

    @Test
    void scoringAfterSavingComparesEachUnitOfTheZoneWithTheNewTarget() {
        ScoringService scoring = new ScoringService();
        Assessment a = db.assessment(Y2025, Optional.empty());
        Zone z1 = a.scheme().zones().stream().filter(z -> z.code().equals(Z1)).findFirst().orElseThrow();
        PeriodResult before = scoring.score(a, Y2025);
        // a target no unit of the zone reaches: every unit of Z1 misses it (THRESHOLD: met gets the weight)
        double highest = 0;
        for (String u : z1.units()) {
            highest = Math.max(highest, a.data().value(Y2025, u, ENVOYS).orElseThrow());
        }
        List<Double> pointsBefore = new ArrayList<>();
        for (String u : z1.units()) {
            pointsBefore.add(before.row(u).orElseThrow().leaf(ENVOYS).orElseThrow().points().orElseThrow());
        }
        assertThat(pointsBefore).anyMatch(p -> p > 0); // some unit met the old target, so the new one changes results

        assertThat(vm.type(Z1, ENVOYS, Double.toString(highest + 1))).isEmpty();
        vm.save(() -> { });
        assertThat(vm.errorProperty().get()).isEmpty();

        PeriodResult after = scoring.score(db.assessment(Y2025, Optional.empty()), Y2025);
        for (String u : z1.units()) {
            assertThat(after.row(u).orElseThrow().leaf(ENVOYS).orElseThrow().points().orElseThrow()).isZero();
        }
        // Z2's units keep their own zone's target
        Zone z2 = a.scheme().zones().stream().filter(z -> z.code().equals(Z2)).findFirst().orElseThrow();
        for (String u : z2.units()) {
            assertThat(after.row(u).orElseThrow().leaf(ENVOYS).orElseThrow().points().orElseThrow())
                    .isEqualTo(before.row(u).orElseThrow().leaf(ENVOYS).orElseThrow().points().orElseThrow());
        }
    }

    @Test
    void carryOverFillsTheEmptyZoneTargetsOfANewPeriodWithLastPeriodsInTheSameUndoStep() {
        Period y2026 = Period.year(2026);
        db.addPeriod(y2026, "tester");
        workspace.reload(() -> { });
        workspace.selectPeriod(y2026);
        assertThat(vm.target(Z1, ENVOYS)).isEmpty();
        assertThat(vm.type(Z2, ENVOYS, "30")).isEmpty(); // typed before: stays

        assertThat(vm.carryOver()).isEmpty();
        assertThat(vm.target(Z1, ENVOYS)).isEqualTo(kept(Y2025, Z1, ENVOYS));
        assertThat(vm.target(Z1, CONSORTIA)).isEqualTo(kept(Y2025, Z1, CONSORTIA));
        assertThat(vm.target(Z2, CONSORTIA)).isEqualTo(kept(Y2025, Z2, CONSORTIA));
        assertThat(vm.target(Z2, ENVOYS)).hasValue(30);
        assertThat(vm.target("331102", "HTE")).isEqualTo(kept(Y2025, "331102", "HTE"));

        vm.undo(); // commitments and zone targets together
        assertThat(vm.target(Z1, ENVOYS)).isEmpty();
        assertThat(vm.target("331102", "HTE")).isEmpty();
        assertThat(vm.target(Z2, ENVOYS)).hasValue(30);
        vm.redo();
        vm.save(() -> { });
        assertThat(kept(y2026, Z1, ENVOYS)).isEqualTo(kept(Y2025, Z1, ENVOYS));
        assertThat(kept(y2026, Z2, ENVOYS)).hasValue(30);
    }

    @Test
    void aReadOnlyDatabaseRefusesZoneTargets() {
        try (WorkbenchDatabase second = WorkbenchDatabase.open(dir.resolve("w.db"))) {
            assertThat(second.readOnly()).isTrue();
            Workspace ws = new Workspace(new CurrentThreadTaskExecutor());
            ws.attach(second, Workspace.Content.read(second), "张三");
            CommitmentsViewModel ro = new CommitmentsViewModel(ws, new CurrentThreadTaskExecutor(), new ScoringService());
            assertThat(ro.editableProperty().get()).isFalse();
            OptionalDouble was = ro.target(Z1, ENVOYS);
            assertThat(was).isPresent();
            assertThat(ro.type(Z1, ENVOYS, "99")).hasValue(Messages.get().text("ui.commitments.not-editable"));
            assertThat(ro.paste(Z1, CONSORTIA, "1\t2\n")).hasSize(1);
            assertThat(ro.target(Z1, ENVOYS)).isEqualTo(was);
            assertThat(ro.isDirty()).isFalse();
        }
    }

    /** The scheme with every leaf scored against its rule's fixed target: no zone targets, no commitments. */
    private static Scheme fixedTargetsOnly(Scheme scheme) {
        List<Node> tree = new ArrayList<>();
        for (Node n : scheme.tree()) {
            Dimension d = (Dimension) n;
            tree.add(new Dimension(d.code(), d.name(), d.weight(), d.children().stream()
                    .map(c -> (Node) ((Indicator) c).withTarget(TargetSource.FIXED)).toList()));
        }
        return scheme.withTree(tree);
    }

    @Test
    void aSchemeWithoutZoneTargetIndicatorsHasNoZoneGridButANote(@TempDir Path other) {
        try (WorkbenchDatabase tiny = WorkbenchDatabase.open(other.resolve("tiny.db"))) {
            tiny.initScheme(fixedTargetsOnly(TinyAssessment.scheme()), 2025, "tester");
            tiny.addPeriod(Y2025, "tester");
            Workspace ws = new Workspace(new CurrentThreadTaskExecutor());
            ws.attach(tiny, Workspace.Content.read(tiny), "张三");
            ws.selectPeriod(Y2025);
            CommitmentsViewModel model = new CommitmentsViewModel(ws, new CurrentThreadTaskExecutor(),
                    new ScoringService());
            assertThat(model.sheet()).isNotNull();
            assertThat(model.hasZoneTargets()).isFalse();
            assertThat(model.zoneSummaryProperty().get())
                    .isEqualTo("分区目标：本期方案没有以分区目标计分的指标，故不显示分区目标表。");
            assertThat(model.type("ZA", "I1", "3")).hasValue("表格中没有单位或分区 ZA 的指标 I1。");
        }
    }
}

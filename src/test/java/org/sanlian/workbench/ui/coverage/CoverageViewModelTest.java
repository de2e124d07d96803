package org.sanlian.workbench.ui.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanlian.workbench.app.CoverageService;
import org.sanlian.workbench.app.ScoringService;
import org.sanlian.workbench.app.WorkbenchDatabase;
import org.sanlian.workbench.core.model.AuditEntry;
import org.sanlian.workbench.core.model.AuditFilter;
import org.sanlian.workbench.core.model.CoverageItem;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.i18n.Messages;
import org.sanlian.workbench.ui.common.CurrentThreadTaskExecutor;
import org.sanlian.workbench.ui.shell.Workspace;

/** The 七有 coverage view model on the demo database, without a toolkit: its work runs on the test's thread. */
class CoverageViewModelTest {

    private static final Period Y2025 = Period.year(2025);
    private static final Period Y2024 = Period.year(2024);
    private static final String LIANDU = "331102";
    private static final String QINGTIAN = "331121";

    @TempDir
    Path dir;

    private WorkbenchDatabase db;
    private Workspace workspace;
    private CoverageViewModel vm;

    @BeforeAll
    static void chinese() {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
    }

    @BeforeEach
    void open() {
        db = WorkbenchDatabase.openOrCreateDemo(dir.resolve("w.db"), "tester");
        workspace = new Workspace(new CurrentThreadTaskExecutor());
        workspace.attach(db, Workspace.Content.read(db), "张三");
        vm = new CoverageViewModel(workspace, new CurrentThreadTaskExecutor());
    }

    @AfterEach
    void close() {
        db.close();
    }

    private List<AuditEntry> audit(String entity) {
        return db.audit(new AuditFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(entity), Optional.empty(), Optional.empty(), 0));
    }

    private void check(String chain, int item, String evidence) {
        assertThat(vm.setCovered(chain, item, true)).isEmpty();
        assertThat(vm.setEvidence(chain, item, evidence)).isEmpty();
    }

    @Test
    void chainsAreAddedRenamedAndRemovedEachOneUndoStep() {
        assertThat(vm.selectedUnit()).hasValue(LIANDU);
        assertThat(vm.units()).hasSize(10);
        assertThat(vm.sheet().chainsOf(LIANDU)).isEmpty();
        assertThat(vm.summaryProperty().get()).isEqualTo("2025年：全市覆盖率 未登记产业链（0 条产业链，0/10 个单位已登记）");

        assertThat(vm.addChain("生态合成革")).isEmpty();
        assertThat(vm.addChain("半导体")).isEmpty();
        assertThat(vm.addChain(" 生态合成革 ")).hasValue("莲都区 已有名为“生态合成革”的产业链。请换一个名称。");
        assertThat(vm.addChain("  ")).hasValue("请填写产业链名称。");
        assertThat(vm.sheet().chainsOf(LIANDU)).extracting(CoverageSheet.Chain::name).containsExactly("生态合成革", "半导体");

        assertThat(vm.renameChain("半导体", "半导体全链条")).isEmpty();
        assertThat(vm.renameChain("半导体全链条", "生态合成革")).isPresent();
        assertThat(vm.sheet().chainsOf(LIANDU)).extracting(CoverageSheet.Chain::name)
                .containsExactly("生态合成革", "半导体全链条");

        assertThat(vm.removeChain("生态合成革")).isEmpty();
        assertThat(vm.sheet().chainsOf(LIANDU)).extracting(CoverageSheet.Chain::name).containsExactly("半导体全链条");

        vm.undo();
        assertThat(vm.sheet().chainsOf(LIANDU)).extracting(CoverageSheet.Chain::name)
                .containsExactly("生态合成革", "半导体全链条");
        vm.undo();
        vm.undo();
        vm.undo();
        assertThat(vm.sheet().chainsOf(LIANDU)).isEmpty();
        assertThat(vm.isDirty()).isFalse();
        vm.redo();
        assertThat(vm.sheet().chainsOf(LIANDU)).extracting(CoverageSheet.Chain::name).containsExactly("生态合成革");
    }

    @Test
    void ratesPerUnitAndForTheCityAreRatiosOfTheItemsInPlace() {
        vm.addChain("生态合成革");
        check("生态合成革", 1, "丽科发〔2025〕12号");
        check("生态合成革", 3, "省级研发中心认定文件");
        vm.addChain("半导体");
        check("半导体", 2, "合作协议");
        // 莲都区: 3 of 14 items
        assertThat(vm.rate(LIANDU).getAsDouble()).isCloseTo(300.0 / 14, within(1e-12));

        vm.select(QINGTIAN);
        vm.addChain("不锈钢");
        for (int n = 1; n <= 7; n++) {
            check("不锈钢", n, "佐证 " + n);
        }
        assertThat(vm.rate(QINGTIAN).getAsDouble()).isEqualTo(100.0);
        // the city: (3 + 7) of (14 + 7), not the mean of 21.4% and 100%
        assertThat(vm.cityRate().getAsDouble()).isCloseTo(1000.0 / 21, within(1e-12));
        assertThat(vm.rate("331122")).isEmpty();
        assertThat(CoverageViewModel.rateText(vm.rate("331122"))).isEqualTo("未登记产业链");
        assertThat(vm.summaryProperty().get()).startsWith("2025年：全市覆盖率 47.6%（3 条产业链，2/10 个单位已登记）");

        vm.setCovered("不锈钢", 7, false);
        assertThat(vm.rate(QINGTIAN).getAsDouble()).isCloseTo(600.0 / 7, within(1e-12));
        assertThat(vm.sheet().chain(QINGTIAN, "不锈钢").orElseThrow().item(7).evidence()).isEqualTo("佐证 7");
    }

    @Test
    void savingKeepsTheChecklistAndTheCoverageFiguresInOneAuditedTransaction() {
        double scoredBefore = new ScoringService().score(db.assessment(Y2025, Optional.empty()), Y2025)
                .row(LIANDU).orElseThrow().leaf(CoverageService.INDICATOR).orElseThrow().value().orElseThrow();
        int coverageBefore = audit("coverage").size();
        vm.addChain("生态合成革");
        check("生态合成革", 1, "丽科发〔2025〕12号");
        check("生态合成革", 5, "加速器挂牌");

        boolean[] saved = new boolean[1];
        vm.save(() -> saved[0] = true);

        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(saved[0]).isTrue();
        assertThat(vm.isDirty()).isFalse();
        assertThat(vm.noticeProperty().get())
                .isEqualTo("已保存 2025年 的七有覆盖情况，并把 1 个单位的覆盖率写入指标 QIYOU 的数据（操作人：张三）。");
        List<CoverageItem> kept = CoverageService.load(db, Y2025);
        assertThat(kept).hasSize(7);
        assertThat(kept).filteredOn(CoverageItem::covered).extracting(CoverageItem::item, CoverageItem::evidence)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "丽科发〔2025〕12号"),
                        org.assertj.core.groups.Tuple.tuple(5, "加速器挂牌"));
        List<AuditEntry> trail = audit("coverage");
        assertThat(trail.subList(coverageBefore, trail.size())).hasSize(7)
                .allSatisfy(e -> assertThat(e.operator()).isEqualTo("张三"));

        // the figure the indicator scores is the checklist's rate, recorded under the operator
        double figure = db.assessment(Y2025, Optional.empty()).data().value(Y2025, LIANDU, "QIYOU").orElseThrow();
        assertThat(figure).isCloseTo(200.0 / 7, within(1e-12));
        assertThat(figure).isNotEqualTo(scoredBefore);
        assertThat(new ScoringService().score(db.assessment(Y2025, Optional.empty()), Y2025).row(LIANDU).orElseThrow()
                .leaf("QIYOU").orElseThrow().value()).hasValue(figure);
        assertThat(audit("figure")).last().satisfies(e -> {
            assertThat(e.operator()).isEqualTo("张三");
            assertThat(e.code()).hasValue("QIYOU");
        });

        // read back by a fresh model; renaming and removing are kept too
        CoverageViewModel again = new CoverageViewModel(workspace, new CurrentThreadTaskExecutor());
        assertThat(again.sheet().chain(LIANDU, "生态合成革").orElseThrow().item(5))
                .isEqualTo(new CoverageSheet.Item(true, "加速器挂牌"));
        again.renameChain("生态合成革", "合成革");
        again.save(() -> { });
        assertThat(CoverageService.load(db, Y2025)).extracting(CoverageItem::chain).containsOnly("合成革");
        again.removeChain("合成革");
        again.save(() -> { });
        assertThat(CoverageService.load(db, Y2025)).isEmpty();
        // the rate this screen wrote goes with the last chain; the period's other figures stay
        assertThat(db.assessment(Y2025, Optional.empty()).data().value(Y2025, LIANDU, "QIYOU")).isEmpty();
        assertThat(db.assessment(Y2025, Optional.empty()).data().value(Y2025, QINGTIAN, "QIYOU")).isPresent();
        assertThat(db.check()).isEmpty();
    }

    @Test
    void aCheckedItemWithoutEvidenceRefusesTheSaveAndSaysWhere() {
        vm.addChain("生态合成革");
        vm.setCovered("生态合成革", 4, true);
        vm.save(() -> { });

        assertThat(vm.isDirty()).isTrue();
        assertThat(vm.errorProperty().get())
                .isEqualTo("莲都区 · 生态合成革: 第 4 项已勾选，但没有填写佐证。请填写佐证（文件名、批文号或网址），或取消勾选。");
        assertThat(CoverageService.load(db, Y2025)).isEmpty();

        vm.setEvidence("生态合成革", 4, "综合体建设方案");
        vm.save(() -> { });
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(CoverageService.load(db, Y2025)).hasSize(7);
    }

    /** Lists chains with evidence for 2024 through the screen and saves them. */
    private void saveChainsFor2024() {
        workspace.selectPeriod(Y2024);
        assertThat(vm.periodProperty().get()).isEqualTo(Y2024);
        vm.select(LIANDU);
        vm.addChain("生态合成革");
        check("生态合成革", 1, "丽科发〔2024〕8号");
        check("生态合成革", 3, "省级研发中心认定文件");
        vm.addChain("半导体");
        check("半导体", 2, "合作协议");
        vm.select(QINGTIAN);
        vm.addChain("不锈钢");
        check("不锈钢", 7, "特派员团队名单");
        vm.save(() -> { });
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(CoverageService.load(db, Y2024)).hasSize(21);
    }

    @Test
    void carryOverCopiesTheEarlierPeriodsChainsAndEvidenceAsOneUndoStepSavedOnlyBySave() {
        saveChainsFor2024();
        assertThat(vm.canCarryOverProperty().get()).isFalse(); // 2024 has chains (and nothing before it has)

        workspace.selectPeriod(Y2025);
        assertThat(vm.periodProperty().get()).isEqualTo(Y2025);
        assertThat(vm.sheet().chainCount()).isZero();
        assertThat(vm.earlierPeriod()).hasValue(Y2024);
        assertThat(vm.canCarryOverProperty().get()).isTrue();
        assertThat(vm.carryOverTipProperty().get()).isEqualTo(
                "把 2024年 登记的产业链及各项的勾选和佐证（2 个单位、3 条产业链）复制到本期，作为一步，可撤销；按“保存”后才写入。复制后请按本期实际修改。");
        int auditBefore = audit("coverage").size();

        assertThat(vm.carryOver()).isEmpty();
        assertThat(vm.sheet()).isEqualTo(CoverageSheet.of(CoverageService.load(db, Y2024)));
        assertThat(vm.sheet().chainsOf(LIANDU)).extracting(CoverageSheet.Chain::name)
                .containsExactlyInAnyOrder("生态合成革", "半导体");
        assertThat(vm.sheet().chain(LIANDU, "生态合成革").orElseThrow().item(1))
                .isEqualTo(new CoverageSheet.Item(true, "丽科发〔2024〕8号"));
        assertThat(vm.sheet().chain(QINGTIAN, "不锈钢").orElseThrow().item(7))
                .isEqualTo(new CoverageSheet.Item(true, "特派员团队名单"));
        assertThat(vm.rate(LIANDU).getAsDouble()).isCloseTo(300.0 / 14, within(1e-12));
        assertThat(vm.isDirty()).isTrue();
        assertThat(vm.noticeProperty().get())
                .isEqualTo("已从 2024年 沿用 2 个单位的 3 条产业链及其佐证，尚未保存。请按本期实际修改后按“保存”。");
        assertThat(vm.canCarryOverProperty().get()).isFalse();
        assertThat(vm.carryOverTipProperty().get()).startsWith("2025年 已有产业链");
        assertThat(vm.carryOver()).hasValueSatisfying(why -> assertThat(why).startsWith("2025年 已有产业链"));
        // nothing is written before 保存
        assertThat(CoverageService.load(db, Y2025)).isEmpty();
        assertThat(audit("coverage")).hasSize(auditBefore);

        // one undo step takes it all back
        vm.undo();
        assertThat(vm.sheet().chainCount()).isZero();
        assertThat(vm.isDirty()).isFalse();
        assertThat(vm.canUndoProperty().get()).isFalse();
        assertThat(vm.canCarryOverProperty().get()).isTrue();

        // carried again, one item updated for 2025, saved: written for 2025, 2024 as it was
        vm.redo();
        vm.select(LIANDU);
        check("半导体", 5, "加速器挂牌");
        vm.save(() -> { });
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.isDirty()).isFalse();
        List<CoverageItem> kept2025 = CoverageService.load(db, Y2025);
        assertThat(kept2025).hasSize(21).allSatisfy(i -> assertThat(i.period()).isEqualTo(Y2025));
        CoverageSheet back = CoverageSheet.of(kept2025);
        assertThat(back.chain(LIANDU, "生态合成革").orElseThrow().item(3))
                .isEqualTo(new CoverageSheet.Item(true, "省级研发中心认定文件"));
        assertThat(back.chain(LIANDU, "半导体").orElseThrow().item(5)).isEqualTo(new CoverageSheet.Item(true, "加速器挂牌"));
        assertThat(back.chain(QINGTIAN, "不锈钢").orElseThrow().item(7))
                .isEqualTo(new CoverageSheet.Item(true, "特派员团队名单"));
        assertThat(CoverageSheet.of(CoverageService.load(db, Y2024)).chain(LIANDU, "半导体").orElseThrow().item(5))
                .isEqualTo(CoverageSheet.Item.NONE);
        List<AuditEntry> trail = audit("coverage");
        assertThat(trail.subList(auditBefore, trail.size())).hasSize(21).allSatisfy(e -> {
            assertThat(e.operator()).isEqualTo("张三");
            assertThat(e.action()).isEqualTo("INSERT");
            assertThat(e.period()).hasValue("2025");
        });
        assertThat(db.assessment(Y2025, Optional.empty()).data().value(Y2025, LIANDU, "QIYOU").orElseThrow())
                .isCloseTo(400.0 / 14, within(1e-12));
        assertThat(vm.canCarryOverProperty().get()).isFalse();
        assertThat(db.check()).isEmpty();
    }

    @Test
    void carryOverIsDisabledAndSaysWhyWhenNoEarlierPeriodHasChains() {
        assertThat(vm.canCarryOverProperty().get()).isFalse();
        assertThat(vm.canCarryOverUnitProperty().get()).isFalse();
        assertThat(vm.carryOverTipProperty().get()).isEqualTo("不能沿用：2025年 之前没有登记过产业链的同类考核期。");
        assertThat(vm.carryOver()).hasValue("不能沿用：2025年 之前没有登记过产业链的同类考核期。");
        assertThat(vm.canUndoProperty().get()).isFalse();

        // chains of a later period are not carried back
        vm.addChain("生态合成革");
        vm.save(() -> { });
        workspace.selectPeriod(Y2024);
        assertThat(vm.sheet().chainCount()).isZero();
        assertThat(vm.earlierPeriod()).isEmpty();
        assertThat(vm.canCarryOverProperty().get()).isFalse();
        assertThat(vm.carryOverTipProperty().get()).isEqualTo("不能沿用：2024年 之前没有登记过产业链的同类考核期。");
    }

    @Test
    void oneUnitCarriesOverItsOwnChainsWhileOthersAlreadyHaveTheirs() {
        saveChainsFor2024();
        workspace.selectPeriod(Y2025);
        vm.select(QINGTIAN);
        vm.addChain("LED");
        assertThat(vm.canCarryOverProperty().get()).isFalse();
        assertThat(vm.canCarryOverUnitProperty().get()).isFalse();
        assertThat(vm.carryOverUnitTipProperty().get()).isEqualTo("青田县 本期已有产业链，不能再沿用上期。");

        vm.select("331122");
        assertThat(vm.canCarryOverUnitProperty().get()).isFalse();
        assertThat(vm.carryOverUnitTipProperty().get()).isEqualTo("不能沿用：缙云县 在 2024年 没有登记产业链。");

        vm.select(LIANDU);
        assertThat(vm.canCarryOverUnitProperty().get()).isTrue();
        assertThat(vm.carryOverUnit()).isEmpty();
        assertThat(vm.sheet().chainsOf(LIANDU)).extracting(CoverageSheet.Chain::name)
                .containsExactlyInAnyOrder("生态合成革", "半导体");
        assertThat(vm.sheet().chainsOf(QINGTIAN)).extracting(CoverageSheet.Chain::name).containsExactly("LED");
        assertThat(vm.noticeProperty().get()).startsWith("已从 2024年 沿用 莲都区 的 2 条产业链及其佐证");
        assertThat(vm.canCarryOverUnitProperty().get()).isFalse();
        vm.undo();
        assertThat(vm.sheet().chainsOf(LIANDU)).isEmpty();
        assertThat(vm.sheet().chainsOf(QINGTIAN)).extracting(CoverageSheet.Chain::name).containsExactly("LED");
    }
}

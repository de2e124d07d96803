package org.sanlian.workbench.ui.scheme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanlian.workbench.app.Assessment;
import org.sanlian.workbench.app.PublishService;
import org.sanlian.workbench.app.ScoringService;
import org.sanlian.workbench.app.WorkbenchDatabase;
import org.sanlian.workbench.core.model.AuditEntry;
import org.sanlian.workbench.core.model.AuditFilter;
import org.sanlian.workbench.core.model.Aggregation;
import org.sanlian.workbench.core.model.Comparison;
import org.sanlian.workbench.core.model.BottomRule;
import org.sanlian.workbench.core.model.Dimension;
import org.sanlian.workbench.core.model.Indicator;
import org.sanlian.workbench.core.model.Method;
import org.sanlian.workbench.core.model.Node;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.model.Scheme;
import org.sanlian.workbench.core.model.StoredScheme;
import org.sanlian.workbench.core.model.TargetSource;
import org.sanlian.workbench.core.scoring.PeriodResult;
import org.sanlian.workbench.core.scoring.Rounding;
import org.sanlian.workbench.core.scoring.ScoringEngine;
import org.sanlian.workbench.core.scoring.UnitResult;
import org.sanlian.workbench.i18n.Messages;
import org.sanlian.workbench.ui.common.CurrentThreadTaskExecutor;
import org.sanlian.workbench.ui.shell.Workspace;

/** The scheme editor's view model on the demo database, without a toolkit: its work runs on the test's thread. */
class SchemeEditorViewModelTest {

    @TempDir
    Path dir;

    private WorkbenchDatabase db;
    private Workspace workspace;
    private SchemeEditorViewModel vm;

    @BeforeAll
    static void chinese() {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
    }

    @BeforeEach
    void open() {
        db = WorkbenchDatabase.openOrCreateDemo(dir.resolve("w.db"), "tester");
    }

    private void show() {
        workspace = new Workspace(new CurrentThreadTaskExecutor());
        workspace.attach(db, Workspace.Content.read(db), "张三");
        vm = new SchemeEditorViewModel(workspace, new CurrentThreadTaskExecutor());
    }

    @AfterEach
    void close() {
        db.close();
    }

    private StoredScheme stored(int year) {
        return db.schemes().stream().filter(s -> s.year() == year).findFirst().orElseThrow();
    }

    private List<String> children(String dimension) {
        return ((Dimension) SchemeEdits.find(vm.state().tree(), dimension).orElseThrow()).children().stream()
                .map(Node::code).toList();
    }

    private Indicator leaf(Scheme s, String code) {
        return s.leaves().stream().filter(l -> l.code().equals(code)).findFirst().orElseThrow();
    }

    private WeightCheck.Line line(String dimension) {
        return vm.weightsProperty().get().dimensions().stream().filter(l -> l.code().equals(dimension))
                .findFirst().orElseThrow();
    }

    @Test
    void showsTheChosenYearsTreeWithTheFirstIndicatorChosenAndTheWeightsAddedUp() {
        show();
        assertThat(vm.yearProperty().get()).isEqualTo(2025);
        assertThat(vm.state().tree()).extracting(Node::name).containsExactly("产业链", "创新链", "人才链");
        assertThat(vm.selectedProperty().get()).isEqualTo("HTE");
        assertThat(vm.summaryProperty().get()).isEqualTo("共 3 个维度，17 个指标");
        WeightCheck w = vm.weightsProperty().get();
        assertThat(w.dimensions()).extracting(WeightCheck.Line::sum).containsExactly(30.0, 40.0, 30.0);
        assertThat(w.total()).isEqualTo(100.0);
        assertThat(w.totalOk()).isTrue();
        assertThat(w.dimensionsOk()).isTrue();
        assertThat(WeightsPane.total(w)).isEqualTo("合计 100 分");
        assertThat(vm.problemsProperty().get()).isEmpty();
        assertThat(vm.editableProperty().get()).isTrue();
    }

    @Test
    void anEarlyReadingShowsTheSchemeAndThePreviewWithoutTheBackgroundAndEqualsTheUsualLoad() {
        show();
        RulePreview usual = vm.previewProperty().get();
        assertThat(usual).isNotNull();
        CurrentThreadTaskExecutor counting = new CurrentThreadTaskExecutor();
        Workspace shown = new Workspace(counting);
        SchemeEditorViewModel early = new SchemeEditorViewModel(shown, counting); // made before the database is attached, as in the window
        Workspace.Content content = Workspace.Content.read(db);
        shown.attach(db, content, "张三", Optional.ofNullable(SchemeScreen.readEarly(db, content)));

        assertThat(counting.asked()).isZero();
        assertThat(early.yearProperty().get()).isEqualTo(2025);
        assertThat(early.state()).isEqualTo(vm.state());
        assertThat(early.selectedProperty().get()).isEqualTo("HTE");
        assertThat(early.previewProperty().get()).usingRecursiveComparison().isEqualTo(usual);
        assertThat(early.previewMessageProperty().get()).isEmpty();
        assertThat(early.weightsProperty().get()).isEqualTo(vm.weightsProperty().get());
        assertThat(early.editableProperty().get()).isTrue();

        early.select("HT_SHARE"); // another indicator's preview is computed as usual
        assertThat(counting.asked()).isEqualTo(1);
        assertThat(early.previewProperty().get().code()).isEqualTo("HT_SHARE");
        early.select("HTE"); // and the first's again, now in the background too
        assertThat(counting.asked()).isEqualTo(2);
        assertThat(early.previewProperty().get()).usingRecursiveComparison().isEqualTo(usual);
    }

    @Test
    void aWeightEditIsCheckedAgainstItsDimensionAndTheTotal() {
        show();
        assertThat(vm.setWeight("HTE", "十")).hasValue("“十”不是数。请写成 12、0.5 或 1.2e3 这样的数。");
        assertThat(vm.setWeight("HTE", "0")).hasValue("0 不大于 0。满分（权重）须大于 0。");
        assertThat(vm.isDirty()).isFalse();

        assertThat(vm.setWeight("HTE", "10")).isEmpty();

        WeightCheck.Line industry = line("INDUSTRY");
        assertThat(industry.given()).hasValue(30.0);
        assertThat(industry.sum()).isEqualTo(32.0);
        assertThat(industry.ok()).isFalse();
        assertThat(WeightsPane.text(industry)).isEqualTo("产业链：分值写为 30，但下级合计为 32，相差 2。请改分值或下级满分。");
        assertThat(vm.weightsProperty().get().total()).isEqualTo(102.0);
        assertThat(WeightsPane.total(vm.weightsProperty().get())).isEqualTo("合计 102 分，不是 100 分（相差 2）。请核对各指标满分。");
        assertThat(vm.problemsProperty().get()).singleElement().asString()
                .startsWith("tree[0].weight: ").contains("30", "32");

        // the dimension's points left blank: its children's sum, and the dimension agrees again
        assertThat(vm.setWeight("INDUSTRY", "")).isEmpty();
        assertThat(line("INDUSTRY").ok()).isTrue();
        assertThat(vm.problemsProperty().get()).isEmpty();
        assertThat(WeightCheck.label(SchemeEdits.find(vm.state().tree(), "INDUSTRY").orElseThrow(),
                vm.weightsProperty().get())).isEqualTo("产业链　32");
    }

    @Test
    void anExpressionIsCheckedAsItIsTypedWithThePositionOfTheFault() {
        show();
        vm.select("RD_INT");
        assertThat(vm.derivedIndex("RD_INT")).isEqualTo(1);
        assertThat(vm.derivedIndex("HTE")).isEqualTo(-1);

        assertThat(vm.checkExpression("RD_INT", "RD_EXP / (GDP * 10000) * 100")).isEmpty();
        assertThat(vm.checkExpression("RD_INT", "RD_EXP / (GDP * ) * 100"))
                .hasValue("表达式“RD_EXP / (GDP * ) * 100”第 17 个字符处的“)”不应出现在这里。请检查运算符、括号和逗号。");
        assertThat(vm.checkExpression("RD_INT", "RD_EXP / GDPX * 100"))
                .hasValueSatisfying(m -> assertThat(m).contains("未知代码 GDPX"));

        // a cycle through another derived indicator
        assertThat(vm.setExpression("HT_SHARE", "RD_INT / 2")).isEmpty();
        assertThat(vm.checkExpression("RD_INT", "HT_SHARE * 2"))
                .hasValueSatisfying(m -> assertThat(m).contains("引用了自身"));

        // a wrong expression can be kept (as one step) but not saved
        assertThat(vm.setExpression("RD_INT", "RD_EXP / ")).isPresent();
        assertThat(vm.state().derived().get(1).expr()).isEqualTo("RD_EXP /");
        assertThat(vm.problemsProperty().get()).anySatisfy(p -> assertThat(p).startsWith("derived[1].expr: "));
        String before = stored(2025).json();
        vm.save(() -> { });
        assertThat(vm.errorProperty().get()).startsWith("方案有以下问题，未保存。").contains("derived[1].expr: ");
        assertThat(stored(2025).json()).isEqualTo(before);
        assertThat(vm.isDirty()).isTrue();
    }

    @Test
    void indicatorsReorderWithinTheirDimensionOnly() {
        show();
        vm.select("TECH_SME");
        vm.shiftSelected(-1);
        assertThat(children("INDUSTRY")).startsWith("TECH_SME", "HTE");

        vm.moveBefore("NEW_HTRD", Optional.of("TECH_SME"));
        assertThat(children("INDUSTRY")).containsExactly("NEW_HTRD", "TECH_SME", "HTE", "HT_SHARE", "NEW_RI");
        vm.moveBefore("NEW_HTRD", Optional.empty());
        assertThat(children("INDUSTRY")).endsWith("NEW_RI", "NEW_HTRD");

        assertThat(vm.canDrop("HTE", "RD_INT")).isFalse();
        assertThat(vm.canDrop("HTE", "NEW_RI")).isTrue();
        Scheme s = vm.state();
        vm.moveBefore("HTE", Optional.of("RD_INT"));
        assertThat(vm.state()).isSameAs(s);

        vm.select("TALENT");
        vm.shiftSelected(-2);
        assertThat(vm.state().tree()).extracting(Node::code).containsExactly("TALENT", "INDUSTRY", "INNOV");
        vm.shiftSelected(-1); // at the top already: no step
        assertThat(vm.state().tree()).extracting(Node::code).startsWith("TALENT");
    }

    @Test
    void eachEditIsOneUndoStepAndRedoRestoresIt() {
        show();
        Scheme loaded = vm.state();
        vm.setParameter("HTE", "cap", "1.5");
        vm.setMethod("HT_SHARE", Method.MIN_MAX);
        vm.select("INNOV");
        vm.shiftSelected(1);
        assertThat(vm.canUndoProperty().get()).isTrue();

        vm.undo();
        assertThat(vm.state().tree()).extracting(Node::code).containsExactly("INDUSTRY", "INNOV", "TALENT");
        assertThat(leaf(vm.state(), "HT_SHARE").rule().method()).isEqualTo(Method.MIN_MAX);
        vm.undo();
        assertThat(leaf(vm.state(), "HT_SHARE").rule().method()).isEqualTo(Method.EFFICACY);
        vm.undo();
        assertThat(vm.state()).isEqualTo(loaded);
        assertThat(vm.isDirty()).isFalse();
        assertThat(vm.canUndoProperty().get()).isFalse();

        vm.redo();
        assertThat(leaf(vm.state(), "HTE").rule().get("cap")).hasValue(1.5);
        assertThat(vm.isDirty()).isTrue();
        vm.discard();
        assertThat(vm.state()).isEqualTo(loaded);
    }

    @Test
    void aMethodChangeKeepsTheSchemeValidAndTheFormFieldsFollowTheModel() {
        show();
        vm.setMethod("HTE", Method.RANK_POINTS);
        Indicator hte = leaf(vm.state(), "HTE");
        assertThat(hte.target()).isEmpty();
        assertThat(hte.rule().parameters()).isEmpty(); // cap is no parameter of RANK_POINTS
        vm.setMethod("HTE", Method.THRESHOLD);
        assertThat(leaf(vm.state(), "HTE").target()).hasValue(TargetSource.COMMITMENT);
        vm.setTarget("HTE", Optional.of(TargetSource.FIXED));
        assertThat(vm.problemsProperty().get()).anySatisfy(p -> assertThat(p).startsWith("tree[0].children[0].rule.target"));
        vm.setParameter("HTE", "target", "50");
        vm.setParameter("HTE", "partial", "0.5");
        assertThat(vm.problemsProperty().get()).isEmpty();
        vm.setTarget("HTE", Optional.of(TargetSource.COMMITMENT));
        assertThat(leaf(vm.state(), "HTE").rule().parameters()).containsOnlyKeys("partial");
        assertThat(vm.setParameter("HTE", "partial", "半")).isPresent();
        assertThat(vm.setParameter("HTE", "partial", "")).isEmpty();
        assertThat(leaf(vm.state(), "HTE").rule().parameters()).isEmpty();
    }

    @Test
    void aRuleParameterEditRedrawsThePreviewWithTheEnginesPoints() {
        show();
        vm.select("HT_SHARE"); // EFFICACY, 8 points, base 0.6 by default
        RulePreview before = vm.previewProperty().get();
        assertThat(before).isNotNull();
        assertThat(before.period()).isEqualTo(Period.year(2025));
        assertThat(before.points()).isTrue();
        assertThat(before.units()).hasSize(10).contains("莲都区");
        assertThat(vm.previewMessageProperty().get()).isEmpty();

        // the same points as the engine gives the saved scheme
        Assessment a = db.assessment(Period.year(2025), Optional.of(2025));
        List<UnitResult> engine = new ScoringEngine(a.scheme()).session(a.data(), a.targets()).rank(Period.year(2025));
        for (UnitResult r : engine) {
            assertThat(before.score(r.unit().name())).as(r.unit().name())
                    .isEqualTo(r.leaf("HT_SHARE").orElseThrow().points().getAsDouble());
        }
        assertThat(min(before)).isCloseTo(4.8, within(1e-9));
        assertThat(max(before)).isCloseTo(8.0, within(1e-9));
        assertThat(before.curveY()[0]).isCloseTo(4.8, within(1e-9)); // the lowest value gets the base
        assertThat(before.curveY()[before.curveY().length - 1]).isCloseTo(8.0, within(1e-9));

        assertThat(vm.setParameter("HT_SHARE", "base", "0.4")).isEmpty();

        RulePreview after = vm.previewProperty().get();
        assertThat(after).isNotSameAs(before);
        assertThat(min(after)).isCloseTo(3.2, within(1e-9));
        assertThat(max(after)).isCloseTo(8.0, within(1e-9));
        assertThat(after.curveY()[0]).isCloseTo(3.2, within(1e-9));
        assertThat(after.values()).containsExactly(before.values());

        // another unit's curve, and a rule of a target
        vm.previewUnitProperty().set("331127");
        assertThat(vm.previewProperty().get().curveUnit()).isEqualTo("景宁畲族自治县");
        vm.select("NORD_1E"); // CLEAR_ZERO, 1 point off per firm
        RulePreview clear = vm.previewProperty().get();
        vm.setParameter("NORD_1E", "perItem", "2");
        RulePreview steeper = vm.previewProperty().get();
        for (int i = 0; i < clear.units().size(); i++) {
            double x = clear.values()[i];
            assertThat(clear.scores()[i]).isCloseTo(Math.max(0, 4 - x), within(1e-9));
            assertThat(steeper.scores()[i]).isCloseTo(Math.max(0, 4 - 2 * x), within(1e-9));
        }
    }

    @Test
    void thePreviewSaysWhyWhenThereIsNone() {
        show();
        vm.select("INDUSTRY");
        assertThat(vm.previewProperty().get()).isNull();
        assertThat(vm.previewMessageProperty().get()).isEqualTo("在左侧选择一个指标，即可预览其评分规则。");
        vm.select("HTE");
        vm.setWeight("HTE", "10"); // the scheme is invalid now: the engine refuses it, and says where
        assertThat(vm.previewProperty().get()).isNull();
        assertThat(vm.previewMessageProperty().get()).startsWith("无法预览：").contains("tree[0].weight");
        vm.undo();
        assertThat(vm.previewProperty().get()).isNotNull();
    }

    @Test
    void savingKeepsTheWholeSchemeAsTheYearsNewVersionUnderTheOperator() {
        show();
        int before = schemeAudit().size();
        vm.setParameter("HT_SHARE", "base", "0.5");
        vm.select("TECH_SME");
        vm.shiftSelected(-1);
        vm.setAdjustmentPoints(0, "3");
        vm.setVetoName(0, "统计数据造假");
        vm.setBottomParameter(1, "65");
        vm.removeBottomRule(4);
        assertThat(vm.addBottomRule(BottomRule.Kind.VETO)).hasValue("已经有 VETO 规则了。每种规则只能有一条。");
        assertThat(vm.addAdjustment("B_NATPLAT", "重复", org.sanlian.workbench.core.model.Adjustment.Kind.BONUS))
                .hasValue("代码 B_NATPLAT 已在本方案中使用。请换一个代码。");
        assertThat(vm.addAdjustment("B_NEW", "新增加分项", org.sanlian.workbench.core.model.Adjustment.Kind.BONUS)).isEmpty();

        boolean[] saved = new boolean[1];
        vm.save(() -> saved[0] = true);

        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(saved[0]).isTrue();
        assertThat(vm.isDirty()).isFalse();
        Scheme kept = db.scheme(stored(2025));
        assertThat(kept).isEqualTo(vm.state());
        assertThat(leaf(kept, "HT_SHARE").rule().get("base")).hasValue(0.5);
        assertThat(((Dimension) kept.tree().get(0)).children()).extracting(Node::code).startsWith("TECH_SME", "HTE");
        assertThat(kept.adjustments().get(0).pointsEach()).isEqualTo(3.0);
        assertThat(kept.adjustments()).extracting(a -> a.code()).endsWith("B_NEW");
        assertThat(kept.vetoes().get(0).name()).isEqualTo("统计数据造假");
        assertThat(kept.bottomRules()).hasSize(4);
        assertThat(kept.bottomRules().get(1).parameter()).isEqualTo(65.0);
        assertThat(leaf(db.scheme(stored(2024)), "HT_SHARE").rule().get("base")).isEmpty();
        List<AuditEntry> trail = schemeAudit();
        assertThat(trail).hasSize(before + 1);
        assertThat(trail.get(trail.size() - 1).operator()).isEqualTo("张三");
        assertThat(vm.noticeProperty().get()).isEqualTo("已保存为 2025 年方案的新版本（操作人：张三）。");
        assertThat(workspace.state().revision()).isEqualTo(1);
    }

    @Test
    void aPublishedYearRefusesAndTheEditsGoToACopyInANewYear() {
        PublishService.publish(db, Period.year(2025), Optional.empty(), Optional.empty(), Optional.empty(), "张三");
        show();
        assertThat(vm.publishedProperty().get()).isTrue();
        String json2025 = stored(2025).json();
        vm.setParameter("HTE", "cap", "1.3");

        boolean[] saved = new boolean[1];
        vm.save(() -> saved[0] = true);

        assertThat(saved[0]).isFalse();
        assertThat(vm.refusedProperty().get()).isTrue();
        assertThat(vm.errorProperty().get()).contains("2025 年的方案已被已发布的通报使用，不能修改");
        assertThat(vm.isDirty()).isTrue();
        assertThat(stored(2025).json()).isEqualTo(json2025);

        assertThat(vm.suggestedNewYear()).isEqualTo(2026);
        assertThat(vm.checkNewYear("2025")).hasValue("2025 年已经有方案了。请换一个年份。");
        vm.copyToNewYear(2026);

        assertThat(workspace.year()).hasValue(2026);
        assertThat(vm.yearProperty().get()).isEqualTo(2026);
        assertThat(vm.isDirty()).isFalse();
        assertThat(leaf(db.scheme(stored(2026)), "HTE").rule().get("cap")).hasValue(1.3);
        assertThat(stored(2026).copiedFrom()).hasValue(2025);
        assertThat(stored(2025).json()).isEqualTo(json2025);
    }

    @Test
    void anExportedFileImportsBackAsOneUndoStepAndABadFileChangesNothing() throws Exception {
        show();
        Path file = dir.resolve("s.scheme.json");
        vm.setParameter("HTE", "cap", "1.4");
        vm.exportFile(file);
        assertThat(vm.noticeProperty().get()).startsWith("已导出方案文件").contains("s.scheme.json");
        vm.undo();
        assertThat(vm.isDirty()).isFalse();

        vm.importFile(file);
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(leaf(vm.state(), "HTE").rule().get("cap")).hasValue(1.4);
        assertThat(vm.noticeProperty().get()).startsWith("已导入方案文件 s.scheme.json");
        vm.undo();
        assertThat(leaf(vm.state(), "HTE").rule().get("cap")).hasValue(1.2);

        Path bad = dir.resolve("bad.scheme.json");
        Files.writeString(bad, Files.readString(file).replace("\"cap\" : 1.4", "\"cap\" : -1")
                .replace("\"cap\": 1.4", "\"cap\": -1"));
        Scheme shown = vm.state();
        vm.importFile(bad);
        assertThat(vm.state()).isSameAs(shown);
        assertThat(vm.errorProperty().get()).startsWith("方案文件 bad.scheme.json 未导入")
                .contains("tree[0].children[0].rule.cap");
    }

    @Test
    void inputBoundsAndTheCapsAreEditedAndChecked() {
        show();
        int gdp = 0;
        assertThat(vm.state().inputs().get(gdp).code()).isEqualTo("GDP");
        assertThat(vm.setInputMax(gdp, "一百")).hasValue("“一百”不是数。请写成 12、0.5 或 1.2e3 这样的数。");
        assertThat(vm.setInputMax(gdp, "5000000")).isEmpty();
        assertThat(vm.setInputInteger(gdp, true)).isEmpty();
        assertThat(vm.state().inputs().get(gdp).max()).hasValue(5000000.0);
        // bounds the wrong way round: kept as a step, and the validator's reason is given at once
        assertThat(vm.setInputMin(gdp, "6000000")).hasValueSatisfying(m -> assertThat(m).contains("6000000", "5000000"));
        assertThat(vm.problemsProperty().get()).anySatisfy(p -> assertThat(p).startsWith("inputs[0].max: "));
        assertThat(vm.setInputMin(gdp, "")).isEmpty();
        assertThat(vm.problemsProperty().get()).isEmpty();

        assertThat(vm.setBonusCap("-1")).hasValue("-1 是负数。请填写 0 或更大的数。");
        assertThat(vm.setBonusCap("6")).isEmpty();
        assertThat(vm.setPenaltyCap("")).isEmpty();
        assertThat(vm.state().bonusCap()).isEqualTo(6.0);
        assertThat(vm.state().penaltyCap()).isEmpty();
        vm.save(() -> { });
        Scheme kept = db.scheme(stored(2025));
        assertThat(kept.bonusCap()).isEqualTo(6.0);
        assertThat(kept.penaltyCap()).isEmpty();
        assertThat(kept.inputs().get(gdp).integer()).isTrue();
        assertThat(kept.inputs().get(gdp).max()).hasValue(5000000.0);
    }

    @Test
    void anAddedIndicatorJoinsTheChosenDimensionAndItsSumAndCanBeRemoved() {
        show();
        vm.select("RD_INT");
        assertThat(vm.addIndicator("RD_INT", "重复")).hasValue("代码 RD_INT 已在本方案中使用。请换一个代码。");
        assertThat(vm.addIndicator("NEW IND", "空格")).isPresent();
        assertThat(vm.addIndicator("NEW_PLAT", "新增省级重点平台")).isEmpty();

        assertThat(vm.selectedProperty().get()).isEqualTo("NEW_PLAT");
        assertThat(children("INNOV")).endsWith("CONSORTIA", "NEW_PLAT");
        assertThat(line("INNOV").sum()).isEqualTo(41.0);
        assertThat(line("INNOV").ok()).isFalse();
        assertThat(vm.setWeight("INNOV", "")).isEmpty(); // the dimension takes its children's sum
        assertThat(vm.problemsProperty().get()).isEmpty();
        assertThat(vm.previewProperty().get()).isNull(); // no figures of the new code yet
        assertThat(vm.previewMessageProperty().get()).isEqualTo("2025 没有这个指标的数值，无法预览。");

        vm.select("INNOV");
        assertThat(vm.removeSelected()).hasValue("维度“创新链”下还有指标。请先删除或移走这些指标。");
        vm.select("NEW_PLAT");
        assertThat(vm.removeSelected()).isEmpty();
        assertThat(children("INNOV")).doesNotContain("NEW_PLAT");
        assertThat(vm.selectedProperty().get()).isEqualTo("INNOV");
        vm.undo();
        assertThat(children("INNOV")).endsWith("NEW_PLAT");
    }

    @Test
    void anInputADerivedEntryOnItAndAnIndicatorOnThatAreAddedSavedAndReadBack() {
        show();
        int inputs = vm.state().inputs().size();
        assertThat(vm.addInput("GDP", "重复", "", "", "", false)).hasValue("代码 GDP 已在本方案中使用。请换一个代码。");
        assertThat(vm.addInput("HTE", "重复", "", "", "", false)).hasValue("代码 HTE 已在本方案中使用。请换一个代码。");
        assertThat(vm.addInput("prev", "保留字", "", "", "", false)).isPresent();
        assertThat(vm.addInput("PATENTS", "", "", "", "", false)).hasValue("请填写名称。");
        assertThat(vm.addInput("PATENTS", "发明专利授权量", "件", "零", "", true))
                .hasValue("“零”不是数。请写成 12、0.5 或 1.2e3 这样的数。");
        assertThat(vm.addInput("PATENTS", "发明专利授权量", "件", "10", "5", true))
                .hasValueSatisfying(m -> assertThat(m).contains("10", "5"));
        assertThat(vm.isDirty()).isFalse();

        assertThat(vm.addInput("PATENTS", "发明专利授权量", "件", "0", "", true)).isEmpty();
        assertThat(vm.state().inputs()).hasSize(inputs + 1);
        assertThat(vm.problemsProperty().get()).isEmpty();

        // the derived entry: its expression checked as typed, by the validator
        assertThat(vm.checkNewDerived("PAT_PER_GDP", "PATENTS / GDPX")).hasValueSatisfying(m -> assertThat(m)
                .contains("GDPX"));
        assertThat(vm.addDerived("PAT_PER_GDP", "PATENTS / (GDP *")).hasValueSatisfying(m -> assertThat(m)
                .contains("个字符处"));
        assertThat(vm.addDerived("RD_INT", "PATENTS")).hasValue("代码 RD_INT 已在本方案中使用。请换一个代码。");
        assertThat(vm.addDerived("PAT_PER_GDP", "PATENTS / GDP")).isEmpty();
        assertThat(vm.derivedIndex("PAT_PER_GDP")).isEqualTo(vm.state().derived().size() - 1);

        // an indicator may take the code of the derived entry that gives its value
        vm.select("INNOV");
        assertThat(vm.addIndicator("PAT_PER_GDP", "每亿元GDP发明专利授权量")).isEmpty();
        assertThat(children("INNOV")).endsWith("PAT_PER_GDP");
        assertThat(vm.setWeight("INNOV", "")).isEmpty();
        assertThat(vm.problemsProperty().get()).isEmpty();

        // and an input may take the code of an indicator whose value has no source yet
        assertThat(vm.addIndicator("NEW_PLAT", "新增省级重点平台")).isEmpty();
        assertThat(vm.addInput("NEW_PLAT", "新增省级重点平台数", "个", "0", "", true)).isEmpty();
        assertThat(vm.addDerived("NEW_PLAT", "PATENTS")).hasValue("代码 NEW_PLAT 已在本方案中使用。请换一个代码。");

        vm.save(() -> { });
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.isDirty()).isFalse();
        Scheme kept = db.scheme(stored(2025));
        assertThat(kept).isEqualTo(vm.state());
        org.sanlian.workbench.core.model.Input patents = kept.input("PATENTS").orElseThrow();
        assertThat(patents.name()).isEqualTo("发明专利授权量");
        assertThat(patents.unitOfMeasure()).isEqualTo("件");
        assertThat(patents.min()).hasValue(0.0);
        assertThat(patents.max()).isEmpty();
        assertThat(patents.integer()).isTrue();
        assertThat(kept.derivedOf("PAT_PER_GDP").orElseThrow().expr()).isEqualTo("PATENTS / GDP");
        assertThat(leaf(kept, "PAT_PER_GDP").name()).isEqualTo("每亿元GDP发明专利授权量");
        assertThat(kept.input("NEW_PLAT")).isPresent();
        assertThat(new ScoringEngine(kept).scheme()).isEqualTo(kept); // the engine compiles it
    }

    @Test
    void anInputOrDerivedEntryStillUsedIsNotRemovedAndItsUsersAreNamed() {
        show();
        int rdExp = vm.state().inputs().indexOf(vm.state().input("RD_EXP").orElseThrow());
        assertThat(vm.removeInput(rdExp)).hasValue("输入指标 RD_EXP 仍被使用，不能删除：派生指标 RD_INT 的表达式、"
                + "派生指标 RD_GROWTH 的表达式。请先修改或删除这些用处。");
        int hte = vm.state().inputs().indexOf(vm.state().input("HTE").orElseThrow());
        assertThat(vm.removeInput(hte)).hasValueSatisfying(m -> assertThat(m)
                .startsWith("输入指标 HTE 仍被使用").contains("指标“" + leaf(vm.state(), "HTE").name() + "”（HTE）的数值")
                .contains("市级目标"));
        assertThat(vm.removeDerived(vm.derivedIndex("RD_INT"))).hasValueSatisfying(m -> assertThat(m)
                .startsWith("派生指标 RD_INT 仍被使用").contains("（RD_INT）的数值"));
        assertThat(vm.isDirty()).isFalse();

        // unused: removed, one undo step each
        vm.addInput("PATENTS", "发明专利授权量", "件", "0", "", true);
        vm.addDerived("PAT_X2", "PATENTS * 2");
        int patents = vm.state().inputs().size() - 1;
        assertThat(vm.removeInput(patents)).hasValue("输入指标 PATENTS 仍被使用，不能删除：派生指标 PAT_X2 的表达式。"
                + "请先修改或删除这些用处。");
        assertThat(vm.removeDerived(vm.derivedIndex("PAT_X2"))).isEmpty();
        assertThat(vm.state().derivedOf("PAT_X2")).isEmpty();
        assertThat(vm.removeInput(patents)).isEmpty();
        assertThat(vm.state().input("PATENTS")).isEmpty();

        vm.undo();
        assertThat(vm.state().input("PATENTS")).isPresent();
        assertThat(vm.state().derivedOf("PAT_X2")).isEmpty();
        vm.undo();
        assertThat(vm.state().derivedOf("PAT_X2")).isPresent();
        vm.redo();
        assertThat(vm.state().derivedOf("PAT_X2")).isEmpty();
        vm.undo();
        vm.undo();
        vm.undo();
        assertThat(vm.state().input("PATENTS")).isEmpty();
        assertThat(vm.isDirty()).isFalse();
        vm.redo();
        assertThat(vm.state().input("PATENTS")).isPresent();
    }

    @Test
    void aDimensionIsAddedRenamedFilledAndRemovedOnceEmptyEachStepUndone() {
        show();
        assertThat(vm.addDimension("INNOV", "重复", "")).hasValue("代码 INNOV 已在本方案中使用。请换一个代码。");
        assertThat(vm.addDimension("OPEN", "开放链", "0")).hasValue("0 不大于 0。满分（权重）须大于 0。");
        assertThat(vm.addDimension("OPEN", "开放链", "5")).isEmpty();
        assertThat(vm.state().tree()).extracting(Node::code).containsExactly("INDUSTRY", "INNOV", "TALENT", "OPEN");
        assertThat(vm.selectedProperty().get()).isEqualTo("OPEN");
        assertThat(vm.summaryProperty().get()).startsWith("共 4 个维度，17 个指标");
        assertThat(vm.problemsProperty().get()).anySatisfy(p -> assertThat(p).startsWith("tree[3].children: "));

        assertThat(vm.setName("OPEN", "开放合作链")).isEmpty();
        assertThat(SchemeEdits.find(vm.state().tree(), "OPEN").orElseThrow().name()).isEqualTo("开放合作链");
        assertThat(vm.addIndicator("FOREIGN_RD", "外资研发机构数")).isEmpty();
        assertThat(children("OPEN")).containsExactly("FOREIGN_RD");
        assertThat(line("OPEN").sum()).isEqualTo(1.0);
        assertThat(line("OPEN").ok()).isFalse(); // 5 written, 1 in it

        vm.select("OPEN");
        assertThat(vm.removeSelected()).hasValue("维度“开放合作链”下还有指标。请先删除或移走这些指标。");
        vm.undo(); // the indicator
        assertThat(children("OPEN")).isEmpty();
        vm.undo(); // the name
        assertThat(SchemeEdits.find(vm.state().tree(), "OPEN").orElseThrow().name()).isEqualTo("开放链");
        vm.select("OPEN");
        assertThat(vm.removeSelected()).isEmpty();
        assertThat(vm.state().tree()).extracting(Node::code).containsExactly("INDUSTRY", "INNOV", "TALENT");
        vm.undo();
        assertThat(vm.state().tree()).extracting(Node::code).endsWith("OPEN");
        vm.undo(); // the dimension itself
        assertThat(vm.state().tree()).extracting(Node::code).containsExactly("INDUSTRY", "INNOV", "TALENT");
        assertThat(vm.isDirty()).isFalse();
        vm.redo();
        assertThat(vm.state().tree()).extracting(Node::code).endsWith("OPEN");
    }

    @Test
    void aReadOnlyDatabaseCannotBeEdited() {
        try (WorkbenchDatabase second = WorkbenchDatabase.open(dir.resolve("w.db"))) {
            workspace = new Workspace(new CurrentThreadTaskExecutor());
            workspace.attach(second, Workspace.Content.read(second), "张三");
            vm = new SchemeEditorViewModel(workspace, new CurrentThreadTaskExecutor());
            assertThat(vm.editableProperty().get()).isFalse();
            assertThat(vm.setWeight("HTE", "10")).hasValue(Messages.get().text("ui.scheme.not-editable"));
            assertThat(vm.isDirty()).isFalse();
        }
    }

    @Test
    void theSchemeWideSettingsAreEditedEachOneUndoStep() {
        show();
        Scheme before = vm.state();
        assertThat(vm.setSchemeName(" 2025年度考核（修订） ")).isEmpty();
        assertThat(vm.state().name()).isEqualTo("2025年度考核（修订）");
        assertThat(vm.isDirty()).isTrue();
        assertThat(vm.setAggregation(Aggregation.ARITHMETIC)).isEmpty();
        assertThat(vm.state().aggregation()).isEqualTo(Aggregation.ARITHMETIC);
        assertThat(vm.setDefaultComparison(Comparison.ZONE)).isEmpty();
        assertThat(vm.state().comparison()).isEqualTo(Comparison.ZONE);
        assertThat(vm.setDecimals(" 3 ")).isEmpty();
        assertThat(vm.state().decimals()).isEqualTo(3);

        vm.undo();
        assertThat(vm.state().decimals()).isEqualTo(before.decimals());
        assertThat(vm.state().comparison()).isEqualTo(Comparison.ZONE);
        vm.undo();
        assertThat(vm.state().comparison()).isEqualTo(before.comparison());
        vm.undo();
        assertThat(vm.state().aggregation()).isEqualTo(before.aggregation());
        vm.undo();
        assertThat(vm.state()).isEqualTo(before);
        assertThat(vm.isDirty()).isFalse();
        vm.redo();
        assertThat(vm.state().name()).isEqualTo("2025年度考核（修订）");

        // the same value again is no step
        Scheme now = vm.state();
        assertThat(vm.setDecimals(Integer.toString(now.decimals()))).isEmpty();
        assertThat(vm.state()).isSameAs(now);
    }

    @Test
    void aBlankNameDecimalsOutOfRangeAndAnUnknownTieBreakAreRefusedAndChangeNothing() {
        show();
        Scheme before = vm.state();
        assertThat(vm.setSchemeName("  ")).hasValue("请填写名称。");
        assertThat(vm.setDecimals("10")).hasValue("“10”不行：小数位数须为 0 到 9 之间的整数。");
        assertThat(vm.setDecimals("-1")).hasValue("“-1”不行：小数位数须为 0 到 9 之间的整数。");
        assertThat(vm.setDecimals("1.5")).hasValue("“1.5”不行：小数位数须为 0 到 9 之间的整数。");
        assertThat(vm.setDecimals("")).hasValue("“”不行：小数位数须为 0 到 9 之间的整数。");
        assertThat(vm.addTieBreak("HTE")).hasValue("“HTE”不是本方案的维度代码。同分排序只能按维度。");
        assertThat(vm.addTieBreak("NOPE")).hasValue("“NOPE”不是本方案的维度代码。同分排序只能按维度。");
        assertThat(vm.moveTieBreak(before.tieBreak().size(), 0)).isPresent();
        assertThat(vm.removeTieBreak(-1)).isPresent();
        assertThat(vm.state()).isSameAs(before);
        assertThat(vm.isDirty()).isFalse();
        assertThat(vm.canUndoProperty().get()).isFalse();
    }

    @Test
    void tieBreaksAreAddedMovedAndRemovedOnlyAmongTheDimensions() {
        show();
        while (!vm.state().tieBreak().isEmpty()) {
            assertThat(vm.removeTieBreak(0)).isEmpty();
        }
        assertThat(vm.tieBreakChoices()).extracting(Dimension::code).containsExactly("INDUSTRY", "INNOV", "TALENT");
        assertThat(vm.addTieBreak("INNOV")).isEmpty();
        assertThat(vm.addTieBreak("INNOV")).hasValue("维度 INNOV 已在同分排序中。");
        assertThat(vm.addTieBreak("TALENT")).isEmpty();
        assertThat(vm.addTieBreak("INDUSTRY")).isEmpty();
        assertThat(vm.tieBreakChoices()).isEmpty();
        assertThat(vm.state().tieBreak()).containsExactly("INNOV", "TALENT", "INDUSTRY");
        assertThat(vm.tieBreakLabel("INNOV")).isEqualTo("INNOV　创新链");

        assertThat(vm.moveTieBreak(2, 0)).isEmpty();
        assertThat(vm.state().tieBreak()).containsExactly("INDUSTRY", "INNOV", "TALENT");
        assertThat(vm.moveTieBreak(0, 7)).isEmpty(); // clamped to the end
        assertThat(vm.state().tieBreak()).containsExactly("INNOV", "TALENT", "INDUSTRY");
        vm.undo();
        assertThat(vm.state().tieBreak()).containsExactly("INDUSTRY", "INNOV", "TALENT");
        assertThat(vm.problemsProperty().get()).isEmpty();
    }

    @Test
    void savedSettingsAreWhatScoringUsesAfterwards() {
        show();
        assertThat(vm.setDecimals("0")).isEmpty();
        while (!vm.state().tieBreak().isEmpty()) {
            vm.removeTieBreak(0);
        }
        assertThat(vm.setSchemeName("整数分方案")).isEmpty();
        vm.save(() -> { });
        assertThat(vm.errorProperty().get()).isEmpty();
        Scheme kept = db.scheme(stored(2025));
        assertThat(kept).isEqualTo(vm.state());
        assertThat(kept.decimals()).isZero();
        assertThat(kept.name()).isEqualTo("整数分方案");
        assertThat(kept.tieBreak()).isEmpty();

        PeriodResult whole = score();
        assertThat(whole.rows()).allSatisfy(r -> {
            assertThat(r.total()).isEqualTo(Rounding.round(r.unroundedTotal(), 0));
            assertThat(r.total()).isEqualTo(Math.rint(r.total()));
        });

        // two units tied on a whole-number total, told apart by a dimension once it is a tie-break
        var tied = whole.rows().stream().filter(a -> !a.vetoed()).flatMap(a -> whole.rows().stream()
                .filter(b -> b != a && !b.vetoed() && b.rank() == a.rank()
                        && b.total() == a.total())
                .flatMap(b -> vm.state().dimensions().stream()
                        .filter(d -> a.subtotals().get(d.code()).orElse(0) > b.subtotals().get(d.code()).orElse(0))
                        .map(d -> new String[] {a.unit().code(), b.unit().code(), d.code()})))
                .findFirst();
        assertThat(tied).as("two units tied at 0 decimals").isPresent();
        String better = tied.get()[0];
        String worse = tied.get()[1];
        assertThat(vm.addTieBreak(tied.get()[2])).isEmpty();
        vm.save(() -> { });
        assertThat(db.scheme(stored(2025)).tieBreak()).containsExactly(tied.get()[2]);
        PeriodResult broken = score();
        assertThat(broken.row(better).orElseThrow().rank()).isLessThan(broken.row(worse).orElseThrow().rank());
    }

    private PeriodResult score() {
        Assessment a = db.assessment(Period.year(2025), Optional.of(2025));
        return new ScoringService().score(a, Period.year(2025));
    }

    private List<AuditEntry> schemeAudit() {
        return db.audit(new AuditFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("scheme"), Optional.empty(), Optional.empty(), 0));
    }

    /** The lowest points of the units that have a value (a missing one scores 0 under ZERO). */
    private static double min(RulePreview p) {
        return scored(p).min().orElseThrow();
    }

    private static double max(RulePreview p) {
        return scored(p).max().orElseThrow();
    }

    private static java.util.stream.DoubleStream scored(RulePreview p) {
        return java.util.stream.IntStream.range(0, p.units().size()).filter(i -> !Double.isNaN(p.values()[i]))
                .mapToDouble(i -> p.scores()[i]);
    }
}

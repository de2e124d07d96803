package org.sanlian.workbench.ui.entry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanlian.workbench.app.FigureEntryService;
import org.sanlian.workbench.app.WorkbenchDatabase;
import org.sanlian.workbench.core.model.AuditEntry;
import org.sanlian.workbench.core.model.AuditFilter;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.i18n.Messages;
import org.sanlian.workbench.ui.common.CurrentThreadTaskExecutor;
import org.sanlian.workbench.ui.shell.Workspace;

/** The data entry view model on the demo database (2025 shown), without a toolkit: its work runs on the test's thread. */
class EntryViewModelTest {

    private static final Period P2025 = Period.year(2025);

    @TempDir
    Path dir;

    private WorkbenchDatabase db;
    private Workspace workspace;
    private EntryViewModel vm;

    @BeforeAll
    static void chinese() {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
    }

    @BeforeEach
    void open() {
        db = WorkbenchDatabase.openOrCreateDemo(dir.resolve("w.db"), "tester");
        workspace = new Workspace(new CurrentThreadTaskExecutor());
        workspace.attach(db, Workspace.Content.read(db), "张三");
        vm = new EntryViewModel(workspace, new CurrentThreadTaskExecutor());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void anEarlyReadingIsShownWithoutTheBackgroundAndEqualsTheUsualLoad() {
        CurrentThreadTaskExecutor counting = new CurrentThreadTaskExecutor();
        Workspace shown = new Workspace(counting);
        EntryViewModel early = new EntryViewModel(shown, counting); // made before the database is attached, as in the window
        Workspace.Content content = Workspace.Content.read(db);
        shown.attach(db, content, "张三", Optional.ofNullable(EntryScreen.readEarly(db, content)));

        assertThat(counting.asked()).isZero();
        assertThat(early.grid()).isEqualTo(vm.grid());
        assertThat(early.rows()).isEqualTo(vm.rows()).hasSizeGreaterThan(10);
        assertThat(early.columns()).isEqualTo(vm.columns());
        assertThat(early.summaryProperty().get()).isEqualTo(vm.summaryProperty().get());
        assertThat(early.editableProperty().get()).isTrue();

        shown.reload(); // the content read again, then the figures: the early reading is not used twice
        assertThat(counting.asked()).isEqualTo(2);
        assertThat(early.grid()).isEqualTo(vm.grid());
    }

    private double value(String unit, String code) {
        return vm.grid().cell(unit, code).orElseThrow().value().getAsDouble();
    }

    private OptionalDouble kept(Period period, String unit, String code) {
        return FigureEntryService.sheet(db, period).figures().stream()
                .filter(f -> f.unit().equals(unit) && f.code().equals(code)).findFirst()
                .map(FigureEntryService.Kept::value).orElse(OptionalDouble.empty());
    }

    private List<AuditEntry> figureTrail(String operator) {
        return db.audit(new AuditFilter(Optional.empty(), Optional.of("2025"), Optional.empty(), Optional.of(operator),
                Optional.of("figure"), Optional.empty(), Optional.empty(), 0));
    }

    private List<String> units() {
        return vm.rows().stream().filter(r -> !r.summary() && !r.city()).map(EntryRow::unit).toList();
    }

    private List<AuditEntry> cityTrail(String operator) {
        return db.audit(new AuditFilter(Optional.empty(), Optional.of("2025"), Optional.empty(), Optional.of(operator),
                Optional.of("city_figure"), Optional.empty(), Optional.empty(), 0));
    }

    private Optional<FigureEntryService.Kept> keptCity(Period period, String code) {
        return FigureEntryService.sheet(db, period).cityFigures().stream().filter(f -> f.code().equals(code))
                .findFirst();
    }

    @Test
    void theGridHasTheSchemesUnitsByZoneAndItsEnterableCodes() {
        assertThat(vm.period()).hasValue(P2025);
        assertThat(units()).containsExactly("331102", "331121", "331122", "331124", "331191",
                "331181", "331123", "331125", "331126", "331127");
        assertThat(vm.rows().get(vm.rows().size() - 1).summary()).isTrue();
        assertThat(vm.rows().get(vm.rows().size() - 2).city()).isTrue();
        assertThat(vm.rows().get(vm.rows().size() - 2).name()).isEqualTo("全市数");
        List<String> codes = vm.columns().stream().map(EntryColumn::code).toList();
        // the 19 inputs, then the adjustment counts and the veto; derived indicators are not entered
        assertThat(codes).hasSize(26).startsWith("GDP", "RD_EXP").endsWith("P_LATE", "P_COMMIT", "V_FRAUD")
                .doesNotContain("RD_INT", "HT_SHARE", "IND_RD_RATIO", "RD_GROWTH");
        assertThat(vm.columns().get(0).unitOfMeasure()).isEqualTo("亿元");
        assertThat(vm.display("331102", "GDP")).isNotEmpty();
        assertThat(vm.isDirty()).isFalse();
        assertThat(vm.editableProperty().get()).isTrue();
    }

    @Test
    void aTypedValueIsKeptAsOneStepAndReadAsTheExcelImporterReadsIt() {
        assertThat(vm.enter("331102", "HTE", "１２５")).isEmpty();
        assertThat(value("331102", "HTE")).isEqualTo(125);
        assertThat(vm.display("331102", "HTE")).isEqualTo("125");
        assertThat(vm.isDirty()).isTrue();
        assertThat(vm.changed("331102", "HTE")).isTrue();
        assertThat(vm.statusProperty().get()).isEqualTo("莲都区 · 国家高新技术企业数：已填入 125（由“１２５”读出）。");
        assertThat(vm.grid().cell("331102", "HTE").orElseThrow().source()).isEqualTo(FigureEntryService.MANUAL_SOURCE);

        assertThat(vm.enter("331102", "RD_EXP", "1,234,567.8")).isEmpty();
        assertThat(value("331102", "RD_EXP")).isEqualTo(1234567.8);
        assertThat(vm.summaryProperty().get()).endsWith("2 处未保存的修改");
    }

    @Test
    void anInvalidValueIsRefusedWithItsReasonAndNotKept() {
        double before = value("331102", "HTE");

        Optional<String> notInteger = vm.enter("331102", "HTE", "12.5");
        assertThat(notInteger).hasValue("此项只能是整数，而此处为 12.5。请改为整数。");
        assertThat(value("331102", "HTE")).isEqualTo(before);
        assertThat(vm.isDirty()).isFalse();
        assertThat(vm.refusal("331102", "HTE")).isPresent();
        assertThat(vm.display("331102", "HTE")).isEqualTo("12.5"); // shown as typed, marked refused
        assertThat(vm.tooltip("331102", "HTE")).contains("未接受“12.5”");
        assertThat(vm.statusProblemProperty().get()).isTrue();
        assertThat(vm.statusProperty().get()).startsWith("莲都区 · 国家高新技术企业数：未接受。此项只能是整数");

        assertThat(vm.enter("331102", "GDP", "12亿")).hasValueSatisfying(r -> assertThat(r).startsWith("“12亿”不是数字。"));
        assertThat(vm.enter("331102", "GDP", "-3")).hasValueSatisfying(r -> assertThat(r).contains("小于方案允许的最小值 0"));
        assertThat(vm.enter("331102", "QIYOU", "120")).hasValueSatisfying(r -> assertThat(r).contains("大于方案允许的最大值 100"));
        assertThat(vm.enter("331102", "B_NATPLAT", "-1")).hasValueSatisfying(r -> assertThat(r).contains("不能为负数"));
        assertThat(vm.isDirty()).isFalse();

        // a valid value replaces the refused text and its mark
        assertThat(vm.enter("331102", "HTE", "130")).isEmpty();
        assertThat(vm.refusal("331102", "HTE")).isEmpty();
        assertThat(value("331102", "HTE")).isEqualTo(130);
    }

    @Test
    void anOutlierAgainstThePreviousPeriodIsKeptButMarked() {
        double gdp = value("331121", "GDP");
        assertThat(vm.warning("331121", "GDP")).isEmpty();
        assertThat(vm.enter("331121", "GDP", CellChecks.plain(Math.rint(gdp * 10)))).isEmpty();
        assertThat(value("331121", "GDP")).isEqualTo(Math.rint(gdp * 10));
        assertThat(vm.warning("331121", "GDP")).hasValueSatisfying(w -> assertThat(w).startsWith("是上期（2024："));
        assertThat(vm.statusProperty().get()).contains("注意：是上期");
        assertThat(vm.summaryProperty().get()).contains("警告 1 处");
        // within three times is no outlier
        assertThat(vm.enter("331121", "GDP", CellChecks.plain(Math.rint(gdp * 2)))).isEmpty();
        assertThat(vm.warning("331121", "GDP")).isEmpty();
    }

    @Test
    void theSameAmountInTwoUnitsIsMarkedAsPossiblyCountedTwice() {
        String ludu = vm.display("331102", "RD_EXP");
        assertThat(vm.enter("331191", "RD_EXP", ludu)).isEmpty();
        assertThat(vm.warning("331191", "RD_EXP")).hasValueSatisfying(w -> assertThat(w).startsWith("与莲都区的数值完全相同"));
        assertThat(vm.warning("331102", "RD_EXP")).hasValueSatisfying(w -> assertThat(w).startsWith("与丽水经济技术开发区"));
    }

    @Test
    void aPastedThreeByFourBlockIsOneUndoStep() {
        Map<String, Double> before = Map.of("331121", value("331121", "GDP"), "331124", value("331124", "IND_RD"));
        String block = "101\t2,001\t30001\t4001\r\n"
                + "１０２\t2002\t30002\t4002\r\n"
                + "103\t2003\t30003\t4003\r\n";

        int filled = vm.paste("331121", "GDP", block);

        assertThat(filled).isEqualTo(12);
        assertThat(value("331121", "GDP")).isEqualTo(101);
        assertThat(value("331121", "RD_EXP")).isEqualTo(2001);
        assertThat(value("331122", "GDP")).isEqualTo(102);
        assertThat(value("331124", "IND_RD")).isEqualTo(4003);
        assertThat(vm.pendingChanges()).hasSize(12);
        assertThat(vm.statusProperty().get()).isEqualTo("已粘贴 12 个单元格（一步，可撤销），0 个未接受。其中 11 个值需要核对（黄色）。");
        // the small figures pasted are outliers against 2024, all but 松阳县's GDP (103 against 177.62)
        assertThat(vm.warning("331124", "GDP")).isEmpty();
        assertThat(vm.warning("331121", "GDP")).isPresent();

        vm.undo();
        assertThat(value("331121", "GDP")).isEqualTo(before.get("331121"));
        assertThat(value("331124", "IND_RD")).isEqualTo(before.get("331124"));
        assertThat(vm.isDirty()).isFalse();
        assertThat(vm.canUndoProperty().get()).isFalse();

        vm.redo();
        assertThat(value("331122", "IND_REV")).isEqualTo(30002);
        assertThat(vm.pendingChanges()).hasSize(12);
    }

    @Test
    void aColumnPastedWithItsTotalBelowFillsTheUnitsAndTheCityRow() {
        List<EntryRow> units = vm.rows().stream().filter(r -> !r.summary() && !r.city()).toList();
        // two neighbouring columns: an amount summed over the units, then one that takes no city figure
        int at = 0;
        while (!(vm.takesCityFigure(vm.columns().get(at).code()) && !vm.takesCityFigure(vm.columns().get(at + 1).code()))) {
            at++;
        }
        String amount = vm.columns().get(at).code();
        String next = vm.columns().get(at + 1).code();
        StringBuilder block = new StringBuilder();
        double sum = 0;
        for (int i = 0; i < units.size(); i++) {
            block.append(100 + i).append("\t").append(1).append("\n");
            sum += 100 + i;
        }
        block.append(CellChecks.plain(sum)).append("\t").append(1).append("\n");

        int filled = vm.paste(units.get(0).unit(), amount, block.toString());

        assertThat(filled).as(vm.statusProperty().get()).isEqualTo(2 * units.size() + 1);
        assertThat(value(units.get(units.size() - 1).unit(), amount)).isEqualTo(100 + units.size() - 1);
        assertThat(vm.grid().cell(EntryRow.CITY, amount).orElseThrow().value()).hasValue(sum);
        assertThat(vm.grid().cell(EntryRow.CITY, next).flatMap(c -> c.value().isPresent() ? Optional.of(c) : Optional.empty()))
                .isEmpty();
        assertThat(vm.statusProperty().get()).contains("1 个单元格超出表格或所在列没有全市数，未粘贴。");
        // a paste may also start on the 全市数 row itself
        vm.undo();
        assertThat(vm.paste(EntryRow.CITY, amount, CellChecks.plain(sum))).isEqualTo(1);
        assertThat(vm.grid().cell(EntryRow.CITY, amount).orElseThrow().value()).hasValue(sum);
    }

    @Test
    void aPasteKeepsTheSoundCellsAndMarksTheRefusedOnesAndLeavesOutWhatFallsOutside() {
        // the last two shown units, from the veto column (the last one): one column, three lines
        int filled = vm.paste("331126", "V_FRAUD", "0\t9\n-1\n5\n");
        assertThat(filled).isEqualTo(1);
        assertThat(vm.refusal("331127", "V_FRAUD")).isPresent();
        assertThat(value("331126", "V_FRAUD")).isZero();
        assertThat(vm.statusProperty().get()).startsWith("已粘贴 1 个单元格（一步，可撤销），1 个未接受。2 个单元格超出表格或所在列没有全市数，未粘贴。")
                .contains("景宁畲族自治县 · 统计数据弄虚作假：未接受。");
        assertThat(vm.statusProblemProperty().get()).isTrue();
    }

    @Test
    void undoAndRedoWalkSingleEdits() {
        double first = value("331102", "GDP");
        vm.enter("331102", "GDP", "400");
        vm.enter("331102", "GDP", "410");
        vm.undo();
        assertThat(value("331102", "GDP")).isEqualTo(400);
        vm.undo();
        assertThat(value("331102", "GDP")).isEqualTo(first);
        assertThat(vm.isDirty()).isFalse();
        vm.redo();
        vm.redo();
        assertThat(value("331102", "GDP")).isEqualTo(410);
        assertThat(vm.canRedoProperty().get()).isFalse();
        vm.discard();
        assertThat(value("331102", "GDP")).isEqualTo(first);
    }

    @Test
    void deleteClearsTheValuesAndKeepsTheNotes() {
        vm.select("331102", "GDP");
        vm.noteProperty().set("统计局快报");
        vm.sourceProperty().set("统计局");
        vm.applyNoteAndSource();
        vm.clear(List.of(new EntryGrid.Key("331102", "GDP"), new EntryGrid.Key("331121", "GDP")));
        assertThat(vm.grid().cell("331102", "GDP").orElseThrow().value()).isEmpty();
        assertThat(vm.grid().cell("331102", "GDP").orElseThrow().note()).isEqualTo("统计局快报");
        assertThat(vm.grid().cell("331121", "GDP")).isEmpty();
        assertThat(vm.display("331121", "GDP")).isEmpty();
        vm.undo();
        assertThat(vm.display("331121", "GDP")).isNotEmpty();
    }

    @Test
    void savingWritesTheChangedFiguresInOneGoAndTheAuditTrailNamesTheOperator() {
        int trailBefore = figureTrail("张三").size();
        vm.enter("331102", "HTE", "131");
        vm.paste("331121", "GDP", "101\t2001\t30001\t4001\n102\t2002\t30002\t4002\n103\t2003\t30003\t4003");
        vm.select("331125", "HT_VA");
        vm.noteProperty().set("县统计局补报");
        vm.sourceProperty().set("云和县统计局");
        vm.applyNoteAndSource();
        vm.enter("331125", "HT_VA", "35.5");
        vm.clear(List.of(new EntryGrid.Key("331102", "B_HTZONE")));
        int pending = vm.pendingChanges().size();

        boolean[] saved = new boolean[1];
        vm.save(() -> saved[0] = true);

        assertThat(saved[0]).isTrue();
        assertThat(vm.isDirty()).isFalse();
        assertThat(vm.statusProperty().get()).isEqualTo("已保存 " + pending + " 处修改（操作人：张三）。");
        assertThat(workspace.state().revision()).isEqualTo(1);
        assertThat(kept(P2025, "331102", "HTE")).hasValue(131);
        assertThat(kept(P2025, "331122", "IND_REV")).hasValue(30002);
        assertThat(kept(P2025, "331124", "IND_RD")).hasValue(4003);
        FigureEntryService.Kept htva = FigureEntryService.sheet(db, P2025).figures().stream()
                .filter(f -> f.unit().equals("331125") && f.code().equals("HT_VA")).findFirst().orElseThrow();
        assertThat(htva.value()).hasValue(35.5);
        assertThat(htva.note()).isEqualTo("县统计局补报");
        assertThat(htva.source()).isEqualTo("云和县统计局");
        assertThat(htva.operator()).isEqualTo("张三");
        assertThat(kept(P2025, "331102", "B_HTZONE")).isEmpty(); // 0 without a note: removed
        FigureEntryService.Kept hte = FigureEntryService.sheet(db, P2025).figures().stream()
                .filter(f -> f.unit().equals("331102") && f.code().equals("HTE")).findFirst().orElseThrow();
        assertThat(hte.source()).isEqualTo("手工录入");

        List<AuditEntry> trail = figureTrail("张三");
        assertThat(trail).hasSize(trailBefore + pending);
        AuditEntry hteChange = trail.stream().filter(e -> e.unit().equals(Optional.of("331102"))
                && e.code().equals(Optional.of("HTE"))).findFirst().orElseThrow();
        assertThat(hteChange.action()).isEqualTo("UPDATE");
        assertThat(hteChange.newValue().orElseThrow()).contains("131").contains("手工录入");
        assertThat(trail.stream().map(AuditEntry::action).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("UPDATE", "DELETE");
        // the grid shows what is kept now, who changed it, and nothing unsaved
        assertThat(vm.tooltip("331102", "HTE")).contains("最后修改：张三");
        assertThat(db.check()).isEmpty();
    }

    @Test
    void onlyAmountsAndCountsSummedOverUnitsTakeACityFigure() {
        assertThat(vm.takesCityFigure("GDP")).isTrue();      // 亿元
        assertThat(vm.takesCityFigure("HTE")).isTrue();      // 家
        assertThat(vm.takesCityFigure("QIYOU")).isFalse();   // %, at most 100
        assertThat(vm.takesCityFigure("B_HTZONE")).isFalse(); // a bonus count is no input
        assertThat(vm.enter(EntryRow.CITY, "QIYOU", "80")).hasValue("现在不能录入：数据库为只读，或尚未选择考核期。");
        assertThat(vm.isDirty()).isFalse();
        assertThat(vm.enter(EntryRow.CITY, "HTE", "12.5")).hasValue("此项只能是整数，而此处为 12.5。请改为整数。");
        assertThat(vm.isDirty()).isFalse();
    }

    @Test
    void aCityFigureThatTheUnitsDoNotAddUpToIsWarnedWithBothNumbersAndTheDifference() {
        double sum = vm.sum("GDP");
        assertThat(vm.filledUnits("GDP")).isEqualTo(vm.unitCount());
        String units = CellChecks.plain(sum);

        // 1% more than the units: warned, on the city cell
        double city = Math.round(sum * 1.01);
        assertThat(vm.enter(EntryRow.CITY, "GDP", CellChecks.plain(city))).isEmpty();
        assertThat(vm.grid().cell(EntryRow.CITY, "GDP").orElseThrow().value()).hasValue(city);
        String warning = vm.warning(EntryRow.CITY, "GDP").orElseThrow();
        assertThat(warning).contains("各单位合计 " + units).contains("全市数 " + CellChecks.plain(city))
                .contains("相差 " + CellChecks.plain(Math.round((sum - city) * 1e6) / 1e6)).contains("%");
        assertThat(vm.tooltip(EntryRow.CITY, "GDP")).contains("注意：各单位合计").contains("全市数 · 地区生产总值");
        assertThat(vm.statusProperty().get()).startsWith("全市数 · 地区生产总值：已填入 " + CellChecks.plain(city));
        assertThat(vm.summaryProperty().get()).contains("警告 1 处");
        assertThat(vm.isDirty()).isTrue();

        // within 0.5%: no warning
        double close = Math.round(sum * 1.004 * 100) / 100.0;
        assertThat(vm.enter(EntryRow.CITY, "GDP", CellChecks.plain(close))).isEmpty();
        assertThat(vm.warning(EntryRow.CITY, "GDP")).isEmpty();

        // a unit corrected so that the sum drifts off: warned again
        double lishui = value("331102", "GDP");
        vm.enter("331102", "GDP", CellChecks.plain(lishui + sum * 0.02));
        assertThat(vm.warning(EntryRow.CITY, "GDP")).isPresent();

        // a unit emptied: the column is incomplete, so no check
        vm.enter("331102", "GDP", "");
        assertThat(vm.warning(EntryRow.CITY, "GDP")).isEmpty();
    }

    @Test
    void aCityFigureIsOneUndoStepAndIsSavedAuditedUnderTheOperator() {
        double sum = vm.sum("HTE");
        int before = cityTrail("张三").size();
        vm.enter(EntryRow.CITY, "HTE", CellChecks.plain(sum + 100));
        assertThat(vm.warning(EntryRow.CITY, "HTE")).isPresent();
        vm.enter(EntryRow.CITY, "HTE", CellChecks.plain(sum));
        assertThat(vm.warning(EntryRow.CITY, "HTE")).isEmpty();

        vm.undo();
        assertThat(value(EntryRow.CITY, "HTE")).isEqualTo(sum + 100);
        assertThat(vm.warning(EntryRow.CITY, "HTE")).isPresent();
        vm.undo();
        assertThat(vm.grid().cell(EntryRow.CITY, "HTE")).isEmpty();
        assertThat(vm.isDirty()).isFalse();
        vm.redo();
        vm.redo();
        assertThat(value(EntryRow.CITY, "HTE")).isEqualTo(sum);

        vm.select(EntryRow.CITY, "HTE");
        vm.noteProperty().set("市统计局年报");
        vm.sourceProperty().set("市统计局");
        vm.applyNoteAndSource();
        vm.enter("331102", "HTE", CellChecks.plain(value("331102", "HTE") + 1));
        assertThat(vm.pendingCityChanges()).hasSize(1);
        assertThat(vm.pendingChanges()).hasSize(1);
        assertThat(vm.summaryProperty().get()).endsWith("2 处未保存的修改");
        // one more in a unit, the city figure within 0.5% still
        assertThat(vm.warning(EntryRow.CITY, "HTE")).isEmpty();

        vm.save(() -> { });

        assertThat(vm.isDirty()).isFalse();
        assertThat(vm.statusProperty().get()).isEqualTo("已保存 2 处修改（操作人：张三）。");
        FigureEntryService.Kept city = keptCity(P2025, "HTE").orElseThrow();
        assertThat(city.value()).hasValue(sum);
        assertThat(city.note()).isEqualTo("市统计局年报");
        assertThat(city.source()).isEqualTo("市统计局");
        assertThat(city.operator()).isEqualTo("张三");
        assertThat(vm.grid().cell(EntryRow.CITY, "HTE").orElseThrow().value()).hasValue(sum); // read back
        assertThat(vm.tooltip(EntryRow.CITY, "HTE")).contains("最后修改：张三");
        List<AuditEntry> trail = cityTrail("张三");
        assertThat(trail).hasSize(before + 1);
        AuditEntry inserted = trail.get(trail.size() - 1);
        assertThat(inserted.action()).isEqualTo("INSERT");
        assertThat(inserted.code()).hasValue("HTE");
        assertThat(inserted.unit()).isEmpty();
        assertThat(inserted.newValue().orElseThrow()).contains("市统计局年报");

        // cleared and saved: removed, audited
        vm.clear(List.of(new EntryGrid.Key(EntryRow.CITY, "HTE")));
        vm.select(EntryRow.CITY, "HTE");
        vm.noteProperty().set("");
        vm.applyNoteAndSource();
        vm.save(() -> { });
        assertThat(keptCity(P2025, "HTE")).isEmpty();
        assertThat(cityTrail("张三")).hasSize(before + 2)
                .last().satisfies(e -> assertThat(e.action()).isEqualTo("DELETE"));
        assertThat(db.check()).isEmpty();
    }

    @Test
    void completenessIsCountedPerUnitAndPerColumnAndTheFiltersNarrowTheUnits() {
        // 2025 of the demo data: 遂昌县 lacks TECH_SME and 云和县 HT_VA (未报送)
        assertThat(vm.requiredCount()).isEqualTo(19);
        assertThat(vm.filledCount("331102")).isEqualTo(19);
        assertThat(vm.filledCount("331123")).isEqualTo(18);
        assertThat(vm.filledUnits("TECH_SME")).isEqualTo(9);
        assertThat(vm.completeUnits()).isEqualTo(8);
        assertThat(vm.summaryProperty().get()).startsWith("2025 期（2025 年方案）：8/10 个单位已填完整，已填 188/190 项，警告 0 处");

        vm.incompleteOnlyProperty().set(true);
        assertThat(units()).containsExactly("331123", "331125");
        vm.enter("331123", "TECH_SME", "150");
        assertThat(vm.filledCount("331123")).isEqualTo(19);
        assertThat(units()).containsExactly("331125");
        vm.incompleteOnlyProperty().set(false);

        vm.zoneFilterProperty().set("Z2");
        assertThat(units()).containsExactly("331181", "331123", "331125", "331126", "331127");
        vm.nameFilterProperty().set("龙泉");
        assertThat(units()).containsExactly("331181");
        vm.zoneFilterProperty().set("");
        vm.nameFilterProperty().set("");
        assertThat(units()).hasSize(10);
    }

    @Test
    void aNewPeriodStartsEmptyAndFillsUp() {
        db.addPeriod(Period.year(2026), "张三");
        workspace.reload();
        workspace.selectPeriod(Period.year(2026));
        assertThat(vm.period()).hasValue(Period.year(2026));
        assertThat(vm.completeUnits()).isZero();
        assertThat(vm.filledCount("331102")).isZero();
        vm.enter("331102", "GDP", "350");
        assertThat(vm.filledCount("331102")).isEqualTo(1);
        assertThat(vm.filledUnits("GDP")).isEqualTo(1);
        assertThat(vm.sum("GDP")).isEqualTo(350);
        vm.save(() -> { });
        assertThat(kept(Period.year(2026), "331102", "GDP")).hasValue(350);
    }

    @Test
    void aReadOnlyDatabaseShowsTheFiguresAndRefusesEdits() {
        try (WorkbenchDatabase second = WorkbenchDatabase.open(dir.resolve("w.db"))) {
            assertThat(second.readOnly()).isTrue(); // the test's own connection holds the file
            Workspace other = new Workspace(new CurrentThreadTaskExecutor());
            other.attach(second, Workspace.Content.read(second), "李四");
            EntryViewModel readOnly = new EntryViewModel(other, new CurrentThreadTaskExecutor());
            assertThat(readOnly.display("331102", "GDP")).isNotEmpty();
            assertThat(readOnly.editableProperty().get()).isFalse();
            assertThat(readOnly.enter("331102", "GDP", "1")).hasValue("现在不能录入：数据库为只读，或尚未选择考核期。");
            assertThat(readOnly.paste("331102", "GDP", "1\t2")).isZero();
            assertThat(readOnly.isDirty()).isFalse();
        }
    }
}

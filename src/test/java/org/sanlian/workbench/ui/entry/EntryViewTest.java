package org.sanlian.workbench.ui.entry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanlian.workbench.ui.ShellFixture.fx;
import static org.sanlian.workbench.ui.ShellFixture.waitUntil;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sanlian.workbench.app.FigureEntryService;
import org.sanlian.workbench.app.WorkbenchDatabase;
import org.sanlian.workbench.core.model.AuditEntry;
import org.sanlian.workbench.core.model.AuditFilter;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.i18n.Messages;
import org.sanlian.workbench.ui.ShellFixture;
import org.sanlian.workbench.ui.TestDatabases;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * 数据录入 driven as a user would, in the real window on a temporary demo database: type a value
 * into a cell and save with Ctrl+S (the figure and its audit line are in the database, under the
 * operator); paste a 3 x 4 block copied from Excel with Ctrl+V, and undo it in one step.
 */
@ExtendWith(ApplicationExtension.class)
class EntryViewTest {

    private static final Period P2025 = Period.year(2025);

    @TempDir
    Path dir;

    private ShellFixture shell;

    @Start
    void start(Stage stage) {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
        shell = new ShellFixture(stage);
    }

    @AfterEach
    void close() throws Exception {
        shell.close(true);
    }

    private EntryViewModel model() {
        return ((EntryScreen) shell.model().screen(shell.model().screens().stream()
                .filter(e -> e.id().equals("entry")).findFirst().orElseThrow())).model();
    }

    @SuppressWarnings("unchecked")
    private static TableView<EntryRow> table(FxRobot robot) {
        return robot.lookup("#" + EntryView.TABLE_ID).queryAs(TableView.class);
    }

    private void showEntry(FxRobot robot) throws Exception {
        robot.clickOn("#nav-entry");
        waitUntil(() -> robot.lookup("#" + EntryView.TABLE_ID).tryQuery().isPresent()
                && table(robot).getItems().size() == 12 && table(robot).getColumns().size() == 3 + 26);
    }

    /** The shown cell of a unit's row in a code's column. */
    private static Node cell(FxRobot robot, String unit, String code) {
        TableView<EntryRow> table = table(robot);
        return fx(() -> {
            int row = table.getItems().stream().map(EntryRow::unit).toList().indexOf(unit);
            table.scrollTo(row);
            table.scrollToColumn(table.getColumns().stream()
                    .filter(c -> code.equals(c.getUserData())).findFirst().orElseThrow());
            table.layout();
            for (Node n : table.lookupAll(".table-cell")) {
                TableCell<?, ?> c = (TableCell<?, ?>) n;
                if (c.getIndex() == row && c.getTableColumn() != null && code.equals(c.getTableColumn().getUserData())
                        && c.isVisible()) {
                    return c;
                }
            }
            throw new AssertionError(unit + " " + code + " is not shown");
        });
    }

    private double value(String unit, String code) {
        return fx(() -> model().grid().cell(unit, code).orElseThrow().value().getAsDouble());
    }

    private static OptionalDouble kept(WorkbenchDatabase db, String unit, String code) {
        return FigureEntryService.sheet(db, P2025).figures().stream()
                .filter(f -> f.unit().equals(unit) && f.code().equals(code)).findFirst()
                .map(FigureEntryService.Kept::value).orElse(OptionalDouble.empty());
    }

    private static List<AuditEntry> trail(WorkbenchDatabase db, String unit, String code) {
        return db.audit(new AuditFilter(Optional.of(unit), Optional.of("2025"), Optional.of(code), Optional.empty(),
                Optional.of("figure"), Optional.empty(), Optional.empty(), 0));
    }

    @Test
    void theGridHasFixedRowsAndACellsTooltipIsMadeWhenTheMouseComesOverIt(FxRobot robot) throws Exception {
        shell.open(robot, TestDatabases.demo(dir.resolve("sanlian.db"), "张三"));
        showEntry(robot);
        assertThat(fx(() -> table(robot).getFixedCellSize())).isEqualTo(26.0); // 2em of the 13 px font
        TableCell<?, ?> cell = (TableCell<?, ?>) cell(robot, "331102", "HTE");
        String says = fx(() -> model().tooltip("331102", "HTE"));
        assertThat(says).contains("国家高新技术企业数");
        assertThat(fx(cell::getTooltip)).isNull(); // not made while nobody points at the cell

        robot.moveTo(cell);
        waitUntil(() -> javafx.stage.Window.getWindows().stream()
                .anyMatch(w -> w instanceof javafx.scene.control.Tooltip t && t.isShowing() && t.getText().equals(says)));
        assertThat(fx(() -> cell.getTooltip().getText())).isEqualTo(says);
    }

    @Test
    void aTypedValueIsSavedWithCtrlSAndAudited(FxRobot robot) throws Exception {
        shell.open(robot, TestDatabases.demo(dir.resolve("sanlian.db"), "张三"));
        showEntry(robot);
        assertThat(robot.lookup("#" + EntryView.SUMMARY_ID).queryAs(Label.class).getText())
                .startsWith("2025 期（2025 年方案）：8/10 个单位已填完整");

        robot.clickOn(cell(robot, "331102", "HTE"));
        robot.write("131");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> model().isDirty() && value("331102", "HTE") == 131);
        assertThat(robot.lookup("#" + EntryView.STATUS_ID).queryAs(Label.class).getText())
                .isEqualTo("莲都区 · 国家高新技术企业数：已填入 131。");

        // a refused value: not kept, said why
        robot.clickOn(cell(robot, "331102", "TECH_SME"));
        robot.write("12.5");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> model().refusal("331102", "TECH_SME").isPresent());
        assertThat(robot.lookup("#" + EntryView.STATUS_ID).queryAs(Label.class).getText())
                .contains("未接受。此项只能是整数");
        assertThat(fx(() -> ((TableCell<?, ?>) cell(robot, "331102", "TECH_SME")).getStyleClass()))
                .contains(EntryTableCell.REFUSED);

        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        waitUntil(() -> !model().isDirty() && shell.model().workspace().state().revision() == 1);

        WorkbenchDatabase db = shell.model().workspace().database().orElseThrow();
        assertThat(kept(db, "331102", "HTE")).hasValue(131);
        List<AuditEntry> hte = trail(db, "331102", "HTE");
        AuditEntry last = hte.get(hte.size() - 1);
        assertThat(last.operator()).isEqualTo("张三");
        assertThat(last.action()).isEqualTo("UPDATE");
        assertThat(last.newValue().orElseThrow()).contains("131").contains("手工录入");
        assertThat(trail(db, "331102", "TECH_SME")).hasSize(1); // only the demo data's own line
        assertThat(robot.lookup("#" + EntryView.STATUS_ID).queryAs(Label.class).getText())
                .isEqualTo("已保存 1 处修改（操作人：张三）。");
    }

    @Test
    void aCityFigureTypedUnderTheUnitsIsWarnedWhenTheUnitsDoNotAddUpAndSavedWithCtrlS(FxRobot robot)
            throws Exception {
        shell.open(robot, TestDatabases.demo(dir.resolve("sanlian.db"), "张三"));
        showEntry(robot);
        assertThat(fx(() -> table(robot).getItems().get(10).city())).isTrue();
        double sum = fx(() -> model().sum("GDP"));
        double city = Math.round(sum * 1.02);

        robot.clickOn(cell(robot, EntryRow.CITY, "GDP"));
        robot.write(CellChecks.plain(city));
        robot.type(KeyCode.ENTER);
        waitUntil(() -> model().isDirty() && model().warning(EntryRow.CITY, "GDP").isPresent());
        assertThat(fx(() -> ((TableCell<?, ?>) cell(robot, EntryRow.CITY, "GDP")).getStyleClass()))
                .contains(EntryTableCell.CITY, EntryTableCell.WARNING);
        assertThat(robot.lookup("#" + EntryView.STATUS_ID).queryAs(Label.class).getText())
                .startsWith("全市数 · 地区生产总值：已填入 " + CellChecks.plain(city)).contains("各单位合计");

        // a share takes no city figure: grey, and typing starts no edit
        robot.clickOn(cell(robot, EntryRow.CITY, "QIYOU"));
        robot.write("80");
        assertThat(fx(() -> ((TableCell<?, ?>) cell(robot, EntryRow.CITY, "QIYOU")).getStyleClass()))
                .contains(EntryTableCell.CITY_NONE);
        assertThat(fx(() -> model().grid().cell(EntryRow.CITY, "QIYOU"))).isEmpty();

        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        waitUntil(() -> !model().isDirty() && shell.model().workspace().state().revision() == 1);
        WorkbenchDatabase db = shell.model().workspace().database().orElseThrow();
        assertThat(FigureEntryService.sheet(db, P2025).cityFigures()).singleElement()
                .satisfies(k -> {
                    assertThat(k.code()).isEqualTo("GDP");
                    assertThat(k.value()).hasValue(city);
                    assertThat(k.operator()).isEqualTo("张三");
                });
        waitUntil(() -> model().warning(EntryRow.CITY, "GDP").isPresent()); // read back, still warned
    }

    @Test
    void aThreeByFourBlockPastedFromTheClipboardIsOneStep(FxRobot robot) throws Exception {
        shell.open(robot, TestDatabases.demo(dir.resolve("sanlian.db"), "张三"));
        showEntry(robot);
        double gdpBefore = value("331121", "GDP");

        robot.interact(() -> {
            ClipboardContent content = new ClipboardContent();
            content.putString("101\t2,001\t30001\t4001\r\n１０２\t2002\t30002\t4002\r\n103\t2003\t30003\t4003\r\n");
            Clipboard.getSystemClipboard().setContent(content);
        });
        robot.clickOn(cell(robot, "331121", "GDP"));
        robot.press(KeyCode.CONTROL, KeyCode.V).release(KeyCode.V, KeyCode.CONTROL);
        waitUntil(() -> model().pendingChanges().size() == 12);

        assertThat(value("331121", "GDP")).isEqualTo(101);
        assertThat(value("331121", "RD_EXP")).isEqualTo(2001);
        assertThat(value("331122", "GDP")).isEqualTo(102);
        assertThat(value("331124", "IND_RD")).isEqualTo(4003);
        assertThat(fx(() -> ((TableCell<?, ?>) cell(robot, "331124", "IND_RD")).getText())).isEqualTo("4003");
        assertThat(robot.lookup("#" + EntryView.STATUS_ID).queryAs(Label.class).getText())
                .isEqualTo("已粘贴 12 个单元格（一步，可撤销），0 个未接受。其中 11 个值需要核对（黄色）。");

        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        waitUntil(() -> !model().isDirty());
        assertThat(value("331121", "GDP")).isEqualTo(gdpBefore);
    }
}

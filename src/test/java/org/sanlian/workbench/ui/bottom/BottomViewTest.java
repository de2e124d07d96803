package org.sanlian.workbench.ui.bottom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanlian.workbench.ui.ShellFixture.clickDefaultButton;
import static org.sanlian.workbench.ui.ShellFixture.fx;
import static org.sanlian.workbench.ui.ShellFixture.waitUntil;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sanlian.workbench.app.InterviewService;
import org.sanlian.workbench.app.WorkbenchDatabase;
import org.sanlian.workbench.core.model.AuditEntry;
import org.sanlian.workbench.core.model.AuditFilter;
import org.sanlian.workbench.core.model.Interview;
import org.sanlian.workbench.core.model.InterviewStatus;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.i18n.Messages;
import org.sanlian.workbench.ui.ShellFixture;
import org.sanlian.workbench.ui.TestDatabases;
import org.sanlian.workbench.ui.entry.EntryRow;
import org.sanlian.workbench.ui.entry.EntryView;
import org.sanlian.workbench.ui.results.ResultRow;
import org.sanlian.workbench.ui.results.ResultsView;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * 末位约谈 in the real window on a temporary demo database: an interview recorded through its dialog
 * (a backwards deadline refused first) is listed and audited; and a figure typed on 数据录入 that moves
 * a unit onto the list (worked out with the engine) shows on 末位约谈 and on 计算与排名.
 */
@ExtendWith(ApplicationExtension.class)
class BottomViewTest {

    private static final Period Y2025 = Period.year(2025);

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

    @SuppressWarnings("unchecked")
    private static TableView<BottomRow> table(FxRobot robot) {
        return robot.lookup("#" + BottomView.TABLE_ID).queryAs(TableView.class);
    }

    @SuppressWarnings("unchecked")
    private static TableView<BottomViewModel.InterviewRow> interviews(FxRobot robot) {
        return robot.lookup("#" + BottomView.INTERVIEWS_ID).queryAs(TableView.class);
    }

    private static List<String> listed(FxRobot robot) {
        return fx(() -> table(robot).getItems().stream().map(BottomRow::unitCode).toList());
    }

    private static void showBottom(FxRobot robot) throws Exception {
        robot.clickOn("#nav-bottom");
        waitUntil(() -> robot.lookup("#" + BottomView.TABLE_ID).tryQuery().isPresent()
                && !robot.lookup("#" + BottomView.BUSY_ID).query().isVisible()
                && !table(robot).getItems().isEmpty());
    }

    /** The shown row of a unit in the bottom list. */
    private static Node bottomRow(FxRobot robot, String unit) {
        TableView<BottomRow> table = table(robot);
        return fx(() -> {
            table.layout();
            for (Node n : table.lookupAll(".table-row-cell")) {
                TableRow<?> r = (TableRow<?>) n;
                if (r.getItem() instanceof BottomRow b && b.unitCode().equals(unit) && r.isVisible()) {
                    return r;
                }
            }
            throw new AssertionError(unit + " is not shown");
        });
    }

    @Test
    void anInterviewRecordedThroughTheScreenIsListedAndAudited(FxRobot robot) throws Exception {
        shell.open(robot, TestDatabases.demo(dir.resolve("w.db"), "张三"));
        showBottom(robot);
        assertThat(robot.lookup("#" + BottomView.STATUS_ID).queryAs(Label.class).getText())
                .startsWith("2025年：共 10 个单位，4 个列入末位约谈名单");

        robot.clickOn(bottomRow(robot, "331121"));
        waitUntil(() -> robot.lookup("#" + BottomView.INTERVIEWS_TITLE_ID).queryAs(Label.class).getText()
                .startsWith("青田县 的约谈记录"));
        assertThat(interviews(robot).getItems()).isEmpty();

        robot.clickOn("#" + BottomView.ADD_ID);
        waitUntil(() -> robot.lookup("#" + InterviewDialog.HELD_ID).tryQuery().isPresent());
        robot.clickOn("#" + InterviewDialog.HELD_ID).write("2026-01-10");
        robot.clickOn("#" + InterviewDialog.ATTENDEES_ID).write("市科技局 王某；青田县副县长 李某");
        robot.clickOn("#" + InterviewDialog.PLAN_ID).write("新建省级企业研究院两家");
        robot.clickOn("#" + InterviewDialog.DEADLINE_ID).write("2025-12-31");
        robot.clickOn("#" + InterviewDialog.STATUS_ID);
        robot.clickOn("整改中");

        // a deadline before the interview is refused in the dialog, which stays open
        clickDefaultButton(robot);
        waitUntil(() -> robot.lookup("#" + InterviewDialog.PROBLEM_ID).queryAs(Label.class).getText()
                .contains("整改期限 2025-12-31 早于约谈日期 2026-01-10"));
        robot.doubleClickOn("#" + InterviewDialog.DEADLINE_ID);
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write("2026-06-30");
        clickDefaultButton(robot);

        waitUntil(() -> interviews(robot).getItems().size() == 1);
        Interview kept = fx(() -> interviews(robot).getItems().get(0).interview());
        assertThat(kept.unit()).isEqualTo("331121");
        assertThat(kept.period()).isEqualTo(Y2025);
        assertThat(kept.heldOn()).hasValue(LocalDate.of(2026, 1, 10));
        assertThat(kept.deadline()).hasValue(LocalDate.of(2026, 6, 30));
        assertThat(kept.status()).isEqualTo(InterviewStatus.RECTIFYING);
        assertThat(kept.attendees()).isEqualTo("市科技局 王某；青田县副县长 李某");
        waitUntil(() -> robot.lookup("#" + BottomView.NOTICE_ID).queryAs(Label.class).getText()
                .equals("已保存 青田县 2025年 的约谈记录。"));

        WorkbenchDatabase db = shell.model().workspace().database().orElseThrow();
        assertThat(InterviewService.ofUnit(db, "331121")).containsExactly(kept);
        List<AuditEntry> trail = db.audit(new AuditFilter(Optional.of("331121"), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of("interview"), Optional.empty(), Optional.empty(), 0));
        assertThat(trail).singleElement().satisfies(e -> {
            assertThat(e.operator()).isEqualTo("张三");
            assertThat(e.action()).isEqualTo("INSERT");
            assertThat(e.period()).hasValue("2025");
            assertThat(e.newValue().orElseThrow()).contains("新建省级企业研究院两家");
        });

        // a double click opens it filled in; marked done, it is changed in place
        robot.doubleClickOn(fx(() -> {
            TableView<BottomViewModel.InterviewRow> t = interviews(robot);
            t.layout();
            return t.lookupAll(".table-row-cell").stream()
                    .filter(n -> ((TableRow<?>) n).getItem() != null).findFirst().orElseThrow();
        }));
        waitUntil(() -> robot.lookup("#" + InterviewDialog.ATTENDEES_ID).tryQuery()
                .map(n -> ((javafx.scene.control.TextField) n).getText().equals("市科技局 王某；青田县副县长 李某"))
                .orElse(false));
        robot.clickOn("#" + InterviewDialog.STATUS_ID);
        robot.clickOn("已整改");
        clickDefaultButton(robot);
        waitUntil(() -> interviews(robot).getItems().size() == 1
                && interviews(robot).getItems().get(0).interview().status() == InterviewStatus.DONE);

        // the changed record stays chosen; Delete asks first, then removes it
        assertThat(fx(() -> interviews(robot).getSelectionModel().getSelectedIndex())).isZero();
        robot.clickOn("#" + BottomView.INTERVIEWS_ID + " .table-row-cell");
        robot.type(KeyCode.DELETE);
        clickDefaultButton(robot);
        waitUntil(() -> interviews(robot).getItems().isEmpty());
        assertThat(InterviewService.ofUnit(db, "331121")).isEmpty();
        assertThat(db.audit(new AuditFilter(Optional.of("331121"), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of("interview"), Optional.empty(), Optional.empty(), 0)))
                .extracting(AuditEntry::action, AuditEntry::operator)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("INSERT", "张三"),
                        org.assertj.core.groups.Tuple.tuple("UPDATE", "张三"),
                        org.assertj.core.groups.Tuple.tuple("DELETE", "张三"));
    }

    @SuppressWarnings("unchecked")
    private static TableView<EntryRow> entryTable(FxRobot robot) {
        return robot.lookup("#" + EntryView.TABLE_ID).queryAs(TableView.class);
    }

    /** The shown cell of a unit's row in a code's column of 数据录入 (as EntryViewTest finds it). */
    private static Node entryCell(FxRobot robot, String unit, String code) {
        TableView<EntryRow> table = entryTable(robot);
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

    @SuppressWarnings("unchecked")
    private static Optional<ResultRow> ranked(FxRobot robot, String unit) {
        return fx(() -> ((TableView<ResultRow>) robot.lookup("#" + ResultsView.OVERALL_TABLE_ID).query()).getItems()
                .stream().filter(r -> r.unitCode().equals(unit)).findFirst());
    }

    @Test
    void aFigureTypedOnDataEntryMovesTheUnitOnTheBottomListAndInTheRanking(FxRobot robot) throws Exception {
        Path file = TestDatabases.demo(dir.resolve("w.db"), "张三");
        ListChange change;
        try (WorkbenchDatabase db = WorkbenchDatabase.open(file)) {
            change = ListChange.find(db, Y2025);
        }
        assertThat(change.listedAfter()).isNotEqualTo(change.listedBefore());
        shell.open(robot, file);

        // the ranking and the list before
        waitUntil(() -> robot.lookup("#" + ResultsView.OVERALL_TABLE_ID).tryQuery().isPresent()
                && ranked(robot, change.unit()).isPresent());
        assertThat(ranked(robot, change.unit()).orElseThrow().rank()).isEqualTo(change.rankBefore());
        assertThat(ranked(robot, change.unit()).orElseThrow().listed()).isEqualTo(!change.enters());
        showBottom(robot);
        assertThat(listed(robot)).containsExactlyElementsOf(change.listedBefore());

        // the figure typed and saved on 数据录入
        robot.clickOn("#nav-entry");
        waitUntil(() -> robot.lookup("#" + EntryView.TABLE_ID).tryQuery().isPresent()
                && !entryTable(robot).getItems().isEmpty());
        robot.clickOn(entryCell(robot, change.unit(), change.code()));
        robot.write(java.math.BigDecimal.valueOf(change.after()).stripTrailingZeros().toPlainString());
        robot.type(KeyCode.ENTER);
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        waitUntil(() -> shell.model().workspace().state().revision() == 1);
        WorkbenchDatabase db = shell.model().workspace().database().orElseThrow();
        assertThat(db.assessment(Y2025, Optional.empty()).data().value(Y2025, change.unit(), change.code())
                .getAsDouble()).isEqualTo(change.after());

        // 末位约谈 follows
        robot.clickOn("#nav-bottom");
        waitUntil(() -> listed(robot).equals(change.listedAfter()));
        assertThat(listed(robot).contains(change.unit())).isEqualTo(change.enters());
        assertThat(robot.lookup("#" + BottomView.STATUS_ID).queryAs(Label.class).getText())
                .startsWith("2025年：共 10 个单位，" + change.listedAfter().size() + " 个列入末位约谈名单");

        // and so does 计算与排名
        robot.clickOn("#nav-results");
        waitUntil(() -> ranked(robot, change.unit()).map(r -> r.rank() == change.rankAfter()
                && r.listed() == change.enters()).orElse(false));
        assertThat(change.rankAfter()).isNotEqualTo(change.rankBefore());
    }
}

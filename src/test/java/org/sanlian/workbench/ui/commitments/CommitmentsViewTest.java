package org.sanlian.workbench.ui.commitments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanlian.workbench.ui.ShellFixture.waitUntil;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
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

/** 公开承诺 in the real window: a target typed into the grid is compared at once and saved with Ctrl+S. */
@ExtendWith(ApplicationExtension.class)
class CommitmentsViewTest {

    private static final String CELL = "#" + CommitmentsView.fieldId("331102", "TECH_SME");
    private static final String KEPT = "#" + CommitmentsView.keptId("331102", "TECH_SME");

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

    @Test
    void aTypedTargetIsComparedAtOnceAndSavedUnderTheOperator(FxRobot robot) throws Exception {
        shell.open(robot, TestDatabases.demo(dir.resolve("w.db"), "张三"));
        robot.clickOn("#nav-commitments");
        waitUntil(() -> robot.lookup(CELL).tryQuery().map(n -> ((TextField) n).getText().equals("630")).orElse(false));
        assertThat(robot.lookup(KEPT).queryAs(Label.class).getText()).isEqualTo("未完成 98.6%（实际 621）");
        assertThat(robot.lookup(KEPT).queryAs(Label.class).getStyleClass()).contains("not-kept");

        robot.doubleClickOn(CELL);
        robot.interact(() -> robot.lookup(CELL).queryAs(TextField.class).selectAll());
        robot.write("600").type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup(KEPT).queryAs(Label.class).getText().equals("完成 103.5%（实际 621）"));
        assertThat(robot.lookup(KEPT).queryAs(Label.class).getStyleClass()).contains("kept");

        // a refused value is named with its reason and changes nothing
        robot.doubleClickOn(CELL);
        robot.interact(() -> robot.lookup(CELL).queryAs(TextField.class).selectAll());
        robot.write("-5").type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#" + CommitmentsView.PROBLEMS_ID).queryAs(Label.class).getText().contains("是负数"));
        assertThat(robot.lookup(CELL).queryAs(TextField.class).getText()).isEqualTo("600");

        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        WorkbenchDatabase db = shell.model().workspace().database().orElseThrow();
        waitUntil(() -> db.assessment(Period.year(2025), Optional.empty()).targets()
                .value(Period.year(2025), "331102", "TECH_SME").orElse(0) == 600);
        AuditEntry last = db.audit(new AuditFilter(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of("target"), Optional.empty(), Optional.empty(), 0)).stream()
                .reduce((a, b) -> b).orElseThrow();
        assertThat(last.operator()).isEqualTo("张三");
        assertThat(last.code()).hasValue("TECH_SME");
        waitUntil(() -> robot.lookup("#" + CommitmentsView.NOTICE_ID).queryAs(Label.class).getText()
                .equals("已保存 2025年 的公开承诺和分区目标，1 个目标有变化（操作人：张三）。"));
    }

    @Test
    void carryOverFillsAnEmptyCellWithLastYearsTargetUntilSaved(FxRobot robot) throws Exception {
        Path file = TestDatabases.demo(dir.resolve("w.db"), "张三");
        try (WorkbenchDatabase db = WorkbenchDatabase.open(file)) {
            org.sanlian.workbench.app.CommitmentService.save(db, Period.year(2025),
                    java.util.List.of(new org.sanlian.workbench.app.CommitmentService.Key("331102", "TECH_SME")),
                    java.util.Map.of(), "tester");
        }
        shell.open(robot, file);
        robot.clickOn("#nav-commitments");
        waitUntil(() -> robot.lookup("#" + CommitmentsView.fieldId("331102", "HTE")).tryQuery()
                .map(n -> ((TextField) n).getText().equals("218")).orElse(false));
        assertThat(robot.lookup(CELL).queryAs(TextField.class).getText()).isEmpty();
        waitUntil(() -> !robot.lookup("#" + CommitmentsView.CARRY_OVER_ID).queryButton().isDisabled());

        robot.clickOn("#" + CommitmentsView.CARRY_OVER_ID);
        waitUntil(() -> robot.lookup(CELL).queryAs(TextField.class).getText().equals("558")); // 2024's target
        assertThat(robot.lookup("#" + CommitmentsView.fieldId("331102", "HTE")).queryAs(TextField.class).getText())
                .isEqualTo("218");
        assertThat(robot.lookup("#" + CommitmentsView.CARRY_OVER_ID).queryButton().isDisabled()).isTrue();
        WorkbenchDatabase db = shell.model().workspace().database().orElseThrow();
        assertThat(db.assessment(Period.year(2025), Optional.empty()).targets()
                .value(Period.year(2025), "331102", "TECH_SME")).isEmpty();

        robot.clickOn("#" + CommitmentsView.SAVE_ID);
        waitUntil(() -> db.assessment(Period.year(2025), Optional.empty()).targets()
                .value(Period.year(2025), "331102", "TECH_SME").orElse(0) == 558);
    }

    @Test
    void aZoneTargetTypedIntoTheZoneGridIsSavedWithCtrlS(FxRobot robot) throws Exception {
        String zoneCell = "#" + CommitmentsView.fieldId("Z1", "SCI_ENVOYS");
        shell.open(robot, TestDatabases.demo(dir.resolve("w.db"), "张三"));
        robot.clickOn("#nav-commitments");
        WorkbenchDatabase db = shell.model().workspace().database().orElseThrow();
        String kept = org.sanlian.workbench.ui.commitments.CommitmentGrid.text(db.assessment(Period.year(2025),
                Optional.empty()).targets().value(Period.year(2025), "Z1", "SCI_ENVOYS"));
        waitUntil(() -> robot.lookup(zoneCell).tryQuery().map(n -> ((TextField) n).getText().equals(kept)).orElse(false));
        assertThat(robot.lookup("#" + CommitmentsView.ZONE_GRID_ID).query().isVisible()).isTrue();
        assertThat(robot.lookup("#" + CommitmentsView.ZONE_SUMMARY_ID).queryAs(Label.class).getText())
                .startsWith("分区目标：已填 4/4 个目标");

        // a refused value keeps the target and names the zone
        robot.doubleClickOn(zoneCell);
        robot.interact(() -> robot.lookup(zoneCell).queryAs(TextField.class).selectAll());
        robot.write("-1").type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#" + CommitmentsView.PROBLEMS_ID).queryAs(Label.class).getText()
                .startsWith("跨越发展类 · 团队科技特派员"));
        assertThat(robot.lookup(zoneCell).queryAs(TextField.class).getText()).isEqualTo(kept);

        robot.doubleClickOn(zoneCell);
        robot.interact(() -> robot.lookup(zoneCell).queryAs(TextField.class).selectAll());
        robot.write("19").type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup(zoneCell).queryAs(TextField.class).getText().equals("19"));
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        waitUntil(() -> db.assessment(Period.year(2025), Optional.empty()).targets()
                .value(Period.year(2025), "Z1", "SCI_ENVOYS").orElse(0) == 19);
        AuditEntry last = db.audit(new AuditFilter(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of("target"), Optional.empty(), Optional.empty(), 0)).stream()
                .reduce((a, b) -> b).orElseThrow();
        assertThat(last.operator()).isEqualTo("张三");
        assertThat(last.unit()).hasValue("Z1");
        assertThat(last.newValue().orElseThrow()).contains("分区目标（工作台录入）");
    }
}

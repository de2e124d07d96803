package org.sanlian.workbench.ui.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanlian.workbench.ui.ShellFixture.fx;
import static org.sanlian.workbench.ui.ShellFixture.waitUntil;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sanlian.workbench.app.PublishService;
import org.sanlian.workbench.app.WorkbenchDatabase;
import org.sanlian.workbench.core.model.AuditEntry;
import org.sanlian.workbench.core.model.AuditFilter;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.model.Scheme;
import org.sanlian.workbench.core.model.StoredScheme;
import org.sanlian.workbench.i18n.Messages;
import org.sanlian.workbench.ui.ShellFixture;
import org.sanlian.workbench.ui.TestDatabases;
import org.sanlian.workbench.ui.results.ResultsView;
import org.sanlian.workbench.ui.shell.ShellView;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * 单位与分区 driven as a user would, in the real window on a temporary demo database: drag a unit
 * to another zone and save (the scheme and the audit trail change, under the operator); the
 * keyboard alternative and undo before saving; a published year refuses and offers a copy; adding
 * a unit by its dialog; leaving with unsaved edits asks first.
 */
@ExtendWith(ApplicationExtension.class)
class UnitsZonesViewTest {

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

    private Path demo() {
        return TestDatabases.demo(dir.resolve("sanlian.db"), "张三");
    }

    @SuppressWarnings("unchecked")
    private static ListView<String> zone(FxRobot robot, String code) {
        return robot.lookup("#" + UnitsZonesView.zoneListId(code)).queryAs(ListView.class);
    }

    private static List<String> units(ListView<String> list) {
        return fx(() -> List.copyOf(list.getItems()));
    }

    private void showUnits(FxRobot robot) throws Exception {
        robot.clickOn("#nav-units");
        waitUntil(() -> robot.lookup("#" + UnitsZonesView.zoneListId("Z1")).tryQuery().isPresent()
                && zone(robot, "Z1").getItems().size() == 5);
    }

    private UnitsZonesViewModel model() {
        return ((UnitsZonesScreen) shell.model().screen(shell.model().screens().stream()
                .filter(e -> e.id().equals("units")).findFirst().orElseThrow())).model();
    }

    private static List<AuditEntry> schemeTrail(WorkbenchDatabase db) {
        return db.audit(new AuditFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("scheme"), Optional.empty(), Optional.empty(), 0));
    }

    private static Scheme scheme(WorkbenchDatabase db, int year) {
        StoredScheme s = db.schemes().stream().filter(x -> x.year() == year).findFirst().orElseThrow();
        return db.scheme(s);
    }

    @Test
    void aUnitDraggedToAnotherZoneIsSavedAsTheYearsSchemeAndAudited(FxRobot robot) throws Exception {
        Path file = demo();
        shell.open(robot, file);
        showUnits(robot);
        int trailBefore;
        try (WorkbenchDatabase reader = WorkbenchDatabase.open(file)) {
            trailBefore = schemeTrail(reader).size();
        }

        robot.drag(ShellFixture.cell(robot, zone(robot, "Z1"), "331102")).dropTo(zone(robot, "Z2"));
        waitUntil(() -> zone(robot, "Z2").getItems().size() == 6);

        assertThat(units(zone(robot, "Z1"))).doesNotContain("331102").hasSize(4);
        assertThat(units(zone(robot, "Z2"))).endsWith("331102");
        assertThat(robot.lookup("#" + UnitsZonesView.SUMMARY_ID).queryAs(Label.class).getText())
                .isEqualTo("共 10 个单位，2 个分区　·　有未保存的修改");
        assertThat(robot.lookup("#" + UnitsZonesView.SAVE_ID).queryAs(Button.class).isDisabled()).isFalse();

        robot.clickOn("#" + UnitsZonesView.SAVE_ID);
        waitUntil(() -> !model().isDirty() && shell.model().workspace().state().revision() == 1);

        assertThat(robot.lookup("#" + UnitsZonesView.NOTICE_ID).queryAs(Label.class).getText())
                .isEqualTo("已保存为 2025 年方案的新版本（操作人：张三）。");
        WorkbenchDatabase db = shell.model().workspace().database().orElseThrow();
        assertThat(scheme(db, 2025).zoneByUnit().get("331102").code()).isEqualTo("Z2");
        assertThat(scheme(db, 2024).zoneByUnit().get("331102").code()).isEqualTo("Z1");
        List<AuditEntry> trail = schemeTrail(db);
        assertThat(trail).hasSize(trailBefore + 1);
        AuditEntry change = trail.get(trail.size() - 1);
        assertThat(change.operator()).isEqualTo("张三");
        assertThat(change.action()).isEqualTo("UPDATE");
        assertThat(change.period()).hasValue("2025");
        assertThat(change.newValue().orElseThrow()).isEqualTo(db.schemes().get(2).json());
        assertThat(db.check()).isEmpty();

        // the results of 2025 rank 莲都区 in 生态发展类 now
        robot.clickOn("#nav-results");
        waitUntil(() -> robot.lookup("#" + ResultsView.TABS_ID).tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#" + ResultsView.TABS_ID).queryAs(javafx.scene.control.TabPane.class)
                .getSelectionModel().select(2));
        waitUntil(() -> robot.lookup("#" + ResultsView.zoneTableId("Z2")).tryQuery()
                .map(t -> ((TableView<?>) t).getItems().size() == 6).orElse(false));
    }

    @Test
    void theKeyboardMovesAUnitAndUndoBeforeSavingRestoresIt(FxRobot robot) throws Exception {
        Path file = demo();
        shell.open(robot, file);
        showUnits(robot);
        int trailBefore = schemeTrail(shell.model().workspace().database().orElseThrow()).size();

        robot.clickOn(ShellFixture.cell(robot, zone(robot, "Z1"), "331102"));
        robot.press(KeyCode.CONTROL, KeyCode.RIGHT).release(KeyCode.RIGHT, KeyCode.CONTROL);
        waitUntil(() -> zone(robot, "Z2").getItems().contains("331102"));
        assertThat(model().isDirty()).isTrue();
        robot.press(KeyCode.CONTROL, KeyCode.UP).release(KeyCode.UP, KeyCode.CONTROL);
        waitUntil(() -> zone(robot, "Z2").getItems().indexOf("331102") == 4);

        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        waitUntil(() -> zone(robot, "Z2").getItems().indexOf("331102") == 5);
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        waitUntil(() -> zone(robot, "Z1").getItems().contains("331102"));
        assertThat(units(zone(robot, "Z1"))).startsWith("331102");
        assertThat(model().isDirty()).isFalse();
        assertThat(robot.lookup("#" + UnitsZonesView.SAVE_ID).queryAs(Button.class).isDisabled()).isTrue();

        robot.press(KeyCode.CONTROL, KeyCode.Y).release(KeyCode.Y, KeyCode.CONTROL);
        waitUntil(() -> zone(robot, "Z2").getItems().contains("331102"));
        robot.clickOn("#" + UnitsZonesView.UNDO_ID);
        waitUntil(() -> zone(robot, "Z1").getItems().contains("331102"));

        // nothing was written
        WorkbenchDatabase db = shell.model().workspace().database().orElseThrow();
        assertThat(scheme(db, 2025).zoneByUnit().get("331102").code()).isEqualTo("Z1");
        assertThat(schemeTrail(db)).hasSize(trailBefore);
    }

    @Test
    void aPublishedYearRefusesTheSaveAndOffersACopyToANewYear(FxRobot robot) throws Exception {
        Path file = demo();
        try (WorkbenchDatabase db = WorkbenchDatabase.open(file)) {
            PublishService.publish(db, Period.year(2025), Optional.empty(), Optional.empty(), Optional.empty(),
                    "张三");
        }
        shell.open(robot, file);
        showUnits(robot);
        assertThat(robot.lookup("#" + UnitsZonesView.PUBLISHED_ID).queryAs(Label.class).isVisible()).isTrue();
        assertThat(robot.lookup("#" + ShellView.YEAR_LOCK_ID).queryAs(Label.class).isVisible()).isTrue();

        robot.clickOn(ShellFixture.cell(robot, zone(robot, "Z1"), "331102"));
        robot.clickOn("#" + UnitsZonesView.MOVE_TO_ID).clickOn("#move-to-Z2");
        waitUntil(() -> zone(robot, "Z2").getItems().contains("331102"));
        robot.clickOn("#" + UnitsZonesView.SAVE_ID);
        waitUntil(() -> model().refusedProperty().get());

        assertThat(robot.lookup("#" + UnitsZonesView.ERROR_ID).queryAs(Label.class).getText())
                .isEqualTo("scheme 2025: " + Messages.get().text("issue.store.scheme-published", "2025"));
        assertThat(robot.lookup("#" + UnitsZonesView.COPY_ID).queryAs(Button.class).isVisible()).isTrue();
        assertThat(model().isDirty()).isTrue();

        robot.clickOn("#" + UnitsZonesView.COPY_ID);
        waitUntil(() -> robot.lookup("#" + UnitsZonesView.NEW_YEAR_ID).tryQuery().isPresent());
        assertThat(robot.lookup("#" + UnitsZonesView.NEW_YEAR_ID).queryAs(TextField.class).getText())
                .isEqualTo("2026");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> shell.model().workspace().year().equals(Optional.of(2026))
                && Integer.valueOf(2026).equals(model().yearProperty().get()));

        assertThat(robot.lookup("#" + ShellView.YEAR_BOX_ID).queryAs(ComboBox.class).getValue()).isEqualTo(2026);
        assertThat(units(zone(robot, "Z2"))).contains("331102");
        assertThat(model().isDirty()).isFalse();
        WorkbenchDatabase db = shell.model().workspace().database().orElseThrow();
        assertThat(scheme(db, 2026).zoneByUnit().get("331102").code()).isEqualTo("Z2");
        assertThat(scheme(db, 2025).zoneByUnit().get("331102").code()).isEqualTo("Z1");
        assertThat(db.schemes().get(3).copiedFrom()).hasValue(2025);
    }

    @Test
    void aUnitIsAddedByItsDialogAndSaved(FxRobot robot) throws Exception {
        shell.open(robot, demo());
        showUnits(robot);

        robot.clickOn("#" + UnitsZonesView.ADD_ID);
        waitUntil(() -> robot.lookup("#" + UnitsZonesView.NEW_CODE_ID).tryQuery().isPresent());
        robot.clickOn("#" + UnitsZonesView.NEW_CODE_ID).write("331102");
        waitUntil(() -> robot.lookup("#" + UnitsZonesView.DIALOG_ERROR_ID).queryAs(Label.class).getText()
                .startsWith("代码 331102 已被单位"));
        robot.interact(() -> robot.lookup("#" + UnitsZonesView.NEW_CODE_ID).queryAs(TextField.class).setText(""));
        robot.clickOn("#" + UnitsZonesView.NEW_CODE_ID).write("331199");
        robot.clickOn("#" + UnitsZonesView.NEW_NAME_ID).write("丽水高新区");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> zone(robot, "Z1").getItems().contains("331199"));

        robot.type(KeyCode.F2); // rename the unit just added (it is the one chosen)
        waitUntil(() -> robot.lookup("#" + UnitsZonesView.NEW_NAME_ID).tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#" + UnitsZonesView.NEW_NAME_ID).queryAs(TextField.class).setText(""));
        robot.clickOn("#" + UnitsZonesView.NEW_NAME_ID).write("丽水高新技术产业园区");
        ShellFixture.clickDefaultButton(robot);
        waitUntil(() -> ((javafx.scene.control.ListCell<?>) ShellFixture.cell(robot, zone(robot, "Z1"), "331199"))
                .getText().equals("丽水高新技术产业园区"));

        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        waitUntil(() -> !model().isDirty());
        WorkbenchDatabase db = shell.model().workspace().database().orElseThrow();
        assertThat(scheme(db, 2025).unit("331199").orElseThrow().name()).isEqualTo("丽水高新技术产业园区");
        assertThat(scheme(db, 2025).zoneByUnit().get("331199").code()).isEqualTo("Z1");
        assertThat(robot.lookup("#shell-message").queryAs(Label.class).getText()).isEqualTo("已保存。");
    }

    @Test
    void leavingWithUnsavedEditsAsksFirst(FxRobot robot) throws Exception {
        shell.open(robot, demo());
        showUnits(robot);
        robot.clickOn(ShellFixture.cell(robot, zone(robot, "Z2"), "331181"));
        robot.press(KeyCode.CONTROL, KeyCode.DOWN).release(KeyCode.DOWN, KeyCode.CONTROL);
        waitUntil(() -> model().isDirty());

        robot.clickOn("#nav-periods");
        waitUntil(() -> robot.lookup("取消").tryQuery().isPresent());
        robot.clickOn("取消");
        waitUntil(() -> shell.model().current().id().equals("units"));
        assertThat(robot.lookup("#nav-units").queryAs(javafx.scene.control.ToggleButton.class).isSelected()).isTrue();
        assertThat(model().isDirty()).isTrue();

        robot.clickOn("#nav-periods");
        waitUntil(() -> robot.lookup("不保存").tryQuery().isPresent());
        robot.clickOn("不保存");
        waitUntil(() -> robot.lookup("#periods-table").tryQuery().isPresent());
        assertThat(shell.model().current().id()).isEqualTo("periods");
        assertThat(model().isDirty()).isFalse();
    }
}

package org.sanlian.workbench.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanlian.workbench.ui.ShellFixture.fx;
import static org.sanlian.workbench.ui.ShellFixture.waitUntil;

import java.nio.file.Path;
import java.util.Locale;

import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sanlian.workbench.app.SettingsService;
import org.sanlian.workbench.app.WorkbenchDatabase;
import org.sanlian.workbench.i18n.Messages;
import org.sanlian.workbench.ui.MainWindow;
import org.sanlian.workbench.ui.ShellFixture;
import org.sanlian.workbench.ui.TestDatabases;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** 设置 in the real window: the backups kept and the operator changed and saved, read back from the database. */
@ExtendWith(ApplicationExtension.class)
class SettingsViewTest {

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

    private static void replace(FxRobot robot, String id, String text) {
        robot.clickOn("#" + id);
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write(text);
    }

    private static String label(FxRobot robot, String id) {
        return fx(() -> robot.lookup("#" + id).queryAs(Label.class).getText());
    }

    @Test
    void theBackupsKeptAndTheOperatorAreSavedAndTheStatusBarNamesTheNewOperator(FxRobot robot) throws Exception {
        shell.open(robot, TestDatabases.demo(dir.resolve("w.db"), "张三"));
        robot.clickOn("#nav-settings");
        waitUntil(() -> robot.lookup("#" + SettingsView.OPERATOR_ID).queryAs(TextField.class).getText().equals("张三"));
        assertThat(robot.lookup("#" + SettingsView.BACKUPS_ID).queryAs(TextField.class).getText()).isEqualTo("10");

        // refused next to the field, and nothing kept
        replace(robot, SettingsView.BACKUPS_ID, "400");
        robot.clickOn("#" + SettingsView.SAVE_ID);
        waitUntil(() -> label(robot, SettingsView.BACKUPS_ERROR_ID).equals("请输入 1 到 365 之间的整数。"));
        WorkbenchDatabase db = shell.model().workspace().database().orElseThrow();
        assertThat(SettingsService.load(db).backupsKept()).isEqualTo(10);

        replace(robot, SettingsView.BACKUPS_ID, "25");
        replace(robot, SettingsView.OPERATOR_ID, "李四");
        robot.clickOn("#" + SettingsView.SAVE_ID);

        waitUntil(() -> label(robot, MainWindow.DB_OPERATOR_ID).equals("操作人：李四"));
        waitUntil(() -> label(robot, SettingsView.NOTICE_ID).equals("设置已保存，操作人为 李四。"));
        assertThat(db.operator()).hasValue("李四");
        assertThat(SettingsService.load(db).backupsKept()).isEqualTo(25);
        assertThat(label(robot, SettingsView.BACKUPS_ERROR_ID)).doesNotContain("请输入");
        assertThat(shell.model().workspace().operator()).isEqualTo("李四");
    }
}

package org.sanlian.workbench.ui.periods;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanlian.workbench.ui.ShellFixture.waitUntil;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sanlian.workbench.app.WorkbenchDatabase;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.model.StoredScheme;
import org.sanlian.workbench.i18n.Messages;
import org.sanlian.workbench.ui.ShellFixture;
import org.sanlian.workbench.ui.TestDatabases;
import org.sanlian.workbench.ui.shell.ShellView;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** 考核期 in the real window: a period typed is checked, added and chosen at the top; a scheme is copied to a new year. */
@ExtendWith(ApplicationExtension.class)
class PeriodsViewTest {

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
    void aTypedPeriodIsCheckedAddedAndChosenAtTheTop(FxRobot robot) throws Exception {
        shell.open(robot, TestDatabases.demo(dir.resolve("w.db"), "张三"));
        robot.clickOn("#nav-periods");
        waitUntil(() -> robot.lookup("#" + PeriodsView.PERIODS_TABLE_ID).queryAs(TableView.class).getItems().size() == 4);

        robot.clickOn("#" + PeriodsView.NEW_PERIOD_ID).write("2026H1");
        waitUntil(() -> !robot.lookup("#" + PeriodsView.PERIOD_PROBLEM_ID).queryAs(Label.class).getText().isEmpty());
        assertThat(robot.lookup("#" + PeriodsView.PERIOD_PROBLEM_ID).queryAs(Label.class).getText())
                .isEqualTo("2025 年起用的方案按年度考核，考核期应写成 2026 这样的形式。");
        assertThat(robot.lookup("#" + PeriodsView.ADD_PERIOD_ID).queryAs(Button.class).isDisabled()).isTrue();

        robot.interact(() -> robot.lookup("#" + PeriodsView.NEW_PERIOD_ID).queryAs(TextField.class).setText(""));
        robot.clickOn("#" + PeriodsView.NEW_PERIOD_ID).write("2026");
        robot.clickOn("#" + PeriodsView.ADD_PERIOD_ID);
        waitUntil(() -> shell.model().workspace().period().equals(Optional.of(Period.year(2026))));

        assertThat(robot.lookup("#" + PeriodsView.PERIODS_TABLE_ID).queryAs(TableView.class).getItems()).hasSize(5);
        assertThat(robot.lookup("#" + ShellView.PERIOD_BOX_ID).queryAs(ComboBox.class).getValue())
                .isEqualTo(Period.year(2026));
        assertThat(robot.lookup("#" + PeriodsView.NOTICE_ID).queryAs(Label.class).getText())
                .isEqualTo("已添加考核期 2026年，并已在顶部选中。");
        try (WorkbenchDatabase db = WorkbenchDatabase.open(dir.resolve("second-look.db"))) {
            assertThat(db.allPeriods()).isEmpty(); // (another file: the window holds its own)
        }
        assertThat(shell.model().workspace().database().orElseThrow().allPeriods()).contains(Period.year(2026));

        // the results of a period without figures say so
        robot.clickOn("#nav-results");
        waitUntil(() -> robot.lookup("#error").tryQuery().map(n -> ((Label) n).getText().contains("2026"))
                .orElse(false));
    }

    @Test
    void theChosenYearsSchemeIsCopiedToANewYear(FxRobot robot) throws Exception {
        shell.open(robot, TestDatabases.demo(dir.resolve("w.db"), "张三"));
        robot.clickOn("#nav-periods");
        waitUntil(() -> robot.lookup("#" + PeriodsView.NEW_YEAR_ID).queryAs(TextField.class).getText().equals("2026"));

        robot.clickOn("#" + PeriodsView.COPY_ID);
        waitUntil(() -> shell.model().workspace().year().equals(Optional.of(2026)));

        assertThat(robot.lookup("#" + ShellView.YEAR_BOX_ID).queryAs(ComboBox.class).getValue()).isEqualTo(2026);
        assertThat(robot.lookup("#" + PeriodsView.SCHEMES_TABLE_ID).queryAs(TableView.class).getItems()).hasSize(4);
        assertThat(shell.model().workspace().database().orElseThrow().schemes()).extracting(StoredScheme::year)
                .containsExactly(2023, 2024, 2025, 2026);
    }
}

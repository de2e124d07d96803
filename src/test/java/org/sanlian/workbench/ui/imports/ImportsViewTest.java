package org.sanlian.workbench.ui.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanlian.workbench.ui.ShellFixture.fx;
import static org.sanlian.workbench.ui.ShellFixture.waitUntil;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sanlian.workbench.app.PeriodSummary;
import org.sanlian.workbench.app.WorkbenchDatabase;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.i18n.Messages;
import org.sanlian.workbench.ui.ShellFixture;
import org.sanlian.workbench.ui.TestDatabases;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** 导入与模板 in the real window: a returned template with a typo is checked, its problem shown at its cell, nothing written. */
@ExtendWith(ApplicationExtension.class)
class ImportsViewTest {

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

    private static int figures(WorkbenchDatabase db) {
        return db.periodSummaries().stream().mapToInt(PeriodSummary::figures).sum();
    }

    @Test
    void aReturnedTemplateWithATypoIsReportedAtItsCellAndNothingIsWritten(FxRobot robot) throws Exception {
        Path file = TestDatabases.demo(dir.resolve("w.db"), "张三");
        Path template = ReturnedTemplates.returned(file, Period.year(2025), "331102", dir.resolve("returned"),
                Map.of("GDP", "三百"));
        ImportAnswers answers = new ImportAnswers();
        answers.files = List.of(template);
        shell.open(robot, file, w -> answers);
        WorkbenchDatabase db = shell.model().workspace().database().orElseThrow();
        int before = fx(() -> figures(db));
        double gdp = fx(() -> db.assessment(Period.year(2025), Optional.empty()).data()
                .value(Period.year(2025), "331102", "GDP").orElseThrow());

        robot.clickOn("#nav-import");
        robot.clickOn("#" + ImportsView.CHOOSE_FILES_ID);
        waitUntil(() -> robot.lookup("#" + ImportsView.SELECTION_ID).queryAs(Label.class).getText()
                .endsWith(template.getFileName().toString()));
        robot.clickOn("#" + ImportsView.CHECK_ID);
        waitUntil(() -> !robot.lookup("#" + ImportsView.REPORT_TABLE_ID).queryAs(TableView.class).getItems().isEmpty()
                && !robot.lookup("#" + ImportsView.SUMMARY_ID).queryAs(Label.class).getText().isEmpty());

        @SuppressWarnings("unchecked")
        TableView<ReportRow> report = robot.lookup("#" + ImportsView.REPORT_TABLE_ID).queryAs(TableView.class);
        assertThat(report.getItems()).hasSize(1);
        ReportRow row = report.getItems().get(0);
        assertThat(row.severity()).isEqualTo(ReportRow.Severity.ERROR);
        assertThat(row.file()).isEqualTo("2025_331102_莲都区_数据填报模板.xlsx");
        assertThat(row.place()).isEqualTo("填报表!F6");
        assertThat(row.message()).contains("三百");
        assertThat(robot.lookup("#" + ImportsView.SUMMARY_ID).queryAs(Label.class).getText())
                .startsWith("发现 1 个问题（1 个文件有问题）");
        assertThat(robot.lookup("#" + ImportsView.IMPORT_ID).queryAs(Button.class).isDisabled()).isTrue();
        // the report shows in the table itself: the cell with the place is on screen
        assertThat(robot.lookup(".table-cell").queryAll()).anyMatch(n -> n instanceof javafx.scene.control.Labeled l
                && "填报表!F6".equals(l.getText()));

        robot.clickOn("#" + ImportsView.IMPORT_ID); // disabled: does nothing
        assertThat(fx(() -> figures(db))).isEqualTo(before);
        assertThat(fx(() -> db.assessment(Period.year(2025), Optional.empty()).data()
                .value(Period.year(2025), "331102", "GDP").orElseThrow())).isEqualTo(gdp);
    }

    @Test
    void aSoundTemplateIsCheckedThenImportedAndTheWindowShowsTheNewFigures(FxRobot robot) throws Exception {
        Path file = TestDatabases.demo(dir.resolve("w.db"), "张三");
        Path template = ReturnedTemplates.returned(file, Period.year(2025), "331102", dir.resolve("returned"),
                Map.of("GDP", "305.5"));
        ImportAnswers answers = new ImportAnswers();
        answers.importFolder = Optional.of(template.getParent());
        shell.open(robot, file, w -> answers);
        WorkbenchDatabase db = shell.model().workspace().database().orElseThrow();
        long revision = fx(() -> shell.model().workspace().state().revision());

        robot.clickOn("#nav-import");
        robot.clickOn("#" + ImportsView.CHOOSE_FOLDER_ID);
        robot.clickOn("#" + ImportsView.CHECK_ID);
        waitUntil(() -> !robot.lookup("#" + ImportsView.IMPORT_ID).queryAs(Button.class).isDisabled());
        assertThat(robot.lookup("#" + ImportsView.SUMMARY_ID).queryAs(Label.class).getText()).startsWith("检查通过：1 个文件");
        @SuppressWarnings("unchecked")
        TableView<FileRow> files = robot.lookup("#" + ImportsView.FILES_TABLE_ID).queryAs(TableView.class);
        assertThat(files.getItems()).extracting(FileRow::content).containsExactly("莲都区（331102）2025年填报模板");

        robot.clickOn("#" + ImportsView.IMPORT_ID);
        waitUntil(() -> robot.lookup("#" + ImportsView.SUMMARY_ID).queryAs(Label.class).getText().startsWith("已导入")
                && shell.model().workspace().state().revision() > revision);

        assertThat(fx(() -> db.assessment(Period.year(2025), Optional.empty()).data()
                .value(Period.year(2025), "331102", "GDP").orElseThrow())).isEqualTo(305.5);
        assertThat(robot.lookup("#" + ImportsView.SUMMARY_ID).queryAs(Label.class).getText())
                .contains("导入前的备份：").contains("before-import");
        assertThat(robot.lookup("#" + ImportsView.IMPORT_ID).queryAs(Button.class).isDisabled()).isTrue();
    }
}

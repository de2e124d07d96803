package org.sanlian.workbench.ui.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanlian.workbench.ui.ShellFixture.fx;
import static org.sanlian.workbench.ui.ShellFixture.waitUntil;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

import javafx.scene.control.Label;
import javafx.scene.control.TableView;
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
import org.sanlian.workbench.ui.shell.FxPrompts;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** 审计日志 in the real window: after a change, filtered by unit and code, it lists exactly that figure's lines. */
@ExtendWith(ApplicationExtension.class)
class AuditViewTest {

    private static final String LIANDU = "331102";

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
    private TableView<AuditRow> table(FxRobot robot) {
        return robot.lookup("#" + AuditView.TABLE_ID).queryAs(TableView.class);
    }

    @Test
    void filteringByUnitAndCodeAfterAChangeShowsExactlyItsLines(FxRobot robot) throws Exception {
        shell.open(robot, TestDatabases.demo(dir.resolve("w.db"), "张三"));
        robot.clickOn("#nav-audit");
        waitUntil(() -> table(robot).getItems().size() == AuditViewModel.PAGE);
        assertThat(robot.lookup("#" + AuditView.SUMMARY_ID).queryAs(Label.class).getText()).startsWith("显示最新 200 条，共 ");

        // another screen writes (the workspace's revision moves): the log is read again, the change on top
        WorkbenchDatabase db = shell.model().workspace().database().orElseThrow();
        FigureEntryService.save(db, Period.year(2025), List.of(new FigureEntryService.Change(LIANDU, "HTE",
                OptionalDouble.of(141), "快报", "统计局")), "张三");
        robot.interact(() -> shell.model().workspace().reload());
        waitUntil(() -> !table(robot).getItems().isEmpty() && table(robot).getItems().get(0).action().equals("修改"));
        AuditRow top = fx(() -> table(robot).getItems().get(0));
        assertThat(List.of(top.operator(), top.kind(), top.unit(), top.code(), top.newValue(), top.note()))
                .containsExactly("张三", "指标数据", LIANDU, "HTE", "141", "快报 · 来源：统计局");

        robot.clickOn("#" + AuditView.UNIT_ID).write(LIANDU);
        robot.clickOn("#" + AuditView.CODE_ID).write("HTE").type(KeyCode.ENTER);

        List<AuditEntry> expected = db.audit(new AuditFilter(Optional.of(LIANDU), Optional.empty(), Optional.of("HTE"),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 0));
        assertThat(expected).hasSizeGreaterThan(1).hasSizeLessThan(AuditViewModel.PAGE);
        waitUntil(() -> table(robot).getItems().size() == expected.size());
        List<AuditRow> shown = fx(() -> List.copyOf(table(robot).getItems()));
        assertThat(shown).extracting(AuditRow::entry).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(shown).allSatisfy(r -> assertThat(r.unit() + "/" + r.code()).isEqualTo(LIANDU + "/HTE"));
        assertThat(shown).filteredOn(r -> r.action().equals("修改")).singleElement()
                .satisfies(r -> assertThat(r.newValue()).isEqualTo("141"));
        assertThat(robot.lookup("#" + AuditView.SUMMARY_ID).queryAs(Label.class).getText())
                .isEqualTo("共 " + expected.size() + " 条符合条件，已全部显示");
        assertThat(fx(() -> robot.lookup("#" + AuditView.MORE_ID).query().isDisabled())).isTrue();
    }

    @Test
    void exportWritesEveryFilteredLineNotOnlyThoseShownToTheFileChosen(FxRobot robot) throws Exception {
        Path out = dir.resolve("exports/audit-2024.csv");
        shell.open(robot, TestDatabases.demo(dir.resolve("w.db"), "张三"), w -> new FxPrompts(() -> w) {
            @Override
            public Optional<Path> csvToSave(String fileName) {
                return Optional.of(out);
            }
        });
        robot.clickOn("#nav-audit");
        waitUntil(() -> table(robot).getItems().size() == AuditViewModel.PAGE);

        robot.clickOn("#" + AuditView.PERIOD_ID).write("2024").type(KeyCode.ENTER);
        WorkbenchDatabase db = shell.model().workspace().database().orElseThrow();
        List<AuditEntry> expected = db.audit(new AuditFilter(Optional.empty(), Optional.of("2024"), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 0));
        waitUntil(() -> table(robot).getItems().size() == AuditViewModel.PAGE
                && table(robot).getItems().stream().allMatch(r -> r.period().equals("2024")));
        robot.clickOn("#" + AuditView.EXPORT_ID);

        waitUntil(() -> robot.lookup("#" + AuditView.NOTICE_ID).queryAs(Label.class).getText().startsWith("已将符合条件的 "));
        java.io.StringWriter text = new java.io.StringWriter();
        org.sanlian.workbench.app.ResultFiles.writeAudit(expected, text);
        assertThat(java.nio.file.Files.readString(out)).isEqualTo(text.toString());
        assertThat(expected.size()).isGreaterThan(AuditViewModel.PAGE);
    }
}

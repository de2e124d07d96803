package org.sanlian.workbench.ui.bulletins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanlian.workbench.ui.ShellFixture.fx;
import static org.sanlian.workbench.ui.ShellFixture.waitUntil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sanlian.workbench.Workbooks;
import org.sanlian.workbench.app.PublishService;
import org.sanlian.workbench.app.WorkbenchDatabase;
import org.sanlian.workbench.cli.SanlianCli;
import org.sanlian.workbench.core.model.Bulletin;
import org.sanlian.workbench.i18n.Messages;
import org.sanlian.workbench.ui.ShellFixture;
import org.sanlian.workbench.ui.TestDatabases;
import org.sanlian.workbench.ui.shell.FxPrompts;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * 通报与导出 in the real window: the period published through the confirmation and listed with its
 * hash; the bulletin's workbook exported to the file answered for the save question (file choosers
 * cannot be driven headless), the same as {@code db export --bulletin} writes.
 */
@ExtendWith(ApplicationExtension.class)
class BulletinsViewTest {

    @TempDir
    Path dir;

    private ShellFixture shell;
    private final List<Path> opened = new ArrayList<>();

    @Start
    void start(Stage stage) {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
        shell = new ShellFixture(stage);
    }

    @AfterEach
    void close() throws Exception {
        shell.close(true);
    }

    private void open(FxRobot robot, Path file, Path saveAs) throws Exception {
        shell.open(robot, file, w -> new FxPrompts(() -> w) {
            @Override
            public Optional<Path> workbookToSave(String name, Optional<Path> folder) {
                return Optional.of(saveAs);
            }

            @Override
            public void openFolder(Path folder) {
                opened.add(folder);
            }
        });
        robot.clickOn("#nav-bulletins");
        waitUntil(() -> robot.lookup("#" + BulletinsView.PERIOD_ID).tryQuery()
                .map(n -> ((Label) n).getText().equals("2025年（方案 2025 年）：尚未发布通报。")).orElse(false));
    }

    @Test
    void thePeriodPublishedThroughTheConfirmationIsListedWithItsHash(FxRobot robot) throws Exception {
        Path file = TestDatabases.demo(dir.resolve("w.db"), "张三");
        open(robot, file, dir.resolve("unused.xlsx"));
        WorkbenchDatabase db = shell.model().workspace().database().orElseThrow();

        // Escape leaves the confirmation without publishing
        robot.clickOn("#" + BulletinsView.PUBLISH_ID);
        waitUntil(() -> robot.lookup("#" + PublishDialog.NUMBER_ID).tryQuery().isPresent());
        assertThat(robot.lookup("#" + PublishDialog.EXPLANATION_ID).queryAs(Label.class).getText())
                .startsWith("将把 2025年 的考核结果（按 2025 年方案计算）发布为编号通报，发布人：张三。")
                .contains("2025 年的方案将不能再修改");
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        waitUntil(() -> robot.lookup("#" + PublishDialog.NUMBER_ID).tryQuery().isEmpty());
        assertThat(PublishService.list(db)).isEmpty();

        // the proposed number, edited, and Enter publishes
        robot.clickOn("#" + BulletinsView.PUBLISH_ID);
        waitUntil(() -> robot.lookup("#" + PublishDialog.NUMBER_ID).tryQuery().isPresent());
        TextField number = robot.lookup("#" + PublishDialog.NUMBER_ID).queryAs(TextField.class);
        assertThat(number.getText()).isEqualTo("2025-1");
        robot.interact(() -> number.setText("2025-通报1"));
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);

        TableView<?> table = robot.lookup("#" + BulletinsView.TABLE_ID).queryAs(TableView.class);
        waitUntil(() -> table.getItems().size() == 1);
        Bulletin kept = PublishService.list(db).get(0);
        assertThat(kept.number()).isEqualTo("2025-通报1");
        assertThat(kept.operator()).isEqualTo("张三");
        waitUntil(() -> robot.lookup("#" + BulletinsView.HASH_ID).queryAs(TextField.class).getText()
                .equals(kept.contentHash()));
        assertThat(table.getItems().get(0)).isEqualTo(kept);
        assertThat(fx(() -> robot.from(table).lookup(".table-cell").queryAll().stream()
                .anyMatch(c -> kept.contentHash().equals(((javafx.scene.control.Labeled) c).getText())))).isTrue();
        waitUntil(() -> robot.lookup("#" + BulletinsView.PERIOD_ID).queryAs(Label.class).getText()
                .equals("2025年（方案 2025 年）：已发布为通报 2025-通报1。"));
        waitUntil(() -> robot.lookup("#" + BulletinsView.SUMMARY_ID).queryAs(Label.class).getText()
                .startsWith("通报 2025-通报1：2025年，方案 2025 年"));
        assertThat(robot.lookup("#" + BulletinsView.LISTED_ID).queryAs(TableView.class).getItems())
                .hasSize(PublishService.summary(kept).listed().size());
        // the other screens see the year published
        assertThat(shell.model().workspace().state().yearPublished()).isTrue();

        robot.clickOn("#" + BulletinsView.COPY_HASH_ID);
        assertThat(fx(() -> Clipboard.getSystemClipboard().getString())).isEqualTo(kept.contentHash());

        // a second publish of the same period is refused before any confirmation
        robot.clickOn("#" + BulletinsView.PUBLISH_ID);
        waitUntil(() -> robot.lookup("#" + BulletinsView.ERROR_ID).queryAs(Label.class).getText()
                .startsWith("2025年 已发布为通报 2025-通报1"));
        assertThat(robot.lookup("#" + PublishDialog.NUMBER_ID).tryQuery()).isEmpty();
        assertThat(PublishService.list(db)).hasSize(1);
    }

    @Test
    void theExportedBulletinIsTheWorkbookTheCommandLineWrites(FxRobot robot) throws Exception {
        Path file = TestDatabases.demo(dir.resolve("w.db"), "张三");
        Path out = dir.resolve("exports/通报.xlsx");
        open(robot, file, out);

        robot.clickOn("#" + BulletinsView.PUBLISH_ID);
        waitUntil(() -> robot.lookup("#" + PublishDialog.NUMBER_ID).tryQuery().isPresent());
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        waitUntil(() -> !robot.lookup("#" + BulletinsView.EXPORT_ID).queryButton().isDisabled());

        robot.clickOn("#" + BulletinsView.EXPORT_ID);
        waitUntil(() -> robot.lookup("#" + BulletinsView.NOTICE_ID).queryAs(Label.class).getText()
                .startsWith("已导出 " + out.toAbsolutePath()));
        assertThat(out).exists();
        try (var left = Files.list(out.getParent())) {
            assertThat(left).extracting(p -> p.getFileName().toString()).containsExactly("通报.xlsx");
        }
        String hash = PublishService.list(shell.model().workspace().database().orElseThrow()).get(0).contentHash();
        try (XSSFWorkbook wb = Workbooks.open(out)) {
            assertThat(Workbooks.sheetNames(wb)).containsExactly("总排名", "跨越发展类", "生态发展类", "指标得分明细",
                    "末位约谈名单", "趋势", "图表", "图表数据", "说明");
            assertThat(Workbooks.row(wb.getSheet("总排名"), 0).get(0)).contains("通报 2025-1").contains("2025年");
            assertThat(String.join("\n", Workbooks.cells(wb))).contains(hash);
        }

        robot.clickOn("#" + BulletinsView.OPEN_FOLDER_ID);
        waitUntil(() -> opened.size() == 1);
        assertThat(opened).containsExactly(out.toAbsolutePath().getParent());

        // the command line's export of the same bulletin, from the database the window holds open
        Path cli = dir.resolve("cli.xlsx");
        assertThat(SanlianCli.run("db", "export", "--db", file.toString(), "--bulletin", "2025-1",
                "--out", cli.toString())).isZero();
        try (XSSFWorkbook fromWindow = Workbooks.open(out); XSSFWorkbook fromCli = Workbooks.open(cli)) {
            assertThat(Workbooks.cells(fromWindow)).isEqualTo(Workbooks.cells(fromCli));
        }
        // every part the same bytes: sheets, styles, strings, native charts, drawings, properties;
        // the pictures the same size (their rasterised glyphs may differ by a pixel between JVM states)
        assertThat(Workbooks.partsWithPicturesBySize(out)).isEqualTo(Workbooks.partsWithPicturesBySize(cli));
    }
}

package org.sanlian.workbench.ui;

import static org.sanlian.workbench.ui.ShellFixture.waitUntil;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.imageio.ImageIO;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sanlian.workbench.app.CoverageService;
import org.sanlian.workbench.app.WorkbenchDatabase;
import org.sanlian.workbench.core.model.CoverageItem;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.i18n.Messages;
import org.sanlian.workbench.ui.commitments.CommitmentsView;
import org.sanlian.workbench.ui.coverage.CoverageView;
import org.sanlian.workbench.ui.imports.ImportsView;
import org.sanlian.workbench.ui.imports.ReturnedTemplates;
import org.sanlian.workbench.ui.imports.UnitChoice;
import org.sanlian.workbench.ui.entry.EntryScreen;
import org.sanlian.workbench.ui.entry.EntryView;
import org.sanlian.workbench.ui.entry.EntryViewModel;
import org.sanlian.workbench.app.PublishService;
import org.sanlian.workbench.app.WorkbenchDatabase;
import org.sanlian.workbench.ui.audit.AuditView;
import org.sanlian.workbench.ui.bottom.BottomView;
import org.sanlian.workbench.ui.bulletins.BulletinsView;
import org.sanlian.workbench.ui.overview.OverviewView;
import org.sanlian.workbench.ui.results.BreakdownView;
import org.sanlian.workbench.ui.results.ResultsView;
import org.sanlian.workbench.ui.sensitivity.SensitivityView;
import org.sanlian.workbench.ui.targets.TargetsView;
import org.sanlian.workbench.ui.trends.TrendsView;
import org.sanlian.workbench.ui.shell.FxPrompts;
import org.sanlian.workbench.ui.units.UnitsZonesView;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders the README's screenshots of the window on the demo database (headless, Monocle): the
 * results screen in the shell (with a unit's breakdown), 单位与分区, 指标方案 (and its 方案 tab), 考核期, 数据录入, 导入与模板
 * (with a report of problems), 公开承诺, 七有覆盖, and the screens of 结果 and 管理: 总览, 末位约谈, 趋势, 目标进度,
 * 稳健性 (200 draws… the scheme's own), 通报与导出 (a 2024 bulletin) and 审计日志. Runs only when asked, because it writes into the
 * source tree: {@code scripts/screenshots.sh} (which sets {@value #FOLDER}).
 */
@ExtendWith(ApplicationExtension.class)
@EnabledIfSystemProperty(named = ScreenshotsTest.FOLDER, matches = ".+")
class ScreenshotsTest {

    static final String FOLDER = "sanlian.screenshots";

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

    private void save(FxRobot robot, String name) throws IOException {
        Path folder = Path.of(System.getProperty(FOLDER));
        Files.createDirectories(folder);
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = shell.stage().getScene().snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(image[0], null), "png", folder.resolve(name).toFile());
    }

    @Test
    void theShellAndItsScreens(FxRobot robot) throws Exception {
        shell.open(robot, TestDatabases.demo(dir.resolve("sanlian.db"), "张三"));
        robot.interact(() -> {
            shell.stage().setWidth(1280);
            shell.stage().setHeight(760);
        });
        waitUntil(() -> robot.lookup("#" + ResultsView.STATUS_ID).tryQuery()
                .map(n -> ((Label) n).getText().startsWith("2025年：")).orElse(false));
        // a unit's breakdown below the ranking: the fourth unit, whose points leave room to gain
        TableView<?> overall = robot.lookup("#" + ResultsView.OVERALL_TABLE_ID).queryAs(TableView.class);
        robot.interact(() -> overall.getSelectionModel().select(3));
        waitUntil(() -> robot.lookup("#" + BreakdownView.TABLE_ID).tryQuery()
                .map(n -> !((TableView<?>) n).getItems().isEmpty()).orElse(false));
        Thread.sleep(500); // the radar chart draws on the next pulse
        save(robot, "results.png");

        robot.clickOn("#nav-units");
        waitUntil(() -> robot.lookup("#" + UnitsZonesView.zoneListId("Z1")).tryQuery()
                .map(n -> ((ListView<?>) n).getItems().size() == 5).orElse(false));
        robot.clickOn(ShellFixture.cell(robot, robot.lookup("#" + UnitsZonesView.zoneListId("Z1"))
                .queryAs(ListView.class), "331124"));
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.RIGHT)
                .release(javafx.scene.input.KeyCode.RIGHT, javafx.scene.input.KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#" + UnitsZonesView.zoneListId("Z2")).queryAs(ListView.class).getItems()
                .contains("331124"));
        save(robot, "units-zones.png");
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.Z)
                .release(javafx.scene.input.KeyCode.Z, javafx.scene.input.KeyCode.CONTROL);

        robot.clickOn("#nav-scheme");
        waitUntil(() -> robot.lookup("#scheme-tree").tryQuery().isPresent());
        javafx.scene.Node htShare = robot.lookup(".tree-cell")
                .match(c -> "HT_SHARE".equals(((javafx.scene.control.TreeCell<?>) c).getItem())).query();
        robot.clickOn(htShare);
        waitUntil(() -> robot.lookup("#scheme-param-base").tryQuery().isPresent());
        robot.clickOn("#scheme-param-base").write("0.4").type(javafx.scene.input.KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#scheme-preview").queryAs(org.jfree.chart.fx.ChartViewer.class).getChart() != null
                && robot.lookup("#scheme-preview").queryAs(org.jfree.chart.fx.ChartViewer.class).getChart()
                        .getTitle().getText().contains("HT_SHARE"));
        Thread.sleep(500); // the chart canvas draws on the next pulse
        save(robot, "scheme.png");
        robot.clickOn("#scheme-undo"); // (Ctrl+Z in the field would undo its typing only)
        // the scheme-wide settings: name, aggregation, comparison, decimals and the tie-breaks
        robot.clickOn("#" + org.sanlian.workbench.ui.scheme.SchemeEditorView.SETTINGS_TAB_ID);
        waitUntil(() -> robot.lookup("#scheme-settings-tie-break").tryQuery().map(javafx.scene.Node::isVisible)
                .orElse(false));
        save(robot, "scheme-settings.png");

        robot.clickOn("#nav-periods");
        waitUntil(() -> robot.lookup("#periods-table").tryQuery()
                .map(n -> ((TableView<?>) n).getItems().size() == 4).orElse(false));
        save(robot, "periods.png");

        // 数据录入 with values being checked: one kept with a warning, one typed and unsaved, one refused,
        // and a note being given
        robot.clickOn("#nav-entry");
        waitUntil(() -> robot.lookup("#" + EntryView.TABLE_ID).tryQuery()
                .map(n -> ((TableView<?>) n).getItems().size() == 12).orElse(false)); // 10 units, 全市数, 已填单位
        EntryViewModel entry = ((EntryScreen) shell.model().screen(shell.model().screens().stream()
                .filter(e -> e.id().equals("entry")).findFirst().orElseThrow())).model();
        robot.interact(() -> {
            entry.enter("331121", "GDP", "4,012.5");
            entry.enter("331102", "HTE", "131");
            entry.select("331191", "RD_EXP");
            entry.noteProperty().set("含园区内企业，已与莲都区核对");
            entry.sourceProperty().set("开发区统计局");
            entry.applyNoteAndSource();
            entry.enter("331124", "GDP", "178亿");
        });
        save(robot, "entry.png");
    }

    /** The screens of 结果 and 管理, on a database whose 2024 was published as a bulletin. */
    @Test
    void theResultScreens(FxRobot robot) throws Exception {
        Path file = TestDatabases.demo(dir.resolve("sanlian.db"), "张三");
        try (WorkbenchDatabase db = WorkbenchDatabase.openExisting(file)) {
            PublishService.publish(db, Period.year(2024), Optional.empty(), Optional.of("2024-1"),
                    Optional.of(java.time.LocalDate.of(2025, 2, 20)), "张三");
        }
        shell.open(robot, file);
        robot.interact(() -> {
            shell.stage().setWidth(1280);
            shell.stage().setHeight(760);
        });
        waitUntil(() -> robot.lookup("#" + ResultsView.STATUS_ID).tryQuery()
                .map(n -> ((Label) n).getText().startsWith("2025年：")).orElse(false));

        robot.clickOn("#nav-overview");
        waitUntil(() -> robot.lookup("#" + OverviewView.TARGETS_ID).tryQuery()
                .map(n -> !((javafx.scene.layout.GridPane) n).getChildren().isEmpty()).orElse(false));
        save(robot, "overview.png");

        robot.clickOn("#nav-bottom");
        waitUntil(() -> robot.lookup("#" + BottomView.TABLE_ID).tryQuery()
                .map(n -> !((TableView<?>) n).getItems().isEmpty()).orElse(false));
        TableView<?> bottom = robot.lookup("#" + BottomView.TABLE_ID).queryAs(TableView.class);
        robot.interact(() -> bottom.getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();
        save(robot, "bottom.png");

        robot.clickOn("#nav-trends");
        waitUntil(() -> robot.lookup("#" + TrendsView.TABLE_ID).tryQuery()
                .map(n -> !((TableView<?>) n).getItems().isEmpty()).orElse(false));
        Thread.sleep(500);
        save(robot, "trends.png");

        robot.clickOn("#nav-targets");
        waitUntil(() -> robot.lookup("#" + TargetsView.TABLE_ID).tryQuery()
                .map(n -> !((TableView<?>) n).getItems().isEmpty()).orElse(false));
        TableView<?> targets = robot.lookup("#" + TargetsView.TABLE_ID).queryAs(TableView.class);
        robot.interact(() -> targets.getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();
        save(robot, "targets.png");

        robot.clickOn("#nav-sensitivity");
        robot.clickOn("#" + SensitivityView.RUN_ID);
        waitUntil(() -> robot.lookup("#" + SensitivityView.TABLE_ID).tryQuery()
                .map(n -> !((TableView<?>) n).getItems().isEmpty()).orElse(false));
        Thread.sleep(500);
        save(robot, "sensitivity.png");

        robot.clickOn("#nav-bulletins");
        waitUntil(() -> robot.lookup("#" + BulletinsView.TABLE_ID).tryQuery()
                .map(n -> !((TableView<?>) n).getItems().isEmpty()).orElse(false));
        TableView<?> bulletins = robot.lookup("#" + BulletinsView.TABLE_ID).queryAs(TableView.class);
        robot.interact(() -> bulletins.getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();
        save(robot, "bulletins.png");

        robot.clickOn("#nav-audit");
        waitUntil(() -> robot.lookup("#" + AuditView.TABLE_ID).tryQuery()
                .map(n -> !((TableView<?>) n).getItems().isEmpty()).orElse(false));
        save(robot, "audit.png");
    }

    @Test
    void theImportScreenWithAReport(FxRobot robot) throws Exception {
        Path file = TestDatabases.demo(dir.resolve("sanlian.db"), "张三");
        Path returned = dir.resolve("returned");
        Path bad = ReturnedTemplates.returned(file, Period.year(2025), "331102", returned,
                Map.of("GDP", "三百", "QIYOU", "120"));
        Path warned = ReturnedTemplates.returned(file, Period.year(2025), "331121", returned, Map.of("HTE", "12"));
        shell.open(robot, file, w -> new FxPrompts(() -> w) {
            @Override
            public List<Path> filesToImport(Optional<Path> folder) {
                return List.of(bad, warned);
            }
        });
        robot.interact(() -> {
            shell.stage().setWidth(1280);
            shell.stage().setHeight(760);
        });
        robot.clickOn("#nav-import");
        robot.clickOn("#" + ImportsView.CHOOSE_FILES_ID);
        robot.clickOn("#" + ImportsView.CHECK_ID);
        waitUntil(() -> robot.lookup("#" + ImportsView.REPORT_TABLE_ID).queryAs(TableView.class).getItems().size() == 3);
        robot.clickOn("#" + ImportsView.TICKED_UNITS_ID);
        ListView<?> units = robot.lookup("#" + ImportsView.UNIT_LIST_ID).queryAs(ListView.class);
        robot.interact(() -> {
            ((UnitChoice) units.getItems().get(0)).chosenProperty().set(true);
            ((UnitChoice) units.getItems().get(1)).chosenProperty().set(true);
        });
        WaitForAsyncUtils.waitForFxEvents();
        save(robot, "import.png");
    }

    @Test
    void commitmentsAndCoverage(FxRobot robot) throws Exception {
        Path file = TestDatabases.demo(dir.resolve("sanlian.db"), "张三");
        try (WorkbenchDatabase db = WorkbenchDatabase.open(file)) {
            CoverageService.save(db, Period.year(2025), Optional.empty(), coverage(), "张三");
        }
        shell.open(robot, file);
        robot.interact(() -> {
            shell.stage().setWidth(1280);
            shell.stage().setHeight(760);
        });
        robot.clickOn("#nav-commitments");
        waitUntil(() -> robot.lookup("#" + CommitmentsView.fieldId("331102", "HTE")).tryQuery()
                .map(n -> ((TextField) n).getText().equals("218")).orElse(false));
        save(robot, "commitments.png");

        robot.clickOn("#nav-coverage");
        waitUntil(() -> robot.lookup("#" + CoverageView.itemId(1, 7)).tryQuery().isPresent());
        save(robot, "coverage.png");
    }

    /** 莲都区 with two chains, 青田县 and 龙泉市 with one each (illustrative, like the demo figures). */
    private static List<CoverageItem> coverage() {
        List<CoverageItem> items = new ArrayList<>();
        String[][] chains = {
            {"331102", "生态合成革", "1111010", "丽科发〔2025〕12号|浙江理工大学合作协议|省级企业研究院认定文件|合成革产业创新服务综合体|"
                    + "|莲都区科技企业孵化器|"},
            {"331102", "半导体全链条", "1010001", "半导体创新联合体组建文件||省级高新技术企业研发中心||||团队科技特派员派驻函"},
            {"331121", "不锈钢阀门", "0111000", "|产学研合作协议|省级研发中心认定|阀门产业创新服务综合体|||"},
            {"331181", "汽车空调", "1101101", "汽车空调创新联合体|产学研平台挂牌||综合体认定|成果转化加速器||团队科技特派员派驻函"},
        };
        for (String[] c : chains) {
            String[] evidence = c[3].split("\\|", -1);
            for (int n = 1; n <= 7; n++) {
                boolean covered = c[2].charAt(n - 1) == '1';
                items.add(new CoverageItem(Period.year(2025), c[0], c[1], n, covered, covered ? evidence[n - 1] : ""));
            }
        }
        return items;
    }
}

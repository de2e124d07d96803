package org.sanlian.workbench.ui;

import static org.sanlian.workbench.ui.ShellFixture.waitUntil;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import javax.imageio.ImageIO;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sanlian.workbench.i18n.Messages;
import org.sanlian.workbench.ui.entry.EntryScreen;
import org.sanlian.workbench.ui.entry.EntryView;
import org.sanlian.workbench.ui.entry.EntryViewModel;
import org.sanlian.workbench.ui.results.ResultsView;
import org.sanlian.workbench.ui.units.UnitsZonesView;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Renders the README's screenshots of the window on the demo database (headless, Monocle): the
 * results screen in the shell, 单位与分区, 考核期 and 数据录入. Runs only when asked, because it writes into the
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

        robot.clickOn("#nav-periods");
        waitUntil(() -> robot.lookup("#periods-table").tryQuery()
                .map(n -> ((TableView<?>) n).getItems().size() == 4).orElse(false));
        save(robot, "periods.png");

        // 数据录入 with values being checked: one kept with a warning, one typed and unsaved, one refused,
        // and a note being given
        robot.clickOn("#nav-entry");
        waitUntil(() -> robot.lookup("#" + EntryView.TABLE_ID).tryQuery()
                .map(n -> ((TableView<?>) n).getItems().size() == 11).orElse(false));
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
}

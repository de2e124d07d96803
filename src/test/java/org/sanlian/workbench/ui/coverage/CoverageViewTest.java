package org.sanlian.workbench.ui.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanlian.workbench.ui.ShellFixture.waitUntil;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sanlian.workbench.app.CoverageService;
import org.sanlian.workbench.app.WorkbenchDatabase;
import org.sanlian.workbench.core.model.CoverageItem;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.i18n.Messages;
import org.sanlian.workbench.ui.ShellFixture;
import org.sanlian.workbench.ui.TestDatabases;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** 七有覆盖 in the real window: a chain added, an item checked with its evidence, saved with Ctrl+S. */
@ExtendWith(ApplicationExtension.class)
class CoverageViewTest {

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
    void anItemCheckedWithEvidenceIsSavedAndTheRateShown(FxRobot robot) throws Exception {
        shell.open(robot, TestDatabases.demo(dir.resolve("w.db"), "张三"));
        robot.clickOn("#nav-coverage");
        waitUntil(() -> robot.lookup("#" + CoverageView.UNITS_ID).tryQuery()
                .map(n -> ((ListView<?>) n).getItems().size() == 10).orElse(false));
        waitUntil(() -> robot.lookup("#" + CoverageView.UNIT_TITLE_ID).queryAs(Label.class).getText()
                .equals("莲都区：覆盖率 未登记产业链"));

        robot.clickOn("#" + CoverageView.NEW_CHAIN_ID).write("LED");
        robot.clickOn("#" + CoverageView.ADD_CHAIN_ID);
        waitUntil(() -> robot.lookup("#" + CoverageView.itemId(0, 3)).tryQuery().isPresent());

        robot.clickOn("#" + CoverageView.itemId(0, 3));
        robot.clickOn("#" + CoverageView.evidenceId(0, 3)).write("doc-2025-12");
        waitUntil(() -> robot.lookup("#" + CoverageView.UNIT_TITLE_ID).queryAs(Label.class).getText()
                .equals("莲都区：覆盖率 14.3%"));
        assertThat(robot.lookup("#" + CoverageView.itemId(0, 3)).queryAs(CheckBox.class).isSelected()).isTrue();

        // Ctrl+S with the focus still in the evidence field takes the evidence first
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        WorkbenchDatabase db = shell.model().workspace().database().orElseThrow();
        waitUntil(() -> CoverageService.load(db, Period.year(2025)).size() == 7);
        List<CoverageItem> kept = CoverageService.load(db, Period.year(2025));
        assertThat(kept).filteredOn(CoverageItem::covered).singleElement()
                .satisfies(i -> {
                    assertThat(i.chain()).isEqualTo("LED");
                    assertThat(i.item()).isEqualTo(3);
                    assertThat(i.evidence()).isEqualTo("doc-2025-12");
                });
        waitUntil(() -> robot.lookup("#" + CoverageView.NOTICE_ID).queryAs(Label.class).getText()
                .startsWith("已保存 2025年 的七有覆盖情况"));
        assertThat(shell.model().workspace().database().orElseThrow()
                .assessment(Period.year(2025), java.util.Optional.empty()).data()
                .value(Period.year(2025), "331102", "QIYOU").getAsDouble()).isCloseTo(100.0 / 7,
                org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void carryOverCopiesLastYearsChainsIntoTheEmptyPeriodUntilSaved(FxRobot robot) throws Exception {
        Path file = TestDatabases.demo(dir.resolve("w.db"), "张三");
        try (WorkbenchDatabase db = WorkbenchDatabase.open(file)) {
            List<CoverageItem> items = new java.util.ArrayList<>();
            for (int n = 1; n <= CoverageItem.ITEMS; n++) {
                items.add(new CoverageItem(Period.year(2024), "331102", "LED", n, n <= 2, n <= 2 ? "doc-2024-" + n : ""));
            }
            CoverageService.save(db, Period.year(2024), java.util.Optional.empty(), items, "tester");
        }
        shell.open(robot, file);
        robot.clickOn("#nav-coverage");
        waitUntil(() -> robot.lookup("#" + CoverageView.UNIT_TITLE_ID).tryQuery()
                .map(n -> ((Label) n).getText().equals("莲都区：覆盖率 未登记产业链")).orElse(false));
        waitUntil(() -> !robot.lookup("#" + CoverageView.CARRY_OVER_ID).queryButton().isDisabled());
        assertThat(robot.lookup("#" + CoverageView.CARRY_OVER_ID).queryButton().getText()).isEqualTo("沿用上期");

        robot.clickOn("#" + CoverageView.CARRY_OVER_ID);
        waitUntil(() -> robot.lookup("#" + CoverageView.evidenceId(0, 2)).tryQuery()
                .map(n -> ((javafx.scene.control.TextField) n).getText().equals("doc-2024-2")).orElse(false));
        assertThat(robot.lookup("#" + CoverageView.itemId(0, 1)).queryAs(CheckBox.class).isSelected()).isTrue();
        assertThat(robot.lookup("#" + CoverageView.UNIT_TITLE_ID).queryAs(Label.class).getText())
                .isEqualTo("莲都区：覆盖率 28.6%");
        assertThat(robot.lookup("#" + CoverageView.CARRY_OVER_ID).queryButton().isDisabled()).isTrue();
        // the disabled button still says why, in the tooltip of its holder
        robot.moveTo("#" + CoverageView.SUMMARY_ID);
        robot.moveTo("#" + CoverageView.CARRY_OVER_ID);
        waitUntil(() -> javafx.stage.Window.getWindows().stream()
                .anyMatch(w -> w instanceof javafx.scene.control.Tooltip t && t.isShowing()
                        && t.getText().startsWith("2025年 已有产业链，不能整体沿用上期。")));
        WorkbenchDatabase db = shell.model().workspace().database().orElseThrow();
        assertThat(CoverageService.load(db, Period.year(2025))).isEmpty();

        robot.clickOn("#" + CoverageView.SAVE_ID);
        waitUntil(() -> CoverageService.load(db, Period.year(2025)).size() == 7);
        assertThat(CoverageService.load(db, Period.year(2025))).filteredOn(CoverageItem::covered)
                .extracting(CoverageItem::evidence).containsExactly("doc-2024-1", "doc-2024-2");
    }
}

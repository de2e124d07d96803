package org.sanlian.workbench.ui.scheme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.sanlian.workbench.ui.ShellFixture.fx;
import static org.sanlian.workbench.ui.ShellFixture.waitUntil;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.jfree.chart.fx.ChartViewer;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sanlian.workbench.app.WorkbenchDatabase;
import org.sanlian.workbench.core.model.Dimension;
import org.sanlian.workbench.core.model.Indicator;
import org.sanlian.workbench.core.model.Node;
import org.sanlian.workbench.core.model.Scheme;
import org.sanlian.workbench.core.model.StoredScheme;
import org.sanlian.workbench.i18n.Messages;
import org.sanlian.workbench.ui.ShellFixture;
import org.sanlian.workbench.ui.TestDatabases;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * 指标方案 driven as a user would, in the real window on a temporary demo database: choose an
 * indicator in the tree, change a rule parameter in the form and see the preview chart redrawn with
 * the engine's new points, then save; reorder by dragging and by Alt+↓, and undo; add an input, a
 * dimension and an indicator on that input through their dialogs, and save; type the sensitivity
 * settings in the 方案 tab, add a city target through its dialog and edit it in the 全市目标 form.
 */
@ExtendWith(ApplicationExtension.class)
class SchemeEditorViewTest {

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

    private SchemeEditorViewModel model() {
        return ((SchemeScreen) shell.model().screen(shell.model().screens().stream()
                .filter(e -> e.id().equals("scheme")).findFirst().orElseThrow())).model();
    }

    @SuppressWarnings("unchecked")
    private static TreeView<String> tree(FxRobot robot) {
        return robot.lookup("#" + SchemeTree.ID).queryAs(TreeView.class);
    }

    private void showScheme(FxRobot robot) throws Exception {
        robot.clickOn("#nav-scheme");
        waitUntil(() -> robot.lookup("#" + SchemeTree.ID).tryQuery().isPresent()
                && tree(robot).getRoot().getChildren().size() == 3);
    }

    private static javafx.scene.Node cell(FxRobot robot, String code) {
        return fx(() -> {
            TreeView<String> tree = tree(robot);
            tree.layout();
            for (javafx.scene.Node n : tree.lookupAll(".tree-cell")) {
                TreeCell<?> c = (TreeCell<?>) n;
                if (!c.isEmpty() && code.equals(c.getItem()) && c.isVisible()) {
                    return c;
                }
            }
            throw new AssertionError(code + " is not shown in the tree");
        });
    }

    /** The lowest points among the units' dots of the chart shown. */
    private static double lowestDot(FxRobot robot) {
        return fx(() -> {
            ChartViewer viewer = robot.lookup("#" + RulePreviewPane.CHART_ID).queryAs(ChartViewer.class);
            XYDataset data = viewer.getChart().getXYPlot().getDataset();
            double low = Double.POSITIVE_INFINITY;
            for (int i = 0; i < data.getItemCount(1); i++) {
                low = Math.min(low, data.getYValue(1, i));
            }
            return low;
        });
    }

    private static String chartTitle(FxRobot robot) {
        return fx(() -> robot.lookup("#" + RulePreviewPane.CHART_ID).queryAs(ChartViewer.class).getChart()
                .getTitle().getText());
    }

    private static List<String> children(Scheme s, int dimension) {
        return ((Dimension) s.tree().get(dimension)).children().stream().map(Node::code).toList();
    }

    private static Scheme scheme(Path file, int year) {
        try (WorkbenchDatabase db = WorkbenchDatabase.open(file)) {
            StoredScheme s = db.schemes().stream().filter(x -> x.year() == year).findFirst().orElseThrow();
            return db.scheme(s);
        }
    }

    @Test
    void aRuleParameterChangedInTheFormRedrawsThePreviewAndIsSaved(FxRobot robot) throws Exception {
        Path file = TestDatabases.demo(dir.resolve("sanlian.db"), "张三");
        shell.open(robot, file);
        showScheme(robot);
        assertThat(robot.lookup("#" + WeightsPane.TOTAL_ID).queryAs(Label.class).getText()).isEqualTo("合计 100 分");

        robot.clickOn(cell(robot, "HT_SHARE"));
        waitUntil(() -> robot.lookup("#" + NodeForm.parameterId("base")).tryQuery().isPresent()
                && model().previewProperty().get() != null
                && model().previewProperty().get().code().equals("HT_SHARE"));
        waitUntil(() -> chartTitle(robot).contains("HT_SHARE"));
        assertThat(chartTitle(robot)).isEqualTo("2025：高新技术产业增加值占规上工业增加值比重 的评分规则（HT_SHARE）");
        assertThat(lowestDot(robot)).isCloseTo(4.8, within(1e-9)); // the default base share 0.6 of 8 points
        TextField base = robot.lookup("#" + NodeForm.parameterId("base")).queryAs(TextField.class);
        assertThat(base.getText()).isEmpty();
        assertThat(base.getPromptText()).isEqualTo("默认 0.6");

        robot.clickOn(base).write("0.4").type(KeyCode.ENTER);
        waitUntil(() -> Math.abs(lowestDot(robot) - 3.2) < 1e-9);

        // the engine's points: the base share of 8 full points for the lowest value
        RulePreview shown = model().previewProperty().get();
        double lowestScored = java.util.stream.IntStream.range(0, shown.units().size())
                .filter(i -> !Double.isNaN(shown.values()[i])).mapToDouble(i -> shown.scores()[i]).min().orElseThrow();
        assertThat(lowestScored).isCloseTo(3.2, within(1e-9));
        assertThat(lowestDot(robot)).isCloseTo(3.2, within(1e-9));
        assertThat(model().isDirty()).isTrue();
        assertThat(robot.lookup("#" + SchemeEditorView.SAVE_ID).queryAs(Button.class).isDisabled()).isFalse();

        robot.clickOn("#" + SchemeEditorView.SAVE_ID);
        waitUntil(() -> !model().isDirty() && shell.model().workspace().state().revision() == 1);

        Indicator kept = scheme(file, 2025).leaves().stream().filter(l -> l.code().equals("HT_SHARE"))
                .findFirst().orElseThrow();
        assertThat(kept.rule().get("base")).hasValue(0.4);
        assertThat(robot.lookup("#" + SchemeEditorView.NOTICE_ID).queryAs(Label.class).getText())
                .isEqualTo("已保存为 2025 年方案的新版本（操作人：张三）。");
    }

    @Test
    void theOtherTabsAreMadeWhenFirstOpenedAndShowTheEditsMadeBefore(FxRobot robot) throws Exception {
        Path file = TestDatabases.demo(dir.resolve("sanlian.db"), "张三");
        shell.open(robot, file);
        showScheme(robot);
        TabPane tabs = fx(() -> {
            javafx.scene.Node at = robot.lookup("#" + SchemeEditorView.SETTINGS_TAB_ID).query(); // the tab's header
            while (!(at instanceof TabPane)) {
                at = at.getParent();
            }
            return (TabPane) at;
        });
        assertThat(fx(() -> tabs.getTabs().stream().map(Tab::getText).toList())).containsExactly(
                "方案", "指标", "派生指标", "输入指标", "加分与扣分", "一票否决", "末位约谈规则", "全市目标");
        assertThat(fx(() -> tabs.getSelectionModel().getSelectedItem().getText())).isEqualTo("指标");
        assertThat(fx(() -> tabs.getTabs().stream().filter(t -> t.getContent() == null).count())).isEqualTo(7);
        assertThat(robot.lookup("#" + SchemeSettingsForm.DECIMALS_ID).tryQuery()).isEmpty();
        assertThat(robot.lookup("#" + SchemeTables.CITY_TARGETS_ID).tryQuery()).isEmpty();

        assertThat(fx(() -> model().setSchemeName("改过的方案名"))).isEmpty(); // edited before the tab is made
        robot.clickOn("#" + SchemeEditorView.SETTINGS_TAB_ID);
        waitUntil(() -> robot.lookup("#" + SchemeSettingsForm.NAME_ID).tryQuery().map(javafx.scene.Node::isVisible)
                .orElse(false));
        assertThat(robot.lookup("#" + SchemeSettingsForm.NAME_ID).queryAs(TextField.class).getText())
                .isEqualTo("改过的方案名");
        assertThat(fx(() -> tabs.getTabs().stream().filter(t -> t.getContent() == null).count())).isEqualTo(6);
        robot.clickOn("#" + SchemeEditorView.CITY_TARGETS_TAB_ID);
        waitUntil(() -> robot.lookup("#" + SchemeTables.CITY_TARGETS_ID).tryQuery().map(javafx.scene.Node::isVisible)
                .orElse(false));
        assertThat(robot.lookup("#" + SchemeTables.CITY_TARGETS_ID).queryAs(javafx.scene.control.TableView.class)
                .getItems()).hasSize(model().state().cityTargets().size());
    }

    @Test
    void decimalsChangedInTheSchemeTabAreCheckedUndoneAndSaved(FxRobot robot) throws Exception {
        Path file = TestDatabases.demo(dir.resolve("sanlian.db"), "张三");
        shell.open(robot, file);
        showScheme(robot);
        int before = model().state().decimals();
        robot.clickOn("#" + SchemeEditorView.SETTINGS_TAB_ID);
        waitUntil(() -> robot.lookup("#" + SchemeSettingsForm.DECIMALS_ID).tryQuery()
                .map(javafx.scene.Node::isVisible).orElse(false));
        TextField decimals = robot.lookup("#" + SchemeSettingsForm.DECIMALS_ID).queryAs(TextField.class);
        assertThat(decimals.getText()).isEqualTo(Integer.toString(before));
        assertThat(robot.lookup("#" + SchemeSettingsForm.NAME_ID).queryAs(TextField.class).getText())
                .isEqualTo(model().state().name());
        Button undo = robot.lookup("#" + SchemeEditorView.UNDO_ID).queryAs(Button.class);
        Button save = robot.lookup("#" + SchemeEditorView.SAVE_ID).queryAs(Button.class);
        assertThat(undo.isDisabled()).isTrue();
        assertThat(save.isDisabled()).isTrue();

        robot.clickOn(decimals);
        robot.interact(decimals::selectAll);
        robot.write("12").type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup(".error-message").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().startsWith("“12”不行")));
        assertThat(model().isDirty()).isFalse();
        assertThat(save.isDisabled()).isTrue();

        int other = before == 0 ? 1 : 0;
        robot.interact(decimals::selectAll);
        robot.write(Integer.toString(other)).type(KeyCode.ENTER);
        waitUntil(() -> model().isDirty());
        assertThat(model().state().decimals()).isEqualTo(other);
        assertThat(undo.isDisabled()).isFalse();
        assertThat(save.isDisabled()).isFalse();

        robot.clickOn(undo);
        waitUntil(() -> !model().isDirty());
        assertThat(model().state().decimals()).isEqualTo(before);
        assertThat(save.isDisabled()).isTrue();
        robot.clickOn("#" + SchemeEditorView.REDO_ID);
        waitUntil(() -> model().isDirty());
        assertThat(decimals.getText()).isEqualTo(Integer.toString(other));

        robot.clickOn(save);
        waitUntil(() -> !model().isDirty() && shell.model().workspace().state().revision() == 1);
        assertThat(scheme(file, 2025).decimals()).isEqualTo(other);

        // Alt+↓ in the tie-break list moves a tie-break, not the tree's chosen node
        Scheme shown = model().state();
        @SuppressWarnings("unchecked")
        javafx.scene.control.ListView<String> ties =
                robot.lookup("#" + SchemeSettingsForm.TIE_BREAK_ID).queryAs(javafx.scene.control.ListView.class);
        assertThat(fx(() -> List.copyOf(ties.getItems()))).containsExactly("INNOV", "INDUSTRY", "TALENT");
        robot.interact(() -> {
            ties.requestFocus();
            ties.getSelectionModel().select(0);
        });
        robot.press(KeyCode.ALT, KeyCode.DOWN).release(KeyCode.DOWN, KeyCode.ALT);
        waitUntil(() -> model().state().tieBreak().get(1).equals("INNOV"));
        assertThat(model().state().tieBreak()).containsExactly("INDUSTRY", "INNOV", "TALENT");
        assertThat(model().state().tree()).isEqualTo(shown.tree());
        assertThat(fx(() -> ties.getSelectionModel().getSelectedItem())).isEqualTo("INNOV");
    }

    @Test
    void indicatorsAreReorderedByDraggingAndByAltArrowAndTheStepsUndo(FxRobot robot) throws Exception {
        shell.open(robot, TestDatabases.demo(dir.resolve("sanlian.db"), "张三"));
        showScheme(robot);

        robot.drag(cell(robot, "HTE")).dropTo(cell(robot, "NEW_HTRD"));
        waitUntil(() -> children(model().state(), 0).get(4).equals("HTE"));
        assertThat(children(model().state(), 0)).containsExactly("TECH_SME", "HT_SHARE", "NEW_RI", "NEW_HTRD", "HTE");

        robot.clickOn(cell(robot, "TECH_SME"));
        robot.press(KeyCode.ALT, KeyCode.DOWN).release(KeyCode.DOWN, KeyCode.ALT);
        waitUntil(() -> children(model().state(), 0).get(1).equals("TECH_SME"));
        assertThat(fx(() -> tree(robot).getSelectionModel().getSelectedItem().getValue())).isEqualTo("TECH_SME");

        // a drop on another dimension's indicator changes nothing
        Scheme before = model().state();
        robot.drag(cell(robot, "HT_SHARE")).dropTo(cell(robot, "RD_INT"));
        assertThat(model().state()).isSameAs(before);

        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        waitUntil(() -> children(model().state(), 0).get(0).equals("TECH_SME"));
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        waitUntil(() -> !model().isDirty());
        assertThat(children(model().state(), 0)).containsExactly("HTE", "TECH_SME", "HT_SHARE", "NEW_RI", "NEW_HTRD");
    }

    @Test
    void anExpressionIsCheckedAsItIsTypedAndAMethodChangeRebuildsTheForm(FxRobot robot) throws Exception {
        shell.open(robot, TestDatabases.demo(dir.resolve("sanlian.db"), "张三"));
        showScheme(robot);
        robot.clickOn(cell(robot, "RD_INT"));
        waitUntil(() -> robot.lookup("#" + NodeForm.EXPRESSION_ID).tryQuery().isPresent());
        TextField expression = robot.lookup("#" + NodeForm.EXPRESSION_ID).queryAs(TextField.class);
        assertThat(expression.getText()).isEqualTo("RD_EXP / (GDP * 10000) * 100");
        Label problem = robot.lookup("#" + NodeForm.EXPRESSION_PROBLEM_ID).queryAs(Label.class);
        assertThat(problem.getText()).isEmpty();

        // the field may be below the form's visible part: focus it as the Tab key would
        robot.interact(() -> {
            expression.requestFocus();
            expression.end();
        });
        robot.write(" + GDPX");
        waitUntil(() -> problem.getText().contains("GDPX"));
        assertThat(problem.getText()).contains("未知代码 GDPX");
        assertThat(model().isDirty()).isFalse(); // typed, not kept yet
        robot.write(" *");
        waitUntil(() -> problem.getText().contains("个字符处"));
        assertThat(problem.getText()).contains("第 38 个字符处");
        robot.type(KeyCode.BACK_SPACE, 9).type(KeyCode.ENTER);
        waitUntil(() -> problem.getText().isEmpty());
        assertThat(model().isDirty()).isFalse(); // the same expression as kept: no step

        // another method: its parameters' fields replace the old ones
        robot.clickOn(cell(robot, "HTE"));
        waitUntil(() -> robot.lookup("#" + NodeForm.parameterId("cap")).tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<org.sanlian.workbench.core.model.Method> method =
                robot.lookup("#" + NodeForm.METHOD_ID).queryAs(javafx.scene.control.ComboBox.class);
        robot.interact(() -> method.setValue(org.sanlian.workbench.core.model.Method.RANK_POINTS));
        waitUntil(() -> robot.lookup("#" + NodeForm.parameterId("step")).tryQuery().isPresent());
        assertThat(robot.lookup("#" + NodeForm.parameterId("cap")).tryQuery()).isEmpty();
        assertThat(robot.lookup("#" + NodeForm.TARGET_ID).tryQuery()).isEmpty();
        waitUntil(() -> chartTitle(robot).contains("HTE") && model().previewProperty().get().code().equals("HTE"));
        RulePreview ranks = model().previewProperty().get();
        // RANK_POINTS: 8 points for the best, one step of 8 / 10 less for each place behind
        assertThat(java.util.Arrays.stream(ranks.scores()).max().orElseThrow()).isCloseTo(8.0, within(1e-9));
        assertThat(model().isDirty()).isTrue();
    }

    @Test
    void anInputADimensionAndAnIndicatorOnTheInputAreAddedThroughTheirDialogsAndSaved(FxRobot robot) throws Exception {
        Path file = dir.resolve("sanlian.db");
        shell.open(robot, TestDatabases.demo(file, "张三"));
        showScheme(robot);
        int before = model().state().inputs().size();
        robot.clickOn(Messages.get().text("ui.scheme.tab-inputs"));
        robot.clickOn("#" + SchemeTables.ADD_INPUT_ID);
        waitUntil(() -> robot.lookup("#" + SchemeEditorView.DIALOG_CODE_ID).tryQuery().isPresent());
        javafx.scene.control.DialogPane pane = robot.lookup(".dialog-pane").queryAs(javafx.scene.control.DialogPane.class);
        javafx.scene.Node ok = pane.lookupButton(javafx.scene.control.ButtonType.OK);
        Label problem = robot.lookup("#" + SchemeEditorView.DIALOG_ERROR_ID).queryAs(Label.class);

        robot.clickOn("#" + SchemeEditorView.DIALOG_CODE_ID).write("GDP");
        robot.clickOn("#" + SchemeEditorView.DIALOG_NAME_ID).write("发明专利授权量");
        waitUntil(() -> problem.getText().contains("GDP"));
        assertThat(problem.getText()).isEqualTo("代码 GDP 已在本方案中使用。请换一个代码。");
        assertThat(ok.isDisabled()).isTrue();
        robot.doubleClickOn("#" + SchemeEditorView.DIALOG_CODE_ID).write("PATENTS");
        robot.clickOn("#" + SchemeEditorView.DIALOG_UNIT_ID).write("件");
        robot.clickOn("#" + SchemeEditorView.DIALOG_MIN_ID).write("0");
        robot.clickOn("#" + SchemeEditorView.DIALOG_INTEGER_ID);
        waitUntil(() -> !ok.isDisabled());
        assertThat(problem.getText()).isEmpty();
        robot.clickOn(ok);

        waitUntil(() -> model().state().inputs().size() == before + 1);
        org.sanlian.workbench.core.model.Input added = model().state().inputs().get(before);
        assertThat(added.code()).isEqualTo("PATENTS");
        assertThat(added.name()).isEqualTo("发明专利授权量");
        assertThat(added.unitOfMeasure()).isEqualTo("件");
        assertThat(added.min()).hasValue(0.0);
        assertThat(added.integer()).isTrue();
        @SuppressWarnings("unchecked")
        javafx.scene.control.TableView<org.sanlian.workbench.core.model.Input> table =
                robot.lookup("#" + SchemeTables.INPUTS_ID).queryAs(javafx.scene.control.TableView.class);
        waitUntil(() -> fx(() -> table.getItems().size()) == before + 1);
        assertThat(fx(() -> table.getSelectionModel().getSelectedItem().code())).isEqualTo("PATENTS");

        // a dimension from the toolbar, then an indicator in it whose value is the new input
        robot.clickOn("#" + SchemeEditorView.ADD_DIMENSION_ID);
        waitUntil(() -> robot.lookup("#" + SchemeEditorView.DIALOG_POINTS_ID).tryQuery().isPresent());
        robot.clickOn("#" + SchemeEditorView.DIALOG_CODE_ID).write("OPEN");
        robot.clickOn("#" + SchemeEditorView.DIALOG_NAME_ID).write("开放链");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> fx(() -> tree(robot).getRoot().getChildren().size()) == 4);
        assertThat(model().selectedProperty().get()).isEqualTo("OPEN");
        robot.clickOn("#" + SchemeEditorView.ADD_ID);
        waitUntil(() -> robot.lookup("#" + SchemeEditorView.DIALOG_CODE_ID).tryQuery().isPresent());
        robot.clickOn("#" + SchemeEditorView.DIALOG_CODE_ID).write("PATENTS");
        robot.clickOn("#" + SchemeEditorView.DIALOG_NAME_ID).write("发明专利授权量");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> fx(() -> tree(robot).getRoot().getChildren().get(3).getChildren().size()) == 1);
        assertThat(model().problemsProperty().get()).isEmpty();

        robot.clickOn("#" + SchemeEditorView.SAVE_ID);
        waitUntil(() -> !model().isDirty());
        Scheme kept = scheme(file, 2025);
        assertThat(kept.input("PATENTS")).hasValue(added);
        assertThat(children(kept, 3)).containsExactly("PATENTS");
        assertThat(kept.tree().get(3).name()).isEqualTo("开放链");
    }

    @Test
    void sensitivitySettingsTypedInTheSchemeTabAreCheckedUndoneAndSaved(FxRobot robot) throws Exception {
        Path file = TestDatabases.demo(dir.resolve("sanlian.db"), "张三");
        shell.open(robot, file);
        showScheme(robot);
        robot.clickOn("#" + SchemeEditorView.SETTINGS_TAB_ID);
        waitUntil(() -> robot.lookup("#" + SchemeSettingsForm.DRAWS_ID).tryQuery()
                .map(javafx.scene.Node::isVisible).orElse(false));
        TextField draws = robot.lookup("#" + SchemeSettingsForm.DRAWS_ID).queryAs(TextField.class);
        TextField spread = robot.lookup("#" + SchemeSettingsForm.SPREAD_ID).queryAs(TextField.class);
        TextField seed = robot.lookup("#" + SchemeSettingsForm.SEED_ID).queryAs(TextField.class);
        var before = model().state().sensitivity();
        assertThat(draws.getText()).isEqualTo(Integer.toString(before.draws()));
        assertThat(spread.getText()).isEqualTo("0.2");
        assertThat(seed.getText()).isEqualTo(Long.toString(before.seed()));

        type(robot, draws, "0");
        waitUntil(() -> errorShown(robot, "“0”不行：抽样次数须为 1 到 1,000,000 之间的整数。"));
        type(robot, spread, "1.2");
        waitUntil(() -> errorShown(robot, "“1.2”不行：扰动幅度须是不小于 0、小于 1 的数，如 0.2（权重上下浮动 20%）。"));
        assertThat(model().isDirty()).isFalse();
        assertThat(model().state().sensitivity()).isEqualTo(before);

        type(robot, draws, "4000");
        waitUntil(() -> model().state().sensitivity().draws() == 4000);
        type(robot, spread, "0.3");
        waitUntil(() -> model().state().sensitivity().spread() == 0.3);
        type(robot, seed, "-17");
        waitUntil(() -> model().state().sensitivity().seed() == -17L);
        assertThat(errorShown(robot, "“0”不行：抽样次数须为 1 到 1,000,000 之间的整数。")).isFalse();

        robot.clickOn("#" + SchemeEditorView.UNDO_ID);
        waitUntil(() -> model().state().sensitivity().seed() == before.seed());
        assertThat(seed.getText()).isEqualTo(Long.toString(before.seed()));
        assertThat(model().state().sensitivity().spread()).isEqualTo(0.3);
        robot.clickOn("#" + SchemeEditorView.REDO_ID);
        waitUntil(() -> seed.getText().equals("-17"));

        robot.clickOn("#" + SchemeEditorView.SAVE_ID);
        waitUntil(() -> !model().isDirty() && shell.model().workspace().state().revision() == 1);
        assertThat(scheme(file, 2025).sensitivity())
                .isEqualTo(new org.sanlian.workbench.core.model.SensitivitySettings(4000, 0.3, -17L));
    }

    @Test
    void aCityTargetIsAddedThroughItsDialogEditedInTheFormAndSaved(FxRobot robot) throws Exception {
        Path file = TestDatabases.demo(dir.resolve("sanlian.db"), "张三");
        shell.open(robot, file);
        showScheme(robot);
        int before = model().state().cityTargets().size();
        robot.clickOn("#" + SchemeEditorView.CITY_TARGETS_TAB_ID);
        @SuppressWarnings("unchecked")
        javafx.scene.control.TableView<org.sanlian.workbench.core.model.CityTarget> table =
                robot.lookup("#" + SchemeTables.CITY_TARGETS_ID).queryAs(javafx.scene.control.TableView.class);
        waitUntil(() -> table.isVisible() && fx(() -> table.getItems().size()) == before);

        robot.clickOn("#" + SchemeTables.ADD_CITY_TARGET_ID);
        waitUntil(() -> robot.lookup("#" + SchemeEditorView.DIALOG_CHOICE_ID).tryQuery().isPresent());
        javafx.scene.control.DialogPane pane = robot.lookup(".dialog-pane").queryAs(javafx.scene.control.DialogPane.class);
        javafx.scene.Node ok = pane.lookupButton(javafx.scene.control.ButtonType.OK);
        assertThat(ok.isDisabled()).isTrue();
        robot.clickOn("#" + SchemeEditorView.DIALOG_CHOICE_ID);
        waitUntil(() -> listCell(robot, "RD_GROWTH").isPresent());
        robot.clickOn(listCell(robot, "RD_GROWTH").orElseThrow());
        String name = model().cityTargetDefaultName("RD_GROWTH");
        assertThat(name).isNotBlank();
        TextField dialogName = robot.lookup("#" + SchemeEditorView.DIALOG_NAME_ID).queryAs(TextField.class);
        waitUntil(() -> dialogName.getText().equals(name));
        robot.clickOn("#" + SchemeEditorView.DIALOG_TARGET_ID).write("12");
        robot.clickOn("#" + SchemeEditorView.DIALOG_YEAR_ID).write("2026");
        waitUntil(() -> !ok.isDisabled());
        robot.clickOn(ok);

        waitUntil(() -> model().state().cityTargets().size() == before + 1);
        waitUntil(() -> fx(() -> table.getSelectionModel().getSelectedIndex()) == before);
        var aggregate = robot.lookup("#" + SchemeTables.CT_AGGREGATE_ID)
                .queryAs(javafx.scene.control.ComboBox.class);
        waitUntil(() -> org.sanlian.workbench.core.model.CityTarget.CityAggregate.RECOMPUTE.equals(aggregate.getValue()));
        assertThat(robot.lookup("#" + SchemeTables.CT_CODE_ID).queryAs(javafx.scene.control.ComboBox.class).getValue())
                .isEqualTo("RD_GROWTH");

        // the baseline's year alone is refused until its value is given too
        TextField baseYear = robot.lookup("#" + SchemeTables.CT_BASELINE_YEAR_ID).queryAs(TextField.class);
        TextField baseValue = robot.lookup("#" + SchemeTables.CT_BASELINE_VALUE_ID).queryAs(TextField.class);
        type(robot, baseYear, "2021");
        waitUntil(() -> errorShown(robot, "基期的年份和数值须同时填写，或同时留空（无基期）。"));
        type(robot, baseValue, "8.1");
        waitUntil(() -> model().state().cityTargets().get(before).baseline().isPresent());
        assertThat(model().state().cityTargets().get(before).baseline().get())
                .isEqualTo(new org.sanlian.workbench.core.model.CityTarget.Baseline(2021, 8.1));

        // a cumulation after the target year: the validator's message beside the field, nothing kept
        TextField cumulative = robot.lookup("#" + SchemeTables.CT_CUMULATIVE_ID).queryAs(TextField.class);
        type(robot, cumulative, "2030");
        waitUntil(() -> errorShown(robot,
                "cumulativeFrom（2030）与 year（2026）的大小关系不对，应满足 cumulativeFrom <= year。请更正。"));
        assertThat(model().state().cityTargets().get(before).cumulativeFrom()).isEmpty();
        type(robot, cumulative, "2023");
        waitUntil(() -> model().state().cityTargets().get(before).cumulativeFrom().isPresent());

        TextField value = robot.lookup("#" + SchemeTables.CT_TARGET_ID).queryAs(TextField.class);
        type(robot, value, "15");
        waitUntil(() -> model().state().cityTargets().get(before).target() == 15.0);
        robot.clickOn("#" + SchemeEditorView.UNDO_ID);
        waitUntil(() -> model().state().cityTargets().get(before).target() == 12.0);
        waitUntil(() -> value.getText().equals("12"));
        robot.clickOn("#" + SchemeEditorView.REDO_ID);
        waitUntil(() -> model().state().cityTargets().get(before).target() == 15.0);
        assertThat(model().problemsProperty().get()).isEmpty();

        robot.clickOn("#" + SchemeEditorView.SAVE_ID);
        waitUntil(() -> !model().isDirty() && shell.model().workspace().state().revision() == 1);
        assertThat(scheme(file, 2025).cityTargets().get(before)).isEqualTo(new org.sanlian.workbench.core.model.CityTarget(
                "RD_GROWTH", name, 15, 2026, org.sanlian.workbench.core.model.CityTarget.CityAggregate.RECOMPUTE,
                java.util.OptionalInt.of(2023),
                java.util.Optional.of(new org.sanlian.workbench.core.model.CityTarget.Baseline(2021, 8.1))));
    }

    /** Types {@code text} over what the field holds and presses Enter. */
    private static void type(FxRobot robot, TextField field, String text) {
        robot.interact(() -> {
            field.requestFocus();
            field.selectAll();
        });
        robot.write(text).type(KeyCode.ENTER);
    }

    private static boolean errorShown(FxRobot robot, String text) {
        return fx(() -> robot.lookup(".error-message").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().equals(text) && l.isVisible()));
    }

    /** The cell of an open drop-down list that shows {@code item}. */
    private static java.util.Optional<javafx.scene.Node> listCell(FxRobot robot, String item) {
        return fx(() -> robot.lookup(".list-cell").queryAllAs(javafx.scene.control.ListCell.class).stream()
                .filter(c -> !c.isEmpty() && item.equals(c.getItem()) && c.isVisible())
                .map(c -> (javafx.scene.Node) c).findFirst());
    }
}

package org.sanlian.workbench.ui.scheme;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.ComboBoxTableCell;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.sanlian.workbench.ui.common.LayoutMemory;
import org.sanlian.workbench.core.model.Adjustment;
import org.sanlian.workbench.core.model.BottomRule;
import org.sanlian.workbench.core.model.CityTarget;
import org.sanlian.workbench.core.model.Derived;
import org.sanlian.workbench.core.model.Input;
import org.sanlian.workbench.core.model.Scheme;
import org.sanlian.workbench.core.model.Veto;
import org.sanlian.workbench.i18n.Messages;

/**
 * The scheme editor's tables beside the tree: derived indicators (the chosen one's expression edited
 * below the table and checked as it is typed; entries added and removed), inputs and their bounds (added
 * and removed; one still used is refused with its users named), bonus and penalty items with
 * the caps on all of them, vetoes and bottom-list
 * rules, and the city targets (全市目标: the chosen one edited in a form below its table, its code
 * chosen from the scheme's indicators, inputs and derived entries). Cells are edited in place (Enter
 * keeps); each kept cell or field is one undo step; a refused value says why under the table (beside
 * the field in the city targets' form).
 */
final class SchemeTables {

    static final String DERIVED_ID = "scheme-derived";
    static final String DERIVED_EXPRESSION_ID = "scheme-derived-expression";
    static final String DERIVED_PROBLEM_ID = "scheme-derived-problem";
    static final String INPUTS_ID = "scheme-inputs";
    static final String ADD_INPUT_ID = "scheme-add-input";
    static final String REMOVE_INPUT_ID = "scheme-remove-input";
    static final String ADD_DERIVED_ID = "scheme-add-derived";
    static final String REMOVE_DERIVED_ID = "scheme-remove-derived";
    static final String ADJUSTMENTS_ID = "scheme-adjustments";
    static final String BONUS_CAP_ID = "scheme-bonus-cap";
    static final String PENALTY_CAP_ID = "scheme-penalty-cap";
    static final String VETOES_ID = "scheme-vetoes";
    static final String BOTTOM_ID = "scheme-bottom-rules";
    static final String CITY_TARGETS_ID = "scheme-city-targets";
    static final String ADD_CITY_TARGET_ID = "scheme-add-city-target";
    static final String REMOVE_CITY_TARGET_ID = "scheme-remove-city-target";
    static final String CT_CODE_ID = "scheme-city-target-code";
    static final String CT_NAME_ID = "scheme-city-target-name";
    static final String CT_TARGET_ID = "scheme-city-target-target";
    static final String CT_YEAR_ID = "scheme-city-target-year";
    static final String CT_AGGREGATE_ID = "scheme-city-target-aggregate";
    static final String CT_CUMULATIVE_ID = "scheme-city-target-cumulative";
    static final String CT_BASELINE_YEAR_ID = "scheme-city-target-baseline-year";
    static final String CT_BASELINE_VALUE_ID = "scheme-city-target-baseline-value";

    private final SchemeEditorViewModel model;

    SchemeTables(SchemeEditorViewModel model) {
        this.model = model;
    }

    private static String text(String key, Object... args) {
        return Messages.get().text(key, args);
    }

    private static <T> TableView<T> table(String id, Function<Scheme, List<T>> rows, SchemeEditorViewModel model) {
        TableView<T> table = new TableView<>();
        table.setId(id);
        LayoutMemory.columns(table);
        table.setEditable(true);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Runnable fill = () -> {
            int selected = table.getSelectionModel().getSelectedIndex();
            table.getItems().setAll(model.state() == null ? List.of() : rows.apply(model.state()));
            if (selected >= 0 && selected < table.getItems().size()) {
                table.getSelectionModel().select(selected);
            }
        };
        model.stateProperty().addListener((obs, old, now) -> fill.run());
        table.editableProperty().bind(model.editableProperty());
        fill.run();
        return table;
    }

    private static <T> TableColumn<T, String> column(String key, Function<T, String> value) {
        TableColumn<T, String> c = new TableColumn<>(text(key));
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setEditable(false);
        return c;
    }

    private static <T> TableColumn<T, String> editable(String key, Function<T, String> value,
                                                        BiFunction<Integer, String, Optional<String>> commit,
                                                        Label problem, TableView<T> table) {
        TableColumn<T, String> c = column(key, value);
        c.setEditable(true);
        c.setCellFactory(TextFieldTableCell.forTableColumn());
        c.setOnEditCommit(e -> {
            problem.setText(commit.apply(e.getTablePosition().getRow(), e.getNewValue()).orElse(""));
            table.refresh();
        });
        return c;
    }

    private static Label problemLabel() {
        Label problem = new Label();
        problem.getStyleClass().add("error-message");
        problem.setWrapText(true);
        return problem;
    }

    private VBox pane(TableView<?> table, Label problem, javafx.scene.Node... buttons) {
        HBox bar = new HBox(8, buttons);
        VBox box = new VBox(6, table, bar, problem);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return box;
    }

    private Button button(String key, Runnable action) {
        Button b = new Button(text(key));
        b.setOnAction(e -> action.run());
        b.disableProperty().bind(model.editableProperty().not());
        return b;
    }

    // --- derived -----------------------------------------------------------------------------

    VBox derived() {
        Label problem = problemLabel();
        problem.setId(DERIVED_PROBLEM_ID);
        TableView<Derived> table = table(DERIVED_ID, Scheme::derived, model);
        table.editableProperty().unbind(); // edited in the field below, where it is checked as typed
        table.setEditable(false);
        table.getColumns().add(column("ui.scheme.derived-code", Derived::code));
        table.getColumns().add(column("ui.scheme.derived-expr", Derived::expr));
        table.getColumns().add(column("ui.scheme.derived-problem",
                d -> model.checkExpression(d.code(), d.expr()).orElse(text("ui.scheme.derived-ok"))));
        TextField expression = new TextField();
        expression.setId(DERIVED_EXPRESSION_ID);
        expression.disableProperty().bind(model.editableProperty().not()
                .or(table.getSelectionModel().selectedItemProperty().isNull()));
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null && (old == null || !old.code().equals(now.code()) || !expression.isFocused())) {
                expression.setText(now.expr());
                problem.setText("");
            }
        });
        expression.textProperty().addListener((obs, old, now) -> {
            Derived d = table.getSelectionModel().getSelectedItem();
            if (d != null && expression.isFocused()) {
                problem.setText(model.checkExpression(d.code(), now).orElse(""));
            }
        });
        expression.setOnAction(e -> {
            Derived d = table.getSelectionModel().getSelectedItem();
            if (d != null) {
                problem.setText(model.setExpression(d.code(), expression.getText()).orElse(""));
            }
        });
        HBox.setHgrow(expression, Priority.ALWAYS);
        Label hint = new Label(text("ui.scheme.derived-hint"));
        hint.setWrapText(true);
        hint.getStyleClass().add("hint");
        VBox box = pane(table, problem, new Label(text("ui.scheme.expression")), expression);
        box.getChildren().add(hint);
        Button add = button("ui.scheme.add-derived", () -> addDerived(table, problem));
        add.setId(ADD_DERIVED_ID);
        Button remove = removeButton(table, model::removeDerived, problem);
        remove.setId(REMOVE_DERIVED_ID);
        box.getChildren().add(1, new HBox(8, add, remove));
        return box;
    }

    private void addDerived(TableView<Derived> table, Label problem) {
        TextField code = SchemeEditorView.field(SchemeEditorView.DIALOG_CODE_ID);
        TextField expr = SchemeEditorView.field(SchemeEditorView.DIALOG_EXPRESSION_ID);
        expr.setPrefColumnCount(30);
        SchemeEditorView.ask(table, "ui.scheme.add-derived-header",
                List.of(SchemeEditorView.row("ui.scheme.code", code), SchemeEditorView.row("ui.scheme.expression", expr)),
                () -> model.checkNewDerived(code.getText(), expr.getText()),
                () -> {
                    problem.setText(model.addDerived(code.getText(), expr.getText()).orElse(""));
                    table.getSelectionModel().selectLast();
                });
    }

    // --- inputs -----------------------------------------------------------------------------

    VBox inputs() {
        Label problem = problemLabel();
        TableView<Input> table = table(INPUTS_ID, Scheme::inputs, model);
        table.getColumns().add(column("ui.scheme.adj-code", Input::code));
        table.getColumns().add(editable("ui.scheme.adj-name", Input::name, model::setInputName, problem, table));
        table.getColumns().add(editable("ui.scheme.input-unit", Input::unitOfMeasure, model::setInputUnit, problem,
                table));
        table.getColumns().add(editable("ui.scheme.input-min",
                in -> in.min().isPresent() ? SchemeEditorView.number(in.min().getAsDouble()) : "",
                model::setInputMin, problem, table));
        table.getColumns().add(editable("ui.scheme.input-max",
                in -> in.max().isPresent() ? SchemeEditorView.number(in.max().getAsDouble()) : "",
                model::setInputMax, problem, table));
        TableColumn<Input, Boolean> integer = new TableColumn<>(text("ui.scheme.input-integer"));
        integer.setCellValueFactory(d -> new javafx.beans.property.ReadOnlyObjectWrapper<>(d.getValue().integer()));
        integer.setCellFactory(ComboBoxTableCell.forTableColumn(SchemeEditorView.converter(
                b -> text(b ? "ui.scheme.yes" : "ui.scheme.no")), Boolean.TRUE, Boolean.FALSE));
        integer.setOnEditCommit(e -> problem.setText(model.setInputInteger(e.getTablePosition().getRow(),
                e.getNewValue()).orElse("")));
        table.getColumns().add(integer);
        Label hint = new Label(text("ui.scheme.inputs-hint"));
        hint.setWrapText(true);
        hint.getStyleClass().add("hint");
        Button add = button("ui.scheme.add-input", () -> addInput(table, problem));
        add.setId(ADD_INPUT_ID);
        Button remove = removeButton(table, model::removeInput, problem);
        remove.setId(REMOVE_INPUT_ID);
        VBox box = pane(table, problem, add, remove);
        box.getChildren().add(hint);
        return box;
    }

    private void addInput(TableView<Input> table, Label problem) {
        TextField code = SchemeEditorView.field(SchemeEditorView.DIALOG_CODE_ID);
        TextField name = SchemeEditorView.field(SchemeEditorView.DIALOG_NAME_ID);
        TextField unit = SchemeEditorView.field(SchemeEditorView.DIALOG_UNIT_ID);
        TextField min = SchemeEditorView.field(SchemeEditorView.DIALOG_MIN_ID);
        TextField max = SchemeEditorView.field(SchemeEditorView.DIALOG_MAX_ID);
        javafx.scene.control.CheckBox integer = new javafx.scene.control.CheckBox();
        integer.setId(SchemeEditorView.DIALOG_INTEGER_ID);
        SchemeEditorView.ask(table, "ui.scheme.add-input-header",
                List.of(SchemeEditorView.row("ui.scheme.code", code), SchemeEditorView.row("ui.scheme.name", name),
                        SchemeEditorView.row("ui.scheme.dialog-unit", unit),
                        SchemeEditorView.row("ui.scheme.dialog-min", min),
                        SchemeEditorView.row("ui.scheme.dialog-max", max),
                        SchemeEditorView.row("ui.scheme.dialog-integer", integer)),
                () -> model.checkNewInput(code.getText(), name.getText(), min.getText(), max.getText()),
                () -> {
                    problem.setText(model.addInput(code.getText(), name.getText(), unit.getText(), min.getText(),
                            max.getText(), integer.isSelected()).orElse(""));
                    table.getSelectionModel().selectLast();
                });
    }

    // --- adjustments -----------------------------------------------------------------------

    VBox adjustments() {
        Label problem = problemLabel();
        TableView<Adjustment> table = table(ADJUSTMENTS_ID, Scheme::adjustments, model);
        table.getColumns().add(column("ui.scheme.adj-code", Adjustment::code));
        table.getColumns().add(editable("ui.scheme.adj-name", Adjustment::name, model::setAdjustmentName, problem, table));
        TableColumn<Adjustment, Adjustment.Kind> kind = new TableColumn<>(text("ui.scheme.adj-kind"));
        kind.setCellValueFactory(d -> new javafx.beans.property.ReadOnlyObjectWrapper<>(d.getValue().kind()));
        kind.setCellFactory(ComboBoxTableCell.forTableColumn(SchemeEditorView.converter(SchemeEditorView::kind),
                Adjustment.Kind.values()));
        kind.setOnEditCommit(e -> problem.setText(model.setAdjustmentKind(e.getTablePosition().getRow(),
                e.getNewValue()).orElse("")));
        table.getColumns().add(kind);
        table.getColumns().add(editable("ui.scheme.adj-points", a -> SchemeEditorView.number(a.pointsEach()),
                model::setAdjustmentPoints, problem, table));
        table.getColumns().add(editable("ui.scheme.adj-cap",
                a -> a.cap().isPresent() ? SchemeEditorView.number(a.cap().getAsDouble()) : "",
                model::setAdjustmentCap, problem, table));
        Button bonus = button("ui.scheme.add-bonus", () -> addAdjustment(table, Adjustment.Kind.BONUS, problem));
        Button penalty = button("ui.scheme.add-penalty", () -> addAdjustment(table, Adjustment.Kind.PENALTY, problem));
        Button remove = removeButton(table, model::removeAdjustment, problem);
        Label capProblem = problemLabel();
        TextField bonusCap = SchemeEditorView.committing(BONUS_CAP_ID, model::setBonusCap, capProblem);
        TextField penaltyCap = SchemeEditorView.committing(PENALTY_CAP_ID, model::setPenaltyCap, capProblem);
        penaltyCap.setPromptText(text("ui.scheme.no-cap"));
        bonusCap.setPrefColumnCount(5);
        penaltyCap.setPrefColumnCount(5);
        bonusCap.disableProperty().bind(model.editableProperty().not());
        penaltyCap.disableProperty().bind(model.editableProperty().not());
        Runnable showCaps = () -> {
            Scheme s = model.state();
            if (s != null) {
                SchemeEditorView.show(bonusCap, SchemeEditorView.number(s.bonusCap()));
                SchemeEditorView.show(penaltyCap, s.penaltyCap().isPresent()
                        ? SchemeEditorView.number(s.penaltyCap().getAsDouble()) : "");
            }
        };
        model.stateProperty().addListener((obs, old, now) -> showCaps.run());
        showCaps.run();
        HBox caps = new HBox(8, new Label(text("ui.scheme.bonus-cap")), bonusCap,
                new Label(text("ui.scheme.penalty-cap")), penaltyCap, capProblem);
        caps.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox box = pane(table, problem, bonus, penalty, remove);
        box.getChildren().add(1, caps);
        return box;
    }

    private void addAdjustment(TableView<Adjustment> table, Adjustment.Kind kind, Label problem) {
        SchemeEditorView.askCodeAndName(table, model::checkNewCode)
                .ifPresent(cn -> problem.setText(model.addAdjustment(cn[0], cn[1], kind).orElse("")));
    }

    private Button removeButton(TableView<?> table, Function<Integer, Optional<String>> remove, Label problem) {
        Button b = new Button(text("ui.scheme.remove"));
        b.setOnAction(e -> {
            int i = table.getSelectionModel().getSelectedIndex();
            if (i >= 0) {
                problem.setText(remove.apply(i).orElse(""));
            }
        });
        b.disableProperty().bind(model.editableProperty().not()
                .or(table.getSelectionModel().selectedItemProperty().isNull()));
        return b;
    }

    // --- vetoes ----------------------------------------------------------------------------

    VBox vetoes() {
        Label problem = problemLabel();
        TableView<Veto> table = table(VETOES_ID, Scheme::vetoes, model);
        table.getColumns().add(column("ui.scheme.adj-code", Veto::code));
        table.getColumns().add(editable("ui.scheme.adj-name", Veto::name, model::setVetoName, problem, table));
        Button add = button("ui.scheme.add-veto", () -> SchemeEditorView.askCodeAndName(table, model::checkNewCode)
                .ifPresent(cn -> problem.setText(model.addVeto(cn[0], cn[1]).orElse(""))));
        return pane(table, problem, add, removeButton(table, model::removeVeto, problem));
    }

    // --- bottom-list rules -------------------------------------------------------------------

    VBox bottomRules() {
        Label problem = problemLabel();
        TableView<BottomRule> table = table(BOTTOM_ID, Scheme::bottomRules, model);
        table.getColumns().add(column("ui.scheme.bottom-rule", r -> text("ui.scheme.bottom." + r.kind().name())));
        table.getColumns().add(editable("ui.scheme.bottom-parameter",
                r -> r.kind().parameterName().isEmpty() ? "" : r.kind().parameterName() + " = "
                        + SchemeEditorView.number(r.parameter()),
                (i, t) -> model.setBottomParameter(i, t.contains("=") ? t.substring(t.indexOf('=') + 1) : t),
                problem, table));
        ComboBox<BottomRule.Kind> kind = SchemeEditorView.combo("scheme-bottom-kind",
                Arrays.asList(BottomRule.Kind.values()), k -> text("ui.scheme.bottom." + k.name()));
        kind.getSelectionModel().selectFirst();
        Button add = button("ui.scheme.add-bottom", () -> {
            if (kind.getValue() != null) {
                problem.setText(model.addBottomRule(kind.getValue()).orElse(""));
            }
        });
        return pane(table, problem, kind, add, removeButton(table, model::removeBottomRule, problem));
    }

    // --- city targets ----------------------------------------------------------------------

    VBox cityTargets() {
        Label problem = problemLabel();
        TableView<CityTarget> table = table(CITY_TARGETS_ID, Scheme::cityTargets, model);
        table.editableProperty().unbind(); // edited in the form below, each field checked by the validator
        table.setEditable(false);
        table.getColumns().add(column("ui.scheme.ct-code", CityTarget::code));
        table.getColumns().add(column("ui.scheme.ct-name", CityTarget::name));
        table.getColumns().add(column("ui.scheme.ct-target", t -> SchemeEditorView.number(t.target())));
        table.getColumns().add(column("ui.scheme.ct-year", t -> Integer.toString(t.year())));
        table.getColumns().add(column("ui.scheme.ct-aggregate", t -> t.aggregate().name()));
        table.getColumns().add(column("ui.scheme.ct-cumulative",
                t -> t.cumulativeFrom().isPresent() ? Integer.toString(t.cumulativeFrom().getAsInt()) : ""));
        table.getColumns().add(column("ui.scheme.ct-baseline-year",
                t -> t.baseline().map(b -> Integer.toString(b.year())).orElse("")));
        table.getColumns().add(column("ui.scheme.ct-baseline-value",
                t -> t.baseline().map(b -> SchemeEditorView.number(b.value())).orElse("")));
        Button add = button("ui.scheme.add-city-target", () -> addCityTarget(table, problem));
        add.setId(ADD_CITY_TARGET_ID);
        Button remove = removeButton(table, model::removeCityTarget, problem);
        remove.setId(REMOVE_CITY_TARGET_ID);
        Label hint = new Label(text("ui.scheme.city-targets-hint"));
        hint.setWrapText(true);
        hint.getStyleClass().add("hint");
        VBox box = pane(table, problem, add, remove);
        box.getChildren().addAll(new CityTargetForm(model, table), hint);
        return box;
    }

    private void addCityTarget(TableView<CityTarget> table, Label problem) {
        ComboBox<String> code = SchemeEditorView.combo(SchemeEditorView.DIALOG_CHOICE_ID, model.cityTargetCodes(),
                model::cityTargetCodeLabel);
        code.setPrefWidth(320);
        TextField name = SchemeEditorView.field(SchemeEditorView.DIALOG_NAME_ID);
        name.setPrefColumnCount(24);
        TextField target = SchemeEditorView.field(SchemeEditorView.DIALOG_TARGET_ID);
        TextField year = SchemeEditorView.field(SchemeEditorView.DIALOG_YEAR_ID);
        code.valueProperty().addListener((obs, old, now) -> {
            if (now != null && (name.getText().isBlank() || name.getText().equals(model.cityTargetDefaultName(old)))) {
                name.setText(model.cityTargetDefaultName(now));
            }
        });
        SchemeEditorView.ask(table, "ui.scheme.add-city-target-header",
                List.of(SchemeEditorView.row("ui.scheme.code", code), SchemeEditorView.row("ui.scheme.name", name),
                        SchemeEditorView.row("ui.scheme.dialog-target", target),
                        SchemeEditorView.row("ui.scheme.dialog-year", year)),
                () -> model.checkNewCityTarget(code.getValue(), name.getText(), target.getText(), year.getText()),
                () -> {
                    problem.setText(model.addCityTarget(code.getValue(), name.getText(), target.getText(),
                            year.getText()).orElse(""));
                    table.getSelectionModel().selectLast();
                });
    }
}

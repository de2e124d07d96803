package org.sanlian.workbench.ui.scheme;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

import org.sanlian.workbench.ui.common.PublishedBar;
import org.sanlian.workbench.ui.common.LayoutMemory;
import org.sanlian.workbench.ui.common.LazyTab;
import org.sanlian.workbench.core.model.Adjustment;
import org.sanlian.workbench.core.model.Scheme;
import org.sanlian.workbench.i18n.Messages;

/**
 * 指标方案: the chosen year's indicator tree on the left (drag or Alt+↑/↓ to reorder within a
 * dimension) with its weights added up below it; on the right the chosen node's form (weight, rule
 * and its parameters, direction, target, missing values, comparison set, unit, expression checked as
 * typed) above the engine's preview of the rule, and tabs for the scheme-wide settings (方案: name,
 * aggregation, default comparison, decimals, tie-breaks, the rank-stability settings), derived
 * indicators, inputs, bonuses and penalties, vetoes, bottom-list rules and the city targets. Built in code; all state lives in the view model.
 */
public final class SchemeEditorView extends BorderPane {

    /** The split between the tree and the tabs, and the one between the form and the preview (remembered). */
    public static final String SPLIT_ID = "scheme-split";
    public static final String FORM_SPLIT_ID = "scheme-form-split";
    public static final String UNDO_ID = "scheme-undo";
    public static final String REDO_ID = "scheme-redo";
    public static final String SAVE_ID = "scheme-save";
    public static final String UP_ID = "scheme-up";
    public static final String DOWN_ID = "scheme-down";
    public static final String ADD_ID = "scheme-add-indicator";
    public static final String REMOVE_ID = "scheme-remove-indicator";
    public static final String ADD_DIMENSION_ID = "scheme-add-dimension";
    public static final String DIALOG_CODE_ID = "scheme-dialog-code";
    public static final String DIALOG_NAME_ID = "scheme-dialog-name";
    public static final String DIALOG_UNIT_ID = "scheme-dialog-unit";
    public static final String DIALOG_MIN_ID = "scheme-dialog-min";
    public static final String DIALOG_MAX_ID = "scheme-dialog-max";
    public static final String DIALOG_INTEGER_ID = "scheme-dialog-integer";
    public static final String DIALOG_EXPRESSION_ID = "scheme-dialog-expression";
    public static final String DIALOG_POINTS_ID = "scheme-dialog-points";
    public static final String DIALOG_TARGET_ID = "scheme-dialog-target";
    public static final String DIALOG_YEAR_ID = "scheme-dialog-year";
    public static final String DIALOG_CHOICE_ID = "scheme-dialog-choice";
    public static final String IMPORT_ID = "scheme-import";
    public static final String EXPORT_ID = "scheme-export";
    public static final String COPY_ID = "scheme-copy-to-new-year";
    public static final String PUBLISHED_ID = "scheme-published";
    public static final String ERROR_ID = "scheme-error";
    public static final String SUMMARY_ID = "scheme-summary";
    public static final String NOTICE_ID = "scheme-notice";
    public static final String PROBLEMS_ID = "scheme-problems";
    public static final String NEW_YEAR_ID = "scheme-copy-year";
    public static final String DIALOG_ERROR_ID = "scheme-dialog-error";
    public static final String SETTINGS_TAB_ID = "scheme-settings-tab";
    public static final String CITY_TARGETS_TAB_ID = "scheme-city-targets-tab";

    private final SchemeEditorViewModel model;
    private final SchemeTree tree;
    private final WeightsPane weights;
    private final NodeForm form;
    private final RulePreviewPane preview;
    private final SchemeTables tables;

    public SchemeEditorView(SchemeEditorViewModel model) {
        this.model = model;
        this.tree = new SchemeTree(model);
        this.weights = new WeightsPane(model);
        this.form = new NodeForm(model);
        this.preview = new RulePreviewPane(model);
        this.tables = new SchemeTables(model);
        createView();
        addEventFilter(KeyEvent.KEY_PRESSED, this::keys);
    }

    private void createView() {
        Messages m = Messages.get();
        getStyleClass().add("scheme-view");

        var locked = model.editableProperty().not().or(model.busyProperty());
        PublishedBar publishedBar = new PublishedBar(m.text("ui.scheme.published"), PUBLISHED_ID, COPY_ID,
                model.publishedProperty().or(model.refusedProperty()), locked, this::askCopy);
        Button up = button(UP_ID, "ui.scheme.up", () -> model.shiftSelected(-1));
        Button down = button(DOWN_ID, "ui.scheme.down", () -> model.shiftSelected(1));
        Button addIndicator = button(ADD_ID, "ui.scheme.add-indicator", this::askAddIndicator);
        Button addDimension = button(ADD_DIMENSION_ID, "ui.scheme.add-dimension", this::askAddDimension);
        Button removeIndicator = button(REMOVE_ID, "ui.scheme.remove-indicator",
                () -> model.showRefusal(model.removeSelected()));
        Button importFile = button(IMPORT_ID, "ui.scheme.import", this::askImport);
        Button exportFile = button(EXPORT_ID, "ui.scheme.export", this::askExport);
        Button undo = button(UNDO_ID, "ui.units.undo", model::undo);
        Button redo = button(REDO_ID, "ui.units.redo", model::redo);
        Button save = button(SAVE_ID, "ui.units.save", () -> model.save(() -> { }));
        save.getStyleClass().add("default-action");
        Button copy2 = button(COPY_ID + "-tool", "ui.units.copy", this::askCopy);
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(model.busyProperty());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        ToolBar toolbar = new ToolBar(up, down, addIndicator, addDimension, removeIndicator, new Separator(), undo, redo, save,
                new Separator(), importFile,
                exportFile, copy2, grow, busy);
        up.disableProperty().bind(locked);
        addIndicator.disableProperty().bind(locked);
        addDimension.disableProperty().bind(locked);
        removeIndicator.disableProperty().bind(locked.or(model.selectedProperty().isNull()));
        down.disableProperty().bind(locked);
        importFile.disableProperty().bind(locked);
        exportFile.disableProperty().bind(Bindings.isNull(model.stateProperty()).or(model.busyProperty()));
        copy2.disableProperty().bind(locked);
        undo.disableProperty().bind(model.canUndoProperty().not().or(model.busyProperty()));
        redo.disableProperty().bind(model.canRedoProperty().not().or(model.busyProperty()));
        save.disableProperty().bind(model.dirtyProperty().not().or(locked));
        setTop(new VBox(publishedBar, toolbar));

        VBox left = new VBox(6, tree, weights);
        VBox.setVgrow(tree, Priority.ALWAYS);
        left.setPadding(new Insets(8));
        left.setMinWidth(260);

        ScrollPane formScroll = new ScrollPane(form);
        formScroll.setFitToWidth(true);
        SplitPane indicator = new SplitPane(formScroll, preview);
        indicator.setOrientation(Orientation.VERTICAL);
        indicator.setDividerPositions(0.5);
        indicator.setId(FORM_SPLIT_ID);
        LayoutMemory.dividers(indicator);
        Tab indicatorTab = new Tab(m.text("ui.scheme.tab-indicator"), indicator);
        // the other tabs' forms and tables are made when first opened: the start shows the indicator's
        Tab settingsTab = LazyTab.of(m.text("ui.scheme.tab-scheme"), () -> {
            ScrollPane settingsScroll = new ScrollPane(new SchemeSettingsForm(model));
            settingsScroll.setFitToWidth(true);
            return settingsScroll;
        });
        settingsTab.setId(SETTINGS_TAB_ID);
        Tab cityTargetsTab = LazyTab.of(m.text("ui.scheme.tab-city-targets"), tables::cityTargets);
        cityTargetsTab.setId(CITY_TARGETS_TAB_ID);
        TabPane tabs = new TabPane(indicatorTab); // selected first, so that 方案 before it is not made at once
        tabs.getTabs().add(0, settingsTab);
        tabs.getTabs().addAll(
                LazyTab.of(m.text("ui.scheme.tab-derived"), tables::derived),
                LazyTab.of(m.text("ui.scheme.tab-inputs"), tables::inputs),
                LazyTab.of(m.text("ui.scheme.tab-adjustments"), tables::adjustments),
                LazyTab.of(m.text("ui.scheme.tab-vetoes"), tables::vetoes),
                LazyTab.of(m.text("ui.scheme.tab-bottom"), tables::bottomRules),
                cityTargetsTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        SplitPane center = new SplitPane(left, tabs);
        center.setDividerPositions(0.32);
        center.setId(SPLIT_ID);
        LayoutMemory.dividers(center);
        setCenter(center);

        Label error = new Label();
        error.setId(ERROR_ID);
        error.getStyleClass().add("error-message");
        error.setWrapText(true);
        error.textProperty().bind(model.errorProperty());
        error.visibleProperty().bind(Bindings.isNotEmpty(model.errorProperty()));
        error.managedProperty().bind(error.visibleProperty());
        Label problems = new Label();
        problems.setId(PROBLEMS_ID);
        problems.setWrapText(true);
        problems.textProperty().bind(Bindings.createStringBinding(() -> problemsText(model.problemsProperty().get()),
                model.problemsProperty()));
        Label hint = new Label(m.text("ui.scheme.hint"));
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        Label summary = new Label();
        summary.setId(SUMMARY_ID);
        summary.textProperty().bind(model.summaryProperty());
        Label notice = new Label();
        notice.setId(NOTICE_ID);
        notice.textProperty().bind(model.noticeProperty());
        HBox status = new HBox(16, summary, notice);
        VBox bottom = new VBox(4, error, problems, hint, status);
        bottom.setPadding(new Insets(6, 10, 6, 10));
        setBottom(bottom);
    }

    /** The count of the scheme's problems, then the first few of them. */
    private static String problemsText(List<String> problems) {
        Messages m = Messages.get();
        if (problems == null || problems.isEmpty()) {
            return m.text("ui.scheme.problems-none");
        }
        List<String> lines = new ArrayList<>();
        lines.add(m.text("ui.scheme.problems", Integer.toString(problems.size())));
        lines.addAll(problems.subList(0, Math.min(4, problems.size())));
        if (problems.size() > 4) {
            lines.add("…");
        }
        return String.join("\n", lines);
    }

    private Button button(String id, String key, Runnable action) {
        Button b = new Button(Messages.get().text(key));
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    private void keys(KeyEvent e) {
        boolean alt = e.isAltDown() && !e.isShortcutDown() && !e.isShiftDown();
        if (alt && e.getTarget() instanceof javafx.scene.Node n && inSettings(n)) {
            return; // Alt+↑/↓ there move a tie-break, not the tree's node
        }
        if (alt && e.getCode() == KeyCode.UP) {
            model.shiftSelected(-1);
        } else if (alt && e.getCode() == KeyCode.DOWN) {
            model.shiftSelected(1);
        } else {
            return;
        }
        e.consume();
    }

    private static boolean inSettings(javafx.scene.Node n) {
        for (javafx.scene.Node at = n; at != null; at = at.getParent()) {
            if (at instanceof SchemeSettingsForm) {
                return true;
            }
        }
        return false;
    }

    // --- files and dialogs -------------------------------------------------------------------

    private FileChooser chooser(String titleKey) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Messages.get().text(titleKey).replace("…", ""));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(
                Messages.get().text("ui.scheme.file-filter"), "*.scheme.json", "*.json"));
        return chooser;
    }

    private void askAddIndicator() {
        askCodeAndName(this, model::checkNewIndicatorCode, "ui.scheme.add-indicator-header")
                .ifPresent(cn -> model.showRefusal(model.addIndicator(cn[0], cn[1])));
    }

    private void askAddDimension() {
        TextField code = field(DIALOG_CODE_ID);
        TextField name = field(DIALOG_NAME_ID);
        TextField points = field(DIALOG_POINTS_ID);
        points.setPromptText(Messages.get().text("ui.scheme.dimension-weight-prompt"));
        ask(this, "ui.scheme.add-dimension-header",
                List.of(row("ui.scheme.code", code), row("ui.scheme.name", name),
                        row("ui.scheme.dimension-weight", points)),
                () -> model.checkNewDimension(code.getText(), name.getText(), points.getText()),
                () -> model.showRefusal(model.addDimension(code.getText(), name.getText(), points.getText())));
    }

    /** A text field of a dialog, with its id (tests find it by that). */
    static TextField field(String id) {
        TextField f = new TextField();
        f.setId(id);
        return f;
    }

    /** A row of a dialog: its label's key and its field. */
    static java.util.Map.Entry<String, javafx.scene.control.Control> row(String labelKey,
                                                                         javafx.scene.control.Control field) {
        return java.util.Map.entry(labelKey, field);
    }

    /**
     * A dialog of labelled fields whose OK stays disabled while {@code check} finds a problem (shown
     * once something is typed); {@code onOk} runs when it is confirmed.
     */
    static void ask(javafx.scene.Node owner, String headerKey,
                    List<java.util.Map.Entry<String, javafx.scene.control.Control>> rows,
                    java.util.function.Supplier<Optional<String>> check, Runnable onOk) {
        Messages m = Messages.get();
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner.getScene() == null ? null : owner.getScene().getWindow());
        dialog.setTitle(m.text("ui.scheme.add-title"));
        dialog.setHeaderText(m.text(headerKey));
        Label problem = new Label();
        problem.getStyleClass().add("error-message");
        problem.setId(DIALOG_ERROR_ID);
        problem.setWrapText(true);
        problem.setMaxWidth(520);
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        for (int i = 0; i < rows.size(); i++) {
            javafx.scene.control.Control c = rows.get(i).getValue();
            if (c instanceof javafx.scene.control.CheckBox box) {
                box.setText(m.text(rows.get(i).getKey()));
                grid.add(box, 1, i);
            } else {
                grid.addRow(i, new Label(m.text(rows.get(i).getKey())), c);
            }
        }
        grid.add(problem, 0, rows.size(), 2, 1);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        javafx.scene.Node ok = dialog.getDialogPane().lookupButton(ButtonType.OK);
        Runnable recheck = () -> {
            Optional<String> p = check.get();
            boolean typed = rows.stream().anyMatch(r -> r.getValue() instanceof TextField t && !t.getText().isBlank());
            problem.setText(typed ? p.orElse("") : "");
            ok.setDisable(p.isPresent());
        };
        for (var r : rows) {
            if (r.getValue() instanceof TextField t) {
                t.textProperty().addListener((o, a, b) -> recheck.run());
            } else if (r.getValue() instanceof javafx.scene.control.CheckBox box) {
                box.selectedProperty().addListener((o, a, b) -> recheck.run());
            } else if (r.getValue() instanceof ComboBox<?> box) {
                box.valueProperty().addListener((o, a, b) -> recheck.run());
            }
        }
        recheck.run();
        dialog.setOnShown(e -> rows.get(0).getValue().requestFocus());
        Optional<ButtonType> answer = dialog.showAndWait();
        if (answer.isPresent() && answer.get() == ButtonType.OK && check.get().isEmpty()) {
            onOk.run();
        }
    }

    private void askImport() {
        File file = chooser("ui.scheme.import").showOpenDialog(getScene() == null ? null : getScene().getWindow());
        if (file != null) {
            model.importFile(file.toPath());
        }
    }

    private void askExport() {
        Scheme s = model.state();
        if (s == null) {
            return;
        }
        FileChooser chooser = chooser("ui.scheme.export");
        chooser.setInitialFileName(s.code() + ".scheme.json");
        File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (file != null) {
            model.exportFile(file.toPath());
        }
    }

    private void askCopy() {
        Integer from = model.yearProperty().get();
        if (from != null) {
            PublishedBar.askNewYear(getScene() == null ? null : getScene().getWindow(), from,
                    model.suggestedNewYear(), model.isDirty(), model::checkNewYear, model::copyToNewYear, NEW_YEAR_ID,
                    DIALOG_ERROR_ID);
        }
    }

    /** Asks for the code and name of a new item; empty when cancelled. */
    static Optional<String[]> askCodeAndName(javafx.scene.Node owner, Function<String, Optional<String>> checkCode) {
        return askCodeAndName(owner, checkCode, "ui.scheme.add-header");
    }

    static Optional<String[]> askCodeAndName(javafx.scene.Node owner, Function<String, Optional<String>> checkCode,
                                             String headerKey) {
        Messages m = Messages.get();
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner.getScene() == null ? null : owner.getScene().getWindow());
        dialog.setTitle(m.text("ui.scheme.add-title"));
        dialog.setHeaderText(m.text(headerKey));
        TextField code = field(DIALOG_CODE_ID);
        TextField name = field(DIALOG_NAME_ID);
        Label problem = new Label();
        problem.getStyleClass().add("error-message");
        problem.setId(DIALOG_ERROR_ID);
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label(m.text("ui.scheme.code")), code);
        grid.addRow(1, new Label(m.text("ui.scheme.name")), name);
        grid.add(problem, 0, 2, 2, 1);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        javafx.scene.Node ok = dialog.getDialogPane().lookupButton(ButtonType.OK);
        Runnable check = () -> {
            Optional<String> p = checkCode.apply(code.getText())
                    .or(() -> name.getText().isBlank() ? Optional.of(m.text("ui.scheme.name-blank")) : Optional.empty());
            problem.setText(code.getText().isBlank() && name.getText().isBlank() ? "" : p.orElse(""));
            ok.setDisable(p.isPresent());
        };
        code.textProperty().addListener((o, a, b) -> check.run());
        name.textProperty().addListener((o, a, b) -> check.run());
        check.run();
        dialog.setOnShown(e -> code.requestFocus());
        Optional<ButtonType> answer = dialog.showAndWait();
        if (answer.isPresent() && answer.get() == ButtonType.OK) {
            return Optional.of(new String[] {code.getText().strip(), name.getText().strip()});
        }
        return Optional.empty();
    }

    /** A number as a person writes it: 12, not 12.0. */
    static String number(double v) {
        return WeightCheck.number(v);
    }

    /** A text field that hands its text to {@code commit} on Enter and when it loses focus with a change. */
    static TextField committing(String id, Function<String, Optional<String>> commit, Label problem) {
        TextField field = new TextField();
        field.setId(id);
        Runnable apply = () -> {
            Object shown = field.getProperties().get("shown");
            if (field.getText().equals(shown)) {
                problem.setText("");
                return;
            }
            Optional<String> p = commit.apply(field.getText());
            problem.setText(p.orElse(""));
        };
        field.setOnAction(e -> apply.run());
        field.focusedProperty().addListener((o, was, is) -> {
            if (was && !is) {
                apply.run();
            }
        });
        return field;
    }

    /** Shows {@code text} in a committing field, unless it is being typed in. */
    static void show(TextField field, String text) {
        field.getProperties().put("shown", text);
        if (!field.isFocused()) {
            field.setText(text);
        }
    }

    /** A combo box of enum-like choices shown through the bundle ({@code prefix + name}), "" for the default. */
    static <T> StringConverter<T> converter(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : text.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }

    static <T> ComboBox<T> combo(String id, List<T> items, Function<T, String> text) {
        ComboBox<T> box = new ComboBox<>();
        box.setId(id);
        box.getItems().setAll(items);
        box.setConverter(converter(text));
        return box;
    }

    static String kind(Adjustment.Kind k) {
        return Messages.get().text("ui.scheme.adj-kind." + k.name());
    }
}

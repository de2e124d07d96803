package org.sanlian.workbench.ui.imports;

import java.io.File;
import java.util.function.Function;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.sanlian.workbench.ui.common.LayoutMemory;
import org.sanlian.workbench.app.ImportService;
import org.sanlian.workbench.i18n.Messages;

/**
 * 导入与模板: on the left, the files chosen (or dropped here) and their kind, 检查 / 导入 / 取消 with
 * the progress, and the report in three tabs (problems and warnings with file and place, each
 * file, each unit); on the right, fill-in templates for the chosen period, for all units or those
 * ticked. Built in code.
 */
public final class ImportsView extends HBox {

    public static final String KIND_DATA_ID = "import-kind-data";
    public static final String KIND_TARGETS_ID = "import-kind-targets";
    public static final String CHOOSE_FILES_ID = "import-choose-files";
    public static final String CHOOSE_FOLDER_ID = "import-choose-folder";
    public static final String SELECTION_ID = "import-selection";
    public static final String CHECK_ID = "import-check";
    public static final String IMPORT_ID = "import-import";
    public static final String CANCEL_ID = "import-cancel";
    public static final String PROGRESS_ID = "import-progress";
    public static final String PROGRESS_TEXT_ID = "import-progress-text";
    public static final String SUMMARY_ID = "import-summary";
    public static final String REPORT_TABLE_ID = "import-report";
    public static final String FILES_TABLE_ID = "import-files";
    public static final String UNITS_TABLE_ID = "import-units";
    public static final String NOTICE_ID = "import-notice";
    public static final String ERROR_ID = "import-error";
    public static final String TEMPLATE_TARGET_ID = "template-target";
    public static final String ALL_UNITS_ID = "template-all-units";
    public static final String TICKED_UNITS_ID = "template-ticked-units";
    public static final String UNIT_LIST_ID = "template-units";
    public static final String GENERATE_ID = "template-generate";
    public static final String OPEN_FOLDER_ID = "template-open-folder";

    private final ImportsViewModel model;

    public ImportsView(ImportsViewModel model) {
        super(12);
        this.model = model;
        createView();
    }

    private static String text(String key, Object... args) {
        return Messages.get().text(key, args);
    }

    private void createView() {
        getStyleClass().add("imports-view");
        setPadding(new Insets(10));
        VBox imports = importSide();
        VBox templates = templateSide();
        HBox.setHgrow(imports, Priority.ALWAYS);
        getChildren().addAll(imports, templates);
        acceptDroppedFiles();
    }

    private VBox importSide() {
        Label title = new Label(text("ui.import.title"));
        title.getStyleClass().add("section-title");

        ToggleGroup kinds = new ToggleGroup();
        RadioButton data = new RadioButton(text("ui.import.kind.DATA"));
        data.setId(KIND_DATA_ID);
        data.setToggleGroup(kinds);
        data.setUserData(ImportService.Kind.DATA);
        RadioButton targets = new RadioButton(text("ui.import.kind.TARGETS"));
        targets.setId(KIND_TARGETS_ID);
        targets.setToggleGroup(kinds);
        targets.setUserData(ImportService.Kind.TARGETS);
        kinds.selectToggle(model.kindProperty().get() == ImportService.Kind.DATA ? data : targets);
        kinds.selectedToggleProperty().addListener((o, a, b) -> {
            if (b != null) {
                model.kindProperty().set((ImportService.Kind) b.getUserData());
            }
        });
        model.kindProperty().addListener((o, a, b) -> kinds.selectToggle(b == ImportService.Kind.DATA ? data : targets));

        Button files = new Button(text("ui.import.choose-files"));
        files.setId(CHOOSE_FILES_ID);
        files.setOnAction(e -> model.chooseFiles());
        Button folder = new Button(text("ui.import.choose-folder"));
        folder.setId(CHOOSE_FOLDER_ID);
        folder.setOnAction(e -> model.chooseFolder());
        files.disableProperty().bind(model.busyProperty());
        folder.disableProperty().bind(model.busyProperty());
        data.disableProperty().bind(model.busyProperty());
        targets.disableProperty().bind(model.busyProperty());
        Label kindLabel = new Label(text("ui.import.kind"));
        HBox chooseRow = new HBox(8, kindLabel, data, targets, files, folder);
        chooseRow.setAlignment(Pos.CENTER_LEFT);

        Label selection = new Label();
        selection.setId(SELECTION_ID);
        selection.setWrapText(true);
        selection.textProperty().bind(model.selectionProperty());

        Button check = new Button(text("ui.import.check"));
        check.setId(CHECK_ID);
        check.setOnAction(e -> model.check());
        check.disableProperty().bind(model.busyProperty().or(Bindings.isEmpty(model.files())));
        Button doImport = new Button(text("ui.import.import"));
        doImport.setId(IMPORT_ID);
        doImport.setOnAction(e -> model.importChecked());
        doImport.disableProperty().bind(model.canImportProperty().not());
        doImport.setTooltip(new Tooltip(text("ui.import.import-tip")));
        Button cancel = new Button(text("ui.import.cancel"));
        cancel.setId(CANCEL_ID);
        cancel.setOnAction(e -> model.cancel());
        cancel.disableProperty().bind(model.busyProperty().not().or(model.cancellingProperty()));
        ProgressBar bar = new ProgressBar(0);
        bar.setId(PROGRESS_ID);
        bar.setPrefWidth(180);
        bar.progressProperty().bind(model.progressProperty());
        bar.visibleProperty().bind(model.busyProperty());
        Label progressText = new Label();
        progressText.setId(PROGRESS_TEXT_ID);
        progressText.textProperty().bind(model.progressTextProperty());
        HBox actions = new HBox(8, check, doImport, cancel, bar, progressText);
        actions.setAlignment(Pos.CENTER_LEFT);

        Label summary = new Label();
        summary.setId(SUMMARY_ID);
        summary.setWrapText(true);
        summary.getStyleClass().add("import-summary");
        summary.textProperty().bind(model.summaryProperty());

        TabPane tabs = new TabPane(reportTab(), filesTab(), unitsTab());
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(tabs, Priority.ALWAYS);

        Label notice = new Label();
        notice.setId(NOTICE_ID);
        notice.setWrapText(true);
        notice.textProperty().bind(model.noticeProperty());
        Label error = new Label();
        error.setId(ERROR_ID);
        error.setWrapText(true);
        error.getStyleClass().add("error-message");
        error.textProperty().bind(model.errorProperty());
        error.visibleProperty().bind(Bindings.isNotEmpty(error.textProperty()));
        error.managedProperty().bind(error.visibleProperty());

        Label hint = new Label(text("ui.import.hint"));
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);

        VBox box = new VBox(8, title, chooseRow, selection, actions, summary, tabs, notice, error, hint);
        box.setMinWidth(420);
        return box;
    }

    private Tab reportTab() {
        TableView<ReportRow> table = new TableView<>(model.report());
        table.setId(REPORT_TABLE_ID);
        LayoutMemory.columns(table);
        table.setPlaceholder(new Label(text("ui.import.report.empty")));
        // the sentence takes what the file and the place leave; its full text is in the tooltip
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<ReportRow, String> severity = column("severity", text("ui.import.report.severity"), 50,
                r -> text("ui.import.severity." + r.severity().name()));
        severity.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                getStyleClass().remove("error-message");
                if (!empty && getTableRow() != null && getTableRow().getItem() != null
                        && getTableRow().getItem().severity() == ReportRow.Severity.ERROR) {
                    getStyleClass().add("error-message");
                }
            }
        });
        table.getColumns().add(severity);
        table.getColumns().add(column("file", text("ui.import.report.file"), 250, ReportRow::file));
        table.getColumns().add(column("place", text("ui.import.report.place"), 110, ReportRow::place));
        TableColumn<ReportRow, String> message = column("message", text("ui.import.report.message"), 400,
                ReportRow::message);
        message.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null ? null : new Tooltip(item));
            }
        });
        table.getColumns().add(message);
        Tab tab = new Tab();
        counted(tab, "ui.import.tab.report", model.report());
        tab.setContent(table);
        return tab;
    }

    private Tab filesTab() {
        TableView<FileRow> table = new TableView<>(model.fileRows());
        table.setId(FILES_TABLE_ID);
        LayoutMemory.columns(table);
        table.setPlaceholder(new Label(text("ui.import.report.empty")));
        table.getColumns().add(column("file", text("ui.import.files.file"), 260, FileRow::file));
        table.getColumns().add(column("content", text("ui.import.files.content"), 220, FileRow::content));
        table.getColumns().add(column("rows", text("ui.import.files.rows"), 70, r -> Integer.toString(r.rows()),
                "number"));
        table.getColumns().add(column("problems", text("ui.import.files.problems"), 70,
                r -> Integer.toString(r.problems()), "number"));
        table.getColumns().add(column("warnings", text("ui.import.files.warnings"), 70,
                r -> Integer.toString(r.warnings()), "number"));
        table.getColumns().add(column("outcome", text("ui.import.files.outcome"), 260, FileRow::outcome));
        Tab tab = new Tab();
        counted(tab, "ui.import.tab.files", model.fileRows());
        tab.setContent(table);
        return tab;
    }

    private Tab unitsTab() {
        TableView<ImportService.UnitSummary> table = new TableView<>(model.units());
        table.setId(UNITS_TABLE_ID);
        LayoutMemory.columns(table);
        table.setPlaceholder(new Label(text("ui.import.report.empty")));
        table.getColumns().add(column("name", text("ui.import.units.name"), 180, ImportService.UnitSummary::name));
        table.getColumns().add(column("code", text("ui.import.units.code"), 90, ImportService.UnitSummary::unit));
        table.getColumns().add(column("rows", text("ui.import.units.rows"), 70, u -> Integer.toString(u.rows()),
                "number"));
        table.getColumns().add(column("changed", text("ui.import.units.changed"), 90,
                u -> Integer.toString(u.changed()), "number"));
        table.getColumns().add(column("corrected", text("ui.import.units.corrected"), 90,
                u -> Integer.toString(u.corrected()), "number"));
        table.getColumns().add(column("warnings", text("ui.import.units.warnings"), 70,
                u -> Integer.toString(u.warnings()), "number"));
        Tab tab = new Tab();
        counted(tab, "ui.import.tab.units", model.units());
        tab.setContent(table);
        return tab;
    }

    private static void counted(Tab tab, String key, javafx.collections.ObservableList<?> rows) {
        Runnable update = () -> tab.setText(text(key, rows.size()));
        update.run();
        rows.addListener((ListChangeListener<Object>) c -> update.run());
    }

    private VBox templateSide() {
        Label title = new Label(text("ui.import.templates.title"));
        title.getStyleClass().add("section-title");
        Label target = new Label();
        target.setId(TEMPLATE_TARGET_ID);
        target.setWrapText(true);
        target.textProperty().bind(model.templateTargetProperty());

        ToggleGroup which = new ToggleGroup();
        RadioButton all = new RadioButton(text("ui.import.templates.all"));
        all.setId(ALL_UNITS_ID);
        all.setToggleGroup(which);
        RadioButton ticked = new RadioButton(text("ui.import.templates.ticked"));
        ticked.setId(TICKED_UNITS_ID);
        ticked.setToggleGroup(which);
        which.selectToggle(model.allUnitsProperty().get() ? all : ticked);
        which.selectedToggleProperty().addListener((o, a, b) -> model.allUnitsProperty().set(b == all));
        model.allUnitsProperty().addListener((o, a, b) -> which.selectToggle(b ? all : ticked));

        ListView<UnitChoice> list = new ListView<>(model.templateUnits());
        list.setId(UNIT_LIST_ID);
        list.setCellFactory(CheckBoxListCell.forListView(UnitChoice::chosenProperty));
        list.disableProperty().bind(model.allUnitsProperty());
        list.setPlaceholder(new Label(text("ui.import.templates.no-units")));
        VBox.setVgrow(list, Priority.ALWAYS);

        Button generate = new Button(text("ui.import.templates.generate"));
        generate.setId(GENERATE_ID);
        generate.setOnAction(e -> model.generateTemplates());
        generate.disableProperty().bind(model.busyProperty());
        Button open = new Button(text("ui.import.templates.open-folder"));
        open.setId(OPEN_FOLDER_ID);
        boolean canOpen = FolderOpener.supported();
        open.visibleProperty().bind(model.templateFolderProperty().isNotNull().and(
                Bindings.createBooleanBinding(() -> canOpen)));
        open.managedProperty().bind(open.visibleProperty());
        open.setOnAction(e -> FolderOpener.open(model.templateFolderProperty().get(),
                why -> Platform.runLater(() -> open.setTooltip(new Tooltip(text("ui.import.templates.open-failed",
                        why))))));
        HBox buttons = new HBox(8, generate, open);
        buttons.setAlignment(Pos.CENTER_LEFT);

        Label hint = new Label(text("ui.import.templates.hint"));
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);

        VBox box = new VBox(8, title, target, all, ticked, list, buttons, hint);
        box.setPrefWidth(300);
        box.setMinWidth(240);
        return box;
    }

    /** Files dropped on the screen are chosen, as if picked with 选择文件. */
    private void acceptDroppedFiles() {
        setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() && !model.busyProperty().get()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        setOnDragDropped(e -> {
            boolean done = e.getDragboard().hasFiles() && !model.busyProperty().get();
            if (done) {
                model.choose(e.getDragboard().getFiles().stream().map(File::toPath).toList());
            }
            e.setDropCompleted(done);
            e.consume();
        });
    }

    private static <R> TableColumn<R, String> column(String id, String title, double width, Function<R, String> text,
                                                     String... styles) {
        TableColumn<R, String> c = new TableColumn<>(title);
        c.setId(id);
        c.setPrefWidth(width);
        c.getStyleClass().addAll(styles);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(text.apply(f.getValue())));
        return c;
    }
}

package org.sanlian.workbench.ui.bottom;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;

import org.sanlian.workbench.core.model.Interview;
import org.sanlian.workbench.i18n.Messages;
import org.sanlian.workbench.ui.common.LayoutMemory;
import org.sanlian.workbench.ui.results.ResultFormat;
import org.sanlian.workbench.ui.results.ResultsView;

/**
 * 末位约谈: the chosen period's bottom list above (level-tinted as on 计算与排名), the chosen entry's
 * interviews in every period below, newest first, overdue open ones highlighted. 新增约谈记录 (Alt+N),
 * 修改 (Alt+E, or a double click or Enter on a record) and 删除 (Alt+D, or Delete, after a question)
 * save at once through a dialog. Built in code; all state lives in the view model.
 */
public final class BottomView extends BorderPane {

    public static final String TABLE_ID = "bottom-table";
    public static final String INTERVIEWS_ID = "bottom-interviews";
    public static final String STATUS_ID = "bottom-status";
    public static final String BUSY_ID = "bottom-busy";
    public static final String ERROR_ID = "bottom-error";
    public static final String NOTICE_ID = "bottom-notice";
    public static final String INTERVIEWS_TITLE_ID = "bottom-interviews-title";
    public static final String ADD_ID = "bottom-add";
    public static final String EDIT_ID = "bottom-edit";
    public static final String DELETE_ID = "bottom-delete";
    /** The style class of an overdue open interview's row (workbench.css tints it). */
    public static final String OVERDUE = "interview-overdue";
    /** The style class of the text in the list's cells (workbench.css colours it on a selected row). */
    public static final String CELL_TEXT = "bottom-cell-text";

    private final BottomViewModel model;
    private final TableView<BottomRow> table = new TableView<>();
    private final TableView<BottomViewModel.InterviewRow> records = new TableView<>();

    public BottomView(BottomViewModel model) {
        this.model = model;
        createView();
        initListeners();
    }

    private void createView() {
        Messages m = Messages.get();
        getStyleClass().add("bottom-view");
        setPadding(new Insets(10));

        Label status = new Label();
        status.setId(STATUS_ID);
        status.getStyleClass().add("section-title");
        status.textProperty().bind(model.statusProperty());
        status.setWrapText(true);
        ProgressIndicator busy = new ProgressIndicator();
        busy.setId(BUSY_ID);
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(model.busyProperty());
        busy.managedProperty().bind(model.busyProperty());
        HBox header = new HBox(8, status, busy);
        header.setAlignment(Pos.CENTER_LEFT);
        Label error = message(ERROR_ID, "error-message");
        error.textProperty().bind(model.errorProperty());
        Label notice = message(NOTICE_ID, "status-message");
        notice.textProperty().bind(model.noticeProperty());
        VBox top = new VBox(4, header, error, notice);
        top.setPadding(new Insets(0, 0, 8, 0));
        setTop(top);

        table.setId(TABLE_ID);
        table.setItems(model.rows());
        table.setPlaceholder(new Label(m.text("ui.bottom.empty")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("zone", m.text("ui.bottom.col.zone"), 90, BottomRow::zoneName));
        table.getColumns().add(column("unit", m.text("ui.bottom.col.unit"), 110, BottomRow::unitName));
        table.getColumns().add(column("zoneRank", m.text("ui.bottom.col.zone-rank"), 70,
                r -> Integer.toString(r.zoneRank())));
        table.getColumns().add(column("total", m.text("ui.bottom.col.total"), 70, BottomRow::total));
        table.getColumns().add(column("level", m.text("ui.bottom.col.level"), 80,
                r -> BottomViewModel.levelText(r.level())));
        table.getColumns().add(column("rules", m.text("ui.bottom.col.rules"), 200, r -> String.join("\n", r.rules())));
        table.getColumns().add(column("weakest", m.text("ui.bottom.col.weakest"), 420,
                r -> String.join("\n", r.weakest().stream().map(BottomViewModel::weakText).toList())));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(BottomRow row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().removeAll(ResultsView.STYLE_NORMAL, ResultsView.STYLE_ESCALATED,
                        ResultsView.STYLE_REMINDER);
                if (!empty && row != null) {
                    getStyleClass().add(ResultsView.styleClass(row.level()));
                }
            }
        });
        LayoutMemory.columns(table);

        Label title = new Label();
        title.setId(INTERVIEWS_TITLE_ID);
        title.getStyleClass().add("section-title");
        title.textProperty().bind(model.interviewsTitleProperty());
        Button add = new Button(m.text("ui.bottom.add"));
        add.setId(ADD_ID);
        add.setMnemonicParsing(true);
        add.setOnAction(e -> addRecord());
        add.disableProperty().bind(model.editableProperty().not().or(model.selectedProperty().isNull()));
        Button edit = new Button(m.text("ui.bottom.edit"));
        edit.setId(EDIT_ID);
        edit.setMnemonicParsing(true);
        edit.setOnAction(e -> editRecord());
        edit.disableProperty().bind(model.editableProperty().not()
                .or(records.getSelectionModel().selectedItemProperty().isNull()));
        Button delete = new Button(m.text("ui.bottom.delete"));
        delete.setId(DELETE_ID);
        delete.setMnemonicParsing(true);
        delete.setOnAction(e -> deleteRecord());
        delete.disableProperty().bind(edit.disableProperty());
        HBox bar = new HBox(8, title, add, edit, delete);
        bar.setAlignment(Pos.CENTER_LEFT);

        records.setId(INTERVIEWS_ID);
        records.setItems(model.interviews());
        records.setPlaceholder(new Label(m.text("ui.bottom.no-interviews")));
        records.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        records.getColumns().add(record("period", m.text("ui.bottom.col.period"), 100,
                i -> ResultFormat.period(i.period())));
        records.getColumns().add(record("held", m.text("ui.bottom.col.held"), 90,
                i -> i.heldOn().map(Object::toString).orElse("")));
        records.getColumns().add(record("attendees", m.text("ui.bottom.col.attendees"), 160, Interview::attendees));
        records.getColumns().add(record("plan", m.text("ui.bottom.col.plan"), 220, Interview::plan));
        records.getColumns().add(record("deadline", m.text("ui.bottom.col.deadline"), 90,
                i -> i.deadline().map(Object::toString).orElse("")));
        TableColumn<BottomViewModel.InterviewRow, String> state = new TableColumn<>(m.text("ui.bottom.col.status"));
        state.setId("status");
        state.setPrefWidth(110);
        state.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue().overdue()
                ? m.text("ui.bottom.overdue", BottomViewModel.statusText(f.getValue().interview().status()))
                : BottomViewModel.statusText(f.getValue().interview().status())));
        records.getColumns().add(state);
        records.getColumns().add(record("bulletin", m.text("ui.bottom.col.bulletin"), 100,
                i -> i.bulletin().orElse("")));
        records.setRowFactory(t -> {
            TableRow<BottomViewModel.InterviewRow> row = new TableRow<>() {
                @Override
                protected void updateItem(BottomViewModel.InterviewRow item, boolean empty) {
                    super.updateItem(item, empty);
                    getStyleClass().remove(OVERDUE);
                    if (!empty && item != null && item.overdue()) {
                        getStyleClass().add(OVERDUE);
                    }
                }
            };
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()
                        && model.editableProperty().get()) {
                    editRecord();
                }
            });
            return row;
        });
        records.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && !edit.isDisabled()) {
                editRecord();
                e.consume();
            } else if (e.getCode() == KeyCode.DELETE && !delete.isDisabled()) {
                deleteRecord();
                e.consume();
            }
        });
        LayoutMemory.columns(records);
        VBox.setVgrow(records, Priority.ALWAYS);
        VBox lower = new VBox(6, bar, records);
        lower.setPadding(new Insets(8, 0, 0, 0));

        SplitPane split = new SplitPane(table, lower);
        split.setId("bottom-split");
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.55);
        setCenter(split);
    }

    private void initListeners() {
        table.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> {
            if (row != null && (model.selectedProperty().get() == null
                    || !row.unitCode().equals(model.selectedProperty().get().unitCode()))) {
                model.select(row.unitCode());
            }
        });
        model.selectedProperty().addListener((o, a, row) -> showSelection(row));
        model.rows().addListener((javafx.collections.ListChangeListener<BottomRow>) c ->
                showSelection(model.selectedProperty().get()));
        showSelection(model.selectedProperty().get());
        // the records are read again after each write: keep the one chosen chosen
        long[] chosen = {0};
        records.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> {
            if (r != null) {
                chosen[0] = r.interview().id();
            }
        });
        model.interviews().addListener((javafx.collections.ListChangeListener<BottomViewModel.InterviewRow>) c -> {
            List<Long> ids = model.interviews().stream().map(r -> r.interview().id()).toList();
            int at = ids.indexOf(chosen[0]);
            if (at >= 0) {
                records.getSelectionModel().select(at);
            }
        });
    }

    private void showSelection(BottomRow row) {
        if (row == null) {
            table.getSelectionModel().clearSelection();
            return;
        }
        int at = List.copyOf(table.getItems()).stream().map(BottomRow::unitCode).toList().indexOf(row.unitCode());
        if (at >= 0 && table.getSelectionModel().getSelectedIndex() != at) {
            table.getSelectionModel().select(at);
        }
    }

    private void addRecord() {
        model.newInterview().ifPresent(i -> ask(i, true));
    }

    private void editRecord() {
        BottomViewModel.InterviewRow row = records.getSelectionModel().getSelectedItem();
        if (row != null) {
            ask(row.interview(), false);
        }
    }

    private void ask(Interview start, boolean adding) {
        String unit = model.selectedProperty().get() == null ? start.unit() : model.selectedProperty().get().unitName();
        Optional<Interview> done = new InterviewDialog(getScene() == null ? null : getScene().getWindow(), start,
                adding, unit, model.bulletins(), model::check).showAndWait();
        done.ifPresent(model::save);
    }

    private void deleteRecord() {
        BottomViewModel.InterviewRow row = records.getSelectionModel().getSelectedItem();
        if (row == null) {
            return;
        }
        Messages m = Messages.get();
        Interview i = row.interview();
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, m.text("ui.bottom.delete-question",
                model.selectedProperty().get() == null ? i.unit() : model.selectedProperty().get().unitName(),
                ResultFormat.period(i.period()), i.heldOn().map(Object::toString).orElse(m.text("ui.bottom.undated"))),
                ButtonType.OK, ButtonType.CANCEL);
        ask.initOwner(getScene() == null ? null : getScene().getWindow());
        ask.setTitle(m.text("ui.bottom.delete-title"));
        ask.setHeaderText(null);
        ask.showAndWait().filter(ButtonType.OK::equals).ifPresent(b -> model.delete(i));
    }

    private static TableColumn<BottomRow, String> column(String id, String title, double width,
                                                         Function<BottomRow, String> text) {
        TableColumn<BottomRow, String> c = new TableColumn<>(title);
        c.setId(id);
        c.setPrefWidth(width);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(text.apply(f.getValue())));
        // a Text node sizes the row to every line (a wrapped label in a cell cuts lines off)
        c.setCellFactory(col -> new TableCell<>() {
            private final Text lines = new Text();

            {
                lines.getStyleClass().add(CELL_TEXT);
                lines.wrappingWidthProperty().bind(col.widthProperty().subtract(10));
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(null);
                lines.setText(empty || item == null ? "" : item);
                setGraphic(empty || item == null ? null : lines);
            }
        });
        return c;
    }

    private static TableColumn<BottomViewModel.InterviewRow, String> record(String id, String title, double width,
                                                                           Function<Interview, String> text) {
        TableColumn<BottomViewModel.InterviewRow, String> c = new TableColumn<>(title);
        c.setId(id);
        c.setPrefWidth(width);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(text.apply(f.getValue().interview())));
        return c;
    }

    private static Label message(String id, String style) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add(style);
        l.setWrapText(true);
        l.managedProperty().bind(Bindings.isNotEmpty(l.textProperty()));
        return l;
    }
}

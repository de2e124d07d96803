package org.sanlian.workbench.ui.audit;

import java.util.function.Function;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.sanlian.workbench.i18n.Messages;

/**
 * 审计日志: the filters at the top (Enter in any of them or 查询 applies them), how many lines are
 * shown of how many pass, the lines newest first, and 更多 and 导出 CSV below. Built in code.
 */
public final class AuditView extends VBox {

    public static final String UNIT_ID = "audit-unit";
    public static final String PERIOD_ID = "audit-period";
    public static final String CODE_ID = "audit-code";
    public static final String OPERATOR_ID = "audit-operator";
    public static final String FROM_ID = "audit-from";
    public static final String TO_ID = "audit-to";
    public static final String TEXT_ID = "audit-text";
    public static final String APPLY_ID = "audit-apply";
    public static final String CLEAR_ID = "audit-clear";
    public static final String CANCEL_ID = "audit-cancel";
    public static final String TABLE_ID = "audit-table";
    public static final String SUMMARY_ID = "audit-summary";
    public static final String MORE_ID = "audit-more";
    public static final String EXPORT_ID = "audit-export";
    public static final String ERROR_ID = "audit-error";
    public static final String NOTICE_ID = "audit-notice";

    private final AuditViewModel model;
    private final Runnable export;

    /** {@code export} asks where to write the CSV and hands the file to the model. */
    public AuditView(AuditViewModel model, Runnable export) {
        super(8);
        this.model = model;
        this.export = export;
        createView();
    }

    private void createView() {
        Messages m = Messages.get();
        getStyleClass().add("audit-view");
        setPadding(new Insets(10));

        TextField unit = field(UNIT_ID, "ui.audit.unit-prompt", 8);
        unit.textProperty().bindBidirectional(model.unitProperty());
        TextField period = field(PERIOD_ID, "ui.audit.period-prompt", 8);
        period.textProperty().bindBidirectional(model.periodProperty());
        TextField code = field(CODE_ID, "ui.audit.code-prompt", 8);
        code.textProperty().bindBidirectional(model.codeProperty());
        TextField operator = field(OPERATOR_ID, "ui.audit.operator-prompt", 8);
        operator.textProperty().bindBidirectional(model.operatorProperty());
        TextField text = field(TEXT_ID, "ui.audit.text-prompt", 12);
        text.textProperty().bindBidirectional(model.textProperty());
        DatePicker from = date(FROM_ID, "ui.audit.from-prompt");
        from.valueProperty().bindBidirectional(model.fromProperty());
        DatePicker to = date(TO_ID, "ui.audit.to-prompt");
        to.valueProperty().bindBidirectional(model.toProperty());

        Button apply = new Button(m.text("ui.audit.apply"));
        apply.setId(APPLY_ID);
        apply.setDefaultButton(false);
        apply.setOnAction(e -> model.apply());
        Button clear = new Button(m.text("ui.audit.clear"));
        clear.setId(CLEAR_ID);
        clear.setOnAction(e -> model.clearFilters());

        FlowPane filters = new FlowPane(8, 6,
                labelled("ui.audit.unit", unit), labelled("ui.audit.period", period),
                labelled("ui.audit.code", code), labelled("ui.audit.operator", operator),
                labelled("ui.audit.from", from), labelled("ui.audit.to", to),
                labelled("ui.audit.text", text), apply, clear);
        filters.setAlignment(Pos.CENTER_LEFT);

        Label summary = new Label();
        summary.setId(SUMMARY_ID);
        summary.getStyleClass().add("section-title");
        summary.textProperty().bind(model.summaryProperty());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(model.busyProperty());
        busy.managedProperty().bind(model.busyProperty());
        Button cancel = new Button(m.text("ui.audit.cancel"));
        cancel.setId(CANCEL_ID);
        cancel.setOnAction(e -> model.cancel());
        cancel.visibleProperty().bind(model.searchingProperty());
        cancel.managedProperty().bind(model.searchingProperty());
        HBox head = new HBox(8, summary, busy, cancel);
        head.setAlignment(Pos.CENTER_LEFT);

        TableView<AuditRow> table = table();
        VBox.setVgrow(table, Priority.ALWAYS);

        Button more = new Button(m.text("ui.audit.more", AuditViewModel.PAGE));
        more.setId(MORE_ID);
        more.setOnAction(e -> model.more());
        more.disableProperty().bind(model.canMoreProperty().not().or(model.busyProperty()));
        Button exportButton = new Button(m.text("ui.audit.export"));
        exportButton.setId(EXPORT_ID);
        exportButton.setOnAction(e -> export.run());
        exportButton.disableProperty().bind(model.canExportProperty().not().or(model.busyProperty()));
        HBox buttons = new HBox(8, more, exportButton);

        Label error = message(ERROR_ID, "error-message");
        error.textProperty().bind(model.errorProperty());
        Label notice = message(NOTICE_ID, "status-message");
        notice.textProperty().bind(model.noticeProperty());
        Label hint = new Label(m.text("ui.audit.hint"));
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);

        getChildren().addAll(filters, head, table, buttons, error, notice, hint);
    }

    private TableView<AuditRow> table() {
        TableView<AuditRow> table = new TableView<>(model.rows());
        table.setId(TABLE_ID);
        table.setPlaceholder(new Label(Messages.get().text("ui.audit.empty")));
        table.getColumns().addAll(java.util.List.of(
                column("audit-col-time", "ui.audit.col.time", 150, AuditRow::time),
                column("audit-col-operator", "ui.audit.col.operator", 80, AuditRow::operator),
                column("audit-col-kind", "ui.audit.col.kind", 80, AuditRow::kind),
                column("audit-col-action", "ui.audit.col.action", 50, AuditRow::action),
                column("audit-col-unit", "ui.audit.col.unit", 160, AuditRow::unitText),
                column("audit-col-period", "ui.audit.col.period", 70, AuditRow::period),
                column("audit-col-code", "ui.audit.col.code", 110, AuditRow::code),
                column("audit-col-old", "ui.audit.col.old", 120, AuditRow::oldValue),
                column("audit-col-new", "ui.audit.col.new", 120, AuditRow::newValue),
                column("audit-col-note", "ui.audit.col.note", 220, AuditRow::note)));
        return table;
    }

    private static TableColumn<AuditRow, String> column(String id, String titleKey, double width,
                                                        Function<AuditRow, String> value) {
        TableColumn<AuditRow, String> c = new TableColumn<>(Messages.get().text(titleKey));
        c.setId(id);
        c.setPrefWidth(width);
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(value.apply(f.getValue())));
        return c;
    }

    private TextField field(String id, String promptKey, int columns) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(Messages.get().text(promptKey));
        f.setPrefColumnCount(columns);
        f.setOnAction(e -> model.apply());
        return f;
    }

    private DatePicker date(String id, String promptKey) {
        DatePicker d = new DatePicker();
        d.setId(id);
        d.setPromptText(Messages.get().text(promptKey));
        d.setPrefWidth(130);
        d.setEditable(true);
        d.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                d.setValue(d.getConverter().fromString(d.getEditor().getText()));
                model.apply();
            }
        });
        return d;
    }

    private static HBox labelled(String key, javafx.scene.Node field) {
        Label label = new Label(Messages.get().text(key));
        label.setLabelFor(field);
        HBox box = new HBox(4, label, field);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static Label message(String id, String style) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add(style);
        l.setWrapText(true);
        return l;
    }
}

package org.sanlian.workbench.ui.bulletins;

import java.util.function.Function;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.sanlian.workbench.app.PublishService;
import org.sanlian.workbench.core.model.Bulletin;
import org.sanlian.workbench.i18n.Messages;
import org.sanlian.workbench.io.report.ReportText;
import org.sanlian.workbench.ui.results.ResultFormat;

/**
 * 通报与导出: the chosen period and whether it was published, with 发布本期通报 (a confirmation with
 * the proposed number) and 导出本期实时结果; the content hash of the bulletin just published, to copy;
 * the bulletins published, and the selected one's summary and bottom list with 导出通报工作簿; the
 * export's progress with 取消, and 打开所在文件夹 once written. Built in code.
 */
public final class BulletinsView extends VBox {

    public static final String PERIOD_ID = "bulletins-period";
    public static final String PUBLISH_ID = "bulletins-publish";
    public static final String EXPORT_LIVE_ID = "bulletins-export-live";
    public static final String HASH_ID = "bulletins-hash";
    public static final String COPY_HASH_ID = "bulletins-copy-hash";
    public static final String TABLE_ID = "bulletins-table";
    public static final String SUMMARY_ID = "bulletins-summary";
    public static final String LISTED_ID = "bulletins-listed";
    public static final String EXPORT_ID = "bulletins-export";
    public static final String PROGRESS_ID = "bulletins-progress";
    public static final String PROGRESS_TEXT_ID = "bulletins-progress-text";
    public static final String CANCEL_ID = "bulletins-cancel";
    public static final String NOTICE_ID = "bulletins-notice";
    public static final String OPEN_FOLDER_ID = "bulletins-open-folder";
    public static final String ERROR_ID = "bulletins-error";

    private final BulletinsViewModel model;

    public BulletinsView(BulletinsViewModel model) {
        super(8);
        this.model = model;
        createView();
    }

    private void createView() {
        getStyleClass().add("bulletins-view");
        setPadding(new Insets(10));

        Label period = new Label();
        period.setId(PERIOD_ID);
        period.getStyleClass().add("section-title");
        period.setWrapText(true);
        period.textProperty().bind(model.periodTextProperty());

        Button publish = new Button(text("ui.bulletins.publish"));
        publish.setId(PUBLISH_ID);
        publish.setMnemonicParsing(true);
        publish.setOnAction(e -> {
            if (model.publishRefusal().isEmpty()) {
                PublishDialog.ask(getScene() == null ? null : getScene().getWindow(), model.publishExplanation(),
                        model.proposedNumber()).ifPresent(model::publish);
            }
        });
        publish.disableProperty().bind(model.canPublishProperty().not());
        Button live = new Button(text("ui.bulletins.export-live"));
        live.setId(EXPORT_LIVE_ID);
        live.setMnemonicParsing(true);
        live.setOnAction(e -> model.exportLive());
        live.disableProperty().bind(model.canExportLiveProperty().not());
        HBox periodActions = new HBox(8, publish, live);
        periodActions.setAlignment(Pos.CENTER_LEFT);

        TextField hash = new TextField();
        hash.setId(HASH_ID);
        hash.setEditable(false);
        hash.setPrefColumnCount(56);
        hash.getStyleClass().add("bulletin-hash");
        hash.textProperty().bind(model.hashProperty());
        Button copy = new Button(text("ui.bulletins.copy-hash"));
        copy.setId(COPY_HASH_ID);
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(model.hashProperty().get());
            Clipboard.getSystemClipboard().setContent(content);
        });
        HBox hashRow = new HBox(8, new Label(text("ui.bulletins.hash-label")), hash, copy);
        hashRow.setAlignment(Pos.CENTER_LEFT);
        hashRow.visibleProperty().bind(Bindings.isNotEmpty(model.hashProperty()));
        hashRow.managedProperty().bind(hashRow.visibleProperty());

        Label listTitle = new Label(text("ui.bulletins.list-title"));
        listTitle.getStyleClass().add("section-title");

        SplitPane split = new SplitPane(bulletinTable(), summaryPane());
        split.setDividerPositions(0.55);
        VBox.setVgrow(split, Priority.ALWAYS);

        ProgressBar bar = new ProgressBar(0);
        bar.setId(PROGRESS_ID);
        bar.setPrefWidth(200);
        bar.progressProperty().bind(model.progressProperty());
        Label progressText = new Label();
        progressText.setId(PROGRESS_TEXT_ID);
        progressText.textProperty().bind(model.progressTextProperty());
        Button cancel = new Button(text("ui.bulletins.cancel"));
        cancel.setId(CANCEL_ID);
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> model.cancel());
        cancel.disableProperty().bind(model.workProperty().isNotEqualTo(BulletinsViewModel.Work.EXPORTING)
                .or(model.cancellingProperty()));
        HBox progressRow = new HBox(8, bar, progressText, cancel);
        progressRow.setAlignment(Pos.CENTER_LEFT);
        progressRow.visibleProperty().bind(model.busyProperty());
        progressRow.managedProperty().bind(progressRow.visibleProperty());

        Label notice = message(NOTICE_ID, "status-message");
        notice.textProperty().bind(model.noticeProperty());
        Button open = new Button(text("ui.bulletins.open-folder"));
        open.setId(OPEN_FOLDER_ID);
        open.setOnAction(e -> model.openFolder());
        open.visibleProperty().bind(model.exportedProperty().isNotNull());
        open.managedProperty().bind(open.visibleProperty());
        HBox noticeRow = new HBox(8, notice, open);
        noticeRow.setAlignment(Pos.CENTER_LEFT);
        Label error = message(ERROR_ID, "error-message");
        error.textProperty().bind(model.errorProperty());

        Label hint = new Label(text("ui.bulletins.hint"));
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);

        getChildren().addAll(period, periodActions, hashRow, listTitle, split, progressRow, noticeRow, error, hint);
    }

    private TableView<Bulletin> bulletinTable() {
        TableView<Bulletin> table = new TableView<>(model.bulletins());
        table.setId(TABLE_ID);
        table.setPlaceholder(new Label(text("ui.bulletins.none")));
        table.getColumns().add(column(text("ui.bulletins.col.number"), 90, Bulletin::number));
        table.getColumns().add(column(text("ui.bulletins.col.period"), 90, b -> ResultFormat.period(b.period())));
        table.getColumns().add(column(text("ui.bulletins.col.scheme"), 70, b -> String.valueOf(b.schemeYear())));
        table.getColumns().add(column(text("ui.bulletins.col.published-on"), 95, b -> b.publishedOn().toString()));
        table.getColumns().add(column(text("ui.bulletins.col.created-at"), 130, BulletinsViewModel::publishedAt));
        table.getColumns().add(column(text("ui.bulletins.col.operator"), 70, Bulletin::operator));
        table.getColumns().add(column(text("ui.bulletins.col.hash"), 200, Bulletin::contentHash));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                model.selectedProperty().set(b);
            }
        });
        model.selectedProperty().addListener((o, a, b) -> {
            if (b != null && table.getSelectionModel().getSelectedItem() != b) {
                table.getSelectionModel().select(b);
            }
        });
        if (model.selectedProperty().get() != null) {
            table.getSelectionModel().select(model.selectedProperty().get());
        }
        return table;
    }

    private VBox summaryPane() {
        Label summary = new Label();
        summary.setId(SUMMARY_ID);
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        summary.textProperty().bind(model.summaryProperty());

        TableView<PublishService.Listed> listed = new TableView<>(model.listed());
        listed.setId(LISTED_ID);
        listed.setPlaceholder(new Label(text("ui.bulletins.no-listed")));
        listed.getColumns().add(listedColumn(text("ui.bulletins.col.unit"), 95, PublishService.Listed::name));
        listed.getColumns().add(listedColumn(text("ui.bulletins.col.zone"), 85, PublishService.Listed::zone));
        listed.getColumns().add(listedColumn(text("ui.bulletins.col.zone-rank"), 60,
                l -> String.valueOf(l.zoneRank())));
        listed.getColumns().add(listedColumn(text("ui.bulletins.col.total"), 60, l -> ReportText.fixed(l.total(), 2)));
        listed.getColumns().add(listedColumn(text("ui.bulletins.col.level"), 65, PublishService.Listed::level));
        listed.getColumns().add(listedColumn(text("ui.bulletins.col.rules"), 220,
                l -> String.join(text("ui.bulletins.separator"), l.rules())));
        VBox.setVgrow(listed, Priority.ALWAYS);

        Button export = new Button(text("ui.bulletins.export"));
        export.setId(EXPORT_ID);
        export.setMnemonicParsing(true);
        export.setOnAction(e -> model.exportBulletin());
        export.disableProperty().bind(model.canExportBulletinProperty().not());

        VBox box = new VBox(8, summary, listed, export);
        box.setPadding(new Insets(0, 0, 0, 8));
        return box;
    }

    private static TableColumn<Bulletin, String> column(String title, double width, Function<Bulletin, String> value) {
        TableColumn<Bulletin, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        return c;
    }

    private static TableColumn<PublishService.Listed, String> listedColumn(String title, double width,
            Function<PublishService.Listed, String> value) {
        TableColumn<PublishService.Listed, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        return c;
    }

    private static Label message(String id, String style) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add(style);
        l.setWrapText(true);
        l.managedProperty().bind(Bindings.isNotEmpty(l.textProperty()));
        l.visibleProperty().bind(l.managedProperty());
        return l;
    }

    private static String text(String key, Object... args) {
        return Messages.get().text(key, args);
    }
}

package org.sanlian.workbench.ui.settings;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import org.sanlian.workbench.i18n.Messages;

/**
 * 设置: a form of the operator, the backups kept, the issuing office, the language and the data
 * folder, each with its explanation or what is wrong with it beside it, and one 保存. Built in code.
 */
public final class SettingsView extends VBox {

    public static final String OPERATOR_ID = "settings-operator";
    public static final String OPERATOR_ERROR_ID = "settings-operator-error";
    public static final String BACKUPS_ID = "settings-backups";
    public static final String BACKUPS_ERROR_ID = "settings-backups-error";
    public static final String ISSUER_ID = "settings-issuer";
    public static final String LANGUAGE_ID = "settings-language";
    public static final String FOLDER_ID = "settings-folder";
    public static final String FOLDER_CHOOSE_ID = "settings-folder-choose";
    public static final String FOLDER_DEFAULT_ID = "settings-folder-default";
    public static final String SAVE_ID = "settings-save";
    public static final String ERROR_ID = "settings-error";
    public static final String NOTICE_ID = "settings-notice";

    private final SettingsViewModel model;
    private final Function<Optional<Path>, Optional<Path>> askFolder;

    /** {@code askFolder} asks for a data folder, starting in the one given. */
    public SettingsView(SettingsViewModel model, Function<Optional<Path>, Optional<Path>> askFolder) {
        super(10);
        this.model = model;
        this.askFolder = askFolder;
        createView();
    }

    private void createView() {
        Messages m = Messages.get();
        getStyleClass().add("settings-view");
        setPadding(new Insets(14));

        Label title = new Label(m.text("ui.settings.title"));
        title.getStyleClass().add("section-title");

        TextField operator = new TextField();
        operator.setId(OPERATOR_ID);
        operator.setPrefColumnCount(16);
        operator.textProperty().bindBidirectional(model.operatorProperty());
        TextField backups = new TextField();
        backups.setId(BACKUPS_ID);
        backups.setPrefColumnCount(5);
        backups.textProperty().bindBidirectional(model.backupsKeptProperty());
        TextField issuer = new TextField();
        issuer.setId(ISSUER_ID);
        issuer.setPrefColumnCount(24);
        issuer.setPromptText(m.text("export.default-issuer"));
        issuer.textProperty().bindBidirectional(model.issuerProperty());
        for (TextField f : new TextField[] {operator, backups, issuer}) {
            f.setOnAction(e -> model.save(() -> { }));
        }

        ComboBox<String> language = new ComboBox<>();
        language.setId(LANGUAGE_ID);
        language.getItems().setAll(Messages.CHINESE, Messages.ENGLISH);
        language.setCellFactory(l -> languageCell());
        language.setButtonCell(languageCell());
        language.valueProperty().bindBidirectional(model.languageProperty());

        Label folder = new Label();
        folder.setId(FOLDER_ID);
        folder.setWrapText(true);
        folder.textProperty().bind(model.folderTextProperty());
        Button choose = new Button(m.text("ui.settings.folder-choose"));
        choose.setId(FOLDER_CHOOSE_ID);
        choose.setOnAction(e -> askFolder.apply(Optional.ofNullable(model.folderProperty().get()))
                .ifPresent(model::chooseFolder));
        Button byDefault = new Button(m.text("ui.settings.folder-reset"));
        byDefault.setId(FOLDER_DEFAULT_ID);
        byDefault.setOnAction(e -> model.chooseFolder(null));
        byDefault.disableProperty().bind(model.folderProperty().isNull());
        Label database = new Label();
        database.setWrapText(true);
        database.getStyleClass().add("hint");
        database.textProperty().bind(model.databaseTextProperty());

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(10);
        int row = 0;
        form.addRow(row++, label("ui.settings.operator", operator), operator,
                error(OPERATOR_ERROR_ID, model.operatorErrorProperty(), "ui.settings.operator-hint"));
        form.addRow(row++, label("ui.settings.backups", backups), backups,
                error(BACKUPS_ERROR_ID, model.backupsErrorProperty(), "ui.settings.backups-hint"));
        form.addRow(row++, label("ui.settings.issuer", issuer), issuer, hint("ui.settings.issuer-hint"));
        form.addRow(row++, label("ui.settings.language", language), language, hint("ui.settings.next-start"));
        HBox folderButtons = new HBox(8, choose, byDefault);
        form.addRow(row++, label("ui.settings.folder", choose), folderButtons, hint("ui.settings.next-start"));
        form.add(new VBox(4, folder, database), 1, row, 2, 1);

        Button save = new Button(m.text("ui.settings.save"));
        save.setId(SAVE_ID);
        save.setOnAction(e -> model.save(() -> { }));
        save.disableProperty().bind(model.editableProperty().not().or(model.busyProperty()));
        Button undo = new Button(m.text("ui.settings.discard"));
        undo.setOnAction(e -> model.discard());
        undo.disableProperty().bind(model.dirtyProperty().not());
        HBox buttons = new HBox(8, save, undo);
        buttons.setAlignment(Pos.CENTER_LEFT);

        Label error = new Label();
        error.setId(ERROR_ID);
        error.getStyleClass().add("error-message");
        error.setWrapText(true);
        error.textProperty().bind(model.errorProperty());
        Label notice = new Label();
        notice.setId(NOTICE_ID);
        notice.getStyleClass().add("status-message");
        notice.setWrapText(true);
        notice.textProperty().bind(model.noticeProperty());

        getChildren().addAll(title, form, buttons, error, notice);
    }

    private static ListCell<String> languageCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : Messages.get().text("ui.settings.language." + item));
            }
        };
    }

    private static Label label(String key, Node field) {
        Label l = new Label(Messages.get().text(key));
        l.setLabelFor(field);
        l.setMnemonicParsing(true);
        return l;
    }

    private static Label hint(String key) {
        Label l = new Label(Messages.get().text(key));
        l.getStyleClass().add("hint");
        l.setWrapText(true);
        return l;
    }

    /** What is wrong with the field when something is, else its explanation. */
    private static Label error(String id, javafx.beans.value.ObservableStringValue problem, String hintKey) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        String hint = Messages.get().text(hintKey);
        l.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> problem.get().isEmpty() ? hint : problem.get(), problem));
        problem.addListener((o, a, b) -> {
            l.getStyleClass().removeAll("error-message", "hint");
            l.getStyleClass().add(b.isEmpty() ? "hint" : "error-message");
        });
        l.getStyleClass().add("hint");
        return l;
    }
}

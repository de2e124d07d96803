package org.sanlian.workbench.ui.shell;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import org.sanlian.workbench.app.DataFolder;
import org.sanlian.workbench.core.model.BackupFile;
import org.sanlian.workbench.i18n.Messages;

/** The window's questions as dialogs: file choosers, the operator's name, a backup to restore, unsaved edits, errors. */
public class FxPrompts implements Prompts {

    public static final String OPERATOR_FIELD_ID = "operator-name";
    /** The first start's choice: the demo data, or the default scheme only. */
    public static final String WELCOME_DEMO_ID = "welcome-demo";
    public static final String WELCOME_EMPTY_ID = "welcome-empty";
    public static final String BACKUP_LIST_ID = "backup-list";
    public static final String ERROR_TEXT_ID = "prompt-error-text";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Supplier<Window> owner;

    public FxPrompts(Supplier<Window> owner) {
        this.owner = owner;
    }

    private static String text(String key, Object... args) {
        return Messages.get().text(key, args);
    }

    private FileChooser chooser(String titleKey, Optional<Path> folder) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(text(titleKey));
        chooser.getExtensionFilters().setAll(new FileChooser.ExtensionFilter(text("ui.prompt.db-files"), "*.db"),
                new FileChooser.ExtensionFilter(text("ui.prompt.all-files"), "*.*"));
        Path start = folder.filter(Files::isDirectory).orElse(DataFolder.folder());
        if (Files.isDirectory(start)) {
            chooser.setInitialDirectory(start.toFile());
        }
        return chooser;
    }

    @Override
    public Optional<Path> databaseToOpen(Optional<Path> folder) {
        File f = chooser("ui.prompt.open-title", folder).showOpenDialog(owner.get());
        return Optional.ofNullable(f).map(File::toPath);
    }

    @Override
    public Optional<Path> newDatabase(Optional<Path> folder) {
        FileChooser chooser = chooser("ui.prompt.new-title", folder);
        chooser.setInitialFileName(DataFolder.DATABASE_NAME);
        File f = chooser.showSaveDialog(owner.get());
        if (f == null) {
            return Optional.empty();
        }
        String name = f.getName();
        return Optional.of(name.contains(".") ? f.toPath() : f.toPath().resolveSibling(name + ".db"));
    }

    @Override
    public Optional<String> operator(String suggestion) {
        Dialog<String> dialog = new Dialog<>();
        dialog.setTitle(text("ui.prompt.operator-title"));
        dialog.setHeaderText(text("ui.prompt.operator-header"));
        TextField name = operatorField(dialog, suggestion);
        dialog.getDialogPane().setContent(new VBox(8, new Label(text("ui.prompt.operator-label")), name,
                wrapped(text("ui.prompt.operator-hint"))));
        dialog.setResultConverter(b -> b == ButtonType.OK ? name.getText().strip() : null);
        return dialog.showAndWait().filter(s -> !s.isBlank());
    }

    /**
     * The first start's dialog: who is working, and what the new database holds (the demo data is
     * chosen already, so Enter after the name is the quickest way in); where the file is, and where help is.
     */
    @Override
    public Optional<Welcome> welcome(String suggestion, Path file) {
        Dialog<Welcome> dialog = new Dialog<>();
        dialog.setTitle(text("ui.prompt.welcome-title"));
        dialog.setHeaderText(text("ui.prompt.welcome-header"));
        TextField name = operatorField(dialog, suggestion);
        ToggleGroup content = new ToggleGroup();
        RadioButton demo = new RadioButton(text("ui.prompt.welcome-demo"));
        demo.setId(WELCOME_DEMO_ID);
        demo.setToggleGroup(content);
        demo.setSelected(true);
        RadioButton empty = new RadioButton(text("ui.prompt.welcome-empty"));
        empty.setId(WELCOME_EMPTY_ID);
        empty.setToggleGroup(content);
        VBox box = new VBox(8, new Label(text("ui.prompt.operator-label")), name,
                wrapped(text("ui.prompt.operator-hint")), new Separator(),
                new Label(text("ui.prompt.welcome-content")), demo, indented(text("ui.prompt.welcome-demo-hint")),
                empty, indented(text("ui.prompt.welcome-empty-hint")), new Separator(),
                wrapped(text("ui.prompt.welcome-where", file.toAbsolutePath().normalize())));
        box.setPrefWidth(520);
        dialog.getDialogPane().setContent(box);
        dialog.setResultConverter(b -> b == ButtonType.OK
                ? new Welcome(name.getText().strip(), empty.isSelected()
                        ? FirstContent.DEFAULT_SCHEME : FirstContent.DEMO)
                : null);
        return dialog.showAndWait().filter(w -> !w.operator().isBlank());
    }

    /** The name field of the operator questions, with OK and Cancel; OK only with a name. */
    private TextField operatorField(Dialog<?> dialog, String suggestion) {
        dialog.initOwner(owner.get());
        TextField name = new TextField(suggestion);
        name.setId(OPERATOR_FIELD_ID);
        name.setPromptText(text("ui.prompt.operator-prompt"));
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        Node ok = dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.disableProperty().bind(Bindings.createBooleanBinding(() -> name.getText().isBlank(), name.textProperty()));
        dialog.setOnShown(e -> {
            name.requestFocus();
            name.selectAll();
        });
        return name;
    }

    private static Label wrapped(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        return label;
    }

    private static Label indented(String text) {
        Label label = wrapped(text);
        label.setPadding(new javafx.geometry.Insets(0, 0, 0, 24));
        return label;
    }

    @Override
    public Optional<BackupFile> backupToRestore(List<BackupFile> backups) {
        Dialog<BackupFile> dialog = new Dialog<>();
        dialog.initOwner(owner.get());
        dialog.setTitle(text("ui.prompt.restore-title"));
        dialog.setHeaderText(text("ui.prompt.restore-header"));
        ListView<BackupFile> list = new ListView<>();
        list.setId(BACKUP_LIST_ID);
        list.getItems().setAll(backups);
        list.setPrefSize(560, 260);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(BackupFile b, boolean empty) {
                super.updateItem(b, empty);
                setText(empty || b == null ? null : describe(b));
            }
        });
        dialog.getDialogPane().setContent(list);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(ButtonType.OK).disableProperty()
                .bind(list.getSelectionModel().selectedItemProperty().isNull());
        dialog.setResultConverter(b -> b == ButtonType.OK ? list.getSelectionModel().getSelectedItem() : null);
        Optional<BackupFile> chosen = dialog.showAndWait();
        if (chosen.isEmpty()) {
            return chosen;
        }
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, text("ui.prompt.restore-confirm",
                describe(chosen.get())), ButtonType.OK, ButtonType.CANCEL);
        confirm.initOwner(owner.get());
        confirm.setTitle(text("ui.prompt.restore-title"));
        confirm.setHeaderText(null);
        return confirm.showAndWait().filter(b -> b == ButtonType.OK).flatMap(b -> chosen);
    }

    /** A backup as the list shows it: when, why, and the file's name. */
    public static String describe(BackupFile b) {
        String reason = Messages.get().has("ui.backup.reason." + b.reason())
                ? text("ui.backup.reason." + b.reason()) : b.reason();
        return text("ui.prompt.backup-line", TIME.format(b.takenAt()), reason, b.file().getFileName().toString());
    }

    @Override
    public Unsaved unsavedChanges(String screenTitle) {
        ButtonType save = new ButtonType(text("ui.prompt.unsaved-save"), ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType(text("ui.prompt.unsaved-discard"), ButtonBar.ButtonData.NO);
        ButtonType cancel = new ButtonType(text("ui.prompt.unsaved-cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.WARNING, text("ui.prompt.unsaved-text", screenTitle), save, discard,
                cancel);
        alert.initOwner(owner.get());
        alert.setTitle(text("ui.prompt.unsaved-title"));
        alert.setHeaderText(null);
        ButtonType answer = alert.showAndWait().orElse(cancel);
        if (answer == save) {
            return Unsaved.SAVE;
        }
        return answer == discard ? Unsaved.DISCARD : Unsaved.CANCEL;
    }

    @Override
    public List<Path> filesToImport(Optional<Path> folder) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(text("ui.prompt.import-title"));
        chooser.getExtensionFilters().setAll(
                new FileChooser.ExtensionFilter(text("ui.prompt.import-files"), "*.csv", "*.xlsx", "*.xls"),
                new FileChooser.ExtensionFilter(text("ui.prompt.all-files"), "*.*"));
        folder.filter(Files::isDirectory).ifPresent(f -> chooser.setInitialDirectory(f.toFile()));
        List<File> files = chooser.showOpenMultipleDialog(owner.get());
        return files == null ? List.of() : files.stream().map(File::toPath).toList();
    }

    @Override
    public Optional<Path> folderToImport(Optional<Path> folder) {
        return folder("ui.prompt.import-folder-title", folder);
    }

    @Override
    public Optional<Path> templateFolder(Optional<Path> folder) {
        return folder("ui.prompt.template-folder-title", folder);
    }

    @Override
    public Optional<Path> csvToSave(String fileName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(text("ui.audit.export-title"));
        chooser.getExtensionFilters().setAll(new FileChooser.ExtensionFilter(text("ui.audit.csv-files"), "*.csv"),
                new FileChooser.ExtensionFilter(text("ui.prompt.all-files"), "*.*"));
        chooser.setInitialFileName(fileName);
        File f = chooser.showSaveDialog(owner.get());
        if (f == null) {
            return Optional.empty();
        }
        return Optional.of(f.getName().contains(".") ? f.toPath() : f.toPath().resolveSibling(f.getName() + ".csv"));
    }

    @Override
    public Optional<Path> dataFolder(Optional<Path> folder) {
        return folder("ui.settings.folder-title", folder);
    }

    private Optional<Path> folder(String titleKey, Optional<Path> start) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(text(titleKey));
        start.filter(Files::isDirectory).ifPresent(f -> chooser.setInitialDirectory(f.toFile()));
        return Optional.ofNullable(chooser.showDialog(owner.get())).map(File::toPath);
    }

    @Override
    public Optional<Path> workbookToSave(String name, Optional<Path> folder) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(text("ui.bulletins.save-title"));
        chooser.getExtensionFilters().setAll(new FileChooser.ExtensionFilter(text("ui.bulletins.xlsx-files"), "*.xlsx"));
        chooser.setInitialFileName(name);
        folder.filter(Files::isDirectory).ifPresent(f -> chooser.setInitialDirectory(f.toFile()));
        File f = chooser.showSaveDialog(owner.get());
        if (f == null) {
            return Optional.empty();
        }
        String chosen = f.getName();
        return Optional.of(chosen.toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx") ? f.toPath()
                : f.toPath().resolveSibling(chosen + ".xlsx"));
    }

    /**
     * Opens the folder through {@link java.awt.Desktop} on a thread of its own (the call may block, and
     * must not on the JavaFX thread); where the system cannot, or the call fails, an error names the
     * folder so the user can open it by hand.
     */
    @Override
    public void openFolder(Path folder) {
        Thread t = new Thread(() -> {
            String problem = null;
            try {
                if (java.awt.GraphicsEnvironment.isHeadless() || !java.awt.Desktop.isDesktopSupported()
                        || !java.awt.Desktop.getDesktop().isSupported(java.awt.Desktop.Action.OPEN)) {
                    problem = text("ui.bulletins.open-folder-unsupported");
                } else {
                    java.awt.Desktop.getDesktop().open(folder.toFile());
                }
            } catch (java.io.IOException | RuntimeException | LinkageError e) {
                problem = String.valueOf(e.getMessage());
            }
            if (problem != null) {
                String why = problem;
                javafx.application.Platform.runLater(() -> error(text("ui.bulletins.open-folder-failed-title"),
                        text("ui.bulletins.open-folder-failed", folder.toAbsolutePath().toString(), why)));
            }
        }, "open-folder");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void error(String title, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(owner.get());
        alert.setTitle(title);
        alert.setHeaderText(title);
        Label content = new Label(message);
        content.setId(ERROR_TEXT_ID);
        content.setWrapText(true);
        content.setMaxWidth(560);
        alert.getDialogPane().setContent(content);
        alert.showAndWait();
    }
}

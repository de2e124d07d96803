package org.sanlian.workbench.ui.settings;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.prefs.Preferences;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;

import org.sanlian.workbench.app.DataFolder;
import org.sanlian.workbench.app.SettingsService;
import org.sanlian.workbench.app.WorkbenchDatabase;
import org.sanlian.workbench.i18n.Messages;
import org.sanlian.workbench.ui.common.ErrorText;
import org.sanlian.workbench.ui.common.TaskExecutor;
import org.sanlian.workbench.ui.shell.Editing;
import org.sanlian.workbench.ui.shell.Workspace;

/**
 * The 设置 screen's state: the operator, the backups kept and the issuing office (kept in the
 * database through {@link SettingsService}, in one audited transaction), and the data folder and the
 * language (kept in the window's preferences, taking effect at the next start). 保存 checks the
 * operator (not empty) and the backups kept (1 to 365) first and says what is wrong next to the
 * field. Knows no view, so it is tested without a toolkit.
 */
public final class SettingsViewModel implements Editing {

    /** What the fields hold; {@code folder} null: the default data folder. */
    private record Form(String operator, String backupsKept, String issuer, String language, Path folder) {
    }

    private record Loaded(SettingsService.Settings settings, String language, Optional<Path> folder, Path file) {
    }

    private final Workspace workspace;
    private final TaskExecutor executor;
    private final Preferences preferences;
    private final StringProperty operator = new SimpleStringProperty(this, "operator", "");
    private final StringProperty backupsKept = new SimpleStringProperty(this, "backupsKept", "");
    private final StringProperty issuer = new SimpleStringProperty(this, "issuer", "");
    private final StringProperty language = new SimpleStringProperty(this, "language", Messages.CHINESE);
    private final ObjectProperty<Path> folder = new SimpleObjectProperty<>(this, "folder");
    private final ReadOnlyStringWrapper folderText = new ReadOnlyStringWrapper(this, "folderText", "");
    private final ReadOnlyStringWrapper databaseText = new ReadOnlyStringWrapper(this, "databaseText", "");
    private final ReadOnlyStringWrapper operatorError = new ReadOnlyStringWrapper(this, "operatorError", "");
    private final ReadOnlyStringWrapper backupsError = new ReadOnlyStringWrapper(this, "backupsError", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper editable = new ReadOnlyBooleanWrapper(this, "editable");
    private final ReadOnlyBooleanWrapper never = new ReadOnlyBooleanWrapper(this, "never", false);
    /** The fields as last loaded or saved; null while nothing is loaded. */
    private Form saved;
    private long generation;

    /** {@code preferences}: the window's, where the language and the data folder are kept. */
    public SettingsViewModel(Workspace workspace, TaskExecutor executor, Preferences preferences) {
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.preferences = Objects.requireNonNull(preferences, "preferences");
        for (ObservableValue<?> field : List.of(operator, backupsKept, issuer, language, folder)) {
            field.addListener((obs, old, now) -> updateDirty());
        }
        operator.addListener((obs, old, now) -> operatorError.set(""));
        backupsKept.addListener((obs, old, now) -> backupsError.set(""));
        folder.addListener((obs, old, now) -> updateFolderText());
        workspace.stateProperty().addListener((obs, old, now) -> {
            boolean elsewhere = !now.sameContent(old) || !now.operator().equals(old.operator());
            if (!now.sameDatabase(old) || (elsewhere && !dirty.get())) {
                load();
            } else {
                editable.set(saved != null && !now.readOnly());
            }
        });
        load();
    }

    /** Reads the settings of the open database and the window's preferences (in the background). */
    public void load() {
        long request = ++generation;
        Optional<WorkbenchDatabase> db = workspace.database();
        if (db.isEmpty()) {
            saved = null;
            editable.set(false);
            updateDirty();
            return;
        }
        busy.set(true);
        executor.execute(() -> new Loaded(SettingsService.load(db.get()), Messages.chosenLanguage(preferences),
                DataFolder.chosenFolder(preferences), db.get().file()), loaded -> {
                    if (request != generation) {
                        return;
                    }
                    busy.set(false);
                    error.set("");
                    SettingsService.Settings s = loaded.settings();
                    String who = s.operator().isBlank() ? workspace.operator() : s.operator();
                    saved = new Form(who, Integer.toString(s.backupsKept()), s.issuer(), loaded.language(),
                            loaded.folder().orElse(null));
                    show(saved);
                    databaseText.set(text("ui.settings.database-now", loaded.file().toAbsolutePath()));
                    editable.set(!workspace.state().readOnly());
                    updateDirty();
                }, e -> {
                    if (request == generation) {
                        busy.set(false);
                        error.set(text("ui.settings.load-failed", ErrorText.of(e)));
                    }
                });
    }

    private void show(Form f) {
        operator.set(f.operator());
        backupsKept.set(f.backupsKept());
        issuer.set(f.issuer());
        language.set(f.language());
        folder.set(f.folder());
        operatorError.set("");
        backupsError.set("");
        updateFolderText();
    }

    private Form form() {
        return new Form(operator.get(), backupsKept.get(), issuer.get(), language.get(), folder.get());
    }

    private void updateDirty() {
        dirty.set(saved != null && !form().equals(saved));
    }

    private void updateFolderText() {
        Optional<Path> env = DataFolder.environmentFolder();
        String shown = folder.get() != null ? text("ui.settings.folder-chosen", folder.get().toAbsolutePath())
                : text("ui.settings.folder-default", DataFolder.folder().toAbsolutePath());
        folderText.set(env.isPresent() ? shown + " " + text("ui.settings.folder-environment", env.get()) : shown);
    }

    /** A data folder from the next start on (null: the default folder again). */
    public void chooseFolder(Path chosen) {
        folder.set(chosen == null ? null : chosen.toAbsolutePath());
    }

    /**
     * 保存: refused with a sentence next to the field when the operator is empty or the backups kept
     * is not a whole number from 1 to 365; else the database's settings in one transaction recorded
     * under the operator before the change, then the language and the data folder for the next start.
     */
    @Override
    public void save(Runnable onSaved) {
        Optional<WorkbenchDatabase> db = workspace.database();
        if (db.isEmpty() || saved == null || busy.get()) {
            return;
        }
        String name = operator.get() == null ? "" : operator.get().strip();
        Optional<Integer> kept = count(backupsKept.get());
        boolean ok = true;
        if (name.isEmpty()) {
            operatorError.set(text("ui.settings.operator-blank"));
            ok = false;
        }
        if (kept.isEmpty() || kept.get() < SettingsService.MIN_BACKUPS || kept.get() > SettingsService.MAX_BACKUPS) {
            backupsError.set(text("ui.settings.backups-range", SettingsService.MIN_BACKUPS,
                    SettingsService.MAX_BACKUPS));
            ok = false;
        }
        if (!ok) {
            notice.set("");
            return;
        }
        Form saving = new Form(name, Integer.toString(kept.get()), issuer.get() == null ? "" : issuer.get().strip(),
                language.get(), folder.get());
        Form before = saved;
        String by = workspace.operator();
        SettingsService.Settings settings = new SettingsService.Settings(name, kept.get(), saving.issuer());
        busy.set(true);
        error.set("");
        notice.set("");
        executor.execute(() -> {
            SettingsService.save(db.get(), settings, by);
            preferences.put(Messages.LANGUAGE_PREFERENCE, saving.language());
            DataFolder.chooseFolder(preferences, Optional.ofNullable(saving.folder()));
            preferences.flush();
            return saving;
        }, done -> {
            busy.set(false);
            saved = done;
            show(done);
            updateDirty();
            boolean later = !Objects.equals(before.language(), done.language())
                    || !Objects.equals(before.folder(), done.folder());
            notice.set(later ? text("ui.settings.saved-next-start", done.operator()) : text("ui.settings.saved",
                    done.operator()));
            workspace.setOperator(done.operator());
            workspace.reload(onSaved);
        }, e -> {
            busy.set(false);
            error.set(text("ui.settings.save-failed", ErrorText.of(e)));
        });
    }

    private static Optional<Integer> count(String text) {
        try {
            return Optional.of(Integer.parseInt(text == null ? "" : text.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public void discard() {
        if (saved != null) {
            show(saved);
            updateDirty();
        }
    }

    @Override
    public void undo() {
        discard();
    }

    @Override
    public void redo() {
    }

    @Override
    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyBooleanProperty canUndoProperty() {
        return dirty.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyBooleanProperty canRedoProperty() {
        return never.getReadOnlyProperty();
    }

    // --- the fields ------------------------------------------------------------------------

    public StringProperty operatorProperty() {
        return operator;
    }

    /** As typed (checked on 保存). */
    public StringProperty backupsKeptProperty() {
        return backupsKept;
    }

    /** The issuing office printed on exports; blank: the bundle's default. */
    public StringProperty issuerProperty() {
        return issuer;
    }

    /** {@value Messages#CHINESE} or {@value Messages#ENGLISH}. */
    public StringProperty languageProperty() {
        return language;
    }

    /** The chosen data folder; null: the default. */
    public ObjectProperty<Path> folderProperty() {
        return folder;
    }

    /** Where the data folder is (chosen or default) and that a choice takes effect at the next start. */
    public ReadOnlyStringProperty folderTextProperty() {
        return folderText.getReadOnlyProperty();
    }

    /** The database open now. */
    public ReadOnlyStringProperty databaseTextProperty() {
        return databaseText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty operatorErrorProperty() {
        return operatorError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty backupsErrorProperty() {
        return backupsError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Whether the settings can be saved (a database is open, and not read-only). */
    public ReadOnlyBooleanProperty editableProperty() {
        return editable.getReadOnlyProperty();
    }

    private static String text(String key, Object... args) {
        return Messages.get().text(key, args);
    }
}

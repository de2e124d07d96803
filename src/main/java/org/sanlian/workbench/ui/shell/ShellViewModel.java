package org.sanlian.workbench.ui.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Year;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.sanlian.workbench.app.AssessmentFiles;
import org.sanlian.workbench.app.WorkbenchDatabase;
import org.sanlian.workbench.core.model.BackupFile;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.model.StoredScheme;
import org.sanlian.workbench.i18n.Messages;
import org.sanlian.workbench.ui.common.ErrorText;
import org.sanlian.workbench.ui.common.TaskExecutor;

/**
 * The window's state and actions around the screens: which screen is shown, the database (open,
 * new from the default scheme, back up, restore, recent files), the operator asked for when the
 * database names none, the year and period at the top (Ctrl+PageDown / Ctrl+PageUp step through
 * the periods), 保存/撤销/重做 forwarded to the shown screen, and the question before unsaved edits
 * would be lost. Every file operation runs on the executor; questions go through {@link Prompts}.
 * Knows no view, so it is tested without a toolkit.
 */
public final class ShellViewModel {

    /**
     * A database just opened in the background, with what decides the next steps, and what was read
     * while it was opened: its content and the first screen's reading (EarlyOpen).
     */
    private record Opened(WorkbenchDatabase db, Optional<String> operator, boolean empty,
                          Optional<Workspace.Content> content, Optional<Object> screenReading) {
        Opened(WorkbenchDatabase db, Optional<String> operator, boolean empty) {
            this(db, operator, empty, Optional.empty(), Optional.empty());
        }
    }

    private final Workspace workspace;
    private final ScreenRegistry registry;
    private final ScreenContext context;
    private final Prompts prompts;
    private final RecentFiles recent;
    private final Consumer<Path> rememberDatabase;
    private final Clock clock;
    private final String systemUser;
    private final TaskExecutor executor;

    private final Map<String, Screen> screens = new HashMap<>();
    private final ReadOnlyObjectWrapper<ScreenRegistry.Entry> current = new ReadOnlyObjectWrapper<>(this, "current");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper loadError = new ReadOnlyStringWrapper(this, "loadError", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final ReadOnlyBooleanWrapper canSave = new ReadOnlyBooleanWrapper(this, "canSave");
    private final ObservableList<Path> recentFiles = FXCollections.observableArrayList();
    /** One read-only view, kept: a view made per call listens only weakly and could stop telling. */
    private final ObservableList<Path> recentFilesView = FXCollections.unmodifiableObservableList(recentFiles);
    private final AtomicBoolean disposed = new AtomicBoolean();

    /**
     * @param rememberDatabase told of each database the user opens or creates from the File menu, so
     *                         that the next start opens it again (the start's own file is not told:
     *                         a one-off {@code --db FILE} does not change what later starts open)
     * @param systemUser       the operator when the user names none (the system user's name)
     */
    public ShellViewModel(Workspace workspace, ScreenRegistry registry, ScreenContext context, Prompts prompts,
                          RecentFiles recent, Consumer<Path> rememberDatabase, Clock clock, String systemUser) {
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.context = Objects.requireNonNull(context, "context");
        this.prompts = Objects.requireNonNull(prompts, "prompts");
        this.recent = Objects.requireNonNull(recent, "recent");
        this.rememberDatabase = Objects.requireNonNull(rememberDatabase, "rememberDatabase");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.systemUser = systemUser == null || systemUser.isBlank() ? "operator" : systemUser;
        this.executor = context.executor();
        recentFiles.setAll(recent.list());
        workspace.onError(e -> prompts.error(text("ui.shell.reload-failed"), ErrorText.of(e)));
        workspace.onScreenRequest(id -> {
            if (registry.byId(id).isEmpty()) {
                return false;
            }
            requestScreen(id);
            return true;
        });
        workspace.stateProperty().addListener((obs, old, now) -> updateTitle(now));
        current.addListener((obs, old, now) -> followEditing(now));
        updateTitle(workspace.state());
    }

    // --- screens ---------------------------------------------------------------------------

    public List<ScreenRegistry.Entry> screens() {
        return registry.entries();
    }

    public ReadOnlyObjectProperty<ScreenRegistry.Entry> currentProperty() {
        return current.getReadOnlyProperty();
    }

    public ScreenRegistry.Entry current() {
        return current.get();
    }

    /** The screen of an entry, made the first time it is asked for. */
    public Screen screen(ScreenRegistry.Entry entry) {
        return screens.computeIfAbsent(entry.id(), id -> entry.factory().apply(context));
    }

    /**
     * Shows screen {@code id} and hands it {@code file} (a scheme file opened with the workbench goes
     * to 指标方案); false when there is no such screen or it takes no files.
     */
    public boolean openOnScreen(String id, Path file) {
        Optional<ScreenRegistry.Entry> entry = registry.byId(id);
        if (entry.isEmpty()) {
            return false;
        }
        requestScreen(id);
        return screen(entry.get()).open(file);
    }

    /** Shows the screen {@code id} (after asking about unsaved edits on the one shown). */
    public void requestScreen(String id) {
        ScreenRegistry.Entry entry = registry.byId(id).orElseThrow(() -> new IllegalArgumentException(id));
        if (entry.equals(current.get())) {
            return;
        }
        leave(() -> show(entry));
    }

    /** Shows the first screen: {@code id} when registered, else the first one. */
    public void showFirst(String id) {
        show(registry.byId(id).orElse(registry.entries().get(0)));
    }

    private void show(ScreenRegistry.Entry entry) {
        Screen screen = screen(entry);
        current.set(entry);
        screen.shown();
    }

    private Optional<Editing> editing() {
        ScreenRegistry.Entry entry = current.get();
        return entry == null ? Optional.empty() : screen(entry).editing();
    }

    private void followEditing(ScreenRegistry.Entry entry) {
        canUndo.unbind();
        canRedo.unbind();
        canSave.unbind();
        Optional<Editing> e = entry == null ? Optional.empty() : screen(entry).editing();
        if (e.isPresent()) {
            canUndo.bind(e.get().canUndoProperty());
            canRedo.bind(e.get().canRedoProperty());
            canSave.bind(e.get().dirtyProperty());
        } else {
            canUndo.set(false);
            canRedo.set(false);
            canSave.set(false);
        }
    }

    /**
     * Runs {@code proceed} once the shown screen may be left: at once when it has no unsaved
     * edits; else as the user answers (save first, drop them, or stay and not proceed).
     */
    public void leave(Runnable proceed) {
        Optional<Editing> e = editing();
        if (e.isEmpty() || !e.get().dirtyProperty().get()) {
            proceed.run();
            return;
        }
        switch (prompts.unsavedChanges(text(current.get().titleKey()))) {
            case SAVE:
                e.get().save(proceed);
                break;
            case DISCARD:
                e.get().discard();
                proceed.run();
                break;
            default:
                break; // stay
        }
    }

    // --- editing on the shown screen -------------------------------------------------------

    public void undo() {
        editing().ifPresent(Editing::undo);
    }

    public void redo() {
        editing().ifPresent(Editing::redo);
    }

    public void save() {
        editing().ifPresent(e -> e.save(() -> message.set(text("ui.shell.saved"))));
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /** Whether the shown screen has unsaved edits (保存 is enabled). */
    public ReadOnlyBooleanProperty canSaveProperty() {
        return canSave.getReadOnlyProperty();
    }

    // --- year and period -------------------------------------------------------------------

    public void requestYear(int year) {
        if (!workspace.year().equals(Optional.of(year))) {
            leave(() -> workspace.selectYear(year));
        }
    }

    public void requestPeriod(Period period) {
        if (!workspace.period().equals(Optional.of(period))) {
            leave(() -> workspace.selectPeriod(period));
        }
    }

    /** The next period in time (Ctrl+PageDown); nothing after the last. */
    public void nextPeriod() {
        step(1);
    }

    /** The previous period (Ctrl+PageUp); nothing before the first. */
    public void previousPeriod() {
        step(-1);
    }

    private void step(int by) {
        List<Period> periods = workspace.state().content().periods();
        Optional<Period> now = workspace.period();
        if (periods.isEmpty()) {
            return;
        }
        int at = now.map(periods::indexOf).orElse(-1);
        int next = at < 0 ? periods.size() - 1 : at + by;
        if (next >= 0 && next < periods.size()) {
            requestPeriod(periods.get(next));
        }
    }

    // --- the database ----------------------------------------------------------------------

    /**
     * Opens the database of the window's start: created with the default scheme and the demo data
     * (示例数据) when it does not exist or holds no scheme.
     */
    public void start(Path file) {
        start(EarlyOpen.begin(file));
    }

    /**
     * As {@link #start(Path)}, with the database already being opened since the window began ({@link EarlyOpen}).
     * When the opening is already over and asks nothing (the database names its operator, holds a
     * scheme and took its daily backup), it is shown at once, on the calling thread: a window not yet
     * on screen then shows its first screen's content in its first layout.
     */
    public void start(EarlyOpen early) {
        loading.set(true);
        Optional<EarlyOpen.Result> done = early.done().filter(r -> r.operator().isPresent() && !r.empty()
                && r.content().isPresent() && r.db().dailyBackupFailure().isEmpty());
        if (done.isPresent()) {
            EarlyOpen.Result r = done.get();
            showContent(new Opened(r.db(), r.operator(), false, r.content(), r.screen()), r.content().get(),
                    r.operator().get(), false);
            return;
        }
        executor.execute(() -> {
            EarlyOpen.Result r = early.take();
            return checkNotDisposed(new Opened(r.db(), r.operator(), r.empty(), r.content(), r.screen()));
        }, o -> afterOpen(o, true), e -> openFailed(text("ui.shell.open-failed"), e));
    }

    /** 打开数据库…: asks for a file, then opens it. */
    public void openChosen() {
        prompts.databaseToOpen(currentFolder()).ifPresent(this::openFile);
    }

    /** Opens another database (asking first about unsaved edits); the one open is closed once the new one shows. */
    public void openFile(Path file) {
        if (isOpen(file)) {
            message.set(text("ui.shell.already-open", file.toAbsolutePath().normalize()));
            return;
        }
        leave(() -> open(file, false));
    }

    /** 最近打开的文件: opens one; a file that is gone is said so and forgotten. */
    public void openRecent(Path file) {
        if (!Files.isRegularFile(file)) {
            recentFiles.setAll(recent.remove(file));
            prompts.error(text("ui.shell.open-failed"), text("ui.shell.recent-missing", file));
            return;
        }
        openFile(file);
    }

    /** 新建数据库（默认方案）…: asks where, then creates a database holding the default scheme only, and opens it. */
    public void createChosen() {
        prompts.newDatabase(currentFolder()).ifPresent(this::createFile);
    }

    /** Creates {@code file} with the default scheme as this year's scheme, and opens it. */
    public void createFile(Path file) {
        if (isOpen(file)) {
            prompts.error(text("ui.shell.new-failed"), text("ui.shell.new-is-open", file.toAbsolutePath().normalize()));
            return;
        }
        leave(() -> {
            String operator = workspace.database().isPresent() ? workspace.operator() : systemUser;
            int year = Year.now(clock).getValue();
            loading.set(true);
            executor.execute(() -> {
                WorkbenchDatabase db = WorkbenchDatabase.createWithDefaultScheme(file, year, operator);
                return checkNotDisposed(new Opened(db, Optional.of(operator), false));
            }, o -> showOpened(o, operator, false, Optional.empty(), true), e -> openFailed(text("ui.shell.new-failed"), e));
        });
    }

    private void open(Path file, boolean fillDemo) {
        loading.set(true);
        executor.execute(() -> {
            WorkbenchDatabase db = WorkbenchDatabase.open(file);
            try {
                return checkNotDisposed(new Opened(db, db.operator(), db.schemes().isEmpty()));
            } catch (RuntimeException e) {
                db.close();
                throw e;
            }
        }, o -> afterOpen(o, fillDemo), e -> openFailed(text("ui.shell.open-failed"), e));
    }

    private Opened checkNotDisposed(Opened o) {
        if (disposed.get()) {
            o.db().close();
            throw new CancellationException("the window was closed");
        }
        return o;
    }

    /** On the screen's thread: asks for the operator when the database names none, then finishes opening. */
    private void afterOpen(Opened o, boolean fillDemo) {
        if (disposed.get()) {
            o.db().close();
            return;
        }
        if (!o.db().dailyBackupFailure().isEmpty()) {
            prompts.error(text("ui.shell.backup-failed"), o.db().dailyBackupFailure().stream()
                    .map(Messages.get()::describe).collect(java.util.stream.Collectors.joining("\n")));
        }
        String operator;
        boolean store = false;
        boolean fresh = fillDemo && o.empty() && !o.db().readOnly();
        Prompts.FirstContent content = Prompts.FirstContent.DEMO;
        if (o.operator().isPresent()) {
            operator = o.operator().get();
        } else if (o.db().readOnly()) {
            operator = systemUser;
        } else if (fresh) {
            Optional<Prompts.Welcome> welcome = prompts.welcome(systemUser, o.db().file())
                    .filter(w -> !w.operator().isBlank());
            operator = welcome.map(w -> w.operator().strip()).orElse(systemUser);
            content = welcome.map(Prompts.Welcome::content).orElse(Prompts.FirstContent.DEMO);
            store = welcome.isPresent();
        } else {
            Optional<String> asked = prompts.operator(systemUser).map(String::strip).filter(s -> !s.isEmpty());
            operator = asked.orElse(systemUser);
            store = asked.isPresent();
        }
        showOpened(o, operator, store, fresh ? Optional.of(content) : Optional.empty(), !fillDemo);
    }

    /** {@code fill}: what to put into a new, empty database (nothing for one that holds a scheme). */
    private void showOpened(Opened o, String operator, boolean storeOperator, Optional<Prompts.FirstContent> fill,
                            boolean remember) {
        WorkbenchDatabase db = o.db();
        executor.execute(() -> {
            if (storeOperator) {
                db.setOperator(operator, operator);
            }
            if (fill.isPresent() && fill.get() == Prompts.FirstContent.DEMO) {
                db.initDemo(operator);
            } else if (fill.isPresent()) {
                db.initScheme(AssessmentFiles.defaultScheme(), Year.now(clock).getValue(), operator);
            }
            if (!storeOperator && fill.isEmpty() && o.content().isPresent()) {
                return o.content().get(); // read when the database was opened, nothing written since
            }
            return Workspace.Content.read(db);
        }, content -> showContent(o, content, operator, remember), e -> {
            closeLater(db);
            openFailed(text("ui.shell.open-failed"), e);
        });
    }

    /** On the screen's thread: shows the opened database with {@code content}, closing the one shown before. */
    private void showContent(Opened o, Workspace.Content content, String operator, boolean remember) {
        WorkbenchDatabase db = o.db();
        if (disposed.get()) {
            db.close();
            return;
        }
        Optional<WorkbenchDatabase> previous = workspace.database();
        // the first screen's early reading holds only while the content is the one read with it
        boolean unchanged = o.content().isPresent() && o.content().get() == content;
        workspace.attach(db, content, operator, unchanged ? o.screenReading() : Optional.empty());
        previous.filter(p -> p != db).ifPresent(this::closeLater);
        loading.set(false);
        loadError.set("");
        recentFiles.setAll(recent.add(db.file()));
        if (remember) {
            rememberDatabase.accept(db.file());
        }
    }

    private void openFailed(String title, Throwable e) {
        loading.set(false);
        if (e instanceof CancellationException || disposed.get()) {
            return;
        }
        if (workspace.database().isPresent()) {
            prompts.error(title, ErrorText.of(e)); // the database open stays
        } else {
            loadError.set(ErrorText.of(e));
        }
    }

    /** Closes a database after the work already asked of it (the executor runs in order). */
    private void closeLater(WorkbenchDatabase db) {
        executor.execute(() -> {
            db.close();
            return null;
        }, done -> { }, e -> { });
    }

    /** 立即备份: a backup of the open database now. */
    public void backupNow() {
        Optional<WorkbenchDatabase> open = workspace.database();
        if (open.isEmpty()) {
            return;
        }
        WorkbenchDatabase db = open.get();
        executor.execute(() -> db.backup("manual"), b -> {
            if (workspace.database().orElse(null) == db) {
                workspace.backupTaken(b);
            }
            message.set(text("ui.shell.backup-done", b.file()));
        }, e -> prompts.error(text("ui.shell.backup-failed"), ErrorText.of(e)));
    }

    /** 从备份恢复…: lists the backups, asks which (and to confirm), then restores it after the unsaved-edits question. */
    public void restoreChosen() {
        Optional<WorkbenchDatabase> open = workspace.database();
        if (open.isEmpty()) {
            return;
        }
        WorkbenchDatabase db = open.get();
        if (db.readOnly()) {
            boolean file = db.readOnlyReason() == WorkbenchDatabase.ReadOnlyReason.FILE_READ_ONLY;
            prompts.error(text("ui.shell.restore-failed"),
                    text(file ? "issue.store.file-read-only" : "issue.store.read-only", db.file()));
            return;
        }
        executor.execute(db::listBackups, backups -> {
            if (backups.isEmpty()) {
                prompts.error(text("ui.shell.restore-failed"), text("ui.shell.no-backups", db.file()));
                return;
            }
            prompts.backupToRestore(backups).ifPresent(chosen -> leave(() -> restore(db, chosen)));
        }, e -> prompts.error(text("ui.shell.restore-failed"), ErrorText.of(e)));
    }

    private void restore(WorkbenchDatabase db, BackupFile chosen) {
        executor.execute(() -> db.restore(chosen.file()), safety -> {
            message.set(text("ui.shell.restored", chosen.file(), safety.file()));
            workspace.reload();
        }, e -> prompts.error(text("ui.shell.restore-failed"), ErrorText.of(e)));
    }

    /** 更改操作人…: asks for a name and keeps it as the database's operator (audited as changed by the one before). */
    public void changeOperator() {
        Optional<WorkbenchDatabase> open = workspace.database();
        if (open.isEmpty() || open.get().readOnly()) {
            return;
        }
        WorkbenchDatabase db = open.get();
        String before = workspace.operator();
        prompts.operator(before).map(String::strip).filter(n -> !n.isEmpty() && !n.equals(before))
                .ifPresent(name -> executor.execute(() -> {
                    db.setOperator(name, before);
                    return name;
                }, n -> {
                    workspace.setOperator(n);
                    message.set(text("ui.shell.operator-changed", n));
                }, e -> prompts.error(text("ui.shell.operator-failed"), ErrorText.of(e))));
    }

    /** Closes the window through {@code close} once unsaved edits are dealt with. */
    public void requestClose(Runnable close) {
        leave(close);
    }

    /** The window closed: the database is closed (after any read in progress) and late answers are dropped. */
    public void dispose() {
        disposed.set(true);
        Optional<WorkbenchDatabase> open = workspace.database();
        workspace.detach();
        open.ifPresent(WorkbenchDatabase::close);
    }

    private boolean isOpen(Path file) {
        return workspace.database().map(db -> db.file().equals(file.toAbsolutePath().normalize())).orElse(false);
    }

    private Optional<Path> currentFolder() {
        return workspace.database().map(db -> db.file().getParent());
    }

    // --- what the window shows -------------------------------------------------------------

    public ObservableList<Path> recentFiles() {
        return recentFilesView;
    }

    /** Whether a database is being opened (the window shows progress while none is shown yet). */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Why the database could not be opened, when no database is shown; empty otherwise. */
    public ReadOnlyStringProperty loadErrorProperty() {
        return loadError.getReadOnlyProperty();
    }

    /** The latest thing done (已备份 …, 已保存), for the status bar. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The window title: the workbench, the chosen year's scheme, and 示例数据 when the demo data is open. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public String title() {
        return title.get();
    }

    public Workspace workspace() {
        return workspace;
    }

    private void updateTitle(Workspace.State s) {
        Optional<String> scheme = s.year().flatMap(s.content()::scheme).map(StoredScheme::name);
        if (scheme.isEmpty()) {
            title.set(text("app.title"));
        } else {
            title.set(text(s.content().simulated() ? "ui.app.title-simulated" : "ui.app.title", scheme.get()));
        }
    }

    private static String text(String key, Object... args) {
        return Messages.get().text(key, args);
    }
}

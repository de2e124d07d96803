package org.sanlian.workbench.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.function.Function;
import java.util.stream.Collectors;

import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

import org.sanlian.workbench.app.Assessment;
import org.sanlian.workbench.app.ScoringService;
import org.sanlian.workbench.app.WorkbenchDatabase;
import org.sanlian.workbench.core.check.Issue;
import org.sanlian.workbench.core.check.ValidationException;
import org.sanlian.workbench.core.model.BackupFile;
import org.sanlian.workbench.core.model.DataSet;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.model.StoredScheme;
import org.sanlian.workbench.i18n.Messages;
import org.sanlian.workbench.ui.common.FxTaskExecutor;
import org.sanlian.workbench.ui.common.WindowState;
import org.sanlian.workbench.ui.results.ResultsView;
import org.sanlian.workbench.ui.results.ResultsViewModel;

/**
 * The main window: a progress indicator while the assessment loads in the background, then its
 * results. Its size and place are remembered between starts.
 *
 * <p>On a database ({@link #onDatabase}) the window opens the file in the background (creating it
 * with the default scheme and the demo data on the first start), shows the latest period that has
 * figures, and loads every other period chosen from the database with the scheme of its year. The
 * status line at the bottom names the file, says 只读 (and why) when another process holds it, and
 * names the backup taken on opening. The database is closed with the window.
 */
public final class MainWindow {

    public static final String LOADING_ID = "loading";
    public static final String LOAD_ERROR_ID = "load-error";
    /** The status line at the bottom (only on a database). */
    public static final String DB_STATUS_ID = "db-status";
    /** In the status line: the database file. */
    public static final String DB_FILE_ID = "db-file";
    /** In the status line, only when read-only: the 只读 mark and the sentence that explains it. */
    public static final String DB_READ_ONLY_ID = "db-read-only";
    public static final String DB_READ_ONLY_NOTICE_ID = "db-read-only-notice";
    /** In the status line, only when the day's backup was taken on opening. */
    public static final String DB_BACKUP_ID = "db-backup";

    /** The fonts of workbench.css, in order of preference. */
    static final List<String> CJK_FONTS = List.of("Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans CJK SC");

    private final Stage stage;
    private final Callable<Content> opener;
    private final WindowState windowState;
    private final ScoringService scoring = new ScoringService();
    private final FxTaskExecutor executor = new FxTaskExecutor();
    private final BorderPane root = new BorderPane();
    private final StackPane content = new StackPane();

    /** Guards {@link #database} and {@link #closed} between the loading thread and the FX thread. */
    private final Object lock = new Object();
    private WorkbenchDatabase database;
    private boolean closed;

    /**
     * What the background load hands the screen: the periods to offer, the assessment of the latest,
     * how to load the others, and the database they come from (none for a fixed assessment).
     */
    private record Content(List<Period> periods, Assessment latest, Function<Period, Assessment> loader,
                           Optional<WorkbenchDatabase> database) {
    }

    /** A window on one assessment, loaded in the background by {@code loader} (files, or the demo). */
    public MainWindow(Stage stage, Callable<Assessment> loader, WindowState windowState) {
        this.stage = stage;
        this.windowState = windowState;
        this.opener = () -> {
            Assessment a = loader.call();
            return new Content(scoring.periods(a), a, p -> a, Optional.empty());
        };
    }

    private MainWindow(Stage stage, WindowState windowState, Path file, String operator) {
        this.stage = stage;
        this.windowState = windowState;
        this.opener = () -> open(file, operator);
    }

    /**
     * A window on the database {@code file}, created with the demo data when it does not exist or
     * holds no scheme. Changes are recorded under the system user's name.
     */
    public static MainWindow onDatabase(Stage stage, Path file, WindowState windowState) {
        String user = System.getProperty("user.name", "");
        return new MainWindow(stage, windowState, file, user.isBlank() ? "operator" : user);
    }

    public void show() {
        Messages m = Messages.get();
        stage.setTitle(m.text("app.title"));
        root.getStyleClass().add("workbench");
        root.setCenter(content);
        firstInstalledCjkFont().ifPresent(f -> root.setStyle("-fx-font-family: \"" + f + "\";"));
        Scene scene = new Scene(root);
        scene.getStylesheets().add(WorkbenchApp.stylesheet());
        stage.setScene(scene);
        windowState.restore(stage, 1280, 760);
        windowState.saveOnHiding(stage);
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> close());
        stage.show();
        load();
    }

    /** Stops the background thread and closes the database; the window itself is closed by its stage. */
    public void close() {
        executor.close();
        WorkbenchDatabase open;
        synchronized (lock) {
            closed = true;
            open = database;
            database = null;
        }
        if (open != null) {
            open.close(); // waits for a read in progress
        }
    }

    private boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }

    /** Runs in the background: opens (or creates) the database and reads the latest period's assessment. */
    private Content open(Path file, String operator) {
        WorkbenchDatabase db = WorkbenchDatabase.openOrCreateDemo(file, operator);
        synchronized (lock) {
            if (closed) {
                db.close();
                throw new CancellationException("the window was closed");
            }
            database = db;
        }
        List<Period> periods = db.periods();
        Assessment latest;
        if (!periods.isEmpty()) {
            latest = db.assessment(periods.get(periods.size() - 1), Optional.empty());
        } else {
            // no figures yet: the latest scheme gives the tables their columns
            List<StoredScheme> schemes = db.schemes();
            if (schemes.isEmpty()) {
                throw new ValidationException(Issue.of(db.file().toString(), "store.no-scheme", db.file()));
            }
            latest = new Assessment(db.scheme(schemes.get(schemes.size() - 1)),
                    DataSet.empty(), DataSet.empty(), false);
        }
        return new Content(periods, latest, p -> db.assessment(p, Optional.empty()), Optional.of(db));
    }

    private void load() {
        Task<Content> task = new Task<>() {
            @Override
            protected Content call() throws Exception {
                return opener.call();
            }
        };
        ProgressIndicator progress = new ProgressIndicator();
        progress.progressProperty().bind(task.progressProperty());
        VBox loading = new VBox(12, progress, new Label(Messages.get().text("ui.app.loading")));
        loading.setId(LOADING_ID);
        loading.setAlignment(Pos.CENTER);
        content.getChildren().setAll(loading);

        task.setOnSucceeded(e -> {
            if (!isClosed()) {
                showResults(task.getValue());
            }
        });
        task.setOnFailed(e -> {
            if (isClosed()) {
                return;
            }
            WorkbenchDatabase opened;
            synchronized (lock) {
                opened = database;
            }
            if (opened != null) {
                showStatus(opened); // opened, but could not be read: still say which file, and whether read-only
            }
            showError(task.getException());
        });
        Thread thread = new Thread(task, "workbench-load");
        thread.setDaemon(true);
        thread.start();
    }

    private void showResults(Content loaded) {
        ResultsViewModel model = new ResultsViewModel(loaded.periods(), loaded.latest(), loaded.loader(), scoring,
                executor);
        // a listener, not a binding: the stage outlives the window in tests, and may be titled again
        stage.setTitle(model.title());
        model.titleProperty().addListener((obs, old, title) -> {
            if (!isClosed()) {
                stage.setTitle(title);
            }
        });
        content.getChildren().setAll(new ResultsView(model));
        loaded.database().ifPresent(this::showStatus);
    }

    /** The status line: the file, 只读 with the reason, the backup taken on opening. */
    private void showStatus(WorkbenchDatabase db) {
        Messages m = Messages.get();
        Label file = new Label(m.text("ui.db.file", db.file().toString()));
        file.setId(DB_FILE_ID);
        file.getStyleClass().add("status-line");
        HBox line = new HBox(16, file);
        line.setAlignment(Pos.CENTER_LEFT);
        VBox status = new VBox(4, line);
        status.setId(DB_STATUS_ID);
        status.setPadding(new Insets(4, 10, 6, 10));
        if (db.readOnly()) {
            Label mark = new Label(m.text("ui.db.read-only"));
            mark.setId(DB_READ_ONLY_ID);
            mark.getStyleClass().add("error-message");
            mark.setStyle("-fx-font-weight: bold;");
            line.getChildren().add(mark);
            Label notice = new Label(m.text("issue.store.read-only", db.file().toString()));
            notice.setId(DB_READ_ONLY_NOTICE_ID);
            notice.getStyleClass().add("error-message");
            notice.setWrapText(true);
            status.getChildren().add(notice);
        }
        Optional<BackupFile> backup = db.dailyBackup();
        if (backup.isPresent()) {
            Label taken = new Label(m.text("ui.db.backup", backup.get().file().toString()));
            taken.setId(DB_BACKUP_ID);
            taken.getStyleClass().add("status-line");
            line.getChildren().add(taken);
        }
        root.setBottom(status);
    }

    private void showError(Throwable e) {
        Messages m = Messages.get();
        String detail = e instanceof ValidationException
                ? ((ValidationException) e).issues().stream().map(m::describe).collect(Collectors.joining("\n"))
                : e.getClass().getSimpleName() + ": " + e.getMessage();
        Label title = new Label(m.text("ui.app.load-failed"));
        title.getStyleClass().add("load-failed-title");
        Label text = new Label(detail);
        text.setWrapText(true);
        text.setId(LOAD_ERROR_ID);
        text.getStyleClass().add("error-message");
        VBox box = new VBox(10, title, text);
        box.setAlignment(Pos.CENTER);
        box.setMaxWidth(720);
        content.getChildren().setAll(box);
    }

    /**
     * JavaFX takes only the first family of a CSS list and does not fall back to the next, so the
     * first of the stylesheet's fonts that is installed is set on the root explicitly.
     */
    static java.util.Optional<String> firstInstalledCjkFont() {
        List<String> installed = Font.getFamilies();
        return CJK_FONTS.stream().filter(installed::contains).findFirst();
    }
}

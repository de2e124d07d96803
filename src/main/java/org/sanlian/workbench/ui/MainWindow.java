package org.sanlian.workbench.ui;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.prefs.Preferences;

import javafx.event.EventHandler;
import javafx.scene.Scene;
import javafx.scene.text.Font;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

import org.sanlian.workbench.app.DataFolder;
import org.sanlian.workbench.app.ScoringService;
import org.sanlian.workbench.ui.common.FxTaskExecutor;
import org.sanlian.workbench.ui.common.LayoutMemory;
import org.sanlian.workbench.ui.common.WindowState;
import org.sanlian.workbench.ui.shell.AboutDialog;
import org.sanlian.workbench.ui.shell.EarlyOpen;
import org.sanlian.workbench.ui.shell.FxPrompts;
import org.sanlian.workbench.ui.shell.HelpWindow;
import org.sanlian.workbench.ui.shell.Prompts;
import org.sanlian.workbench.ui.shell.RecentFiles;
import org.sanlian.workbench.ui.shell.ScreenContext;
import org.sanlian.workbench.ui.shell.ScreenRegistry;
import org.sanlian.workbench.ui.shell.ShellView;
import org.sanlian.workbench.ui.shell.ShellViewModel;
import org.sanlian.workbench.ui.shell.StatusBar;
import org.sanlian.workbench.ui.shell.Workspace;

/**
 * The main window on a workbench database: the shell (menus, the year and period at the top, the
 * screens in the side bar, the status bar) around the screens of {@link WorkbenchScreens}. The
 * database opens in the background (created with the default scheme and the demo data on the first
 * start); when it names no operator, the window asks who is working and keeps the answer as its
 * {@code operator} setting. Size, place, the side bar's width and the screen shown are remembered;
 * closing with unsaved edits asks first. The database is closed with the window.
 */
public final class MainWindow {

    public static final String LOADING_ID = ShellView.LOADING_ID;
    public static final String LOAD_ERROR_ID = ShellView.LOAD_ERROR_ID;
    /** The status bar and its parts. */
    public static final String DB_STATUS_ID = StatusBar.ID;
    public static final String DB_OPERATOR_ID = StatusBar.OPERATOR_ID;
    public static final String DB_FILE_ID = StatusBar.FILE_ID;
    /** Only when read-only: the 只读 mark and the sentence that explains it. */
    public static final String DB_READ_ONLY_ID = StatusBar.READ_ONLY_ID;
    public static final String DB_READ_ONLY_NOTICE_ID = StatusBar.READ_ONLY_NOTICE_ID;
    /** Only when there is a backup: the newest (今日备份 when it was taken on opening). */
    public static final String DB_BACKUP_ID = StatusBar.BACKUP_ID;
    /** Only when the demo data is open: 示例数据. */
    public static final String DB_SIMULATED_ID = StatusBar.SIMULATED_ID;

    /** The fonts of workbench.css, in order of preference. */
    static final List<String> CJK_FONTS = List.of("Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans CJK SC");

    static final String SCREEN_KEY = "shell.screen";
    static final String SIDE_BAR = "side-bar";

    /**
     * How a window is set up; tests replace the questions (file choosers cannot be driven headless)
     * and keep every remembered choice in their own preferences node.
     *
     * @param windowState      size and place, and the side bar's width
     * @param preferences      recent files and the screen shown last
     * @param prompts          the questions, asked over the window
     * @param rememberDatabase told of each database opened, so that the next start opens it
     * @param registry         the screens
     */
    public record Options(WindowState windowState, Preferences preferences, Function<Window, Prompts> prompts,
                          Consumer<Path> rememberDatabase, Clock clock, String systemUser,
                          ScreenRegistry registry) {

        /** The application's: the user's preferences, dialogs, and the next start opens the last database. */
        public static Options standard() {
            WindowState state = WindowState.main();
            return new Options(state, state.preferences(), w -> new FxPrompts(() -> w),
                    p -> DataFolder.chooseDatabase(Optional.of(p)), Clock.systemDefaultZone(), currentUser(),
                    WorkbenchScreens.standard());
        }

        /** Everything remembered in {@code windowState}'s node; the next start's database is left alone. */
        public static Options of(WindowState windowState) {
            return new Options(windowState, windowState.preferences(), w -> new FxPrompts(() -> w), p -> { },
                    Clock.systemDefaultZone(), currentUser(), WorkbenchScreens.standard());
        }

        public Options withPrompts(Function<Window, Prompts> other) {
            return new Options(windowState, preferences, other, rememberDatabase, clock, systemUser, registry);
        }

        public Options withSystemUser(String user) {
            return new Options(windowState, preferences, prompts, rememberDatabase, clock, user, registry);
        }

        private static String currentUser() {
            String user = System.getProperty("user.name", "");
            return user.isBlank() ? "operator" : user;
        }
    }

    private final Stage stage;
    private final Path file;
    private final Options options;
    private FxTaskExecutor executor;
    private ShellViewModel model;
    private ShellView view;
    private boolean closed;
    private final EventHandler<WindowEvent> onHiding = e -> remember();
    private final EventHandler<WindowEvent> onHidden = e -> close();

    private MainWindow(Stage stage, Path file, Options options) {
        this.stage = stage;
        this.file = file;
        this.options = options;
    }

    /**
     * A window on the database {@code file}, created with the demo data when it does not exist or
     * holds no scheme; everything it remembers goes to {@code windowState}'s preferences node.
     */
    public static MainWindow onDatabase(Stage stage, Path file, WindowState windowState) {
        return new MainWindow(stage, file, Options.of(windowState));
    }

    public static MainWindow onDatabase(Stage stage, Path file, Options options) {
        return new MainWindow(stage, file, options);
    }

    /** The window's state and actions (for tests and for screens that need the window). */
    public ShellViewModel model() {
        return model;
    }

    public void show() {
        show(Optional.empty());
    }

    /**
     * Shows the window; {@code begun}: this window's database, its opening begun before the toolkit
     * started (used when it is this window's file, else closed once opened).
     */
    public void show(Optional<EarlyOpen> begun) {
        // the database opens while the screens are built (both take a few hundred ms of a cold start),
        // and the first screen reads what it shows on the same thread meanwhile
        String first = options.preferences().get(SCREEN_KEY, WorkbenchScreens.FIRST);
        EarlyOpen early = begun.filter(b -> b.file().equals(file))
                .orElseGet(() -> EarlyOpen.begin(file, options.registry().earlyReading(first)));
        begun.filter(b -> b != early).ifPresent(EarlyOpen::discard);
        executor = new FxTaskExecutor();
        Workspace workspace = new Workspace(executor);
        Prompts prompts = options.prompts().apply(stage);
        LayoutMemory.use(options.preferences());
        ScreenContext context = new ScreenContext(workspace, executor, new ScoringService(), prompts,
                options.preferences());
        model = new ShellViewModel(workspace, options.registry(), context, prompts,
                new RecentFiles(options.preferences()), options.rememberDatabase(), options.clock(),
                options.systemUser());
        view = new ShellView(model, new ShellView.Hooks(this::help, this::about, this::exit));
        view.getStyleClass().add("workbench");
        firstInstalledCjkFont().ifPresent(f -> view.setStyle(fontStyle(f)));

        stage.setTitle(model.title());
        // a listener, not a binding: the stage outlives the window in tests, and may be titled again
        model.titleProperty().addListener((obs, old, title) -> {
            if (!closed) {
                stage.setTitle(title);
            }
        });
        options.windowState().restore(stage, 1280, 760);
        // the scene sized as the window: a scene without a size is first laid out at its content's
        // preferred size, which measures every screen's tables and forms, then again at the window's
        Scene scene = new Scene(view, stage.getWidth(), stage.getHeight());
        scene.getStylesheets().add(WorkbenchApp.stylesheet());
        stage.setScene(scene);
        stage.addEventHandler(WindowEvent.WINDOW_HIDING, onHiding);
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, onHidden);
        stage.setOnCloseRequest(e -> {
            e.consume();
            exit();
        });
        model.showFirst(first);
        StartupProbe.watch(model, executor);
        // before the window is on screen: a database already open (and read) is shown in its first layout
        model.start(early);
        stage.show();
        // after the first layout: the side bar keeps its width when the window resizes, so a position
        // set while the split pane had no width yet would not be the one remembered
        view.applyCss();
        view.layout();
        options.windowState().restoreDivider(view.split(), SIDE_BAR, 0.14);
    }

    /** Size, place, the side bar's width and the screen shown, for the next start. */
    private void remember() {
        if (closed) {
            return;
        }
        options.windowState().save(stage);
        options.windowState().saveDivider(view.split(), SIDE_BAR);
        try {
            if (model.current() != null) {
                options.preferences().put(SCREEN_KEY, model.current().id());
            }
        } catch (IllegalStateException e) {
            // the preferences node is gone (a test removed it): nothing to remember into
        }
    }

    /** 退出 (and the window's close button): asks about unsaved edits first. */
    private void exit() {
        model.requestClose(stage::hide);
    }

    private void help() {
        HelpWindow.show(stage, WorkbenchApp.stylesheet(), firstInstalledCjkFont().map(MainWindow::fontStyle).orElse(""));
    }

    private void about() {
        AboutDialog.show(stage, model.workspace().database());
    }

    /** Stops the background thread and closes the database; the stage itself is closed by its owner. */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        // the stage may outlive this window (tests show several windows on one stage)
        stage.removeEventHandler(WindowEvent.WINDOW_HIDING, onHiding);
        stage.removeEventHandler(WindowEvent.WINDOW_HIDDEN, onHidden);
        stage.setOnCloseRequest(null);
        LayoutMemory.use(null); // views built after this window keep no widths in its preferences
        if (executor != null) {
            executor.close();
        }
        if (model != null) {
            model.dispose(); // waits for a read in progress
        }
    }

    private static String fontStyle(String family) {
        return "-fx-font-family: \"" + family + "\";";
    }

    /**
     * JavaFX takes only the first family of a CSS list and does not fall back to the next, so the
     * first of the stylesheet's fonts that is installed is set on the root explicitly.
     */
    static Optional<String> firstInstalledCjkFont() {
        List<String> installed = Font.getFamilies();
        return CJK_FONTS.stream().filter(installed::contains).findFirst();
    }
}

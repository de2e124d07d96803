package org.sanlian.workbench.ui;

import java.net.URL;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.prefs.Preferences;

import javafx.application.Application;
import javafx.application.ConditionalFeature;
import javafx.application.Platform;
import javafx.stage.Stage;

import org.sanlian.workbench.app.DataFolder;
import org.sanlian.workbench.i18n.Messages;
import org.sanlian.workbench.ui.common.WindowState;
import org.sanlian.workbench.ui.shell.EarlyOpen;
import org.sanlian.workbench.ui.shell.EarlyReading;

/**
 * The desktop workbench. Started by {@code Launcher} (no arguments, or {@code --db FILE}) or
 * {@code mvn javafx:run}; opens the main window on the workbench database: the file named by the
 * system property {@value #DATABASE_PROPERTY} when set (the launcher sets it for {@code --db FILE}),
 * else {@link DataFolder#database()} (the chosen file of the settings, else {@code sanlian.db} in the
 * data folder, which {@code SANLIAN_DATA} overrides). On the first start the file is created with the
 * default scheme and the demo data (示例数据).
 */
public final class WorkbenchApp extends Application {

    /** The system property naming the database file to open; unset: {@link DataFolder#database()}. */
    public static final String DATABASE_PROPERTY = "sanlian.db";

    /** The system property naming a scheme file opened with the workbench (from the desktop): shown on 指标方案 to import. */
    public static final String SCHEME_PROPERTY = "sanlian.scheme";

    private MainWindow window;

    /** This start's database, its opening begun before the toolkit started ({@link #beginOpening}); null in tests. */
    private static volatile EarlyOpen opening;

    public static void main(String[] args) {
        prepareMeanwhile();
        useRememberedRenderer();
        beginOpening();
        launch(WorkbenchApp.class, args);
    }

    /** Starts the workbench on {@code database} (through {@value #DATABASE_PROPERTY}); returns when it is closed. */
    public static void launchOn(Path database) {
        System.setProperty(DATABASE_PROPERTY, database.toString());
        prepareMeanwhile();
        useRememberedRenderer();
        beginOpening();
        launch(WorkbenchApp.class);
    }

    /** Starts the workbench on its usual database with {@code scheme} on 指标方案, to import (a scheme file opened with it). */
    public static void launchWithScheme(Path scheme) {
        System.setProperty(SCHEME_PROPERTY, scheme.toString());
        prepareMeanwhile();
        useRememberedRenderer();
        beginOpening();
        launch(WorkbenchApp.class);
    }

    /**
     * The language chosen in 设置 (Chinese unless English was chosen) for the workbench's texts and for
     * JavaFX's own, whatever the system's: JavaFX names its dialog buttons (确定, 取消) and a text
     * field's menu in the default locale, which is English on a machine set up in English.
     */
    static void useChosenLanguage(Preferences preferences) {
        Messages.useChosen(preferences);
        Locale.setDefault(Messages.get().locale());
    }

    /**
     * What the window's thread would otherwise do first, done on a thread of its own while the toolkit
     * starts: reading the messages (about 0.05 s of the window's thread at a cold start).
     */
    private static void prepareMeanwhile() {
        Thread t = new Thread(() -> {
            try {
                Messages.get();
            } catch (RuntimeException | LinkageError e) {
                // the window's thread meets the same problem, and reports it
            }
        }, "workbench-prepare");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Before the toolkit starts: begins opening the database the window will show, and reading what
     * its first screen shows, on a thread of their own ({@link EarlyOpen}). The toolkit's start and the
     * window's building take the first half second of a start; when both are over, the window is
     * shown with its content in its first layout. The language chosen in 设置 is set before the
     * reading, whose charts carry text.
     */
    private static void beginOpening() {
        try {
            Preferences preferences = WindowState.main().preferences();
            String first = preferences.get(MainWindow.SCREEN_KEY, WorkbenchScreens.FIRST);
            Optional<EarlyReading> reading = WorkbenchScreens.standard().earlyReading(first)
                    .map(r -> (db, content) -> {
                        Messages.useChosen(preferences);
                        return r.read(db, content);
                    });
            opening = EarlyOpen.begin(database(preferences), reading);
        } catch (RuntimeException e) {
            opening = null; // the window chooses its database itself, and says what is wrong with it
        }
    }

    /** Before the toolkit starts: the software renderer at once where an earlier start found nothing else (RenderingPipeline). */
    private static void useRememberedRenderer() {
        RenderingPipeline.applyRemembered(WindowState.main().preferences(), System.getenv(), LocalDate.now());
    }

    /** The database the window opens. */
    public static Path database() {
        String chosen = System.getProperty(DATABASE_PROPERTY, "");
        return chosen.isBlank() ? DataFolder.database() : Path.of(chosen);
    }

    /** The database the window opens at this start, with the data folder chosen in 设置 ({@code windowPreferences}). */
    static Path database(java.util.prefs.Preferences windowPreferences) {
        String chosen = System.getProperty(DATABASE_PROPERTY, "");
        return chosen.isBlank() ? DataFolder.databaseAtStart(windowPreferences) : Path.of(chosen);
    }

    /** The stylesheet of every scene: the Chinese-capable fonts and the tints of the tables. */
    public static String stylesheet() {
        URL css = WorkbenchApp.class.getResource("workbench.css");
        if (css == null) {
            throw new IllegalStateException("workbench.css is missing from the build");
        }
        return css.toExternalForm();
    }

    @Override
    public void start(Stage stage) {
        MainWindow.Options options = MainWindow.Options.standard();
        // the language and the data folder chosen in 设置 take effect here, at the next start
        useChosenLanguage(options.preferences());
        EarlyOpen begun = opening;
        opening = null;
        // the database chosen before the toolkit started (choosing it once: a data folder chosen in 设置 is used once)
        Path file = begun != null ? begun.file() : database(options.preferences());
        window = MainWindow.onDatabase(stage, file, options);
        window.show(Optional.ofNullable(begun));
        RenderingPipeline.remember(options.preferences(), System.getenv(),
                Platform.isSupported(ConditionalFeature.SCENE3D), LocalDate.now());
        String scheme = System.getProperty(SCHEME_PROPERTY, "");
        if (!scheme.isBlank()) {
            window.model().openOnScreen(WorkbenchScreens.SCHEME, Path.of(scheme));
        }
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
    }
}

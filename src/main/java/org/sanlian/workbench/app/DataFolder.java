package org.sanlian.workbench.app;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.prefs.Preferences;

/**
 * Where the workbench keeps its database when nobody says otherwise: {@code %APPDATA%\Sanlian} on
 * Windows, {@code $XDG_DATA_HOME/sanlian} or {@code ~/.local/share/sanlian} elsewhere. The
 * environment variable {@code SANLIAN_DATA} overrides the folder (for tests and portable use); the
 * user's setting (a chosen database file) overrides the file.
 *
 * <p>In 设置 one may choose another data folder; it is kept in the window's preferences
 * ({@value #FOLDER_PREFERENCE}) and takes effect at the next start: that start opens the chosen
 * folder's {@value #DATABASE_NAME} (created there when missing) instead of the file opened last.
 * {@code SANLIAN_DATA} still wins over the choice.
 */
public final class DataFolder {

    /** The database file's name inside the data folder. */
    public static final String DATABASE_NAME = "sanlian.db";

    private static final String PREFERENCE = "database";
    /** The window's preference holding the data folder chosen in 设置. */
    public static final String FOLDER_PREFERENCE = "data.folder";
    /** Set when the data folder was chosen, until the next start has opened its database. */
    static final String FOLDER_PENDING = "data.folder.next";

    private DataFolder() {
    }

    /** The data folder for this user and system. */
    public static Path folder() {
        return folder(System.getenv(), System.getProperty("os.name", ""), System.getProperty("user.home", "."));
    }

    /** The folder {@code SANLIAN_DATA} names, when set: it wins over any folder chosen in 设置. */
    public static Optional<Path> environmentFolder() {
        String override = System.getenv("SANLIAN_DATA");
        return override == null || override.isBlank() ? Optional.empty() : Optional.of(Path.of(override));
    }

    /** The data folder with the window's preferences: {@code SANLIAN_DATA}, else the chosen folder, else the default. */
    public static Path folder(Preferences windowPreferences) {
        return folder(System.getenv(), System.getProperty("os.name", ""), System.getProperty("user.home", "."),
                chosenFolder(windowPreferences));
    }

    static Path folder(Map<String, String> env, String osName, String home) {
        return folder(env, osName, home, Optional.empty());
    }

    static Path folder(Map<String, String> env, String osName, String home, Optional<Path> chosen) {
        String override = env.get("SANLIAN_DATA");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        if (chosen.isPresent()) {
            return chosen.get();
        }
        if (osName.toLowerCase(java.util.Locale.ROOT).startsWith("windows")) {
            String appData = env.get("APPDATA");
            return appData != null && !appData.isBlank() ? Path.of(appData, "Sanlian")
                    : Path.of(home, "AppData", "Roaming", "Sanlian");
        }
        String xdg = env.get("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "sanlian");
        }
        return Path.of(home, ".local", "share", "sanlian");
    }

    /** The database to open: the one the user chose in the settings, else the data folder's. */
    public static Path database() {
        if (System.getenv("SANLIAN_DATA") == null) {
            Optional<Path> chosen = chosenDatabase();
            if (chosen.isPresent()) {
                return chosen.get();
            }
        }
        return folder().resolve(DATABASE_NAME);
    }

    /**
     * The database the window opens at this start: under {@code SANLIAN_DATA} when set; else, when
     * a data folder was chosen (or the choice undone) since the last start, that folder's database
     * (the choice then counts as taken); else the file opened last, else the data folder's.
     */
    public static Path databaseAtStart(Preferences windowPreferences) {
        Path file = databaseAtStart(System.getenv(), System.getProperty("os.name", ""),
                System.getProperty("user.home", "."), windowPreferences, chosenDatabase());
        windowPreferences.remove(FOLDER_PENDING);
        return file;
    }

    static Path databaseAtStart(Map<String, String> env, String osName, String home, Preferences windowPreferences,
                                Optional<Path> openedLast) {
        Path folder = folder(env, osName, home, chosenFolder(windowPreferences));
        String override = env.get("SANLIAN_DATA");
        boolean overridden = override != null && !override.isBlank();
        if (overridden || windowPreferences.getBoolean(FOLDER_PENDING, false) || openedLast.isEmpty()) {
            return folder.resolve(DATABASE_NAME);
        }
        return openedLast.get();
    }

    /** The data folder chosen in 设置 (kept in the window's preferences), if any. */
    public static Optional<Path> chosenFolder(Preferences windowPreferences) {
        String chosen = windowPreferences.get(FOLDER_PREFERENCE, "");
        return chosen.isBlank() ? Optional.empty() : Optional.of(Path.of(chosen));
    }

    /** Keeps {@code folder} as the data folder from the next start on (empty: the default folder again). */
    public static void chooseFolder(Preferences windowPreferences, Optional<Path> folder) {
        Optional<Path> before = chosenFolder(windowPreferences);
        Optional<Path> after = folder.map(Path::toAbsolutePath);
        if (before.equals(after)) {
            return;
        }
        if (after.isPresent()) {
            windowPreferences.put(FOLDER_PREFERENCE, after.get().toString());
        } else {
            windowPreferences.remove(FOLDER_PREFERENCE);
        }
        windowPreferences.putBoolean(FOLDER_PENDING, true);
    }

    /** The database file the user chose in the settings, if any. */
    public static Optional<Path> chosenDatabase() {
        String chosen = preferences().get(PREFERENCE, "");
        return chosen.isBlank() ? Optional.empty() : Optional.of(Path.of(chosen));
    }

    /** Remembers the database file to open from now on (empty: the data folder's). */
    public static void chooseDatabase(Optional<Path> file) {
        if (file.isPresent()) {
            preferences().put(PREFERENCE, file.get().toAbsolutePath().toString());
        } else {
            preferences().remove(PREFERENCE);
        }
    }

    private static Preferences preferences() {
        return Preferences.userRoot().node("org/sanlian/workbench");
    }
}

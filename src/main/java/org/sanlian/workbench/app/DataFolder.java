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
 */
public final class DataFolder {

    /** The database file's name inside the data folder. */
    public static final String DATABASE_NAME = "sanlian.db";

    private static final String PREFERENCE = "database";

    private DataFolder() {
    }

    /** The data folder for this user and system. */
    public static Path folder() {
        return folder(System.getenv(), System.getProperty("os.name", ""), System.getProperty("user.home", "."));
    }

    static Path folder(Map<String, String> env, String osName, String home) {
        String override = env.get("SANLIAN_DATA");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
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

package org.sanlian.workbench.ui.shell;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * The database files opened lately, newest first, remembered in user preferences (最近打开的文件).
 */
public final class RecentFiles {

    /** How many are remembered. */
    public static final int LIMIT = 8;

    static final String KEY = "recent.files";

    private final Preferences prefs;

    public RecentFiles(Preferences prefs) {
        this.prefs = prefs;
    }

    /** The files, newest first. */
    public List<Path> list() {
        List<Path> out = new ArrayList<>();
        for (String line : prefs.get(KEY, "").split("\n")) {
            if (!line.isBlank()) {
                try {
                    out.add(Path.of(line));
                } catch (InvalidPathException e) {
                    // a path another system wrote: skip it
                }
            }
        }
        return out;
    }

    /** Puts {@code file} first (once); the oldest beyond {@link #LIMIT} are forgotten. */
    public List<Path> add(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        List<Path> before = list();
        List<Path> out = new ArrayList<>();
        out.add(absolute);
        for (Path p : before) {
            if (!p.equals(absolute) && out.size() < LIMIT) {
                out.add(p);
            }
        }
        if (!out.equals(before)) { // the usual start reopens the newest: nothing to write
            store(out);
        }
        return out;
    }

    /** Forgets {@code file} (it could not be opened). */
    public List<Path> remove(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        List<Path> out = new ArrayList<>(list());
        out.remove(absolute);
        store(out);
        return out;
    }

    private void store(List<Path> files) {
        StringBuilder text = new StringBuilder();
        for (Path p : files) {
            text.append(p).append('\n');
        }
        try {
            prefs.put(KEY, text.toString());
            prefs.flush();
        } catch (BackingStoreException | IllegalStateException e) {
            // losing the list is not worth a dialog; the files themselves are untouched
        }
    }
}

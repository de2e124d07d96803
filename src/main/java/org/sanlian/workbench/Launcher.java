package org.sanlian.workbench;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

import org.sanlian.workbench.cli.SanlianCli;
import org.sanlian.workbench.ui.WorkbenchApp;

/**
 * The one entry point of the jar: without arguments the desktop workbench on the default database
 * (see {@code DataFolder}), with exactly {@code --db FILE} the workbench on that file, with anything
 * else the command line (always the command line for the packaged console launcher, see
 * {@link #KIND_PROPERTY}). A plain class, never an {@code Application}, so that a command never starts
 * the JavaFX toolkit (which would need a display).
 */
public final class Launcher {

    /**
     * Set to {@value #COMMAND_LINE} by the packaged console launcher ({@code sanlian}): every start is
     * a command, and without arguments it prints the commands instead of opening the window.
     */
    public static final String KIND_PROPERTY = "sanlian.launcher";
    public static final String COMMAND_LINE = "cli";

    private Launcher() {
    }

    public static void main(String[] args) {
        if (COMMAND_LINE.equals(System.getProperty(KIND_PROPERTY))) {
            System.exit(SanlianCli.run(args.length == 0 ? new String[] {"--help"} : args));
        }
        if (args.length == 0) {
            WorkbenchApp.main(args);
            return;
        }
        Optional<Path> database = windowDatabase(args);
        if (database.isPresent()) {
            WorkbenchApp.launchOn(database.get());
            return;
        }
        System.exit(SanlianCli.run(args));
    }

    /** The file of {@code --db FILE} when that is the whole command line (the window on that file). */
    static Optional<Path> windowDatabase(String[] args) {
        if (args.length != 2 || !args[0].equals("--db") || args[1].isBlank() || args[1].startsWith("-")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(args[1]));
        } catch (InvalidPathException e) {
            return Optional.empty(); // the command line says what is wrong with it
        }
    }
}

package org.sanlian.workbench;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

import org.sanlian.workbench.cli.SanlianCli;
import org.sanlian.workbench.ui.WorkbenchApp;

/**
 * The one entry point of the jar: without arguments the desktop workbench on the default database
 * (see {@code DataFolder}), with exactly {@code --db FILE} the workbench on that file, with one
 * {@code .json} file the workbench with that scheme file on 指标方案 to import, with anything
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
        Optional<Path> database = windowDatabase(args);
        Optional<Path> scheme = schemeFile(args);
        if (args.length == 0 || database.isPresent() || scheme.isPresent()) {
            // the window: its class-data archives are made in the background if the installer left none
            StartupArchive.makeMissingInBackground();
        }
        if (args.length == 0) {
            WorkbenchApp.main(args);
            return;
        }
        if (database.isPresent()) {
            WorkbenchApp.launchOn(database.get());
            return;
        }
        if (scheme.isPresent()) {
            WorkbenchApp.launchWithScheme(scheme.get());
            return;
        }
        System.exit(SanlianCli.run(args));
    }

    /**
     * The scheme file when the command line is one {@code .json} file, as the desktop passes a file
     * opened with the workbench (a path, or a {@code file:} URI): the window opens with it on 指标方案.
     */
    static Optional<Path> schemeFile(String[] args) {
        if (args.length != 1 || !args[0].toLowerCase(java.util.Locale.ROOT).endsWith(".json")
                || args[0].startsWith("-")) {
            return Optional.empty();
        }
        try {
            return Optional.of(args[0].startsWith("file:") ? Path.of(java.net.URI.create(args[0])) : Path.of(args[0]));
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return Optional.empty(); // InvalidPathException is an IllegalArgumentException: the command line says what is wrong
        }
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

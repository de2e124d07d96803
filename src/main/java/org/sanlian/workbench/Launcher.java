package org.sanlian.workbench;

import org.sanlian.workbench.cli.SanlianCli;

/**
 * The one entry point of the jar: without arguments the desktop workbench, with a command the
 * command line. A plain class, never an {@code Application}, so that a command never starts the
 * JavaFX toolkit (which would need a display).
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            org.sanlian.workbench.ui.WorkbenchApp.main(args);
            return;
        }
        System.exit(SanlianCli.run(args));
    }
}

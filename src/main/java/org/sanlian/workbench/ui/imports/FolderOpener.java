package org.sanlian.workbench.ui.imports;

import java.awt.Desktop;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Shows a folder in the system's file manager, where the platform allows it: never when headless
 * (a server, the tests), nor where the desktop cannot open files. The opening runs on a thread of its
 * own, because the desktop call may block, and must not on the JavaFX thread.
 */
final class FolderOpener {

    private FolderOpener() {
    }

    static boolean supported() {
        if (GraphicsEnvironment.isHeadless()) {
            return false;
        }
        try {
            return Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.OPEN);
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** Opens {@code folder}; {@code failed} hears why when it cannot (called on the opening thread). */
    static void open(Path folder, Consumer<String> failed) {
        Thread t = new Thread(() -> {
            try {
                Desktop.getDesktop().open(folder.toFile());
            } catch (IOException | RuntimeException e) {
                failed.accept(String.valueOf(e.getMessage()));
            }
        }, "open-folder");
        t.setDaemon(true);
        t.start();
    }
}

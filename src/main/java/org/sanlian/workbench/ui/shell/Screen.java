package org.sanlian.workbench.ui.shell;

import java.util.Optional;

import javafx.scene.Node;

/**
 * One screen of the window (单位与分区, 考核期, 计算与排名 …), as the shell sees it. A screen is made
 * by its {@link ScreenRegistry} entry from a {@link ScreenContext} when it is first shown, follows
 * the {@link Workspace} itself (database, year, period), and lives as long as the window.
 */
public interface Screen {

    /** The screen's content; built on the first call (on the JavaFX thread), the same node afterwards. */
    Node view();

    /** Its edits, for the menu's 保存/撤销/重做 and the unsaved-changes guard; none for a screen that only shows. */
    default Optional<Editing> editing() {
        return Optional.empty();
    }

    /** It became the screen shown. */
    default void shown() {
    }

    /**
     * A file the user opened with the workbench (from the desktop) that this screen takes, as an
     * unsaved edit the user then reviews; false when the screen takes no files.
     */
    default boolean open(java.nio.file.Path file) {
        return false;
    }
}

package org.sanlian.workbench.ui.shell;

import javafx.beans.property.ReadOnlyBooleanProperty;

/**
 * The edits of a screen that keeps unsaved changes until it saves them as a whole: the shell binds
 * 保存 (Ctrl+S), 撤销 (Ctrl+Z) and 重做 (Ctrl+Y) to them, and asks before leaving a screen (another
 * screen, year, period or database, or closing the window) while {@link #dirtyProperty()} holds.
 */
public interface Editing {

    /** Whether there are unsaved changes. */
    ReadOnlyBooleanProperty dirtyProperty();

    ReadOnlyBooleanProperty canUndoProperty();

    ReadOnlyBooleanProperty canRedoProperty();

    void undo();

    void redo();

    /**
     * Saves the changes; calls {@code onSaved} (on the JavaFX thread) once they are kept, and not
     * when they are refused (the screen then shows why).
     */
    void save(Runnable onSaved);

    /** Drops the unsaved changes. */
    void discard();
}

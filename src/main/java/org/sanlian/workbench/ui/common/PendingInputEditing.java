package org.sanlian.workbench.ui.common;

import java.util.Objects;

import javafx.beans.property.ReadOnlyBooleanProperty;

import org.sanlian.workbench.ui.shell.Editing;

/**
 * A screen's edits whose view takes typed text when a field is left or Enter is pressed: before
 * saving, the text still in the focused field is taken first, since Ctrl+S (and the menu's 保存)
 * leave the focus where it is.
 */
public final class PendingInputEditing implements Editing {

    private final Editing model;
    private final Runnable takePending;

    /** @param takePending takes what the focused field holds into the model (nothing when no view is shown) */
    public PendingInputEditing(Editing model, Runnable takePending) {
        this.model = Objects.requireNonNull(model, "model");
        this.takePending = Objects.requireNonNull(takePending, "takePending");
    }

    @Override
    public ReadOnlyBooleanProperty dirtyProperty() {
        return model.dirtyProperty();
    }

    @Override
    public ReadOnlyBooleanProperty canUndoProperty() {
        return model.canUndoProperty();
    }

    @Override
    public ReadOnlyBooleanProperty canRedoProperty() {
        return model.canRedoProperty();
    }

    @Override
    public void undo() {
        model.undo();
    }

    @Override
    public void redo() {
        model.redo();
    }

    @Override
    public void save(Runnable onSaved) {
        takePending.run();
        model.save(onSaved);
    }

    @Override
    public void discard() {
        model.discard();
    }
}

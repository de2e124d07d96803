package org.sanlian.workbench.ui.common;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The edits of one screen as a history of whole, immutable states: each edit is one undo step
 * (Ctrl+Z) and can be redone (Ctrl+Y) until another edit is made; the state last saved is
 * remembered, so the screen knows whether it has unsaved changes (undoing back to it is clean
 * again). Keeping whole states rather than inverse operations makes undo exact by construction; the
 * states are small (a scheme's units and zones, later its tree).
 *
 * @param <T> the screen's state, an immutable value with a meaningful {@code equals}
 */
public final class EditHistory<T> {

    /** How many undo steps are kept; older ones are forgotten. */
    public static final int LIMIT = 200;

    private final Deque<T> undo = new ArrayDeque<>();
    private final Deque<T> redo = new ArrayDeque<>();
    private final ReadOnlyObjectWrapper<T> current = new ReadOnlyObjectWrapper<>(this, "current");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private T saved;

    /** Starts over on a state as kept (after loading or saving): nothing to undo, nothing unsaved. */
    public void reset(T state) {
        Objects.requireNonNull(state, "state");
        undo.clear();
        redo.clear();
        saved = state;
        current.set(state);
        update();
    }

    /** Forgets everything (nothing loaded). */
    public void clear() {
        undo.clear();
        redo.clear();
        saved = null;
        current.set(null);
        update();
    }

    /** One edit: {@code next} becomes the state; an edit that changes nothing is no step. */
    public void edit(T next) {
        Objects.requireNonNull(next, "next");
        T now = current.get();
        if (now == null) {
            throw new IllegalStateException("nothing loaded to edit");
        }
        if (now.equals(next)) {
            return;
        }
        undo.push(now);
        while (undo.size() > LIMIT) {
            undo.removeLast();
        }
        redo.clear();
        current.set(next);
        update();
    }

    public void undo() {
        if (!undo.isEmpty()) {
            redo.push(current.get());
            current.set(undo.pop());
            update();
        }
    }

    public void redo() {
        if (!redo.isEmpty()) {
            undo.push(current.get());
            current.set(redo.pop());
            update();
        }
    }

    /** The current state was kept: it becomes the clean one; the steps stay, so undo still works. */
    public void markSaved() {
        markSaved(current.get());
    }

    /** {@code state} was kept (an edit made while it was being saved stays unsaved). */
    public void markSaved(T state) {
        saved = Objects.requireNonNull(state, "state");
        update();
    }

    /** Goes back to the state last saved (the edits are discarded, as one step that can be undone). */
    public void revert() {
        if (saved != null) {
            edit(saved);
        }
    }

    public T current() {
        return current.get();
    }

    public ReadOnlyObjectProperty<T> currentProperty() {
        return current.getReadOnlyProperty();
    }

    /** The state last loaded or saved. */
    public T saved() {
        return saved;
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /** Whether the state differs from the one last saved. */
    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public boolean isDirty() {
        return dirty.get();
    }

    private void update() {
        canUndo.set(!undo.isEmpty());
        canRedo.set(!redo.isEmpty());
        dirty.set(current.get() != null && !current.get().equals(saved));
    }
}

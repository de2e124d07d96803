package org.sanlian.workbench.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One undo step per edit, redo until the next edit, and unsaved changes measured against the state last saved. */
class EditHistoryTest {

    @Test
    void eachEditIsOneUndoStepAndRedoLastsUntilTheNextEdit() {
        EditHistory<String> h = new EditHistory<>();
        h.reset("a");
        assertThat(h.isDirty()).isFalse();
        assertThat(h.canUndoProperty().get()).isFalse();

        h.edit("b");
        h.edit("c");
        assertThat(h.current()).isEqualTo("c");
        assertThat(h.isDirty()).isTrue();

        h.undo();
        assertThat(h.current()).isEqualTo("b");
        assertThat(h.canRedoProperty().get()).isTrue();
        h.redo();
        assertThat(h.current()).isEqualTo("c");
        h.undo();
        h.undo();
        assertThat(h.current()).isEqualTo("a");
        assertThat(h.isDirty()).isFalse(); // back where it was saved
        assertThat(h.canUndoProperty().get()).isFalse();

        h.redo();
        h.edit("d");
        assertThat(h.canRedoProperty().get()).isFalse();
        h.undo();
        assertThat(h.current()).isEqualTo("b");
    }

    @Test
    void anEditThatChangesNothingIsNoStep() {
        EditHistory<String> h = new EditHistory<>();
        h.reset("a");
        h.edit("a");
        assertThat(h.canUndoProperty().get()).isFalse();
        assertThat(h.isDirty()).isFalse();
    }

    @Test
    void savingMakesTheSavedStateCleanAndKeepsTheSteps() {
        EditHistory<String> h = new EditHistory<>();
        h.reset("a");
        h.edit("b");
        h.markSaved();
        assertThat(h.isDirty()).isFalse();
        assertThat(h.canUndoProperty().get()).isTrue();
        h.undo();
        assertThat(h.isDirty()).isTrue(); // "a" is no longer what is kept

        h.redo();
        h.edit("c");
        h.markSaved("b"); // "b" was being saved while "c" was typed
        assertThat(h.isDirty()).isTrue();
        assertThat(h.saved()).isEqualTo("b");
    }

    @Test
    void revertGoesBackToTheSavedStateAsOneStep() {
        EditHistory<String> h = new EditHistory<>();
        h.reset("a");
        h.edit("b");
        h.edit("c");
        h.revert();
        assertThat(h.current()).isEqualTo("a");
        assertThat(h.isDirty()).isFalse();
        h.undo();
        assertThat(h.current()).isEqualTo("c");
    }

    @Test
    void onlyTheNewestStepsAreKept() {
        EditHistory<Integer> h = new EditHistory<>();
        h.reset(0);
        for (int i = 1; i <= EditHistory.LIMIT + 50; i++) {
            h.edit(i);
        }
        int undone = 0;
        while (h.canUndoProperty().get()) {
            h.undo();
            undone++;
        }
        assertThat(undone).isEqualTo(EditHistory.LIMIT);
        assertThat(h.current()).isEqualTo(50);
    }
}

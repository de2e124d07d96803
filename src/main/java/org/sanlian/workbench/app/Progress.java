package org.sanlian.workbench.app;

/**
 * Watches long work of {@code app} (an import's check and write, generating templates, exporting a
 * meeting workbook): told how far the work got, and asked between steps (each file, each batch of
 * rows, each template, each sheet) whether to stop. A stop throws {@link CancelledException} from the
 * work, which then undoes what it did: an import rolls its transaction back, templates remove the
 * files written, an export leaves neither the workbook nor its temporary file.
 */
public interface Progress {

    /** What the work is doing. */
    enum Phase { CHECKING, WRITING, TEMPLATES, EXPORTING }

    /**
     * How far: {@code done} of {@code total} steps (files, templates, or sheets), at {@code item} (a
     * file's, a unit's or a sheet's name; empty while the work finishes), with {@code rows} rows of that file read or written so far (0 when not counted).
     */
    record Step(Phase phase, int done, int total, String item, long rows) {
    }

    /** Nobody watches, and the work never stops early. */
    Progress NONE = new Progress() {
        @Override
        public void update(Step step) {
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    };

    void update(Step step);

    /** Whether the work should stop at its next step. */
    boolean cancelled();

    /** Throws {@link CancelledException} when the work should stop. */
    default void stopIfCancelled() {
        if (cancelled()) {
            throw new CancelledException();
        }
    }
}

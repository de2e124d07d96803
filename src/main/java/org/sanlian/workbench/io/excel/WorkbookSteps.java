package org.sanlian.workbench.io.excel;

/**
 * Hears how far writing a meeting workbook got: before each sheet ({@code what} is its name) and
 * before the file is put together ({@code what} is empty), {@code done} of {@code total} steps. It may
 * throw to stop the writing (a caller's cancellation); nothing is then written to the stream whole.
 */
@FunctionalInterface
public interface WorkbookSteps {

    /** Nobody listens. */
    WorkbookSteps NONE = (done, total, what) -> { };

    void step(int done, int total, String what);
}

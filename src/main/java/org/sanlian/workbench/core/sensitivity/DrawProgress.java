package org.sanlian.workbench.core.sensitivity;

/**
 * Watches the Monte Carlo draws of {@link RankSensitivity}: told after each draw how far the run
 * got, and asked before each draw whether to stop (the run then throws
 * {@link java.util.concurrent.CancellationException} and gives no result).
 */
public interface DrawProgress {

    /** Nobody watches, and the run never stops early. */
    DrawProgress NONE = (done, total) -> { };

    /** {@code done} of {@code total} draws are made. */
    void drawn(int done, int total);

    /** Whether the run should stop before its next draw. */
    default boolean stopRequested() {
        return false;
    }
}

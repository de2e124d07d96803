package org.sanlian.workbench.ui.common;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.sanlian.workbench.app.Progress;

/**
 * The progress of one piece of a screen's background work (an import, an export): each step is
 * handed to the screen's thread and shown while this work is still the one the screen shows and was
 * not stopped; 取消 stops it, and the work sees that at its next step ({@link #cancelled()}).
 */
public final class ScreenProgress implements Progress {

    private final AtomicBoolean stop = new AtomicBoolean();
    private final TaskExecutor executor;
    private final Predicate<ScreenProgress> shown;
    private final Consumer<Step> show;

    /**
     * @param shown whether this work is still the screen's (asked on the screen's thread)
     * @param show  shows a step (called on the screen's thread)
     */
    public ScreenProgress(TaskExecutor executor, Predicate<ScreenProgress> shown, Consumer<Step> show) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.shown = Objects.requireNonNull(shown, "shown");
        this.show = Objects.requireNonNull(show, "show");
    }

    /** Asks the work to stop at its next step. */
    public void stop() {
        stop.set(true);
    }

    @Override
    public void update(Step step) {
        executor.inForeground(() -> {
            if (shown.test(this) && !stop.get()) {
                show.accept(step);
            }
        });
    }

    @Override
    public boolean cancelled() {
        return stop.get();
    }
}

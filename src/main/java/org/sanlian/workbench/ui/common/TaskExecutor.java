package org.sanlian.workbench.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs work away from the screen and hands the outcome back where the screen can take it (as
 * JabRef's TaskExecutor): {@link FxTaskExecutor} in the window, {@link CurrentThreadTaskExecutor}
 * in view-model tests, which then need no toolkit. Exactly one of the callbacks is called.
 */
public interface TaskExecutor {

    <T> void execute(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure);

    /**
     * Runs {@code update} where the callbacks run: how work in progress tells the screen how far it
     * got. At once by default, which is right for an executor that calls back on the calling thread
     * (tests); {@link FxTaskExecutor} hands it to the JavaFX thread.
     */
    default void inForeground(Runnable update) {
        update.run();
    }
}

package org.sanlian.workbench.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Runs work at once on the calling thread: for tests of view models, without a toolkit. */
public final class CurrentThreadTaskExecutor implements TaskExecutor {

    private long asked;

    @Override
    public <T> void execute(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        asked++;
        T result;
        try {
            result = work.call();
        } catch (Exception | LinkageError e) {
            onFailure.accept(e);
            return;
        }
        onSuccess.accept(result);
    }

    /** How many pieces of work were asked of it so far. */
    public long asked() {
        return asked;
    }

    @Override
    public void inForeground(Runnable update) {
        update.run();
    }
}

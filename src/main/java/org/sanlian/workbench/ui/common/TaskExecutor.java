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
}

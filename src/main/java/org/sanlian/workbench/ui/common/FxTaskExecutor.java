package org.sanlian.workbench.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.concurrent.Task;

/**
 * Runs work as a {@link Task} on one background thread, in order, and calls back on the JavaFX
 * application thread. One thread is enough: scoring a period takes milliseconds, and running the
 * requests in order means the last one asked for is the last one answered.
 */
public final class FxTaskExecutor implements TaskExecutor, AutoCloseable {

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "workbench-background-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    private final java.util.concurrent.atomic.AtomicLong asked = new java.util.concurrent.atomic.AtomicLong();

    /** How many pieces of work were asked for so far (the start-up probe waits until no more come). */
    public long asked() {
        return asked.get();
    }

    @Override
    public <T> void execute(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        asked.incrementAndGet();
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        task.setOnSucceeded(e -> onSuccess.accept(task.getValue()));
        task.setOnFailed(e -> onFailure.accept(task.getException()));
        try {
            executor.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // the window is closing: work asked for now has nobody to show its answer to
        }
    }

    @Override
    public void inForeground(Runnable update) {
        if (Platform.isFxApplicationThread()) {
            update.run();
        } else {
            Platform.runLater(update);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}

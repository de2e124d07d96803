package org.sanlian.workbench.ui.shell;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.sanlian.workbench.app.WorkbenchDatabase;

/**
 * The start's database, opened on a thread of its own while the window builds its screens, so that
 * the two overlap on a two-core machine instead of one waiting for the other (the opening, its daily
 * backup and the reading of what the screens need took about a quarter of a second of a cold start,
 * docs/performance.md). {@link ShellViewModel#start(EarlyOpen)} takes the result on the window's
 * background thread, which is where the database would otherwise have been opened: what happens next
 * (the operator asked for, the welcome of an empty file, errors) is unchanged.
 */
public final class EarlyOpen {

    /**
     * The opened database with its first reading ({@code content} empty when the file holds no scheme)
     * and the first screen's ({@code screen}: {@link ScreenRegistry#readEarly}; empty without one, for an
     * empty file, or when it failed).
     */
    record Result(WorkbenchDatabase db, Optional<String> operator, boolean empty, Optional<Workspace.Content> content,
                  Optional<Object> screen) {
    }

    private final Path file;
    private final CompletableFuture<Result> result;

    private EarlyOpen(Path file, CompletableFuture<Result> result) {
        this.file = file;
        this.result = result;
    }

    /** Starts opening {@code file} now, on a daemon thread of its own. */
    public static EarlyOpen begin(Path file) {
        return begin(file, Optional.empty());
    }

    /** As {@link #begin(Path)}, then reads what the first screen reads ({@code screenReading}) on the same thread. */
    public static EarlyOpen begin(Path file, Optional<EarlyReading> screenReading) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(screenReading, "screenReading");
        CompletableFuture<Result> result = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                result.complete(open(file, screenReading));
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, "workbench-early-open");
        t.setDaemon(true);
        t.start();
        return new EarlyOpen(file, result);
    }

    private static Result open(Path file, Optional<EarlyReading> screenReading) {
        WorkbenchDatabase db = WorkbenchDatabase.open(file);
        try {
            boolean empty = db.schemes().isEmpty();
            Optional<Workspace.Content> content = empty ? Optional.empty() : Optional.of(Workspace.Content.read(db));
            Optional<String> operator = db.operator();
            return new Result(db, operator, empty, content,
                    content.flatMap(c -> screenReading.flatMap(r -> read(r, db, c))));
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** A screen's first reading; nothing when it fails (the screen then reads as usual, and says what is wrong). */
    private static Optional<Object> read(EarlyReading reading, WorkbenchDatabase db, Workspace.Content content) {
        try {
            return Optional.ofNullable(reading.read(db, content));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    public Path file() {
        return file;
    }

    /** Gives up the opening: the database is closed once it is open. */
    public void discard() {
        result.thenAccept(r -> r.db().close());
    }

    /** The opening's result when it is over and went well; empty while it runs or when it failed. */
    Optional<Result> done() {
        return result.isDone() && !result.isCompletedExceptionally() ? Optional.of(result.join()) : Optional.empty();
    }

    /** Waits until the opening is over, however it went (the window learns how when it takes it). */
    public void await() {
        result.handle((r, e) -> r).join();
    }

    /** Waits for the opening; throws what opening threw. */
    Result take() {
        try {
            return result.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }
}

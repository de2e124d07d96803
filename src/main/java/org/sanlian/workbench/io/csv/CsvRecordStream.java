package org.sanlian.workbench.io.csv;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.sanlian.workbench.core.check.Issue;

/**
 * The records of a CSV text, split by a {@link CsvTokenizer} on a thread of its own while the caller
 * checks the records already split: on a two-core machine the reading of a large data file then
 * takes the longer of the two halves instead of their sum. Records come in file order, each after the
 * issues the tokenizer found while reading it, so that a file's issues keep their order. At most a few
 * batches are read ahead. {@link #close()} stops the reading thread.
 */
final class CsvRecordStream implements AutoCloseable {

    private static final int BATCH = 512;
    private static final int AHEAD = 4;

    /** Records in order, the issues found while reading each (null: none); {@code end} after the last. */
    private static final class Batch {
        final List<CsvRecord> records = new ArrayList<>(BATCH);
        final List<List<Issue>> issues = new ArrayList<>(BATCH);
        boolean end;
        List<Issue> trailing;
        Throwable failure;
    }

    private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(AHEAD);
    private final Thread reader;
    private volatile boolean closed;
    private Batch current;
    private int at;

    private CsvRecordStream(Reader in, String source) {
        reader = new Thread(() -> read(in, source), "csv-reader");
        reader.setDaemon(true);
    }

    /** Starts splitting {@code in} now; {@code source} names the file in the tokenizer's issues. */
    static CsvRecordStream start(Reader in, String source) {
        CsvRecordStream s = new CsvRecordStream(in, source);
        s.reader.start();
        return s;
    }

    private void read(Reader in, String source) {
        List<Issue> found = new ArrayList<>();
        CsvTokenizer tokenizer = new CsvTokenizer(in, source, found::add);
        Batch batch = new Batch();
        try {
            for (CsvRecord r = tokenizer.next(); r != null; r = tokenizer.next()) {
                batch.records.add(r);
                batch.issues.add(found.isEmpty() ? null : List.copyOf(found));
                found.clear();
                if (batch.records.size() == BATCH) {
                    if (!hand(batch)) {
                        return;
                    }
                    batch = new Batch();
                }
            }
        } catch (IOException | RuntimeException | Error e) {
            batch.failure = e;
        }
        batch.end = true;
        batch.trailing = List.copyOf(found);
        hand(batch);
    }

    /** Queues a batch, waiting while the reader is ahead; false once the stream is closed. */
    private boolean hand(Batch batch) {
        try {
            while (!closed) {
                if (queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    /**
     * The next record, or null after the last; the issues found while reading it (and, at the end,
     * any found after the last record) go to {@code issues} first. Throws what reading threw, after
     * the records read before it.
     */
    CsvRecord next(Consumer<Issue> issues) throws IOException {
        while (current == null || at == current.records.size()) {
            if (current != null && current.end) {
                if (current.trailing != null) {
                    current.trailing.forEach(issues);
                    current.trailing = null;
                }
                rethrow(current.failure);
                return null;
            }
            try {
                current = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("reading interrupted", e);
            }
            at = 0;
        }
        List<Issue> found = current.issues.get(at);
        if (found != null) {
            found.forEach(issues);
        }
        return current.records.get(at++);
    }

    private static void rethrow(Throwable failure) throws IOException {
        if (failure == null) {
            return;
        }
        if (failure instanceof IOException e) {
            throw e;
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        throw new UncheckedIOException(new IOException(failure));
    }

    @Override
    public void close() {
        closed = true;
        queue.clear();
        reader.interrupt();
    }
}

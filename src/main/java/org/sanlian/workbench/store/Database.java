package org.sanlian.workbench.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.sanlian.workbench.core.check.Issue;
import org.sanlian.workbench.core.check.ValidationException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;

/**
 * One open workbench database file: WAL journal, foreign keys on, {@code synchronous=FULL}, a busy
 * timeout. A file that is not SQLite, or was written by a newer build, is refused before anything
 * is written to it. Writes go through {@link #write} (or {@link #inTransaction}), all-or-nothing.
 *
 * <p>One process writes at a time: the first to open a file holds {@link WriterLock}; any other
 * opens it read-only ({@link #readOnly()}), sees every committed change, and is refused writes
 * with a message that says why. A file that may not be written (its permissions, or an attribute
 * such as Linux's immutable one) is opened read-only too, for the same reading, and its writes are
 * refused naming the file's own read-only-ness ({@link #readOnlyReason()}).
 */
public final class Database implements AutoCloseable {

    /** Why a database is open read-only, if it is. */
    public enum ReadOnlyReason {
        /** Not read-only: this process holds {@link WriterLock} and writes. */
        NONE,
        /** Another process (window or command line) holds {@link WriterLock}. */
        HELD_BY_ANOTHER_PROCESS,
        /** The file itself may not be written: its permissions or attributes forbid it. */
        FILE_READ_ONLY
    }

    /** How long a write waits for another connection's lock before giving up. */
    static final int BUSY_TIMEOUT_MS = 10_000;

    /**
     * Page cache per connection, in KiB: large imports and loads stay in memory. The system
     * property {@code sanlian.db.cache-kib} sets another (the crash test makes it small so that an
     * import spills into the WAL before it commits).
     */
    static final int CACHE_KIB = Integer.getInteger("sanlian.db.cache-kib", 128 * 1024);

    /**
     * The system property that caps a writing connection's database at so many pages
     * ({@code PRAGMA max_page_count}; SQLite keeps the cap at the file's size if it is smaller). Unset
     * in use: the fault tests set it to meet SQLITE_FULL, what a full disk gives, without filling a
     * disk. Read at every open, so a test can set and clear it between commands.
     */
    public static final String MAX_PAGES_PROPERTY = "sanlian.db.max-pages";

    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    /** Work done inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final Path file;
    private final Connection connection;
    private final WriterLock lock;
    private final ReadOnlyReason readOnlyReason;
    private final Clock clock;
    /** Read-only connections that {@link #readTogether} runs its other pieces on, opened when first needed. */
    private final List<Connection> helpers = new ArrayList<>();
    private ExecutorService helperThreads;

    private Database(Path file, Connection connection, WriterLock lock, ReadOnlyReason readOnlyReason,
                     Clock clock) {
        this.file = file;
        this.connection = connection;
        this.lock = lock;
        this.readOnlyReason = readOnlyReason;
        this.clock = clock;
    }

    /**
     * Opens (or creates) {@code file}, refusing it if it is not a SQLite database or if its
     * {@code user_version} is above {@code newestKnownVersion}. Does not migrate; see {@link Migrator}.
     * A file that exists and may not be written, or that another process holds, is opened read-only.
     */
    public static Database open(Path file, int newestKnownVersion) {
        return open(file, newestKnownVersion, Clock.systemUTC());
    }

    /** As {@link #open(Path, int)}, with the clock that stamps writes. */
    public static Database open(Path file, int newestKnownVersion, Clock clock) {
        Path absolute = file.toAbsolutePath().normalize();
        refuseIfNotSqlite(absolute);
        try {
            Path parent = absolute.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new ValidationException(Issue.of(absolute.toString(), "store.unopenable", absolute,
                    String.valueOf(e.getMessage())));
        }
        // SQLite would open such a file read-only without a word and fail at the first write: say so
        // now, and read it on a read-only connection. Nobody can write it, so the lock is not taken.
        boolean fileReadOnly = Files.exists(absolute) && !Files.isWritable(absolute);
        WriterLock lock = fileReadOnly ? null : WriterLock.tryTake(absolute);
        ReadOnlyReason reason = fileReadOnly ? ReadOnlyReason.FILE_READ_ONLY
                : lock == null ? ReadOnlyReason.HELD_BY_ANOTHER_PROCESS : ReadOnlyReason.NONE;
        boolean readOnly = reason != ReadOnlyReason.NONE;
        if (readOnly && !Files.exists(absolute)) {
            throw new ValidationException(Issue.of(absolute.toString(), "store.unopenable", absolute,
                    "locked by another process"));
        }
        Connection connection;
        try {
            connection = reason == ReadOnlyReason.FILE_READ_ONLY ? connectReadOnlyFile(absolute)
                    : connect(absolute, readOnly);
        } catch (SQLException e) {
            release(lock);
            throw refusal(absolute, e);
        }
        try {
            // Read the version before any pragma that writes (journal_mode=WAL changes the header).
            int version = userVersion(connection);
            if (version > newestKnownVersion) {
                throw new ValidationException(Issue.of(absolute.toString(), "store.newer-version", absolute,
                        version, newestKnownVersion));
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA foreign_keys = ON");
                if (!readOnly) {
                    statement.execute("PRAGMA synchronous = FULL");
                    try (ResultSet mode = statement.executeQuery("PRAGMA journal_mode = WAL")) {
                        mode.next();
                    }
                }
            }
            return new Database(absolute, connection, lock, reason, clock);
        } catch (SQLException e) {
            closeQuietly(connection);
            release(lock);
            throw refusal(absolute, e);
        } catch (RuntimeException e) {
            closeQuietly(connection);
            release(lock);
            throw e;
        }
    }

    private static Connection connect(Path file, boolean readOnly) throws SQLException {
        return connect("jdbc:sqlite:" + file, readOnly);
    }

    /**
     * A read-only connection to a file that may not be written. In WAL mode SQLite reads through the
     * {@code -wal} and {@code -shm} files beside it, and makes them when they are missing (a file
     * closed cleanly has none); in a folder that cannot be written into it cannot, and fails with
     * SQLITE_CANTOPEN. Then, if there is no {@code -wal} file, every committed change is in the file
     * itself and nobody can add one (a writer would need that {@code -wal}), so the file is read as
     * immutable: without the WAL and without locks.
     */
    private static Connection connectReadOnlyFile(Path file) throws SQLException {
        try {
            // the first pragma that needs the schema reads the file, and opens the WAL, already in connect
            Connection connection = connect(file, true);
            try {
                userVersion(connection);
                return connection;
            } catch (SQLException e) {
                closeQuietly(connection);
                throw e;
            }
        } catch (SQLException e) {
            if ((e.getErrorCode() & 0xff) != SQLiteErrorCode.SQLITE_CANTOPEN.code
                    || Files.exists(file.resolveSibling(file.getFileName() + "-wal"))) {
                throw e;
            }
            return connect("jdbc:sqlite:" + file.toUri() + "?immutable=1", true);
        }
    }

    private static Connection connect(String url, boolean readOnly) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setReadOnly(readOnly);
        // the driver would ask for last_insert_rowid() after every insert; ids come back by RETURNING
        config.setGetGeneratedKeys(false);
        Connection connection = DriverManager.getConnection(url, config.toProperties());
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
            statement.execute("PRAGMA cache_size = -" + CACHE_KIB);
            Integer maxPages = Integer.getInteger(MAX_PAGES_PROPERTY);
            if (maxPages != null && !readOnly) {
                statement.execute("PRAGMA max_page_count = " + maxPages);
            }
        } catch (SQLException e) {
            closeQuietly(connection);
            throw e;
        }
        return connection;
    }

    /** Whether this process may read but not write the file (another process holds it, or the file is read-only). */
    public boolean readOnly() {
        return readOnlyReason != ReadOnlyReason.NONE;
    }

    /** Why this process may not write the file ({@link ReadOnlyReason#NONE} when it may). */
    public ReadOnlyReason readOnlyReason() {
        return readOnlyReason;
    }

    /**
     * The refusal of a write while {@link #readOnly()}, with the reason: the file is read-only
     * ({@code store.file-read-only}: make it writable or copy it), or another process holds it
     * ({@code store.read-only}: close that one).
     */
    public ValidationException readOnlyRefusal() {
        String code = readOnlyReason == ReadOnlyReason.FILE_READ_ONLY ? "store.file-read-only" : "store.read-only";
        return new ValidationException(Issue.of(file.toString(), code, file));
    }

    /** The clock that stamps writes. */
    public Clock clock() {
        return clock;
    }

    /** Now, to the second, as stored: ISO-8601 UTC. */
    public String now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /**
     * Runs {@code work} as one all-or-nothing write by {@code operator}: the audit triggers record
     * every change it makes under that name and the current time. Refused when {@link #readOnly()}.
     */
    public <T> T write(String operator, Work<T> work) {
        Objects.requireNonNull(operator, "operator");
        if (operator.isBlank()) {
            throw new IllegalArgumentException("operator must not be blank");
        }
        return inTransaction(connection -> {
            try (PreparedStatement actor = connection.prepareStatement(
                    "UPDATE actor SET operator = ?, at = ? WHERE id = 1")) {
                actor.setString(1, operator.strip());
                actor.setString(2, now());
                if (actor.executeUpdate() != 1) {
                    throw new SQLException("the actor row is missing; run db check");
                }
            }
            return work.run(connection);
        });
    }

    /**
     * Runs {@code work} in one read transaction: every query inside sees the same committed state.
     * Allowed when {@link #readOnly()}.
     */
    public synchronized <T> T read(Work<T> work) {
        return transaction("BEGIN DEFERRED", work);
    }

    /** How many pieces {@link #readTogether} can run at the same time here: one per processor, at most 4. */
    public static int readers() {
        return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    /**
     * Runs the pieces of one read at the same time, each in a read transaction on a connection of
     * its own, all of them seeing the same committed state; returns their results in order. The
     * first piece runs on this thread and connection. While the pieces start their transactions
     * this connection holds the write lock, so no commit can fall between them; this process holds
     * {@link WriterLock}, so no other workbench writes meanwhile either. When {@link #readOnly()}
     * (another process may write, or the file is read-only) the pieces run one after another in one read transaction instead.
     */
    public synchronized <T> List<T> readTogether(List<? extends Work<? extends T>> works) {
        Objects.requireNonNull(works, "works");
        if (works.size() <= 1 || readOnly()) {
            return read(c -> {
                List<T> out = new ArrayList<>(works.size());
                for (Work<? extends T> work : works) {
                    out.add(work.run(c));
                }
                return out;
            });
        }
        try {
            openHelpers(works.size() - 1);
        } catch (SQLException e) {
            throw new StoreException(e);
        }
        return transaction("BEGIN IMMEDIATE", c -> {
            List<Connection> started = new ArrayList<>();
            try {
                for (int i = 1; i < works.size(); i++) {
                    Connection helper = helpers.get(i - 1);
                    begin(helper);
                    started.add(helper);
                }
                List<Future<? extends T>> pending = new ArrayList<>();
                for (int i = 1; i < works.size(); i++) {
                    Work<? extends T> work = works.get(i);
                    Connection helper = helpers.get(i - 1);
                    pending.add(helperThreads.submit(() -> work.run(helper)));
                }
                List<T> out = new ArrayList<>(works.size());
                try {
                    out.add(works.get(0).run(c));
                } catch (SQLException | RuntimeException | Error e) {
                    // the other pieces still use their connections: let them finish before ending their reads
                    for (Future<? extends T> f : pending) {
                        try {
                            await(f);
                        } catch (SQLException | RuntimeException | Error other) {
                            e.addSuppressed(other);
                        }
                    }
                    throw e;
                }
                Throwable failure = null;
                for (Future<? extends T> f : pending) {
                    try {
                        out.add(await(f));
                    } catch (SQLException | RuntimeException | Error e) {
                        if (failure == null) {
                            failure = e;
                        } else {
                            failure.addSuppressed(e);
                        }
                    }
                }
                if (failure instanceof SQLException sql) {
                    throw sql;
                }
                if (failure instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (failure instanceof Error error) {
                    throw error;
                }
                return out;
            } finally {
                for (Connection helper : started) {
                    end(helper);
                }
            }
        });
    }

    private void openHelpers(int count) throws SQLException {
        while (helpers.size() < count) {
            helpers.add(connect(file, true));
        }
        if (helperThreads == null) {
            helperThreads = Executors.newCachedThreadPool(task -> {
                Thread thread = new Thread(task, "sanlian-db-reader");
                thread.setDaemon(true);
                return thread;
            });
        }
    }

    /** Begins a read transaction and takes its snapshot now (a read transaction starts at its first read). */
    private static void begin(Connection helper) throws SQLException {
        try (Statement statement = helper.createStatement()) {
            statement.execute("BEGIN DEFERRED");
            try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM sqlite_schema")) {
                rows.next();
            }
        }
    }

    private static void end(Connection helper) {
        try (Statement statement = helper.createStatement()) {
            statement.execute("ROLLBACK");
        } catch (SQLException ignored) {
            // a read transaction holds nothing to undo; the connection is reused or closed later
        }
    }

    /** The result of a piece run on a helper thread; waits for it even if interrupted, so no piece outlives the read. */
    private static <T> T await(Future<? extends T> future) throws SQLException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return future.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof SQLException sql) {
                        throw sql;
                    }
                    if (cause instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    if (cause instanceof Error error) {
                        throw error;
                    }
                    throw new IllegalStateException(cause);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The file, absolute. */
    public Path file() {
        return file;
    }

    /**
     * Runs {@code work} in one transaction: committed if it returns, rolled back if it throws
     * anything. SQL failures come out as {@link StoreException}; other exceptions pass unchanged.
     */
    public synchronized <T> T inTransaction(Work<T> work) {
        Objects.requireNonNull(work, "work");
        if (readOnly()) {
            throw readOnlyRefusal();
        }
        return transaction("BEGIN IMMEDIATE", work);
    }

    /** Begins with {@code begin}, runs {@code work}, commits; rolls back if anything is thrown. */
    private <T> T transaction(String begin, Work<T> work) {
        Objects.requireNonNull(work, "work");
        try {
            execute(begin);
        } catch (SQLException e) {
            throw failure(file, e);
        }
        try {
            T result = work.run(connection);
            execute("COMMIT");
            return result;
        } catch (SQLException e) {
            rollback(e);
            throw failure(file, e);
        } catch (StoreException e) {
            rollback(e);
            throw e.getCause() instanceof SQLException sql && diskFull(sql) ? failure(file, sql) : e;
        } catch (RuntimeException | Error e) {
            rollback(e);
            throw e;
        }
    }

    /**
     * Whether SQLite failed for want of room: SQLITE_FULL, which a full disk gives (SQLite turns the
     * system's "no space left" into it) and so does a database at its {@code max_page_count}.
     */
    static boolean diskFull(SQLException e) {
        return (e.getErrorCode() & 0xff) == SQLiteErrorCode.SQLITE_FULL.code;
    }

    /**
     * A failed write said in words a person can act on: a full disk (the write was undone, nothing
     * committed is lost; free space and try again) or a failing disk or file (SQLITE_IOERR), both
     * naming the file; anything else stays a {@link StoreException}.
     */
    static RuntimeException failure(Path file, SQLException e) {
        if (diskFull(e)) {
            return new ValidationException(Issue.of(file.toString(), "store.disk-full", file));
        }
        if ((e.getErrorCode() & 0xff) == SQLiteErrorCode.SQLITE_IOERR.code) {
            return new ValidationException(Issue.of(file.toString(), "store.io-error", file,
                    String.valueOf(e.getMessage())));
        }
        return new StoreException(e);
    }

    /** {@code PRAGMA user_version}: the schema version this file is at. */
    public synchronized int userVersion() {
        try {
            return userVersion(connection);
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** The journal mode in force ({@code wal} after open). */
    public synchronized String journalMode() {
        return pragmaText("journal_mode");
    }

    /** Whether the file holds any table, index, view or trigger. */
    public synchronized boolean isEmpty() {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM sqlite_schema")) {
            rows.next();
            return rows.getInt(1) == 0;
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** Moves everything in the WAL into the main file, so the file alone is a whole copy. */
    public synchronized void checkpoint() {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
            rows.next();
            if (rows.getInt(1) != 0) {
                throw new SQLException("checkpoint blocked by another connection",
                        null, SQLiteErrorCode.SQLITE_BUSY.code);
            }
        } catch (SQLException e) {
            throw failure(file, e);
        }
    }

    /** Writes a consistent copy of the whole database to {@code target} (which must not exist). */
    synchronized void vacuumInto(Path target) {
        try {
            Backups.vacuumInto(connection, target);
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** Replaces the whole content of this database with that of {@code source}, in one step. */
    synchronized void restoreFrom(Path source) {
        if (readOnly()) {
            throw readOnlyRefusal();
        }
        try (Statement statement = connection.createStatement()) {
            // sqlite-jdbc runs SQLite's online backup API for this statement: all pages or none
            statement.executeUpdate("restore from '" + source.toString().replace("'", "''") + "'");
        } catch (SQLException e) {
            throw failure(file, e);
        }
    }

    @Override
    public synchronized void close() {
        if (helperThreads != null) {
            helperThreads.shutdownNow();
        }
        for (Connection helper : helpers) {
            closeQuietly(helper);
        }
        helpers.clear();
        try {
            if (!connection.isClosed()) {
                connection.close();
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        } finally {
            release(lock);
        }
    }

    private static void release(WriterLock lock) {
        if (lock != null) {
            lock.release();
        }
    }

    private String pragmaText(String name) {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("PRAGMA " + name)) {
            rows.next();
            return rows.getString(1);
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    static int userVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("PRAGMA user_version")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private void rollback(Throwable cause) {
        try {
            execute("ROLLBACK");
        } catch (SQLException e) {
            // Some errors end the transaction inside SQLite already; that is not a second failure.
            if (!String.valueOf(e.getMessage()).contains("no transaction is active")) {
                cause.addSuppressed(e);
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Checks the 16-byte header without SQLite, so a foreign file is never opened for writing. */
    private static void refuseIfNotSqlite(Path file) {
        if (!Files.isRegularFile(file)) {
            if (Files.exists(file)) {
                throw new ValidationException(Issue.of(file.toString(), "store.not-a-database", file));
            }
            return;
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(SQLITE_HEADER.length);
            if (head.length == 0) {
                return; // an empty file is an empty database to SQLite
            }
            if (!Arrays.equals(head, SQLITE_HEADER)) {
                throw new ValidationException(Issue.of(file.toString(), "store.not-a-database", file));
            }
        } catch (IOException e) {
            throw new ValidationException(Issue.of(file.toString(), "store.unopenable", file,
                    String.valueOf(e.getMessage())));
        }
    }

    private static RuntimeException refusal(Path file, SQLException e) {
        int code = e.getErrorCode() & 0xff;
        if (code == SQLiteErrorCode.SQLITE_NOTADB.code || code == SQLiteErrorCode.SQLITE_CORRUPT.code) {
            return new ValidationException(Issue.of(file.toString(), "store.not-a-database", file));
        }
        return new ValidationException(Issue.of(file.toString(), "store.unopenable", file,
                String.valueOf(e.getMessage())));
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // already failing; the first error is the one to report
        }
    }
}

package org.sanlian.workbench.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Objects;
import org.sanlian.workbench.core.check.Issue;
import org.sanlian.workbench.core.check.ValidationException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;

/**
 * One open workbench database file: WAL journal, foreign keys on, {@code synchronous=FULL}, a busy
 * timeout. A file that is not SQLite, or was written by a newer build, is refused before anything
 * is written to it. Writes go through {@link #inTransaction}, which is all-or-nothing.
 */
public final class Database implements AutoCloseable {

    /** How long a write waits for another connection's lock before giving up. */
    static final int BUSY_TIMEOUT_MS = 10_000;

    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    /** Work done inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final Path file;
    private final Connection connection;

    private Database(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /**
     * Opens (or creates) {@code file}, refusing it if it is not a SQLite database or if its
     * {@code user_version} is above {@code newestKnownVersion}. Does not migrate; see {@link Migrator}.
     */
    public static Database open(Path file, int newestKnownVersion) {
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
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        Connection connection;
        try {
            connection = DriverManager.getConnection("jdbc:sqlite:" + absolute, config.toProperties());
        } catch (SQLException e) {
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
                statement.execute("PRAGMA synchronous = FULL");
                statement.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
                try (ResultSet mode = statement.executeQuery("PRAGMA journal_mode = WAL")) {
                    mode.next();
                }
            }
            return new Database(absolute, connection);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw refusal(absolute, e);
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw e;
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
        try {
            execute("BEGIN IMMEDIATE");
        } catch (SQLException e) {
            throw new StoreException(e);
        }
        try {
            T result = work.run(connection);
            execute("COMMIT");
            return result;
        } catch (SQLException e) {
            rollback(e);
            throw new StoreException(e);
        } catch (RuntimeException | Error e) {
            rollback(e);
            throw e;
        }
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
            throw new StoreException(e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            if (!connection.isClosed()) {
                connection.close();
            }
        } catch (SQLException e) {
            throw new StoreException(e);
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

package org.sanlian.workbench.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.sanlian.workbench.core.check.Issue;
import org.sanlian.workbench.core.check.ValidationException;
import org.sanlian.workbench.core.model.BackupFile;
import org.sqlite.SQLiteConfig;

/**
 * Whole-file backups of a database in the {@code backups} folder beside it, named
 * {@code <name>-<yyyyMMdd-HHmmss>-<reason>.db}, of which the newest {@link #keep} are kept. A backup
 * is SQLite's {@code VACUUM INTO}: a consistent copy taken while the database stays open, written
 * under a temporary name and moved into place, so a half-written backup never carries a backup's
 * name.
 */
public final class Backups {

    /** How many backups are kept when nobody says otherwise. */
    public static final int DEFAULT_KEEP = 10;

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final Pattern NAME = Pattern.compile("(.+)-(\\d{8}-\\d{6})(?:-\\d+)?-([a-z0-9-]+)\\.db");
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private final Path folder;
    private final String stem;
    private final int keep;
    private final Clock clock;

    public Backups(Path databaseFile, int keep, Clock clock) {
        Path absolute = databaseFile.toAbsolutePath().normalize();
        this.folder = absolute.resolveSibling("backups");
        String name = absolute.getFileName().toString();
        this.stem = name.endsWith(".db") ? name.substring(0, name.length() - 3) : name;
        if (keep < 1) {
            throw new IllegalArgumentException("keep at least one backup: " + keep);
        }
        this.keep = keep;
        this.clock = clock;
    }

    public Backups(Path databaseFile) {
        this(databaseFile, DEFAULT_KEEP, Clock.systemDefaultZone());
    }

    public Path folder() {
        return folder;
    }

    /** Copies the open database into a new backup, then removes all but the newest {@code keep}. */
    public BackupFile take(Database database, String reason) {
        if (!reason.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("reason must be lower-case letters, digits and '-': " + reason);
        }
        LocalDateTime now = LocalDateTime.now(clock).withNano(0);
        Path target = freeName(now, reason);
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        try {
            Files.createDirectories(folder);
            Files.deleteIfExists(partial);
            database.vacuumInto(partial);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // the partial file is named .part and is never taken for a backup
            }
            if (e.getCause() instanceof SQLException sql && Database.diskFull(sql)) {
                throw new ValidationException(Issue.of(target.toString(), "store.backup-disk-full", target,
                        folder));
            }
            throw new ValidationException(Issue.of(target.toString(), "store.backup-failed", target,
                    String.valueOf(e.getMessage())));
        }
        prune();
        return new BackupFile(target, now, reason);
    }

    /** Takes a backup with reason {@code daily} unless one was already taken today. */
    public Optional<BackupFile> takeDailyIfDue(Database database) {
        LocalDate today = LocalDate.now(clock);
        boolean done = list().stream().anyMatch(b -> b.takenAt().toLocalDate().equals(today));
        return done ? Optional.empty() : Optional.of(take(database, "daily"));
    }

    /** The backups of this database, newest first. */
    public List<BackupFile> list() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<BackupFile> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Matcher m = NAME.matcher(file.getFileName().toString());
                if (m.matches() && m.group(1).equals(stem)) {
                    out.add(new BackupFile(file, LocalDateTime.parse(m.group(2), STAMP), m.group(3)));
                }
            }
        } catch (IOException e) {
            throw new StoreException("cannot list backups in " + folder, e);
        }
        out.sort(Comparator.comparing(BackupFile::takenAt).thenComparing(b -> b.file().getFileName().toString())
                .reversed());
        return out;
    }

    /**
     * Replaces the content of the open database with a backup, after checking that the backup is a
     * whole workbench database no newer than {@code newestKnownVersion}, and after backing up the
     * current content (reason {@code before-restore}). Returns that safety backup.
     */
    public BackupFile restore(Database database, Path backup, int newestKnownVersion) {
        verify(backup, newestKnownVersion);
        BackupFile safety = take(database, "before-restore");
        database.restoreFrom(backup);
        return safety;
    }

    /** Refuses a file that is not a sound workbench database this build can read. */
    public static void verify(Path backup, int newestKnownVersion) {
        Path file = backup.toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new ValidationException(Issue.of(file.toString(), "store.backup-missing", file));
        }
        try (InputStream in = Files.newInputStream(file)) {
            if (!Arrays.equals(in.readNBytes(SQLITE_HEADER.length), SQLITE_HEADER)) {
                throw new ValidationException(Issue.of(file.toString(), "store.not-a-database", file));
            }
        } catch (IOException e) {
            throw new ValidationException(Issue.of(file.toString(), "store.unopenable", file,
                    String.valueOf(e.getMessage())));
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
             Statement s = c.createStatement()) {
            int version;
            try (ResultSet r = s.executeQuery("PRAGMA user_version")) {
                r.next();
                version = r.getInt(1);
            }
            if (version > newestKnownVersion) {
                throw new ValidationException(Issue.of(file.toString(), "store.newer-version", file, version,
                        newestKnownVersion));
            }
            if (version == 0) {
                throw new ValidationException(Issue.of(file.toString(), "store.not-a-database", file));
            }
            try (ResultSet r = s.executeQuery("PRAGMA integrity_check")) {
                r.next();
                if (!"ok".equals(r.getString(1))) {
                    throw new ValidationException(Issue.of(file.toString(), "store.backup-damaged", file,
                            r.getString(1)));
                }
            }
        } catch (SQLException e) {
            throw new ValidationException(Issue.of(file.toString(), "store.not-a-database", file));
        }
    }

    /**
     * Removes this database's {@code .part} files older than {@link #STALE_PART}: what a backup killed
     * while writing left behind (a younger one may be another process's backup in progress).
     */
    private void removeStaleParts() {
        java.time.Instant before = clock.instant().minus(STALE_PART);
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".part") && NAME.matcher(name.substring(0, name.length() - 5)).matches()
                        && name.startsWith(stem + "-")
                        && Files.getLastModifiedTime(file).toInstant().isBefore(before)) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            // a leftover that cannot be removed now is tried again at the next backup
        }
    }

    private Path freeName(LocalDateTime now, String reason) {
        String base = stem + "-" + STAMP.format(now);
        Path candidate = folder.resolve(base + "-" + reason + ".db");
        for (int i = 2; Files.exists(candidate); i++) {
            candidate = folder.resolve(base + "-" + i + "-" + reason + ".db");
        }
        return candidate;
    }

    /** How old a {@code .part} file must be to be taken for a killed backup's leftover and removed. */
    static final java.time.Duration STALE_PART = java.time.Duration.ofHours(1);

    private void prune() {
        removeStaleParts();
        List<BackupFile> all = list();
        for (BackupFile old : all.subList(Math.min(keep, all.size()), all.size())) {
            try {
                Files.deleteIfExists(old.file());
            } catch (IOException e) {
                throw new StoreException("cannot remove old backup " + old.file(), e);
            }
        }
    }

    static void vacuumInto(Connection connection, Path target) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("VACUUM INTO ?")) {
            s.setString(1, target.toString());
            s.execute();
        }
    }
}

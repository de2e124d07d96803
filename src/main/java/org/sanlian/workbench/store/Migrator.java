package org.sanlian.workbench.store;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Brings a database up to the newest schema: applies every script {@code V<NNN>__<what>.sql} whose
 * number is above {@code PRAGMA user_version}, in order, each in its own transaction that also sets
 * {@code user_version}. Before touching a database that already holds something it takes a backup
 * (reason {@code before-v<N>}, see {@link Backups}).
 */
public final class Migrator {

    /** Where the workbench's own scripts live on the class path. */
    public static final String DEFAULT_LOCATION = "org/sanlian/workbench/store/migration";

    private static final Pattern SCRIPT = Pattern.compile("V(\\d{3,})__[A-Za-z0-9_-]+\\.sql");

    /** One migration script. */
    public record Script(int version, String name, String sql) {
    }

    private final List<Script> scripts;
    private final Clock clock;

    /** The workbench's own scripts. */
    public Migrator() {
        this(DEFAULT_LOCATION);
    }

    /** The scripts in a class-path folder such as {@value #DEFAULT_LOCATION}. */
    public Migrator(String classpathLocation) {
        this(loadFromClasspath(classpathLocation), Clock.systemDefaultZone());
    }

    /** The scripts in a folder on disk. */
    public Migrator(Path folder) {
        this(load(folder), Clock.systemDefaultZone());
    }

    Migrator(List<Script> scripts, Clock clock) {
        List<Script> sorted = new ArrayList<>(scripts);
        sorted.sort(Comparator.comparingInt(Script::version));
        for (int i = 0; i < sorted.size(); i++) {
            if (sorted.get(i).version() != i + 1) {
                throw new IllegalStateException("migration scripts must be numbered 1, 2, 3 ... without gaps: "
                        + sorted.stream().map(Script::name).toList());
            }
        }
        this.scripts = List.copyOf(sorted);
        this.clock = clock;
    }

    /** The version a database has after {@link #migrate}. */
    public int latestVersion() {
        return scripts.size();
    }

    public List<Script> scripts() {
        return scripts;
    }

    /** Opens {@code file} (creating it if needed) and migrates it to the latest version. */
    public Database openAndMigrate(Path file) {
        Database database = Database.open(file, latestVersion());
        try {
            migrate(database);
            return database;
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /**
     * Applies the missing scripts. Returns the backup taken, if one was. A failing script leaves the
     * database at the version of the last script that succeeded, and throws.
     */
    public Optional<Path> migrate(Database database) {
        int current = database.userVersion();
        if (current >= latestVersion()) {
            return Optional.empty();
        }
        Optional<Path> backup = Optional.empty();
        if (!database.isEmpty()) {
            backup = Optional.of(backup(database, current + 1));
        }
        for (Script script : scripts.subList(current, scripts.size())) {
            database.inTransaction(connection -> {
                try (Statement statement = connection.createStatement()) {
                    // executeUpdate runs every statement of the script (sqlite3_exec)
                    statement.executeUpdate(script.sql());
                    statement.executeUpdate("PRAGMA user_version = " + script.version());
                }
                return null;
            });
        }
        return backup;
    }

    private Path backup(Database database, int nextVersion) {
        return new Backups(database.file(), Backups.DEFAULT_KEEP, clock).take(database, "before-v" + nextVersion).file();
    }

    static List<Script> load(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            List<Script> scripts = new ArrayList<>();
            for (Path path : files.toList()) {
                String name = path.getFileName().toString();
                Matcher matcher = SCRIPT.matcher(name);
                if (matcher.matches()) {
                    scripts.add(new Script(Integer.parseInt(matcher.group(1)), name,
                            Files.readString(path, StandardCharsets.UTF_8)));
                }
            }
            return scripts;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read migration scripts in " + folder, e);
        }
    }

    private static List<Script> loadFromClasspath(String location) {
        String folder = location.replaceAll("^/+|/+$", "");
        URL url = Migrator.class.getClassLoader().getResource(folder);
        if (url == null) {
            throw new IllegalStateException("no migration scripts at class-path location " + folder);
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem jar;
                try {
                    jar = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    jar = FileSystems.getFileSystem(uri);
                }
                return load(jar.getPath("/" + folder));
            }
            return load(Path.of(uri));
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot read migration scripts at " + url, e);
        }
    }
}

package org.sanlian.workbench.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.sanlian.workbench.Launcher;
import org.sanlian.workbench.app.Assessment;
import org.sanlian.workbench.app.WorkbenchDatabase;
import org.sanlian.workbench.core.model.Observation;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.model.Unit;
import org.sanlian.workbench.io.scheme.SchemeWriter;
import org.sanlian.workbench.store.Database;
import org.sanlian.workbench.store.FigureRepository;
import org.sanlian.workbench.store.Migrator;

/**
 * The database benchmark of docs/performance.md ("Database"), run by {@code scripts/bench-db.sh}:
 * a {@link LargeCase} scheme (3,000 units × 120 indicators by default) and a data file of 10 yearly
 * periods (2016–2025, 3.6 million rows), then, each as its own process through the {@link Launcher}
 * as a user would run them, {@code db init} and the whole {@code db import} of that file, timed by
 * the wall clock. Then, in this process, the figures of one period as scoring loads them
 * ({@link FigureRepository#loadInParts} run by {@link Database#readTogether}, and for comparison
 * {@link FigureRepository#load} on one connection) and the whole assessment of the last period
 * ({@link WorkbenchDatabase#assessment}: its figures and those of every earlier period), each
 * repeated after a warm-up, median reported.
 *
 * <p>Arguments, all optional: {@code [folder] [units] [indicators] [periods] [repeats]}; defaults
 * {@code target/bench-db 3000 120 10 5}. Extra JVM options for the child processes go in the
 * environment variable {@code BENCH_CHILD_OPTS} (e.g. {@code -XX:+FlightRecorder ...} to profile).
 */
public final class DatabaseBenchmark {

    private DatabaseBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args.length > 0 ? args[0] : "target/bench-db").toAbsolutePath();
        int units = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
        int indicators = args.length > 2 ? Integer.parseInt(args[2]) : 120;
        int periods = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        int repeats = args.length > 4 ? Integer.parseInt(args[4]) : 5;
        int lastYear = 2025;
        int firstYear = lastYear - periods + 1;

        Files.createDirectories(folder);
        Path scheme = folder.resolve("bench.scheme.json");
        Path data = folder.resolve("bench-data.csv");
        Path db = folder.resolve("bench.db");
        deleteDatabase(db);

        long t0 = System.nanoTime();
        LargeCase large = new LargeCase(units, indicators, 42);
        SchemeWriter.write(large.scheme, scheme);
        long rows = writeData(large, firstYear, lastYear, data, 42);
        System.out.printf("generated %,d rows (%d units x %d indicators x %d periods, %s MB) in %.1f s%n", rows, units,
                indicators, periods, Files.size(data) / (1024 * 1024), seconds(System.nanoTime() - t0));

        double init = run("db", "init", "--db", db.toString(), "--scheme", scheme.toString(), "--year",
                String.valueOf(lastYear), "--operator", "bench");
        System.out.printf("db init:   %.2f s wall (a process of its own)%n", init);
        double imported = run("db", "import", "--db", db.toString(), data.toString(), "--operator", "bench");
        System.out.printf("db import: %.2f s wall for %,d rows (a process of its own, JVM start included)%n",
                imported, rows);
        System.out.printf("database:  %s MB (WAL %s MB)%n", Files.size(db) / (1024 * 1024),
                Files.exists(walOf(db)) ? Files.size(walOf(db)) / (1024 * 1024) : 0);

        Period last = Period.year(lastYear);
        int latest = new Migrator().latestVersion();
        List<Double> loads = new ArrayList<>();
        List<Double> single = new ArrayList<>();
        int loaded = 0;
        int readers = Database.readers();
        try (Database database = Database.open(db, latest)) {
            for (int i = 0; i < repeats + 3; i++) {
                long s = System.nanoTime();
                List<Observation> one = FigureRepository.join(
                        database.readTogether(FigureRepository.loadInParts(Set.of(last), readers)));
                long e = System.nanoTime();
                List<Observation> alone = database.read(c -> FigureRepository.load(c, Set.of(last)));
                long e2 = System.nanoTime();
                if (!one.equals(alone)) {
                    throw new IllegalStateException("the load in parts differs from the load on one connection");
                }
                loaded = one.size();
                if (i >= 3) {
                    loads.add(millis(e - s));
                    single.add(millis(e2 - e));
                }
            }
        }
        System.out.printf("load one period (%s, %,d figures, FigureRepository.loadInParts on %d connections): "
                + "median %.0f ms of %s%n", last, loaded, readers, median(loads), format(loads));
        System.out.printf("  the same on one connection (FigureRepository.load): median %.0f ms of %s%n",
                median(single), format(single));

        List<Double> assessments = new ArrayList<>();
        int figures = 0;
        try (WorkbenchDatabase workbench = WorkbenchDatabase.open(db)) {
            for (int i = 0; i < repeats + 1; i++) {
                long s = System.nanoTime();
                Assessment a = workbench.assessment(last, Optional.empty());
                long e = System.nanoTime();
                figures = a.data().observations().size();
                if (i >= 1) {
                    assessments.add(millis(e - s));
                }
            }
        }
        System.out.printf("assessment of %s (scheme + %,d figures of %d periods + targets): median %.0f ms of %s%n",
                last, figures, periods, median(assessments), format(assessments));
    }

    /** Writes the data file: LargeCase's values pattern (about 3% missing) for each year, seeded. */
    public static long writeData(LargeCase large, int firstYear, int lastYear, Path file, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> codes = large.scheme.leaves().stream().map(l -> l.code()).toList();
        long rows = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("period,unit,code,value,note\n");
            StringBuilder line = new StringBuilder(64);
            for (int year = firstYear; year <= lastYear; year++) {
                String period = String.valueOf(year);
                for (Unit u : large.scheme.units()) {
                    for (String code : codes) {
                        line.setLength(0);
                        line.append(period).append(',').append(u.code()).append(',').append(code).append(',');
                        if (random.nextDouble() >= 0.03) {
                            line.append(Math.round(random.nextDouble() * 1e6) / 100.0);
                        }
                        line.append(",\n");
                        out.append(line);
                        rows++;
                    }
                }
            }
        }
        return rows;
    }

    /** Runs the command line as a process of its own; returns the wall-clock seconds; fails on a non-zero exit. */
    private static double run(String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>();
        line.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String extra = System.getenv("BENCH_CHILD_OPTS");
        if (extra != null && !extra.isBlank()) {
            line.addAll(Arrays.asList(extra.trim().split("\\s+")));
        }
        line.add("-cp");
        line.add(System.getProperty("java.class.path"));
        line.add(Launcher.class.getName());
        Collections.addAll(line, command);
        ProcessBuilder builder = new ProcessBuilder(line).inheritIO();
        long start = System.nanoTime();
        Process process = builder.start();
        int exit = process.waitFor();
        long end = System.nanoTime();
        if (exit != 0) {
            throw new IllegalStateException("exit " + exit + ": " + String.join(" ", command));
        }
        return seconds(end - start);
    }

    private static void deleteDatabase(Path db) throws IOException {
        Files.deleteIfExists(db);
        Files.deleteIfExists(walOf(db));
        Files.deleteIfExists(db.resolveSibling(db.getFileName() + "-shm"));
        Files.deleteIfExists(db.resolveSibling(db.getFileName() + ".lock"));
        Path backups = db.resolveSibling("backups");
        if (Files.isDirectory(backups)) {
            try (Stream<Path> files = Files.list(backups)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
        }
    }

    private static Path walOf(Path db) {
        return db.resolveSibling(db.getFileName() + "-wal");
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String format(List<Double> values) {
        return values.stream().map(v -> String.format("%.0f", v)).toList().toString();
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}

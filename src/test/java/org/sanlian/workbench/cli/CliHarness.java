package org.sanlian.workbench.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.sanlian.workbench.app.Assessment;
import org.sanlian.workbench.app.WorkbenchDatabase;
import org.sanlian.workbench.core.model.AuditFilter;
import org.sanlian.workbench.core.model.Period;

/**
 * Runs the command line in-process on one input after another and judges each outcome as the
 * robustness tests want it: exit 0 (loaded) or exit 1 with a message on standard error that names
 * the file; never a stack trace, an internal error or another exit code; after a refused import
 * the database and its folder are as they were. Problems are collected, not thrown, so that one
 * run reports all of them with the figures.
 */
final class CliHarness implements AutoCloseable {

    /** A line of a Java stack trace, or the name of an exception or error class. */
    private static final Pattern TRACE = Pattern.compile("(?m)(^\\s*at [\\w$.]+\\(|Exception|\\bjava\\.lang\\.|Error:|"
            + "程序内部错误|Internal error)");

    record Outcome(int code, String out, String err) {
        boolean loaded() {
            return code == 0;
        }
    }

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    final List<String> problems = new ArrayList<>();
    int tried;
    int loaded;
    int refused;
    int traces;

    static final Path CORPUS = Path.of("src/test/resources/org/sanlian/workbench/corpus");

    private final Path work;
    private final java.util.Properties expected = new java.util.Properties();
    private int caseNo;

    /** Captures the command line's output; cases get folders under {@code work}. */
    CliHarness(Path work) {
        this.work = work;
        try (java.io.Reader r = Files.newBufferedReader(CORPUS.resolve("expected.properties"), StandardCharsets.UTF_8)) {
            expected.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Console.redirect(new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        Console.redirect(System.out, System.err);
    }

    /** A new, empty folder for one case. */
    Path caseDir() {
        return work.resolve("case-" + (++caseNo));
    }

    /** The example scheme (year 2024) with the example's data and targets, in {@code work/base/work.db}. */
    Path exampleDatabase() {
        Path db = work.resolve("base/work.db");
        Path example = ExampleGoldenTest.EXAMPLE;
        try {
            Files.createDirectories(db.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        require(plain("db", "init", "--db", db.toString(), "--scheme", example.resolve("scheme.json").toString(),
                "--year", "2024", "--operator", "测试"));
        require(plain("db", "import", "--db", db.toString(), example.resolve("data.csv").toString()));
        require(plain("db", "import", "--db", db.toString(), "--kind", "targets",
                example.resolve("targets.csv").toString()));
        return db;
    }

    static void require(Outcome o) {
        if (o.code() != 0) {
            throw new AssertionError("setting up failed: " + o.err());
        }
    }

    /** Checks an outcome against {@code corpus/expected.properties}: "load", or the fragments a refusal must show. */
    void expect(String key, Outcome o) {
        String want = expected.getProperty(key);
        if (want == null) {
            problem(key + ": no expectation in expected.properties (exit " + o.code() + ": " + excerpt(o.err()) + ")");
            return;
        }
        if (want.equals("load")) {
            if (o.code() != 0) {
                problem(key + ": should load but was refused: " + excerpt(o.err()));
            }
            return;
        }
        if (o.code() != 1) {
            problem(key + ": should be refused but exit " + o.code());
            return;
        }
        for (String fragment : want.split("\\s*\\|\\s*")) {
            if (!o.err().contains(fragment)) {
                problem(key + ": the refusal lacks \"" + fragment + "\": " + excerpt(o.err()));
            }
        }
    }

    /** Runs the command without judging it (for setting things up). */
    Outcome plain(String... args) {
        stdout.reset();
        stderr.reset();
        int code = SanlianCli.run(args);
        return new Outcome(code, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
    }

    /** Runs a command on {@code input} and judges the outcome; {@code label} names the case in problems. */
    Outcome feed(String label, Path input, String... args) {
        return feed(label, List.of(input), args);
    }

    /** As {@link #feed(String, Path, String...)}, where a refusal may name any of {@code inputs}. */
    Outcome feed(String label, List<Path> inputs, String... args) {
        tried++;
        Outcome run;
        try {
            run = plain(args);
        } catch (Throwable t) { // an Error picocli let through (StackOverflowError, OutOfMemoryError ...)
            traces++;
            problems.add(label + ": " + t + " escaped the command line");
            return new Outcome(-1, "", String.valueOf(t));
        }
        Outcome o = run;
        if (TRACE.matcher(o.out).find() || TRACE.matcher(o.err).find()) {
            traces++;
            problems.add(label + ": stack trace or internal error shown: " + excerpt(o.err + o.out));
        }
        if (o.code == 0) {
            loaded++;
        } else if (o.code == 1) {
            refused++;
            if (o.err.isBlank()) {
                problems.add(label + ": refused without a message");
            } else if (inputs.stream().noneMatch(f -> o.err.contains(f.getFileName().toString()))
                    && !o.err.contains("--period")
                    && !o.err.contains("targets: ")) {
                // a sound file may still lack the period asked for, or a target the scheme needs
                problems.add(label + ": the message does not name the file: " + excerpt(o.err));
            }
        } else {
            problems.add(label + ": exit " + o.code + ": " + excerpt(o.err));
        }
        return o;
    }

    void problem(String text) {
        problems.add(text);
    }

    static String excerpt(String s) {
        String t = s.strip().replace('\n', '|');
        return t.length() > 400 ? t.substring(0, 400) + "…" : t;
    }

    /** What a database holds that an import may change: every figure, target and audit line. */
    static String digest(Path db) {
        try (WorkbenchDatabase open = WorkbenchDatabase.openExisting(db)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(Long.toString(open.auditCount(AuditFilter.any())).getBytes(StandardCharsets.UTF_8));
            for (Period p : open.periods()) {
                Assessment a = open.assessment(p, Optional.empty());
                sha.update((p + a.data().observations().toString() + a.targets().observations())
                        .getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private final java.util.Map<Path, String> contents = new java.util.HashMap<>();

    /** The content digest of a database, taken on a copy so that the base is never opened again. */
    private static String digestOfCopy(Path base, Path dir) {
        try {
            Files.createDirectories(dir);
            Path copy = Files.copy(base, dir.resolve("base-copy.db"));
            return digest(copy);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String bytes(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every file under {@code dir} with its size, to see that nothing was left behind. */
    static List<String> listing(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).map(f -> {
                try {
                    return dir.relativize(f) + " " + Files.size(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code db import} of {@code input} into a fresh copy of {@code baseDb}; when refused, the
     * copy's content and its folder must be unchanged.
     */
    Outcome importInto(String label, Path baseDb, Path caseDir, Path input, String... extra) {
        try {
            Files.createDirectories(caseDir);
            Path db = caseDir.resolve("work.db");
            Files.copy(baseDb, db);
            // opened once as a user's database has been: its daily backup and lock file are not the import's doing
            WorkbenchDatabase.openExisting(db).close();
            String bytesBefore = bytes(db);
            List<String> filesBefore = listing(caseDir);
            List<String> args = new ArrayList<>(List.of("db", "import", "--db", db.toString()));
            args.addAll(List.of(extra));
            args.add(input.toString());
            Outcome o = feed(label, input, args.toArray(String[]::new));
            if (o.code == 1) {
                if (!listing(caseDir).equals(filesBefore)) {
                    problems.add(label + ": refused import left files behind: " + listing(caseDir));
                }
                // the same bytes need no look inside; other bytes must still hold the same figures
                if (!bytes(db).equals(bytesBefore)
                        && !digest(db).equals(contents.computeIfAbsent(baseDb, b -> digestOfCopy(b, caseDir)))) {
                    problems.add(label + ": refused import changed the database");
                }
            }
            return o;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code db import} of {@code input} into {@code db}, a copy of {@code baseDb} kept from case to
     * case: a refusal must leave its bytes (or else its content) and its folder as they were; after
     * a load the copy is made again from the base.
     */
    Outcome importReusing(String label, Path baseDb, Path db, Path input) {
        try {
            String bytesBefore = bytes(db);
            List<String> filesBefore = listing(db.getParent());
            Outcome o = feed(label, input, "db", "import", "--db", db.toString(), input.toString());
            if (o.code == 1) {
                if (!listing(db.getParent()).equals(filesBefore)) {
                    problems.add(label + ": refused import left files behind: " + listing(db.getParent()));
                }
                if (!bytes(db).equals(bytesBefore)
                        && !digest(db).equals(contents.computeIfAbsent(baseDb, b -> digestOfCopy(b, caseDir())))) {
                    problems.add(label + ": refused import changed the database");
                }
            } else {
                Files.copy(baseDb, db, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            return o;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String figures() {
        return String.format("%,d inputs tried, %,d loaded, %,d refused, %d stack traces found, %d problems", tried,
                loaded, refused, traces, problems.size());
    }
}

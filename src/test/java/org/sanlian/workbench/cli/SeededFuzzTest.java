package org.sanlian.workbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded fuzzing (600 mutants): sound files mutated by byte flips, truncation, line deletion and duplication,
 * field swaps (and, in workbooks, cells overwritten, swapped and rows removed), each mutant fed to
 * the command line as a user would: the default scheme and the demo data to {@code score}, a
 * returned template of the example database to {@code db import}. Every mutant loads or is refused
 * with a message naming the file; none shows a stack trace; a refused import changes nothing. The
 * seeds are fixed, so every run makes the same mutations; the template itself carries the time it
 * was made and is signed with the new database's random key, so its mutants' split between loaded
 * and refused may differ by one or two from run to run.
 */
class SeededFuzzTest {

    private static final Path RESOURCES = Path.of("src/main/resources/org/sanlian/workbench");
    private static final Path SCHEME = RESOURCES.resolve("schemes/sanlian-2025.scheme.json");
    private static final Path DATA = RESOURCES.resolve("demo/data.csv");
    private static final Path TARGETS = RESOURCES.resolve("demo/targets.csv");
    /** Mutants of each kind: schemes are refused fastest, a template import takes longest. */
    private static final int SCHEME_MUTANTS = 60;
    private static final int DATA_MUTANTS = 40;
    private static final int TEMPLATE_MUTANTS = 20;

    @TempDir
    static Path work;

    private static CliHarness cli;
    private static final List<String> kinds = new ArrayList<>();

    @BeforeAll
    static void setUp() {
        cli = new CliHarness(work);
    }

    @AfterAll
    static void report() {
        cli.close();
        System.out.println("SeededFuzzTest: mutants per kind: " + String.join(", ", kinds) + "; " + cli.figures());
    }

    @FunctionalInterface
    private interface Mutator {
        byte[] mutate(byte[] sound, Random rnd);
    }

    static byte[] flipBytes(byte[] b, Random rnd) {
        byte[] m = b.clone();
        for (int i = 1 + rnd.nextInt(4); i > 0; i--) {
            m[rnd.nextInt(m.length)] = (byte) rnd.nextInt(256);
        }
        return m;
    }

    static byte[] truncate(byte[] b, Random rnd) {
        return Arrays.copyOf(b, rnd.nextInt(b.length));
    }

    private static List<String> lines(byte[] b) {
        return new ArrayList<>(List.of(new String(b, StandardCharsets.UTF_8).split("\n", -1)));
    }

    private static byte[] joined(List<String> lines) {
        return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] deleteLine(byte[] b, Random rnd) {
        List<String> l = lines(b);
        l.remove(rnd.nextInt(l.size()));
        return joined(l);
    }

    static byte[] duplicateLine(byte[] b, Random rnd) {
        List<String> l = lines(b);
        l.add(rnd.nextInt(l.size() + 1), l.get(rnd.nextInt(l.size())));
        return joined(l);
    }

    /** Two fields of one CSV line change places (a value in the code column, say). */
    static byte[] swapCsvFields(byte[] b, Random rnd) {
        List<String> l = lines(b);
        int at = rnd.nextInt(l.size());
        String[] f = l.get(at).split(",", -1);
        if (f.length > 1) {
            int i = rnd.nextInt(f.length);
            int j = rnd.nextInt(f.length);
            String t = f[i];
            f[i] = f[j];
            f[j] = t;
            l.set(at, String.join(",", f));
        }
        return joined(l);
    }

    private static final Pattern JSON_VALUE = Pattern.compile(":\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|-?[0-9.eE+-]+|true|false|null)");

    /** The values of two JSON fields change places (a name where a weight was, say). */
    static byte[] swapJsonValues(byte[] b, Random rnd) {
        String s = new String(b, StandardCharsets.UTF_8);
        List<int[]> spans = new ArrayList<>();
        Matcher m = JSON_VALUE.matcher(s);
        while (m.find()) {
            spans.add(new int[] {m.start(1), m.end(1)});
        }
        int[] x = spans.get(rnd.nextInt(spans.size()));
        int[] y = spans.get(rnd.nextInt(spans.size()));
        if (x[0] > y[0]) {
            int[] t = x;
            x = y;
            y = t;
        }
        if (x[0] == y[0]) {
            return b;
        }
        String out = s.substring(0, x[0]) + s.substring(y[0], y[1]) + s.substring(x[1], y[0]) + s.substring(x[0], x[1])
                + s.substring(y[1]);
        return out.getBytes(StandardCharsets.UTF_8);
    }

    /** Runs {@code perKind} mutants of each kind on {@code sound}; {@code feed} judges one mutant file. */
    private void fuzz(String what, int perKind, byte[] sound, long seed, List<String> names, List<Mutator> mutators,
                      java.util.function.BiConsumer<String, Path> feed) {
        Random rnd = new Random(seed);
        for (int k = 0; k < mutators.size(); k++) {
            kinds.add(perKind + " " + what + " " + names.get(k));
            for (int i = 0; i < perKind; i++) {
                byte[] mutant = mutators.get(k).mutate(sound, rnd);
                Path file = work.resolve(what + "-" + names.get(k) + "-" + i + suffix(what));
                try {
                    Files.write(file, mutant);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                feed.accept(what + " " + names.get(k) + " #" + i, file);
            }
        }
    }

    private static String suffix(String what) {
        return what.equals("scheme") ? ".json" : what.equals("data") ? ".csv" : ".xlsx";
    }

    private void score(String label, Path input, Path scheme, Path data) {
        Path out = cli.caseDir().resolve("results.csv");
        // a mutated scheme may load and then not fit the data or targets: those files are the place then
        CliHarness.Outcome o = cli.feed(label, List.of(input, data, TARGETS), "score", "--scheme", scheme.toString(), "--data", data.toString(),
                "--targets", TARGETS.toString(), "--period", "2025", "--out", out.toString());
        if (o.code() != 0 && Files.exists(out)) {
            cli.problem(label + ": refused but wrote " + out);
        }
    }

    @Test
    void mutatedSchemesLoadOrAreRefusedWithTheirFieldPath() throws IOException {
        int from = cli.problems.size();
        fuzz("scheme", SCHEME_MUTANTS, Files.readAllBytes(SCHEME), 20261127L,
                List.of("byte flips", "truncation", "line deletion", "line duplication", "value swaps"),
                List.of(SeededFuzzTest::flipBytes, SeededFuzzTest::truncate, SeededFuzzTest::deleteLine,
                        SeededFuzzTest::duplicateLine, SeededFuzzTest::swapJsonValues),
                (label, f) -> score(label, f, f, DATA));
        assertThat(cli.problems.subList(from, cli.problems.size())).isEmpty();
    }

    @Test
    void mutatedDataLoadsOrIsRefusedWithItsLineAndColumn() throws IOException {
        int from = cli.problems.size();
        fuzz("data", DATA_MUTANTS, Files.readAllBytes(DATA), 1127L,
                List.of("byte flips", "truncation", "line deletion", "line duplication", "field swaps"),
                List.of(SeededFuzzTest::flipBytes, SeededFuzzTest::truncate, SeededFuzzTest::deleteLine,
                        SeededFuzzTest::duplicateLine, SeededFuzzTest::swapCsvFields),
                (label, f) -> score(label, f, SCHEME, f));
        assertThat(cli.problems.subList(from, cli.problems.size())).isEmpty();
    }

    /**
     * A returned template of the example database, mutated as bytes and as cells, imported into
     * one copy of the database; the copy is only renewed when a mutant loaded.
     */
    @Test
    void mutatedTemplatesLoadOrAreRefusedWithTheirSheetAndCell() throws IOException {
        int from = cli.problems.size();
        Path base = cli.exampleDatabase();
        Path templates = work.resolve("templates");
        CliHarness.require(cli.plain("db", "templates", "--db", base.toString(), "--period", "2025", "--unit", "A2",
                "--out", templates.toString()));
        Path template;
        try (Stream<Path> files = Files.list(templates)) {
            template = files.filter(f -> f.toString().endsWith(".xlsx")).findFirst().orElseThrow();
        }
        byte[] sound = filled(Files.readAllBytes(template));
        Path dir = work.resolve("fuzz-db");
        Files.createDirectories(dir);
        Path db = dir.resolve("work.db");
        Files.copy(base, db);
        org.sanlian.workbench.app.WorkbenchDatabase.openExisting(db).close(); // its daily backup is made now
        fuzz("template", TEMPLATE_MUTANTS, sound, 7L,
                List.of("byte flips", "truncation", "cells overwritten", "cells swapped", "rows removed"),
                List.of(SeededFuzzTest::flipBytes, SeededFuzzTest::truncate, SeededFuzzTest::overwriteCells,
                        SeededFuzzTest::swapCells, SeededFuzzTest::removeRows),
                (label, f) -> cli.importReusing(label, base, db, f));
        assertThat(cli.problems.subList(from, cli.problems.size())).isEmpty();
    }

    /** The template with every value typed in, as a unit returns it. */
    private static byte[] filled(byte[] template) {
        return cells(template, sheet -> {
            for (Row row : sheet) {
                Cell code = row.getCell(1);
                if (row.getRowNum() >= 5 && code != null && !code.toString().isBlank()) {
                    row.getCell(5, Row.MissingCellPolicy.CREATE_NULL_AS_BLANK).setCellValue(7.5);
                }
            }
        });
    }

    private static byte[] cells(byte[] xlsx, java.util.function.Consumer<Sheet> edit) {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            edit.accept(wb.getSheet("填报表"));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static final Object[] ODD_VALUES = {"NaN", "Infinity", "1e400", "-1e9", "", " ", "=1+1", "１２",
        "12,5", "abc", "=cmd|' /C calc'!A0", -0.0, 1e308, -5.0, Double.NaN, true};

    private static void put(Cell cell, Object v) {
        if ("=1+1".equals(v)) {
            cell.setCellFormula("1+1");
        } else if (v instanceof String s) {
            cell.setCellValue(s);
        } else if (v instanceof Double d) {
            cell.setCellValue(d);
        } else if (v instanceof Boolean b) {
            cell.setCellValue(b);
        }
    }

    static byte[] overwriteCells(byte[] xlsx, Random rnd) {
        int n = 1 + rnd.nextInt(3);
        long seed = rnd.nextLong();
        return cells(xlsx, sheet -> {
            Random r = new Random(seed);
            for (int i = 0; i < n; i++) {
                Row row = sheet.getRow(r.nextInt(sheet.getLastRowNum() + 1));
                if (row == null) {
                    continue;
                }
                put(row.getCell(r.nextInt(9), Row.MissingCellPolicy.CREATE_NULL_AS_BLANK),
                        ODD_VALUES[r.nextInt(ODD_VALUES.length)]);
            }
        });
    }

    static byte[] swapCells(byte[] xlsx, Random rnd) {
        long seed = rnd.nextLong();
        return cells(xlsx, sheet -> {
            Random r = new Random(seed);
            Row a = sheet.getRow(r.nextInt(sheet.getLastRowNum() + 1));
            Row b = sheet.getRow(r.nextInt(sheet.getLastRowNum() + 1));
            if (a == null || b == null) {
                return;
            }
            Cell x = a.getCell(r.nextInt(9), Row.MissingCellPolicy.CREATE_NULL_AS_BLANK);
            Cell y = b.getCell(r.nextInt(9), Row.MissingCellPolicy.CREATE_NULL_AS_BLANK);
            String tx = x.toString();
            String ty = y.toString();
            x.setCellValue(ty);
            y.setCellValue(tx);
        });
    }

    static byte[] removeRows(byte[] xlsx, Random rnd) {
        long seed = rnd.nextLong();
        return cells(xlsx, sheet -> {
            Random r = new Random(seed);
            Row row = sheet.getRow(r.nextInt(sheet.getLastRowNum() + 1));
            if (row != null) {
                sheet.removeRow(row);
            }
        });
    }
}

package org.sanlian.workbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file of the bad-input corpus ({@code src/test/resources/org/sanlian/workbench/corpus}) fed
 * to the command line in-process: schemes to {@code score}, data and targets files to
 * {@code score} and {@code db import}, workbooks to {@code db import} (one by one and a folder at
 * once), and folders and missing files in a file's place. Each either loads (exit 0) or
 * is refused (exit 1) with a message naming the file, never a stack trace; a refused import leaves
 * the database and its folder as they were. {@code corpus/expected.properties} pins, per file, that
 * it loads or the place and words its refusal must show. Spoiled templates, zip bombs and a million
 * rows are in {@link SpoiledInputTest}; mutants in {@link SeededFuzzTest}.
 */
class BadInputCorpusTest {

    static final Path CORPUS = CliHarness.CORPUS;
    static final Path EXAMPLE = ExampleGoldenTest.EXAMPLE;

    @TempDir
    static Path work;

    private static CliHarness cli;
    private static Path baseDb;
    private static int corpusFiles;
    private static int generated;

    @BeforeAll
    static void setUp() {
        cli = new CliHarness(work);
        baseDb = cli.exampleDatabase();
    }

    @AfterAll
    static void report() {
        cli.close();
        System.out.println("BadInputCorpusTest: " + corpusFiles + " corpus files + " + generated
                + " folders and missing files, " + cli.figures());
    }

    private static List<Path> files(String folder) throws IOException {
        try (Stream<Path> files = Files.list(CORPUS.resolve(folder))) {
            return files.sorted().toList();
        }
    }

    private Path caseDir() {
        return cli.caseDir();
    }

    private void expect(String key, CliHarness.Outcome o) {
        cli.expect(key, o);
    }

    private CliHarness.Outcome score(String label, Path input, Path scheme, Path data, Path targets) {
        Path out = caseDir().resolve("results.csv");
        CliHarness.Outcome o = cli.feed(label, input, "score", "--scheme", scheme.toString(), "--data", data.toString(),
                "--targets", targets.toString(), "--period", "2025", "--out", out.toString());
        if (o.code() != 0 && Files.exists(out)) {
            cli.problem(label + ": refused but wrote " + out);
        }
        return o;
    }

    @Test
    void everySchemeLoadsOrIsRefusedWithItsPlace() throws IOException {
        int from = cli.problems.size();
        for (Path f : files("scheme")) {
            corpusFiles++;
            String key = "scheme/" + f.getFileName();
            CliHarness.Outcome scored = score(key, f, f, EXAMPLE.resolve("data.csv"), EXAMPLE.resolve("targets.csv"));
            expect(key, scored);
            // the same scheme starting a database: a refusal leaves no database file behind
            Path dir = caseDir();
            Files.createDirectories(dir);
            CliHarness.Outcome init = cli.feed(key + " (db init)", f, "db", "init", "--db", dir.resolve("new.db").toString(),
                    "--scheme", f.toString(), "--year", "2025");
            if (init.code() != 0 && !CliHarness.listing(dir).isEmpty()) {
                cli.problem(key + " (db init): refused but left " + CliHarness.listing(dir));
            }
            if ((init.code() == 0) != (scored.code() == 0) && !scored.err().contains("data.csv")) {
                cli.problem(key + ": score and db init disagree: " + CliHarness.excerpt(scored.err() + init.err()));
            }
        }
        assertThat(cli.problems.subList(from, cli.problems.size())).isEmpty();
    }

    @Test
    void everyDataFileLoadsOrIsRefusedWithItsPlaceAndAnImportChangesNothing() throws IOException {
        int from = cli.problems.size();
        for (Path f : files("data")) {
            corpusFiles++;
            String key = "data/" + f.getFileName();
            CliHarness.Outcome scored = score(key + " (score)", f, EXAMPLE.resolve("scheme.json"), f,
                    EXAMPLE.resolve("targets.csv"));
            CliHarness.Outcome imported = cli.importInto(key + " (db import)", baseDb, caseDir(), f);
            expect(key, imported);
            if (scored.code() == 1 && imported.code() == 0 && scored.err().contains(f.getFileName().toString())) {
                cli.problem(key + ": refused by score but imported: " + CliHarness.excerpt(scored.err()));
            }
        }
        assertThat(cli.problems.subList(from, cli.problems.size())).isEmpty();
    }

    @Test
    void everyTargetsFileLoadsOrIsRefusedWithItsPlaceAndAnImportChangesNothing() throws IOException {
        int from = cli.problems.size();
        for (Path f : files("targets")) {
            corpusFiles++;
            String key = "targets/" + f.getFileName();
            score(key + " (score)", f, EXAMPLE.resolve("scheme.json"), EXAMPLE.resolve("data.csv"), f);
            expect(key, cli.importInto(key + " (db import)", baseDb, caseDir(), f, "--kind", "targets"));
        }
        assertThat(cli.problems.subList(from, cli.problems.size())).isEmpty();
    }

    @Test
    void everyWorkbookLoadsOrIsRefusedWithItsPlaceAndAnImportChangesNothing() throws IOException {
        int from = cli.problems.size();
        for (Path f : files("excel")) {
            corpusFiles++;
            String key = "excel/" + f.getFileName();
            expect(key, cli.importInto(key, baseDb, caseDir(), f));
        }
        assertThat(cli.problems.subList(from, cli.problems.size())).isEmpty();
    }

    /** A folder of sound and broken files together: all or nothing, so nothing, and the broken files named. */
    @Test
    void aWholeCorpusFolderImportedAtOnceChangesNothingAndNamesEveryBrokenFile() throws IOException {
        int from = cli.problems.size();
        Map<String, List<String>> broken = Map.of("data", List.of("nan.csv:2:4", "truncated.csv:49:5", "gbk.csv:2"),
                "excel", List.of("formulas.xlsx:数据!D2", "macro.xlsm", "truncated.xlsx"));
        for (Map.Entry<String, List<String>> e : broken.entrySet()) {
            generated++;
            Path f = CORPUS.resolve(e.getKey());
            CliHarness.Outcome o = cli.importInto(e.getKey() + "/ (db import of the folder)", baseDb, caseDir(), f);
            assertThat(o.code()).isEqualTo(1);
            assertThat(o.err()).contains(e.getValue());
        }
        assertThat(cli.problems.subList(from, cli.problems.size())).isEmpty();
    }

    @Test
    void aFolderOrAMissingFileGivenAsAFileIsRefusedWithItsName() throws IOException {
        int from = cli.problems.size();
        Path folder = Files.createDirectories(work.resolve("a-folder.csv"));
        Path missing = work.resolve("missing.csv");
        for (Path f : List.of(folder, missing)) {
            generated++;
            Path out = caseDir().resolve("r.csv");
            CliHarness.Outcome o = cli.feed(f.getFileName() + " (score)", f, "score", "--scheme",
                    EXAMPLE.resolve("scheme.json").toString(), "--data", f.toString(), "--period", "2025",
                    "--out", out.toString());
            assertThat(o.code()).isEqualTo(1);
            o = cli.feed(f.getFileName() + " (scheme)", f, "score", "--scheme", f.toString(), "--data",
                    EXAMPLE.resolve("data.csv").toString(), "--period", "2025", "--out", out.toString());
            assertThat(o.code()).isEqualTo(1);
        }
        CliHarness.Outcome o = cli.importInto("missing.csv (db import)", baseDb, caseDir(), missing);
        assertThat(o.code()).isEqualTo(1);
        assertThat(cli.problems.subList(from, cli.problems.size())).isEmpty();
    }
}

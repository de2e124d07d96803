package org.sanlian.workbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sanlian.workbench.CsvAssert;

/**
 * Golden-file tests of the command line on the worked example of shared/data/example (copied into
 * src/test/resources/example): {@code score} must write exactly the expected results and detail.
 */
class ExampleGoldenTest {

    static final Path EXAMPLE = Paths.get("src/test/resources/example");

    @TempDir
    Path out;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    @BeforeEach
    void capture() {
        Console.redirect(new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        Console.redirect(System.out, System.err);
    }

    static int score(Path dir, String period, Path results, Path detail) {
        return SanlianCli.run("score", "--scheme", dir.resolve("scheme.json").toString(),
                "--data", dir.resolve("data.csv").toString(), "--targets", dir.resolve("targets.csv").toString(),
                "--period", period, "--out", results.toString(), "--detail", detail.toString());
    }

    @ParameterizedTest(name = "period {0}")
    @ValueSource(strings = {"2024", "2025"})
    void scoreWritesTheExpectedResultsAndDetail(String period) throws Exception {
        Path results = out.resolve("results.csv");
        Path detail = out.resolve("detail.csv");
        assertThat(score(EXAMPLE, period, results, detail)).as(stderr.toString(StandardCharsets.UTF_8)).isZero();
        CsvAssert.assertSameCsv(results, EXAMPLE.resolve("results_" + period + ".csv"));
        CsvAssert.assertSameCsv(detail, EXAMPLE.resolve("detail_" + period + ".csv"));
    }

    @Test
    void bottomListNamesRulesWeakestIndicatorsAndEscapeMargins() throws Exception {
        Path bottom = out.resolve("bottom.csv");
        int code = SanlianCli.run("bottom-list", "--scheme", EXAMPLE.resolve("scheme.json").toString(),
                "--data", EXAMPLE.resolve("data.csv").toString(), "--targets", EXAMPLE.resolve("targets.csv").toString(),
                "--period", "2025", "--out", bottom.toString());
        assertThat(code).as(stderr.toString(StandardCharsets.UTF_8)).isZero();
        String text = Files.readString(bottom, StandardCharsets.UTF_8);
        assertThat(text).startsWith("period,unit,name,zone,rank,zoneRank,total,level,rules,weakest,escape\n");
        assertThat(text).contains("2025,B3,己县,ZB,5,2,50.99,ESCALATED,BOTTOM_N_PER_ZONE;CONSECUTIVE,");
        assertThat(text).contains("2025,B1,丁县,ZB,6,3,80.05,NORMAL,VETO,");
        // 丙县 is last of ZA (54.17 against 91.54): no single indicator lifts it past 甲县 except RD_INT? every
        // escape is either a number or 'unreachable'
        assertThat(text.lines().filter(l -> l.startsWith("2025,A3,")).findFirst().orElseThrow())
                .matches(".*,(([A-Z_]+=([0-9.]+|unreachable));?){3}$");
    }

    @Test
    void sensitivityIsReproducibleWithTheSameSeed() throws Exception {
        Path a = out.resolve("a.csv");
        Path b = out.resolve("b.csv");
        for (Path p : new Path[] {a, b}) {
            int code = SanlianCli.run("sensitivity", "--scheme", EXAMPLE.resolve("scheme.json").toString(),
                    "--data", EXAMPLE.resolve("data.csv").toString(), "--targets", EXAMPLE.resolve("targets.csv").toString(),
                    "--period", "2025", "--draws", "300", "--seed", "7", "--out", p.toString());
            assertThat(code).isZero();
        }
        assertThat(Files.readString(a)).isEqualTo(Files.readString(b));
        assertThat(Files.readAllLines(a).get(0)).isEqualTo("unit,name,zone,rank,medianRank,p05Rank,p95Rank,listedShare");
        assertThat(Files.readAllLines(a)).hasSize(7);
    }
}

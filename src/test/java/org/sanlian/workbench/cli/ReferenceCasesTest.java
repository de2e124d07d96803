package org.sanlian.workbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sanlian.workbench.CsvAssert;

/**
 * Differential golden test: the command line must write, for each of sixty generated cases, the
 * results, detail and bottom-list files that an independent Python implementation of SCORING.md
 * (scripts/reference_scorer.py) wrote. See src/test/resources/reference-cases/README.md.
 */
class ReferenceCasesTest {

    private static final Path CASES = Paths.get("src/test/resources/reference-cases");

    @TempDir
    Path out;

    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    @BeforeEach
    void capture() {
        Console.redirect(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        Console.redirect(System.out, System.err);
    }

    static Stream<String> cases() throws IOException {
        try (Stream<Path> dirs = Files.list(CASES)) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    private static List<String> files(Path dir, String period, boolean withTargets) {
        List<String> args = new ArrayList<>(List.of("--scheme", dir.resolve("scheme.json").toString(),
                "--data", dir.resolve("data.csv").toString(), "--period", period));
        if (withTargets) {
            args.addAll(List.of("--targets", dir.resolve("targets.csv").toString()));
        }
        return args;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theCommandLineAgreesWithTheReferenceScorer(String name) throws Exception {
        Path dir = CASES.resolve(name);
        String period = Files.readString(dir.resolve("period.txt")).trim();
        boolean withTargets = Files.readString(dir.resolve("cmd.txt")).contains("--targets");

        List<String> score = new ArrayList<>(List.of("score"));
        score.addAll(files(dir, period, withTargets));
        score.addAll(List.of("--out", out.resolve("results.csv").toString(), "--detail", out.resolve("detail.csv").toString()));
        assertThat(SanlianCli.run(score.toArray(new String[0]))).as(stderr.toString(StandardCharsets.UTF_8)).isZero();
        CsvAssert.assertSameCsv(out.resolve("results.csv"), dir.resolve("results.csv"));
        CsvAssert.assertSameCsv(out.resolve("detail.csv"), dir.resolve("detail.csv"));

        List<String> bottom = new ArrayList<>(List.of("bottom-list"));
        bottom.addAll(files(dir, period, withTargets));
        bottom.addAll(List.of("--out", out.resolve("bottom.csv").toString()));
        assertThat(SanlianCli.run(bottom.toArray(new String[0]))).as(stderr.toString(StandardCharsets.UTF_8)).isZero();
        assertSameBottomList(out.resolve("bottom.csv"), dir.resolve("bottom.csv"));
    }

    /** Rows, rules and weakest indicators exactly; escape values to the bisection's tolerance. */
    private static void assertSameBottomList(Path actual, Path expected) throws IOException {
        List<String[]> got = CsvAssert.read(actual);
        List<String[]> want = CsvAssert.read(expected);
        assertThat(got).hasSameSizeAs(want);
        for (int r = 0; r < want.size(); r++) {
            String[] g = got.get(r);
            String[] w = want.get(r);
            String where = "bottom row " + r + " " + String.join(",", w);
            assertThat(g.length).as(where).isEqualTo(w.length);
            for (int c = 0; c < w.length - 1; c++) {
                if (r > 0 && c == 6) {
                    assertThat(Double.parseDouble(g[c])).as(where).isEqualTo(Double.parseDouble(w[c]));
                } else {
                    assertThat(g[c]).as(where + " column " + c).isEqualTo(w[c]);
                }
            }
            if (r == 0) {
                continue;
            }
            Map<String, String> ge = escapes(g[w.length - 1]);
            Map<String, String> we = escapes(w[w.length - 1]);
            assertThat(ge.keySet()).as(where).isEqualTo(we.keySet());
            for (Map.Entry<String, String> e : we.entrySet()) {
                String a = ge.get(e.getKey());
                if (e.getValue().equals("unreachable")) {
                    assertThat(a).as(where).isEqualTo("unreachable");
                } else {
                    double b = Double.parseDouble(e.getValue());
                    assertThat(Math.abs(Double.parseDouble(a) - b)).as(where + " " + e.getKey())
                            .isLessThanOrEqualTo(1e-6 * Math.max(1, Math.abs(b)));
                }
            }
        }
    }

    private static Map<String, String> escapes(String field) {
        Map<String, String> m = new HashMap<>();
        for (String part : field.split(";")) {
            if (!part.isEmpty()) {
                String[] kv = part.split("=", 2);
                m.put(kv[0], kv[1]);
            }
        }
        return m;
    }
}

package org.sanlian.workbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sanlian.workbench.CsvAssert;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.scoring.PeriodResult;
import org.sanlian.workbench.core.scoring.UnitResult;

/**
 * A peer's results: COINr's ASEM example (51 countries, 49 indicators, four levels), converted by
 * scripts/convert_asem.py into a scheme (ARITHMETIC, MIN_MAX 0..100, REWEIGHT, zones = EurAsia_group)
 * and a data file, must reproduce COINr 1.1.14's aggregates to 1e-9 and its ranks exactly, overall
 * and within EurAsia_group.
 */
class AsemPeerTest {

    private static final Path DIR = Paths.get("src/test/resources/asem");
    private static final List<String> AGGREGATES = List.of("Physical", "ConEcFin", "Political", "Instit", "P2P",
            "Environ", "Social", "SusEcFin", "Conn", "Sust");

    private static PeriodResult result;
    private static List<String[]> expected;

    @BeforeAll
    static void score() throws Exception {
        Assessment asem = AssessmentFiles.load(DIR.resolve("asem.scheme.json"), DIR.resolve("asem.data.csv"), Optional.empty());
        result = new ScoringService().score(asem, Period.year(2018));
        expected = CsvAssert.read(DIR.resolve("coinr_expected.csv"));
    }

    private static Map<String, Integer> columns() {
        String[] header = expected.get(0);
        Map<String, Integer> c = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
            c.put(header[i].replace("\"", ""), i);
        }
        return c;
    }

    private static String field(String[] row, int i) {
        return row[i].replace("\"", "");
    }

    /**
     * The kept files are exactly what scripts/convert_asem.py makes of shared/data/asem (skipped where
     * python3 or shared/ is not beside the clone, as on a developer's machine without them).
     */
    @Test
    void theKeptFilesAreTheConversionOfCoinrsData(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path source = Paths.get("..", "shared", "data", "asem");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isDirectory(source), "shared/data/asem not found");
        Process p;
        try {
            p = new ProcessBuilder("python3", "scripts/convert_asem.py", source.toString(), "--out", tmp.toString())
                    .redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            org.junit.jupiter.api.Assumptions.abort("python3 not available");
            return;
        }
        String log = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(log).isZero();
        for (String f : List.of("asem.scheme.json", "asem.data.csv", "coinr_expected.csv")) {
            assertThat(java.nio.file.Files.readAllBytes(tmp.resolve(f))).as(f)
                    .isEqualTo(java.nio.file.Files.readAllBytes(DIR.resolve(f)));
        }
    }

    @Test
    void everyAggregateMatchesCoinrToOneBillionth() {
        Map<String, Integer> c = columns();
        assertThat(expected).hasSize(52);
        double worst = 0;
        for (String[] row : expected.subList(1, expected.size())) {
            UnitResult u = result.row(field(row, c.get("uCode"))).orElseThrow();
            for (String agg : AGGREGATES) {
                double want = Double.parseDouble(field(row, c.get(agg)));
                double got = u.subtotals().get(agg).orElseThrow();
                worst = Math.max(worst, Math.abs(got - want));
                assertThat(got).as("%s %s", u.unit().code(), agg).isCloseTo(want, org.assertj.core.api.Assertions.within(1e-9));
            }
            double index = Double.parseDouble(field(row, c.get("Index")));
            assertThat(u.unroundedTotal()).as("%s Index", u.unit().code()).isCloseTo(index, org.assertj.core.api.Assertions.within(1e-9));
        }
        assertThat(worst).isLessThan(1e-9);
    }

    @Test
    void ranksMatchCoinrOverallAndWithinEurAsiaGroup() {
        Map<String, Integer> c = columns();
        for (String[] row : expected.subList(1, expected.size())) {
            UnitResult u = result.row(field(row, c.get("uCode"))).orElseThrow();
            assertThat(u.rank()).as("%s rank", u.unit().code()).isEqualTo(Integer.parseInt(field(row, c.get("Index_rank"))));
            assertThat(u.zoneRank()).as("%s zone rank", u.unit().code())
                    .isEqualTo(Integer.parseInt(field(row, c.get("Index_rank_in_EurAsia_group"))));
            assertThat(u.zone().code()).isEqualTo(field(row, c.get("EurAsia_group")));
        }
    }
}

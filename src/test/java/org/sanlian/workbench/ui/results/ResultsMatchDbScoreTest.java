package org.sanlian.workbench.ui.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanlian.workbench.app.ScoringService;
import org.sanlian.workbench.app.WorkbenchDatabase;
import org.sanlian.workbench.cli.SanlianCli;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.i18n.Messages;
import org.sanlian.workbench.ui.TestDatabases;
import org.sanlian.workbench.ui.common.CurrentThreadTaskExecutor;

/**
 * The results the window shows are what the command line's {@code db score} writes: on the demo
 * database, every period with figures, each unit's rank, zone rank and total.
 */
class ResultsMatchDbScoreTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void chinese() {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void everyUnitsRankZoneRankAndTotalEqualDbScore() throws Exception {
        Path file = TestDatabases.demo(dir.resolve("demo.db"), "张三");
        try (WorkbenchDatabase db = WorkbenchDatabase.openExisting(file)) {
            List<Period> periods = db.periods();
            assertThat(periods).hasSizeGreaterThan(1);
            // as ResultsScreen makes it
            ResultsViewModel vm = new ResultsViewModel(periods,
                    db.assessment(periods.get(periods.size() - 1), Optional.empty()),
                    p -> db.assessment(p, Optional.empty()), new ScoringService(), new CurrentThreadTaskExecutor());
            for (Period period : periods) {
                Path csv = dir.resolve("results-" + period + ".csv");
                assertThat(SanlianCli.run("db", "score", "--db", file.toString(), "--period", period.toString(),
                        "--out", csv.toString())).isZero();
                Map<String, Map<String, String>> expected = rows(csv);

                vm.setSelectedPeriod(period);

                assertThat(vm.getErrorMessage()).isEmpty();
                assertThat(vm.overallRows()).hasSize(expected.size());
                for (ResultRow row : vm.overallRows()) {
                    Map<String, String> cli = expected.get(row.unitCode());
                    assertThat(cli).as(period + " " + row.unitCode()).isNotNull();
                    assertThat(Integer.toString(row.rank())).as(period + " rank of " + row.unitCode())
                            .isEqualTo(cli.get("rank"));
                    assertThat(Integer.toString(row.zoneRank())).as(period + " zone rank of " + row.unitCode())
                            .isEqualTo(cli.get("zoneRank"));
                    assertThat(vm.format().score(row.total())).as(period + " total of " + row.unitCode())
                            .isEqualTo(cli.get("total"));
                }
            }
        }
    }

    @Test
    void aDerivedIndicatorsBreakdownShowsItsFormulaWithTheInputValues() {
        Path file = TestDatabases.demo(dir.resolve("demo.db"), "张三");
        try (WorkbenchDatabase db = WorkbenchDatabase.openExisting(file)) {
            List<Period> periods = db.periods();
            Period last = periods.get(periods.size() - 1);
            ResultsViewModel vm = new ResultsViewModel(periods, db.assessment(last, Optional.empty()),
                    p -> db.assessment(p, Optional.empty()), new ScoringService(), new CurrentThreadTaskExecutor());
            String unit = vm.overallRows().get(0).unitCode();
            vm.selectUnit(unit);

            UnitBreakdown.Line rd = vm.getBreakdown().groups().stream().flatMap(g -> g.lines().stream())
                    .filter(l -> l.indicator().code().equals("RD_INT")).findFirst().orElseThrow();
            assertThat(rd.formula()).hasValue("RD_EXP / (GDP * 10000) * 100");
            double rdExp = vm.assessment().data().value(last, unit, "RD_EXP").orElseThrow();
            assertThat(rd.inputs()).hasSize(2);
            assertThat(rd.inputs().get(0)).isEqualTo("RD_EXP = "
                    + java.math.BigDecimal.valueOf(rdExp).stripTrailingZeros().toPlainString());
            assertThat(rd.inputs().get(1)).startsWith("GDP = ").doesNotContain("无数值");
        }
    }

    /** The rows of a results CSV by unit code, each as column name to field. */
    private static Map<String, Map<String, String>> rows(Path csv) throws Exception {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        List<String> header = Arrays.asList(lines.get(0).replace("\uFEFF", "").split(",", -1));
        Map<String, Map<String, String>> out = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split(",", -1); // names hold no commas in the demo
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), fields[i]);
            }
            out.put(row.get("unit"), row);
        }
        return out;
    }
}

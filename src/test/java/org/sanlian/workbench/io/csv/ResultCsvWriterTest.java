package org.sanlian.workbench.io.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanlian.workbench.core.bottom.BottomEntry;
import org.sanlian.workbench.core.bottom.EscapeMargin;
import org.sanlian.workbench.core.bottom.Level;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.model.Scheme;
import org.sanlian.workbench.core.model.SensitivitySettings;
import org.sanlian.workbench.core.model.Unit;
import org.sanlian.workbench.core.model.Zone;
import org.sanlian.workbench.core.scoring.LeafScore;
import org.sanlian.workbench.core.scoring.LeafScore.State;
import org.sanlian.workbench.core.scoring.PeriodResult;
import org.sanlian.workbench.core.scoring.UnitResult;
import org.sanlian.workbench.core.sensitivity.SensitivityResult;
import org.sanlian.workbench.core.sensitivity.UnitSensitivity;

class ResultCsvWriterTest {

    private static final Scheme SCHEME = CsvFixtures.example();
    private static final Zone ZA = SCHEME.zones().get(0);
    private static final Zone ZB = SCHEME.zones().get(1);

    private static OptionalDouble of(double x) {
        return OptionalDouble.of(x);
    }

    private static final OptionalDouble NONE = OptionalDouble.empty();

    private static Map<String, OptionalDouble> subtotals(OptionalDouble innov, OptionalDouble talent) {
        Map<String, OptionalDouble> m = new LinkedHashMap<>();
        m.put("INNOV", innov);
        m.put("TALENT", talent);
        return m;
    }

    /** Three units: a plain one, a listed one whose name needs quoting, a vetoed one. */
    private static PeriodResult result() {
        UnitResult a2 = new UnitResult(new Unit("A2", "乙县"), ZA, 97.81, 97.8099999, 1, 1, OptionalInt.of(0), false,
                0.0, 0.0, subtotals(of(57.81), of(40.0)), List.of(
                        new LeafScore("RD_INT", State.SCORED, of(1.5477594339622642), of(30.955188679245282),
                                of(103.18396226415094)),
                        new LeafScore("RD_GROWTH", State.SCORED, of(25.0), of(18.857142857142858), of(94.28571428571428)),
                        new LeafScore("NOZERO", State.SCORED, of(1.0), of(8.0), of(80.0)),
                        new LeafScore("TEAMS", State.SCORED, of(1.0), of(15.0), of(100.0)),
                        new LeafScore("PROJECTS", State.SCORED, of(9.0), of(25.0), of(100.0))),
                List.of(), Optional.empty());
        UnitResult a3 = new UnitResult(new Unit("A3", "丙县, \"老城\""), ZA, 54.2, 54.2, 2, 2, OptionalInt.of(1), false,
                0.0, 1.0, subtotals(of(36.17), NONE), List.of(
                        new LeafScore("RD_INT", State.SCORED, of(0.6721698113207547), of(20.16509433962264),
                                of(67.21698113207547)),
                        new LeafScore("RD_GROWTH", State.MISSING_ZERO, NONE, of(0.0), of(0.0)),
                        new LeafScore("NOZERO", State.IMPUTED, of(3.5), of(3.0), of(30.0)),
                        new LeafScore("TEAMS", State.DROPPED, NONE, NONE, NONE),
                        new LeafScore("PROJECTS", State.SCORED, of(4.0), of(19.0), of(76.0))),
                List.of("missing:RD_GROWTH", "imputed:NOZERO", "warning:RD_GROWTH:missing-operand"),
                Optional.of(new BottomEntry("A3", Level.ESCALATED, List.of("BOTTOM_N_PER_ZONE", "CONSECUTIVE"),
                        List.of("TEAMS", "RD_INT", "NOZERO"), List.of(new EscapeMargin("TEAMS", of(1.0)),
                        new EscapeMargin("RD_INT", of(0.43750000000000006)), new EscapeMargin("NOZERO", NONE)))));
        UnitResult b1 = new UnitResult(new Unit("B1", "丁县"), ZB, 80.05, 80.05, 3, 1, OptionalInt.of(-2), true,
                2.0, 0.0, subtotals(of(55.049999), of(25.0)), List.of(
                        new LeafScore("RD_INT", State.SCORED, of(0.7745779543197616), of(29.04667328699106),
                                of(96.8222442899702)),
                        new LeafScore("RD_GROWTH", State.SCORED, of(30.0), of(20.0), of(100.0)),
                        new LeafScore("NOZERO", State.SCORED, of(2.0), of(6.0), of(60.0)),
                        new LeafScore("TEAMS", State.SCORED, of(0.0), of(0.0), of(0.0)),
                        new LeafScore("PROJECTS", State.SCORED, of(1.2e7), of(25.0), of(100.0))),
                List.of(), Optional.of(new BottomEntry("B1", Level.NORMAL, List.of("VETO"),
                        List.of("TEAMS", "NOZERO", "RD_INT"), List.of())));
        return new PeriodResult(SCHEME, Period.year(2025), List.of(a2, a3, b1), true);
    }

    private static List<String> lines(StringWriter w) {
        return List.of(w.toString().split("\n", -1));
    }

    @Test
    void resultsHaveTheFormatsColumnsRoundedFiguresAndShortestNumbers() throws IOException {
        StringWriter w = new StringWriter();
        ResultCsvWriter.writeResults(result(), w);
        assertThat(lines(w)).containsExactly(
                "period,unit,name,zone,total,rank,zoneRank,rankChange,bottom,level,INNOV,TALENT,bonus,penalty,veto,flags",
                "2025,A2,乙县,ZA,97.81,1,1,0,false,,57.81,40.00,0.0,0.0,false,",
                "2025,A3,\"丙县, \"\"老城\"\"\",ZA,54.20,2,2,1,true,ESCALATED,36.17,,0.0,1.0,false,"
                        + "missing:RD_GROWTH;imputed:NOZERO;warning:RD_GROWTH:missing-operand",
                "2025,B1,丁县,ZB,80.05,3,1,-2,true,NORMAL,55.05,25.00,2.0,0.0,true,",
                "");
    }

    @Test
    void rankChangeIsEmptyWithoutAPreviousPeriod() throws IOException {
        PeriodResult r = result();
        UnitResult first = r.rows().get(0);
        UnitResult noChange = new UnitResult(first.unit(), first.zone(), first.total(), first.unroundedTotal(), 1, 1,
                OptionalInt.empty(), false, first.bonus(), first.penalty(), first.subtotals(), first.leaves(),
                first.flags(), first.bottom());
        StringWriter w = new StringWriter();
        ResultCsvWriter.writeResults(new PeriodResult(SCHEME, r.period(), List.of(noChange), false), w);
        assertThat(lines(w).get(1)).isEqualTo("2025,A2,乙县,ZA,97.81,1,1,,false,,57.81,40.00,0.0,0.0,false,");
    }

    @Test
    void detailHasOneUnroundedRowPerUnitInSchemeOrderAndLeafWithEmptyFieldsWhereNothingIsKnown() throws IOException {
        StringWriter w = new StringWriter();
        ResultCsvWriter.writeDetail(result(), w);
        assertThat(lines(w)).containsExactly(
                "period,unit,code,value,points,normalised",
                "2025,A2,RD_INT,1.5477594339622642,30.955188679245282,103.18396226415094",
                "2025,A2,RD_GROWTH,25.0,18.857142857142858,94.28571428571428",
                "2025,A2,NOZERO,1.0,8.0,80.0",
                "2025,A2,TEAMS,1.0,15.0,100.0",
                "2025,A2,PROJECTS,9.0,25.0,100.0",
                "2025,A3,RD_INT,0.6721698113207547,20.16509433962264,67.21698113207547",
                "2025,A3,RD_GROWTH,,0.0,0.0",
                "2025,A3,NOZERO,3.5,3.0,30.0",
                "2025,A3,TEAMS,,,",
                "2025,A3,PROJECTS,4.0,19.0,76.0",
                "2025,B1,RD_INT,0.7745779543197616,29.04667328699106,96.8222442899702",
                "2025,B1,RD_GROWTH,30.0,20.0,100.0",
                "2025,B1,NOZERO,2.0,6.0,60.0",
                "2025,B1,TEAMS,0.0,0.0,0.0",
                "2025,B1,PROJECTS,12000000.0,25.0,100.0",
                "");
    }

    @Test
    void detailListsUnitsInTheSchemesOrderNotByRank() throws IOException {
        List<UnitResult> rows = result().rows();
        StringWriter w = new StringWriter();
        ResultCsvWriter.writeDetail(new PeriodResult(SCHEME, Period.year(2025), List.of(rows.get(2), rows.get(0)), true), w);
        assertThat(lines(w)).extracting(l -> l.split(",")[0].isEmpty() ? "" : l.split(",")[1])
                .containsExactly("unit", "A2", "A2", "A2", "A2", "A2", "B1", "B1", "B1", "B1", "B1", "");
    }

    @Test
    void bottomListNamesRulesWeakestIndicatorsAndEscapeMargins() throws IOException {
        StringWriter w = new StringWriter();
        ResultCsvWriter.writeBottom(result(), w);
        assertThat(lines(w)).containsExactly(
                "period,unit,name,zone,rank,zoneRank,total,level,rules,weakest,escape",
                "2025,A3,\"丙县, \"\"老城\"\"\",ZA,2,2,54.20,ESCALATED,BOTTOM_N_PER_ZONE;CONSECUTIVE,"
                        + "TEAMS;RD_INT;NOZERO,TEAMS=1.0;RD_INT=0.43750000000000006;NOZERO=unreachable",
                "2025,B1,丁县,ZB,3,1,80.05,NORMAL,VETO,TEAMS;NOZERO;RD_INT,",
                "");
    }

    @Test
    void sensitivityListsEveryUnitWithItsRankSpreadAndListedShare() throws IOException {
        SensitivityResult s = new SensitivityResult(SCHEME, Period.year(2025), SensitivitySettings.DEFAULT, List.of(
                new UnitSensitivity("A2", 1, 1, 1, 2, 0.0, 1, 2),
                new UnitSensitivity("B3", 5, 5, 4, 6, 0.873, 3, 7),
                new UnitSensitivity("B1", 6, 6, 6, 6, 1.0, 6, 6)));
        StringWriter w = new StringWriter();
        ResultCsvWriter.writeSensitivity(s, w);
        assertThat(lines(w)).containsExactly(
                "unit,name,zone,rank,medianRank,p05Rank,p95Rank,listedShare",
                "A2,乙县,ZA,1,1,1,2,0.0",
                "B3,己县,ZB,5,5,4,6,0.873",
                "B1,丁县,ZB,6,6,6,6,1.0",
                "");
    }

    @Test
    void filesAreUtf8WithoutBomAndEndLinesWithLf(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("results.csv");
        ResultCsvWriter.writeResults(result(), file);
        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes[0]).isEqualTo((byte) 'p');
        assertThat(new String(bytes, StandardCharsets.UTF_8)).doesNotContain("\r").contains("乙县");
        StringWriter w = new StringWriter();
        ResultCsvWriter.writeResults(result(), w);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(w.toString());
    }

    @Test
    void roundedFiguresUseTheShortestDecimalFormHalfUp() {
        assertThat(ResultCsvWriter.rounded(1.005, 2)).isEqualTo("1.01");
        assertThat(ResultCsvWriter.rounded(2.675, 2)).isEqualTo("2.68");
        assertThat(ResultCsvWriter.rounded(-0.0, 2)).isEqualTo("0.00");
        assertThat(ResultCsvWriter.rounded(40, 0)).isEqualTo("40");
        assertThat(ResultCsvWriter.rounded(12.5, 3)).isEqualTo("12.500");
    }

    @Test
    void textThatASpreadsheetWouldRunGetsALeadingQuoteAndNumbersDoNot() {
        assertThat(ResultCsvWriter.quoted("=1+1")).isEqualTo("'=1+1");
        assertThat(ResultCsvWriter.quoted("+乙县")).isEqualTo("'+乙县");
        assertThat(ResultCsvWriter.quoted("-2+3+cmd|' /C calc'!A0")).isEqualTo("'-2+3+cmd|' /C calc'!A0");
        assertThat(ResultCsvWriter.quoted("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(ResultCsvWriter.quoted("\t=x")).isEqualTo("'\t=x");
        assertThat(ResultCsvWriter.quoted("\r=x")).isEqualTo("\"'\r=x\"");
        assertThat(ResultCsvWriter.quoted("=a,\"b\"")).isEqualTo("\"'=a,\"\"b\"\"\"");
        for (String number : new String[] {"-3", "-0.25", "+4", "-1.5E-7", "-Infinity", "甲县", "", "a=b"}) {
            assertThat(ResultCsvWriter.quoted(number)).isEqualTo(number);
        }
    }
}

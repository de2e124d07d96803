package org.sanlian.workbench.io.bulletin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sanlian.workbench.core.bottom.EscapeMarginSearch;
import org.sanlian.workbench.core.bottom.PeriodAssessor;
import org.sanlian.workbench.core.check.ValidationException;
import org.sanlian.workbench.core.model.DataSet;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.model.Scheme;
import org.sanlian.workbench.core.report.MeetingReport;
import org.sanlian.workbench.core.report.ReportBuilder;
import org.sanlian.workbench.core.report.ReportDigest;
import org.sanlian.workbench.core.report.ReportRow;
import org.sanlian.workbench.core.scoring.PeriodResult;
import org.sanlian.workbench.core.scoring.ScoringEngine;
import org.sanlian.workbench.core.scoring.ScoringSession;
import org.sanlian.workbench.io.csv.DataCsvReader;
import org.sanlian.workbench.io.scheme.SchemeReader;
import org.sanlian.workbench.io.scheme.SchemeWriter;

/** A bulletin's content gives back exactly the report it froze, and keeps what db check compares. */
class BulletinContentTest {

    private static final Path EXAMPLE = Path.of("src/test/resources/example");

    private static MeetingReport report(Scheme scheme, PeriodResult current, List<PeriodResult> earlier) {
        return ReportBuilder.build(current, earlier, Optional.of("2025-1"), LocalDate.of(2026, 1, 15), "丽水市科学技术局",
                true, List.of("文件：data.csv", "数据库：w.db"));
    }

    @Test
    void readingTheContentGivesBackTheReport() throws Exception {
        Scheme scheme = SchemeReader.read(EXAMPLE.resolve("scheme.json"));
        DataSet data = DataCsvReader.readData(EXAMPLE.resolve("data.csv"), scheme);
        DataSet targets = DataCsvReader.readTargets(EXAMPLE.resolve("targets.csv"), scheme);
        ScoringSession session = new ScoringEngine(scheme).session(data, targets);
        PeriodResult current = EscapeMarginSearch.withEscapeMargins(session,
                PeriodAssessor.assess(session, Period.year(2025)));
        PeriodResult earlier = PeriodAssessor.assess(session, Period.year(2024));
        MeetingReport report = report(scheme, current, List.of(earlier));
        String json = SchemeWriter.toJson(scheme);

        String content = BulletinContent.write(report, 2025, json, current);
        MeetingReport back = BulletinContent.read(content, "2025-1");

        assertThat(back.scheme()).isEqualTo(scheme);
        assertThat(back.period()).isEqualTo(report.period());
        assertThat(back.bulletin()).contains("2025-1");
        assertThat(back.issuedOn()).isEqualTo(report.issuedOn());
        assertThat(back.issuer()).isEqualTo(report.issuer());
        assertThat(back.simulated()).isTrue();
        assertThat(back.sources()).isEqualTo(report.sources());
        assertThat(back.hasPrevious()).isTrue();
        assertThat(back.trendPeriods()).containsExactly(Period.year(2024), Period.year(2025));
        assertThat(rows(back)).isEqualTo(rows(report));
        assertThat(ReportDigest.sha256(back)).isEqualTo(ReportDigest.sha256(report));
        assertThat(back.rows().stream().filter(ReportRow::listed).findFirst().get().bottom().get().escapes())
                .isEqualTo(report.rows().stream().filter(ReportRow::listed).findFirst().get().bottom().get().escapes());
        // the same report always gives the same text
        assertThat(BulletinContent.write(report, 2025, json, current)).isEqualTo(content);
        assertThat(BulletinContent.field(content, "results")).startsWith("period,unit,name,zone,total");

        // db check's invariant: rows carry unit, total, rank, zoneRank and bottom as 0/1 at their top level
        JsonNode rows = new ObjectMapper().readTree(content).path("rows");
        assertThat(rows.size()).isEqualTo(current.rows().size());
        for (int i = 0; i < rows.size(); i++) {
            JsonNode r = rows.get(i);
            assertThat(r.path("unit").asText()).isEqualTo(current.rows().get(i).unit().code());
            assertThat(r.path("total").isNumber()).isTrue();
            assertThat(r.path("rank").asInt()).isEqualTo(current.rows().get(i).rank());
            assertThat(r.path("zoneRank").asInt()).isEqualTo(current.rows().get(i).zoneRank());
            assertThat(r.path("bottom").asInt()).isEqualTo(current.rows().get(i).listed() ? 1 : 0);
        }
    }

    @Test
    void contentOfAnotherFormatIsRefusedWithTheBulletinsNumber() {
        assertThatThrownBy(() -> BulletinContent.read("{\"format\":\"sanlian-bulletin/1\",\"rows\":[]}", "2024-3"))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.issues().get(0).code()).isEqualTo("bulletin.unreadable");
                    assertThat(e.issues().get(0).args()).contains("2024-3");
                });
        assertThatThrownBy(() -> BulletinContent.read("not json", "x")).isInstanceOf(ValidationException.class);
    }

    /** Rows as comparable text (ReportRow holds arrays, which records compare by identity). */
    private static List<String> rows(MeetingReport report) {
        List<String> out = new ArrayList<>();
        for (ReportRow r : report.rows()) {
            out.add(String.join("|", r.unit(), r.name(), r.zone(), Double.toString(r.total()),
                    Integer.toString(r.rank()), Integer.toString(r.zoneRank()), r.rankChange().toString(),
                    Boolean.toString(r.vetoed()), Double.toString(r.bonus()), Double.toString(r.penalty()),
                    java.util.Arrays.toString(r.subtotals()), java.util.Arrays.toString(r.values()),
                    java.util.Arrays.toString(r.scores()), java.util.Arrays.toString(r.trendTotals()),
                    java.util.Arrays.toString(r.trendRanks()), r.flags().toString(),
                    r.bottom().map(b -> b.level() + " " + b.rules() + " " + b.weakest()).orElse("")));
        }
        return out;
    }
}

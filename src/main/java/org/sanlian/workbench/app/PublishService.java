package org.sanlian.workbench.app;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.sanlian.workbench.core.bottom.BottomEntry;
import org.sanlian.workbench.core.model.Bulletin;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.report.MeetingReport;
import org.sanlian.workbench.core.report.ReportBuilder;
import org.sanlian.workbench.core.report.ReportRow;
import org.sanlian.workbench.core.scoring.PeriodResult;
import org.sanlian.workbench.core.scoring.UnitResult;
import org.sanlian.workbench.io.bulletin.BulletinContent;
import org.sanlian.workbench.io.report.ReportText;
import org.sanlian.workbench.store.BulletinRepository;
import org.sanlian.workbench.core.model.StoredScheme;
import org.sanlian.workbench.store.StoreCheck;

/**
 * Publishes a period as a numbered bulletin (通报): scores it from the database with the bottom list
 * and escape margins, freezes scheme, results, detail and bottom list as one JSON content with its
 * SHA-256, and keeps it in one transaction. From then on the bulletin and its scheme cannot change.
 */
public final class PublishService {

    private PublishService() {
    }

    /** Publishes; the number defaults to {@code <period>-<n>} and the date to today. */
    public static Bulletin publish(WorkbenchDatabase db, Period period, Optional<Integer> schemeYear,
                                   Optional<String> number, Optional<LocalDate> date, String operator) {
        return publish(db, period, schemeYear, number, date, Optional.empty(), operator);
    }

    /**
     * Publishes, freezing with the results everything the meeting workbook shows (the report: rows,
     * subtotals, detail, bottom list, trend, scheme, issuer and sources), so that the bulletin's
     * workbook is written from its content alone. The issuer defaults as {@code db export}'s does.
     */
    public static Bulletin publish(WorkbenchDatabase db, Period period, Optional<Integer> schemeYear,
                                   Optional<String> number, Optional<LocalDate> date, Optional<String> issuer,
                                   String operator) {
        db.requireWritable();
        StoredScheme stored = db.schemeFor(period, schemeYear);
        Assessment assessment = db.assessment(period, Optional.of(stored.year()));
        ScoringService scoring = new ScoringService();
        PeriodResult result = scoring.bottomList(assessment, period);
        List<PeriodResult> trend = ExportService.earlier(scoring, assessment, period);
        String issuedBy = ExportService.issuer(db, issuer);
        List<String> sources = ExportService.sources(db, period);
        LocalDate publishedOn = date.orElse(LocalDate.now(db.database().clock()));
        return db.database().write(operator, c -> {
            String chosen = number.orElse(null);
            if (chosen == null) {
                long earlier = BulletinRepository.list(c).stream().filter(b -> b.period().equals(period)).count();
                chosen = period + "-" + (earlier + 1);
            }
            MeetingReport report = ReportBuilder.build(result, trend, Optional.of(chosen), publishedOn, issuedBy,
                    assessment.simulated(), sources);
            String content = BulletinContent.write(report, stored.year(), stored.json(), result);
            Bulletin bulletin = new Bulletin(0, chosen, publishedOn, stored.year(), period,
                    StoreCheck.contentHash(content), content, operator, db.database().now());
            long id = BulletinRepository.add(c, bulletin, rows(result));
            return new Bulletin(id, bulletin.number(), publishedOn, stored.year(), period, bulletin.contentHash(),
                    content, operator, bulletin.createdAt());
        });
    }

    public static List<Bulletin> list(WorkbenchDatabase db) {
        return db.database().read(BulletinRepository::list);
    }

    /**
     * The number proposed for a new bulletin of {@code period}, in the office's style and as
     * {@code db publish} numbers by default: {@code <period>-<n>} (2025-1, 2025H1-1), the first
     * {@code n} after the period's bulletins that no bulletin has taken.
     */
    public static String nextNumber(Period period, List<Bulletin> published) {
        long n = published.stream().filter(b -> b.period().equals(period)).count() + 1;
        while (taken(period + "-" + n, published)) {
            n++;
        }
        return period + "-" + n;
    }

    private static boolean taken(String number, List<Bulletin> published) {
        return published.stream().anyMatch(b -> b.number().equals(number));
    }

    /** The bulletins that published {@code period}, newest first. */
    public static List<Bulletin> ofPeriod(List<Bulletin> published, Period period) {
        return published.stream().filter(b -> b.period().equals(period)).toList();
    }

    /** A bulletin's bottom-list entry in words: the unit, its zone, ranks and total, the level and the rules. */
    public record Listed(String unit, String name, String zone, int rank, int zoneRank, double total, String level,
                         List<String> rules) {
        public Listed {
            rules = List.copyOf(rules);
        }
    }

    /** What a bulletin froze, in short: its issuer, how many units it ranked, and its bottom list. */
    public record Summary(Bulletin bulletin, String issuer, boolean simulated, int units, List<Listed> listed) {
        public Summary {
            listed = List.copyOf(listed);
        }
    }

    /** The summary of a published bulletin, read from its frozen content alone. */
    public static Summary summary(Bulletin bulletin) {
        MeetingReport report = BulletinContent.read(bulletin.content(), bulletin.number());
        Map<String, String> zones = new HashMap<>();
        report.scheme().zones().forEach(z -> zones.put(z.code(), z.name()));
        List<Listed> listed = new ArrayList<>();
        for (ReportRow r : report.listed()) {
            BottomEntry entry = r.bottom().orElseThrow();
            listed.add(new Listed(r.unit(), r.name(), zones.getOrDefault(r.zone(), r.zone()), r.rank(), r.zoneRank(),
                    r.total(), ReportText.level(entry.level()),
                    ReportText.rules(entry.rules(), report.scheme().bottomRules())));
        }
        return new Summary(bulletin, report.issuer(), report.simulated(), report.rows().size(), listed);
    }

    private static List<BulletinRepository.Row> rows(PeriodResult result) {
        List<BulletinRepository.Row> rows = new ArrayList<>();
        for (UnitResult r : result.rows()) {
            OptionalDouble total = OptionalDouble.of(r.total());
            rows.add(new BulletinRepository.Row(r.unit().code(), r.unit().name(), r.zone().code(),
                    Optional.of(total.getAsDouble()), Optional.of(r.rank()), Optional.of(r.zoneRank()), r.listed(),
                    r.bottom().map(b -> b.level().name()).orElse("")));
        }
        return rows;
    }
}

package org.sanlian.workbench.app;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.sanlian.workbench.core.check.Issue;
import org.sanlian.workbench.core.check.ValidationException;
import org.sanlian.workbench.core.model.Bulletin;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.report.MeetingReport;
import org.sanlian.workbench.core.report.ReportBuilder;
import org.sanlian.workbench.core.report.ReportDigest;
import org.sanlian.workbench.core.scoring.PeriodResult;
import org.sanlian.workbench.i18n.Messages;
import org.sanlian.workbench.io.bulletin.BulletinContent;
import org.sanlian.workbench.io.data.FileProblems;
import org.sanlian.workbench.io.excel.MeetingWorkbook;
import org.sanlian.workbench.io.excel.WorkbookSummary;
import org.sanlian.workbench.store.BulletinRepository;
import org.sanlian.workbench.store.FigureSources;
import org.sanlian.workbench.store.SettingRepository;
import org.sanlian.workbench.store.StoreCheck;

/**
 * The meeting workbook (会议用工作簿): from files ({@code export}), from the database's live figures
 * ({@code db export}) or from a published bulletin's frozen content ({@code db export --bulletin}).
 * The workbook goes to a hidden temporary file beside the target and is moved into place when whole,
 * so a failure leaves nothing behind.
 */
public final class ExportService {

    /** The database setting that names the issuing office (发文单位). */
    public static final String ISSUER_SETTING = "issuer";

    private ExportService() {
    }

    /** What was written, for the command line's closing line: the file, its report, sheets, charts and pictures. */
    public record Exported(Path file, MeetingReport report, List<String> sheets, int nativeCharts, int pictures) {
        public Exported {
            sheets = List.copyOf(sheets);
        }
    }

    /**
     * Starts loading what writing a workbook needs on an idle core; a command calls it first, before
     * it reads its files (see {@link MeetingWorkbook#prepare}).
     */
    public static void prepare() {
        MeetingWorkbook.prepare();
    }

    /** The report of a period from an assessment: scored with its earlier periods as the trend. */
    public static MeetingReport report(Assessment assessment, Period period, Optional<String> bulletin,
                                       LocalDate issuedOn, String issuer, List<String> sources) {
        ScoringService scoring = new ScoringService();
        PeriodResult current = scoring.score(assessment, period);
        return ReportBuilder.build(current, earlier(scoring, assessment, period), bulletin, issuedOn, issuer,
                assessment.simulated(), sources);
    }

    /**
     * The earlier periods of the same kind that hold figures, each scored with the assessment's
     * scheme; a period that cannot be scored (a target missing for it, say) is left out of the trend.
     */
    static List<PeriodResult> earlier(ScoringService scoring, Assessment assessment, Period period) {
        List<PeriodResult> out = new ArrayList<>();
        for (Period p : scoring.periods(assessment)) {
            if (p.kind() == period.kind() && p.compareTo(period) < 0) {
                try {
                    out.add(scoring.score(assessment, p));
                } catch (ValidationException e) {
                    // the trend shows the periods that score; the current period's own problems are reported
                }
            }
        }
        return out;
    }

    /** {@code export}: the workbook of a period from scheme, data and targets files. */
    public static Exported exportFiles(Assessment assessment, Period period, List<Path> files, LocalDate issuedOn,
                                       Optional<String> issuer, Path out) {
        prepare();
        Messages m = Messages.get();
        List<String> sources = new ArrayList<>();
        for (Path f : files) {
            sources.add(m.text("export.source.file", f.getFileName().toString()));
        }
        MeetingReport report = report(assessment, period, Optional.empty(), issuedOn,
                issuer.filter(s -> !s.isBlank()).orElse(m.text("export.default-issuer")), sources);
        return write(report, null, out, Progress.NONE);
    }

    /** {@code db export}: the workbook of a period from the database's current figures. */
    public static Exported exportDatabase(WorkbenchDatabase db, Period period, Optional<Integer> schemeYear,
                                          LocalDate issuedOn, Optional<String> issuer, Path out) {
        return exportDatabase(db, period, schemeYear, issuedOn, issuer, out, Progress.NONE);
    }

    /**
     * As {@link #exportDatabase(WorkbenchDatabase, Period, Optional, LocalDate, Optional, Path)}, telling
     * {@code progress} of each sheet; when it asks to stop, nothing is left behind.
     */
    public static Exported exportDatabase(WorkbenchDatabase db, Period period, Optional<Integer> schemeYear,
                                          LocalDate issuedOn, Optional<String> issuer, Path out, Progress progress) {
        prepare();
        progress.stopIfCancelled();
        Assessment assessment = db.assessment(period, schemeYear);
        MeetingReport report = report(assessment, period, Optional.empty(), issuedOn, issuer(db, issuer),
                sources(db, period));
        return write(report, null, out, progress);
    }

    /**
     * {@code db export --bulletin N}: the workbook of a published bulletin, from its frozen content alone;
     * a period given must be the bulletin's.
     */
    public static Exported exportBulletin(WorkbenchDatabase db, String number, Optional<Period> period, Path out) {
        return exportBulletin(db, number, period, out, Progress.NONE);
    }

    /**
     * As {@link #exportBulletin(WorkbenchDatabase, String, Optional, Path)}, telling {@code progress} of
     * each sheet; when it asks to stop, nothing is left behind.
     */
    public static Exported exportBulletin(WorkbenchDatabase db, String number, Optional<Period> period, Path out,
                                          Progress progress) {
        prepare();
        progress.stopIfCancelled();
        Bulletin bulletin = db.database().read(c -> BulletinRepository.byNumber(c, number)).orElseThrow(
                () -> new ValidationException(Issue.of("--bulletin", "export.unknown-bulletin", number)));
        if (period.isPresent() && !period.get().equals(bulletin.period())) {
            throw new ValidationException(Issue.of("--period", "export.bulletin-period", number, bulletin.period(),
                    period.get()));
        }
        // a bulletin edited in the file after publication is not exported as if it were the one published
        List<Issue> tampered = db.database().read(c -> StoreCheck.bulletin(c, bulletin.number()));
        if (!tampered.isEmpty()) {
            List<Issue> issues = new ArrayList<>();
            issues.add(Issue.of("--bulletin", "export.bulletin-tampered", number, db.file()));
            issues.addAll(tampered);
            throw new ValidationException(issues);
        }
        MeetingReport report = BulletinContent.read(bulletin.content(), bulletin.number());
        return write(report, bulletin.contentHash(), out, progress);
    }

    /** The issuing office: the one given, else the database's setting, else the bundle's default. */
    static String issuer(WorkbenchDatabase db, Optional<String> given) {
        return given.filter(s -> !s.isBlank())
                .or(() -> db.database().read(c -> SettingRepository.get(c, ISSUER_SETTING)).filter(s -> !s.isBlank()))
                .orElseGet(() -> Messages.get().text("export.default-issuer"));
    }

    /** Where a period's figures and targets in the database came from, as lines for the 说明 sheet. */
    static List<String> sources(WorkbenchDatabase db, Period period) {
        Messages m = Messages.get();
        List<String> out = new ArrayList<>();
        out.add(m.text("export.source.database", db.file().getFileName().toString()));
        Map<String, Integer> figures = db.database().read(c -> FigureSources.figures(c, period));
        Map<String, Integer> targets = db.database().read(c -> FigureSources.targets(c, period));
        figures.forEach((source, n) -> out.add(m.text("export.source.figures", label(source), n)));
        targets.forEach((source, n) -> out.add(m.text("export.source.targets", label(source), n)));
        return out;
    }

    private static String label(String source) {
        return source.isBlank() ? Messages.get().text("export.source.unnamed") : source;
    }

    /**
     * Writes the workbook whole or not at all. The content hash is the bulletin's; for live figures it
     * is the report's own digest ({@link ReportDigest}). {@code progress} hears of each sheet and may
     * stop the writing up to the moment the file is moved into place.
     */
    private static Exported write(MeetingReport report, String bulletinHash, Path target, Progress progress) {
        // the live digest is worked out alongside the workbook and wanted only when 说明 is written
        java.util.concurrent.CompletableFuture<String> hash = bulletinHash != null
                ? java.util.concurrent.CompletableFuture.completedFuture(bulletinHash)
                : java.util.concurrent.CompletableFuture.supplyAsync(() -> ReportDigest.sha256(report));
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Path tmp = null;
        try {
            if (dir != null) {
                Files.createDirectories(dir);
            }
            // a plain new file (not createTempFile's owner-only one): the workbook gets the usual permissions
            tmp = Files.createFile(absolute.resolveSibling("." + absolute.getFileName() + "."
                    + Long.toHexString(System.nanoTime()) + ".tmp"));
            WorkbookSummary summary;
            try (OutputStream o = Files.newOutputStream(tmp)) {
                summary = MeetingWorkbook.write(report, hash::join, o, (done, total, what) -> {
                    progress.stopIfCancelled();
                    progress.update(new Progress.Step(Progress.Phase.EXPORTING, done, total, what, 0));
                });
            }
            progress.stopIfCancelled();
            try {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            return new Exported(absolute, report, summary.sheets(), summary.nativeCharts(), summary.pictures());
        } catch (IOException e) {
            throw FileProblems.unwritable(target, e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the temporary file is hidden and harmless
                }
            }
        }
    }
}

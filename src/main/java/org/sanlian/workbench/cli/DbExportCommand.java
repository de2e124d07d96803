package org.sanlian.workbench.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.sanlian.workbench.app.ExportService;
import org.sanlian.workbench.app.WorkbenchDatabase;
import org.sanlian.workbench.core.check.Issue;
import org.sanlian.workbench.core.check.ValidationException;
import org.sanlian.workbench.core.model.Period;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code db export}: the meeting workbook of a period from the database's figures, or with
 * {@code --bulletin} of a published bulletin from its frozen content alone.
 */
@Command(name = "export", mixinStandardHelpOptions = true, versionProvider = SanlianCli.Version.class)
final class DbExportCommand implements Callable<Integer> {

    @Mixin
    DbOptions options;

    @Option(names = "--period", paramLabel = "2025", descriptionKey = "cli.option.period")
    String period;

    @Option(names = "--scheme", paramLabel = "YEAR", descriptionKey = "cli.option.scheme-year")
    Integer schemeYear;

    @Option(names = "--bulletin", paramLabel = "N", descriptionKey = "cli.option.bulletin")
    String bulletin;

    @Option(names = "--out", required = true, paramLabel = "ranking.xlsx", descriptionKey = "cli.option.export-out")
    Path out;

    @Option(names = "--issuer", paramLabel = "NAME", descriptionKey = "cli.option.issuer")
    String issuer;

    @Option(names = "--date", paramLabel = "2026-01-15", descriptionKey = "cli.option.export-date")
    String date;

    @Override
    public Integer call() {
        ExportCommand.requireXlsx(out);
        ExportService.prepare();
        Optional<Period> p = Optional.ofNullable(period).map(DbScoreCommand::parsePeriod);
        if (bulletin == null && p.isEmpty()) {
            throw new ValidationException(Issue.of("--period", "export.period-or-bulletin"));
        }
        if (bulletin != null) {
            for (String[] frozen : new String[][] {{"--issuer", issuer}, {"--date", date},
                {"--scheme", schemeYear == null ? null : schemeYear.toString()}}) {
                if (frozen[1] != null) {
                    throw new ValidationException(Issue.of(frozen[0], "export.bulletin-frozen", bulletin, frozen[0]));
                }
            }
        }
        LocalDate issuedOn = date == null ? LocalDate.now() : DbPublishCommand.parseDate(date);
        try (WorkbenchDatabase db = options.openExisting()) {
            ExportService.Exported done = bulletin != null
                    ? ExportService.exportBulletin(db, bulletin, p, out)
                    : ExportService.exportDatabase(db, p.get(), Optional.ofNullable(schemeYear), issuedOn,
                            Optional.ofNullable(issuer), out);
            ExportCommand.report(done);
        }
        return 0;
    }
}

package org.sanlian.workbench.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.sanlian.workbench.app.Assessment;
import org.sanlian.workbench.app.ExportService;
import org.sanlian.workbench.core.check.Issue;
import org.sanlian.workbench.core.check.ValidationException;
import org.sanlian.workbench.core.report.MeetingReport;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code export}: the meeting workbook of a period from scheme, data and targets files. */
@Command(name = "export", mixinStandardHelpOptions = true, versionProvider = SanlianCli.Version.class)
final class ExportCommand implements Callable<Integer> {

    @Mixin
    AssessmentOptions files;

    @Option(names = "--out", required = true, paramLabel = "ranking.xlsx", descriptionKey = "cli.option.export-out")
    Path out;

    @Option(names = "--issuer", paramLabel = "NAME", descriptionKey = "cli.option.issuer")
    String issuer;

    @Option(names = "--date", paramLabel = "2026-01-15", descriptionKey = "cli.option.export-date")
    String date;

    @Override
    public Integer call() {
        requireXlsx(out);
        ExportService.prepare();
        LocalDate issuedOn = date == null ? LocalDate.now() : DbPublishCommand.parseDate(date);
        Assessment assessment = files.load();
        List<Path> sources = files.targets == null ? List.of(files.scheme, files.data)
                : List.of(files.scheme, files.data, files.targets);
        ExportService.Exported done = ExportService.exportFiles(assessment, files.period(), sources, issuedOn,
                Optional.ofNullable(issuer), out);
        report(done);
        return 0;
    }

    static void requireXlsx(Path out) {
        if (!out.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx")) {
            throw new ValidationException(Issue.of("--out", "export.not-xlsx", out));
        }
    }

    static void report(ExportService.Exported done) {
        MeetingReport r = done.report();
        Console.out(Console.text("cli.export.done", done.file(), done.sheets().size(), done.nativeCharts(),
                done.pictures(), r.rows().size(), r.listed().size()));
    }
}

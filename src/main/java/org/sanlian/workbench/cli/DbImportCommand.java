package org.sanlian.workbench.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.sanlian.workbench.app.ImportService;
import org.sanlian.workbench.app.WorkbenchDatabase;
import org.sanlian.workbench.core.check.Issue;
import org.sanlian.workbench.i18n.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code db import}: data or targets files (CSV, workbooks, returned templates) into the database, all or nothing. */
@Command(name = "import", mixinStandardHelpOptions = true, versionProvider = SanlianCli.Version.class)
final class DbImportCommand implements Callable<Integer> {

    @Mixin
    DbOptions options;

    @Option(names = "--kind", defaultValue = "data", paramLabel = "data|targets", descriptionKey = "cli.option.kind")
    String kind;

    @Option(names = "--scheme", paramLabel = "YEAR", descriptionKey = "cli.option.scheme-year")
    Integer schemeYear;

    @Parameters(arity = "1..*", paramLabel = "FILE.csv|FILE.xlsx|FILE.xls|FOLDER", descriptionKey = "cli.option.import-files")
    List<Path> files;

    /** Units listed one by one in the summary; beyond this only those with corrections or warnings. */
    static final int UNITS_LISTED = 60;

    @Override
    public Integer call() {
        ImportService.Kind what = switch (kind.toLowerCase(Locale.ROOT)) {
            case "data" -> ImportService.Kind.DATA;
            case "targets" -> ImportService.Kind.TARGETS;
            default -> throw new picocli.CommandLine.ParameterException(
                    new picocli.CommandLine(this), Console.text("cli.db.bad-kind", kind));
        };
        try (WorkbenchDatabase db = options.openExisting()) {
            ImportService.Report report = ImportService.importFiles(db, what, files, Optional.ofNullable(schemeYear),
                    options.operator(db));
            Messages m = Messages.get();
            for (ImportService.FileReport file : report.files()) {
                for (Issue warning : file.warnings()) {
                    Console.out(Console.text("cli.db.import.warning", m.describe(warning)));
                }
            }
            for (ImportService.FileReport file : report.files()) {
                if (file.template().isPresent()) {
                    ImportService.TemplateOrigin t = file.template().get();
                    Console.out(Console.text(file.changed() == 0 ? "cli.db.import.template-unchanged"
                            : "cli.db.import.template", file.file(), t.unitName(), t.unit(), t.period(), file.rows(),
                            file.changed(), file.added(), file.corrected(), file.warnings().size()));
                } else {
                    Console.out(Console.text("cli.db.import.file", file.file(), file.rows(), file.changed()));
                }
            }
            // a template's line is its unit's summary already; units are summed up when other files bring several
            boolean plainFiles = report.files().stream().anyMatch(f -> f.template().isEmpty());
            if (plainFiles && report.units().size() > 1) {
                Console.out(Console.text("cli.db.import.units"));
                // a city has a few dozen units; a large file lists the noteworthy ones and counts the rest
                List<ImportService.UnitSummary> shown = report.units().size() <= UNITS_LISTED ? report.units()
                        : report.units().stream().filter(u -> u.corrected() > 0 || u.warnings() > 0)
                                .limit(UNITS_LISTED).toList();
                for (ImportService.UnitSummary u : shown) {
                    Console.out(Console.text(u.corrected() > 0 ? "cli.db.import.unit-corrected" : "cli.db.import.unit",
                            u.name(), u.unit(), u.rows(), u.changed(), u.corrected(), u.warnings()));
                }
                if (shown.size() < report.units().size()) {
                    Console.out(Console.text("cli.db.import.units-more", report.units().size() - shown.size(),
                            report.units().size()));
                }
            }
            for (ImportService.Outstanding o : report.outstanding()) {
                if (o.units().isEmpty()) {
                    Console.out(Console.text("cli.db.import.all-returned", o.period()));
                } else {
                    Console.out(Console.text("cli.db.import.outstanding", o.period(), o.units().size(),
                            String.join(Console.text("cli.db.import.list-separator"), o.units().stream()
                                    .map(u -> Console.text("cli.db.import.unit-name", u.name(), u.code())).toList())));
                }
            }
            Console.out(Console.text("cli.db.import.done", report.files().size(), report.rows(), report.changed(),
                    report.backup().file()));
            if (report.warnings() > 0) {
                Console.out(Console.text("cli.db.import.warnings", report.warnings()));
            }
        }
        return 0;
    }
}

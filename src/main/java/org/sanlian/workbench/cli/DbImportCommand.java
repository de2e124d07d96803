package org.sanlian.workbench.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.sanlian.workbench.app.ImportService;
import org.sanlian.workbench.app.WorkbenchDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code db import}: data or targets files into the database, all or nothing. */
@Command(name = "import", mixinStandardHelpOptions = true, versionProvider = SanlianCli.Version.class)
final class DbImportCommand implements Callable<Integer> {

    @Mixin
    DbOptions options;

    @Option(names = "--kind", defaultValue = "data", paramLabel = "data|targets", descriptionKey = "cli.option.kind")
    String kind;

    @Option(names = "--scheme", paramLabel = "YEAR", descriptionKey = "cli.option.scheme-year")
    Integer schemeYear;

    @Parameters(arity = "1..*", paramLabel = "FILE.csv|FOLDER", descriptionKey = "cli.option.import-files")
    List<Path> files;

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
            for (ImportService.FileReport file : report.files()) {
                Console.out(Console.text("cli.db.import.file", file.file(), file.rows(), file.changed()));
            }
            Console.out(Console.text("cli.db.import.done", report.files().size(), report.rows(), report.changed(),
                    report.backup().file()));
        }
        return 0;
    }
}

package org.sanlian.workbench.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.sanlian.workbench.app.TemplateService;
import org.sanlian.workbench.app.WorkbenchDatabase;
import org.sanlian.workbench.core.model.Period;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code db templates}: one signed fill-in template per unit for a period, into a folder. */
@Command(name = "templates", mixinStandardHelpOptions = true, versionProvider = SanlianCli.Version.class)
final class DbTemplatesCommand implements Callable<Integer> {

    @Mixin
    DbOptions options;

    @Option(names = "--period", required = true, paramLabel = "2025", descriptionKey = "cli.option.period")
    String period;

    @Option(names = "--scheme", paramLabel = "YEAR", descriptionKey = "cli.option.scheme-year")
    Integer schemeYear;

    @Option(names = "--out", required = true, paramLabel = "FOLDER", descriptionKey = "cli.option.templates-out")
    Path out;

    @Option(names = "--unit", paramLabel = "CODE", split = ",", descriptionKey = "cli.option.templates-unit")
    List<String> units = new ArrayList<>();

    @Override
    public Integer call() {
        Period p = DbScoreCommand.parsePeriod(period);
        try (WorkbenchDatabase db = options.openExisting()) {
            TemplateService.Outcome outcome = TemplateService.generate(db, p, Optional.ofNullable(schemeYear), units,
                    out, options.operator(db));
            if (outcome.keyCreated()) {
                Console.out(Console.text("cli.db.templates.key-created"));
            }
            for (TemplateService.Written w : outcome.files()) {
                Console.out(Console.text("cli.db.templates.file", w.unit().name(), w.unit().code(), w.file()));
            }
            Console.out(Console.text("cli.db.templates.done", outcome.files().size(), outcome.period(),
                    outcome.schemeCode(), String.valueOf(outcome.schemeYear()), out));
        }
        return 0;
    }
}

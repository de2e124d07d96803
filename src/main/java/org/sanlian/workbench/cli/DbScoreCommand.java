package org.sanlian.workbench.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.sanlian.workbench.app.ResultFiles;
import org.sanlian.workbench.app.ScoringService;
import org.sanlian.workbench.app.WorkbenchDatabase;
import org.sanlian.workbench.core.check.Issue;
import org.sanlian.workbench.core.check.ValidationException;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.scoring.PeriodResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code db score}: the results of a period from the database, written as {@code score} writes them. */
@Command(name = "score", mixinStandardHelpOptions = true, versionProvider = SanlianCli.Version.class)
final class DbScoreCommand implements Callable<Integer> {

    @Mixin
    DbOptions options;

    @Option(names = "--period", required = true, paramLabel = "2025", descriptionKey = "cli.option.period")
    String period;

    @Option(names = "--scheme", paramLabel = "YEAR", descriptionKey = "cli.option.scheme-year")
    Integer schemeYear;

    @Option(names = "--out", required = true, paramLabel = "results.csv", descriptionKey = "cli.option.out")
    Path out;

    @Option(names = "--detail", paramLabel = "detail.csv", descriptionKey = "cli.option.detail")
    Path detail;

    @Override
    public Integer call() {
        Period p = parsePeriod(period);
        try (WorkbenchDatabase db = options.openExisting()) {
            PeriodResult result = new ScoringService().score(db.assessment(p, Optional.ofNullable(schemeYear)), p);
            ResultFiles.writeResults(result, out);
            if (detail != null) {
                ResultFiles.writeDetail(result, detail);
            }
            Console.out(Console.text("cli.score.done", result.rows().size(), result.bottomList().size(), out));
        }
        return 0;
    }

    static Period parsePeriod(String text) {
        return Period.parse(text).orElseThrow(
                () -> new ValidationException(Issue.of("--period", "cli.bad-period", text)));
    }
}

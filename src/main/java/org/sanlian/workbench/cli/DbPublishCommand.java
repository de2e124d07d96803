package org.sanlian.workbench.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.sanlian.workbench.app.PublishService;
import org.sanlian.workbench.app.WorkbenchDatabase;
import org.sanlian.workbench.core.check.Issue;
import org.sanlian.workbench.core.check.ValidationException;
import org.sanlian.workbench.core.model.Bulletin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code db publish}: freezes a period's results as a numbered bulletin; {@code --list} shows them. */
@Command(name = "publish", mixinStandardHelpOptions = true, versionProvider = SanlianCli.Version.class)
final class DbPublishCommand implements Callable<Integer> {

    @Mixin
    DbOptions options;

    @Option(names = "--period", paramLabel = "2025", descriptionKey = "cli.option.period")
    String period;

    @Option(names = "--scheme", paramLabel = "YEAR", descriptionKey = "cli.option.scheme-year")
    Integer schemeYear;

    @Option(names = "--number", paramLabel = "2025-1", descriptionKey = "cli.option.number")
    String number;

    @Option(names = "--date", paramLabel = "2026-01-15", descriptionKey = "cli.option.date")
    String date;

    @Option(names = "--issuer", paramLabel = "NAME", descriptionKey = "cli.option.issuer")
    String issuer;

    @Option(names = "--list", descriptionKey = "cli.option.list-bulletins")
    boolean list;

    @Override
    public Integer call() {
        try (WorkbenchDatabase db = options.openExisting()) {
            if (list) {
                for (Bulletin b : PublishService.list(db)) {
                    Console.out(Console.text("cli.db.publish.line", b.number(), b.period(), b.publishedOn(),
                            String.valueOf(b.schemeYear()), b.contentHash(), b.operator()));
                }
                return 0;
            }
            if (period == null) {
                throw new ValidationException(Issue.of("--period", "cli.db.period-needed"));
            }
            Bulletin b = PublishService.publish(db, DbScoreCommand.parsePeriod(period), Optional.ofNullable(schemeYear),
                    Optional.ofNullable(number), Optional.ofNullable(date).map(DbPublishCommand::parseDate),
                    Optional.ofNullable(issuer), options.operator(db));
            Console.out(Console.text("cli.db.publish.done", b.number(), b.period(), b.publishedOn(), b.contentHash()));
        }
        return 0;
    }

    static LocalDate parseDate(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new ValidationException(Issue.of("--date", "cli.db.bad-date", text));
        }
    }
}

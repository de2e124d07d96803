package org.sanlian.workbench.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sanlian.workbench.app.SchemeFiles;
import org.sanlian.workbench.app.WorkbenchDatabase;
import org.sanlian.workbench.core.check.Issue;
import org.sanlian.workbench.core.check.ValidationException;
import org.sanlian.workbench.core.model.Scheme;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code db init}: a new database with the demo data, or with a scheme file for a year. A name given
 * with {@code --operator} is kept as the database's operator (as the window's first start keeps the
 * answer to 谁在操作), so later commands and the window record changes under it.
 */
@Command(name = "init", mixinStandardHelpOptions = true, versionProvider = SanlianCli.Version.class)
final class DbInitCommand implements Callable<Integer> {

    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(\\d{4})(?!\\d)");

    @Mixin
    DbOptions options;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--demo", required = true, descriptionKey = "cli.option.demo")
        boolean demo;

        @Option(names = "--scheme", required = true, paramLabel = "S.scheme.json", descriptionKey = "cli.option.scheme")
        Path scheme;
    }

    @Option(names = "--year", paramLabel = "2025", descriptionKey = "cli.option.year")
    Integer year;

    @Override
    public Integer call() {
        // the scheme and its year are checked before the database file is made: a refusal leaves no file behind
        Scheme scheme = source.demo ? null : SchemeFiles.read(source.scheme);
        int schemeYear = source.demo ? 0 : year();
        try (WorkbenchDatabase db = WorkbenchDatabase.open(options.db)) {
            db.requireWritable();
            String operator = options.operator(db);
            if (options.operator != null && !options.operator.isBlank()) {
                // the person who creates the database is its operator: the window will not ask again
                db.setOperator(operator, operator);
            }
            if (source.demo) {
                db.initDemo(operator);
            } else {
                db.initScheme(scheme, schemeYear, operator);
            }
            Console.out(Console.text("cli.db.init.done", db.file(), db.schemes().size(), db.periods().size()));
        }
        return 0;
    }

    private int year() {
        if (year != null) {
            return year;
        }
        Matcher m = YEAR.matcher(source.scheme.getFileName().toString());
        if (m.find()) {
            return Integer.parseInt(m.group(1));
        }
        throw new ValidationException(Issue.of("--year", "cli.db.year-needed", source.scheme));
    }
}

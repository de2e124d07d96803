package org.sanlian.workbench.cli;

import java.nio.file.Path;
import java.util.Optional;

import org.sanlian.workbench.app.Assessment;
import org.sanlian.workbench.app.AssessmentFiles;
import org.sanlian.workbench.core.check.Issue;
import org.sanlian.workbench.core.check.ValidationException;
import org.sanlian.workbench.core.model.Period;

import picocli.CommandLine.Option;

/** The options every file-based command shares: scheme, data, targets and period. */
final class AssessmentOptions {

    @Option(names = "--scheme", required = true, paramLabel = "S.scheme.json", descriptionKey = "cli.option.scheme")
    Path scheme;

    @Option(names = "--data", required = true, paramLabel = "D.csv", descriptionKey = "cli.option.data")
    Path data;

    @Option(names = "--targets", paramLabel = "T.csv", descriptionKey = "cli.option.targets")
    Path targets;

    @Option(names = "--period", required = true, paramLabel = "2025", descriptionKey = "cli.option.period")
    String period;

    Assessment load() {
        return AssessmentFiles.load(scheme, data, Optional.ofNullable(targets));
    }

    Period period() {
        return Period.parse(period).orElseThrow(
                () -> new ValidationException(Issue.of("--period", "cli.bad-period", period)));
    }
}

package org.sanlian.workbench.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.sanlian.workbench.app.Assessment;
import org.sanlian.workbench.app.ResultFiles;
import org.sanlian.workbench.app.ScoringService;
import org.sanlian.workbench.core.check.Issue;
import org.sanlian.workbench.core.check.ValidationException;
import org.sanlian.workbench.core.model.SensitivitySettings;
import org.sanlian.workbench.core.sensitivity.SensitivityResult;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sensitivity}: Monte Carlo rank stability when weights move. */
@Command(name = "sensitivity", mixinStandardHelpOptions = true, versionProvider = SanlianCli.Version.class)
final class SensitivityCommand implements Callable<Integer> {

    @Mixin
    AssessmentOptions files;

    @Option(names = "--out", required = true, paramLabel = "sensitivity.csv", descriptionKey = "cli.option.out")
    Path out;

    @Option(names = "--draws", paramLabel = "N", descriptionKey = "cli.option.draws")
    Integer draws;

    @Option(names = "--spread", paramLabel = "A", descriptionKey = "cli.option.spread")
    Double spread;

    @Option(names = "--seed", paramLabel = "SEED", descriptionKey = "cli.option.seed")
    Long seed;

    @Override
    public Integer call() {
        Assessment assessment = files.load();
        SensitivitySettings s = assessment.scheme().sensitivity();
        SensitivitySettings settings = new SensitivitySettings(draws != null ? draws : s.draws(),
                spread != null ? spread : s.spread(), seed != null ? seed : s.seed());
        if (!SensitivitySettings.validDraws(settings.draws())) {
            throw new ValidationException(Issue.of("--draws", "cli.bad-draws", settings.draws()));
        }
        if (!SensitivitySettings.validSpread(settings.spread())) {
            throw new ValidationException(Issue.of("--spread", "cli.bad-spread", settings.spread()));
        }
        SensitivityResult result = new ScoringService().sensitivity(assessment, files.period(), settings, d -> { });
        ResultFiles.writeSensitivity(result, out);
        Console.out(Console.text("cli.sensitivity.done", settings.draws(), out));
        return 0;
    }
}

package org.sanlian.workbench.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.sanlian.workbench.app.Assessment;
import org.sanlian.workbench.app.ResultFiles;
import org.sanlian.workbench.app.ScoringService;
import org.sanlian.workbench.core.scoring.PeriodResult;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code score}: results (and detail) of a period from scheme, data and targets files. */
@Command(name = "score", mixinStandardHelpOptions = true, versionProvider = SanlianCli.Version.class)
final class ScoreCommand implements Callable<Integer> {

    @Mixin
    AssessmentOptions files;

    @Option(names = "--out", required = true, paramLabel = "results.csv", descriptionKey = "cli.option.out")
    Path out;

    @Option(names = "--detail", paramLabel = "detail.csv", descriptionKey = "cli.option.detail")
    Path detail;

    @Override
    public Integer call() {
        Assessment assessment = files.load();
        PeriodResult result = new ScoringService().score(assessment, files.period());
        ResultFiles.writeResults(result, out);
        if (detail != null) {
            ResultFiles.writeDetail(result, detail);
        }
        Console.out(Console.text("cli.score.done", result.rows().size(), result.bottomList().size(), out));
        return 0;
    }
}

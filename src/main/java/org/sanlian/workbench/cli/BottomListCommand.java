package org.sanlian.workbench.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.sanlian.workbench.app.ResultFiles;
import org.sanlian.workbench.app.ScoringService;
import org.sanlian.workbench.core.scoring.PeriodResult;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bottom-list}: the 末位约谈 list of a period with rules, weakest indicators and escape margins. */
@Command(name = "bottom-list", mixinStandardHelpOptions = true, versionProvider = SanlianCli.Version.class)
final class BottomListCommand implements Callable<Integer> {

    @Mixin
    AssessmentOptions files;

    @Option(names = "--out", required = true, paramLabel = "bottom.csv", descriptionKey = "cli.option.out")
    Path out;

    @Override
    public Integer call() {
        PeriodResult result = new ScoringService().bottomList(files.load(), files.period());
        ResultFiles.writeBottom(result, out);
        Console.out(Console.text("cli.bottom.done", result.bottomList().size(), out));
        return 0;
    }
}

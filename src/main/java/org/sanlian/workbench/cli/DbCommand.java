package org.sanlian.workbench.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code db}: the commands over the workbench database. */
@Command(name = "db", mixinStandardHelpOptions = true, versionProvider = SanlianCli.Version.class,
        subcommands = {DbInitCommand.class, DbImportCommand.class, DbTemplatesCommand.class, DbScoreCommand.class,
                DbExportCommand.class, DbPublishCommand.class,
                DbBackupCommand.class, DbRestoreCommand.class, DbCheckCommand.class, DbAuditCommand.class})
final class DbCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(Console.outStream());
        return SanlianCli.USAGE;
    }
}

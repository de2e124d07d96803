package org.sanlian.workbench.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sanlian.workbench.app.WorkbenchDatabase;
import org.sanlian.workbench.core.model.BackupFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code db restore}: replaces the database's content with a backup's (after backing up the current one). */
@Command(name = "restore", mixinStandardHelpOptions = true, versionProvider = SanlianCli.Version.class)
final class DbRestoreCommand implements Callable<Integer> {

    @Mixin
    DbOptions options;

    @Parameters(index = "0", paramLabel = "BACKUP.db", descriptionKey = "cli.option.backup-file")
    Path backup;

    @Override
    public Integer call() {
        try (WorkbenchDatabase db = options.openExisting()) {
            db.requireWritable();
            BackupFile safety = db.restore(backup);
            Console.out(Console.text("cli.db.restore.done", backup, db.file(), safety.file()));
        }
        return 0;
    }
}

package org.sanlian.workbench.cli;

import java.util.concurrent.Callable;
import org.sanlian.workbench.app.WorkbenchDatabase;
import org.sanlian.workbench.core.model.BackupFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code db backup}: takes a backup now, or lists the backups kept. */
@Command(name = "backup", mixinStandardHelpOptions = true, versionProvider = SanlianCli.Version.class)
final class DbBackupCommand implements Callable<Integer> {

    @Mixin
    DbOptions options;

    @Option(names = "--list", descriptionKey = "cli.option.list-backups")
    boolean list;

    @Override
    public Integer call() {
        try (WorkbenchDatabase db = options.openExisting()) {
            if (list) {
                for (BackupFile b : db.listBackups()) {
                    Console.out(Console.text("cli.db.backup.line", b.takenAt(), b.reason(), b.file()));
                }
                return 0;
            }
            BackupFile b = db.backup("manual");
            Console.out(Console.text("cli.db.backup.done", b.file()));
        }
        return 0;
    }
}

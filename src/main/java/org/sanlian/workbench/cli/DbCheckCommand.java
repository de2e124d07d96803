package org.sanlian.workbench.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.sanlian.workbench.app.WorkbenchDatabase;
import org.sanlian.workbench.core.check.Issue;
import org.sanlian.workbench.i18n.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code db check}: SQLite's integrity and foreign-key checks plus the store's invariants; exit 1 on any problem. */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = SanlianCli.Version.class)
final class DbCheckCommand implements Callable<Integer> {

    @Mixin
    DbOptions options;

    @Override
    public Integer call() {
        try (WorkbenchDatabase db = options.openExisting()) {
            List<Issue> found = db.check();
            if (found.isEmpty()) {
                Console.out(Console.text("cli.db.check.ok", db.file()));
                return 0;
            }
            Console.err(Console.text("cli.db.check.problems", db.file(), found.size()));
            for (Issue issue : found) {
                Console.err("  " + Messages.get().describe(issue));
            }
            return SanlianCli.USER_ERROR;
        }
    }
}

package org.sanlian.workbench.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.sanlian.workbench.app.WorkbenchDatabase;
import picocli.CommandLine.Option;

/** The options every {@code db} command shares: the database file and who is working. */
final class DbOptions {

    @Option(names = "--db", required = true, paramLabel = "FILE", descriptionKey = "cli.option.db")
    Path db;

    @Option(names = "--operator", paramLabel = "NAME", descriptionKey = "cli.option.operator")
    String operator;

    /**
     * Opens a database that must exist; says so on standard error when it is open read-only, and
     * why: the file is read-only, or another process holds it.
     */
    WorkbenchDatabase openExisting() {
        WorkbenchDatabase open = WorkbenchDatabase.openExisting(db);
        switch (open.readOnlyReason()) {
            case FILE_READ_ONLY -> Console.err(Console.text("cli.db.file-read-only-notice", open.file()));
            case HELD_BY_ANOTHER_PROCESS -> Console.err(Console.text("cli.db.read-only-notice", open.file()));
            case NONE -> { }
        }
        for (org.sanlian.workbench.core.check.Issue issue : open.dailyBackupFailure()) {
            Console.err(Console.text("cli.db.daily-backup-failed",
                    org.sanlian.workbench.i18n.Messages.get().describe(issue)));
        }
        return open;
    }

    String operator(WorkbenchDatabase database) {
        return Optional.ofNullable(operator).filter(s -> !s.isBlank()).orElseGet(database::defaultOperator);
    }
}

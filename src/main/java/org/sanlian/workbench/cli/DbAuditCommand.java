package org.sanlian.workbench.cli;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.sanlian.workbench.app.ResultFiles;
import org.sanlian.workbench.app.WorkbenchDatabase;
import org.sanlian.workbench.core.model.AuditEntry;
import org.sanlian.workbench.core.model.AuditFilter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code db audit}: the audit trail, filtered, as CSV on standard output or into a file. */
@Command(name = "audit", mixinStandardHelpOptions = true, versionProvider = SanlianCli.Version.class)
final class DbAuditCommand implements Callable<Integer> {

    @Mixin
    DbOptions options;

    @Option(names = "--unit", paramLabel = "CODE", descriptionKey = "cli.option.audit-unit")
    String unit;

    @Option(names = "--period", paramLabel = "2025", descriptionKey = "cli.option.audit-period")
    String period;

    @Option(names = "--code", paramLabel = "CODE", descriptionKey = "cli.option.audit-code")
    String code;

    @Option(names = "--by", paramLabel = "NAME", descriptionKey = "cli.option.audit-by")
    String by;

    @Option(names = "--entity", paramLabel = "figure|city_figure|target|coverage|scheme|bulletin|interview|setting",
            descriptionKey = "cli.option.audit-entity")
    String entity;

    @Option(names = "--from", paramLabel = "2026-01-01", descriptionKey = "cli.option.audit-from")
    String from;

    @Option(names = "--to", paramLabel = "2026-12-31", descriptionKey = "cli.option.audit-to")
    String to;

    @Option(names = "--limit", defaultValue = "0", paramLabel = "N", descriptionKey = "cli.option.audit-limit")
    int limit;

    @Option(names = "--out", paramLabel = "audit.csv", descriptionKey = "cli.option.audit-out")
    Path out;

    @Override
    public Integer call() throws IOException {
        AuditFilter filter = new AuditFilter(Optional.ofNullable(unit), Optional.ofNullable(period),
                Optional.ofNullable(code), Optional.ofNullable(by), Optional.ofNullable(entity),
                Optional.ofNullable(from), Optional.ofNullable(to).map(DbAuditCommand::endOfDay), Math.max(0, limit));
        try (WorkbenchDatabase db = options.openExisting()) {
            List<AuditEntry> entries = db.audit(filter);
            if (out != null) {
                ResultFiles.writeAudit(entries, out);
                Console.out(Console.text("cli.db.audit.done", entries.size(), out));
            } else {
                StringWriter text = new StringWriter();
                ResultFiles.writeAudit(entries, text);
                Console.outStream().print(text);
                Console.outStream().flush();
            }
        }
        return 0;
    }

    /** A bare date in --to means the whole of that day. */
    private static String endOfDay(String to) {
        return to.matches("\\d{4}-\\d{2}-\\d{2}") ? to + "T23:59:59Z" : to;
    }
}

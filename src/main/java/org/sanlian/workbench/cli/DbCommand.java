package org.sanlian.workbench.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code db}: the commands over the workbench database. */
@Command(name = "db", mixinStandardHelpOptions = true, versionProvider = SanlianCli.Version.class)
final class DbCommand implements Callable<Integer> {

    /** The {@code db} commands, in the order help lists them (registered in code: see {@link SanlianCli}). */
    private static final Map<String, Supplier<Object>> COMMANDS = commands();

    private static Map<String, Supplier<Object>> commands() {
        Map<String, Supplier<Object>> m = new LinkedHashMap<>();
        m.put("init", DbInitCommand::new);
        m.put("import", DbImportCommand::new);
        m.put("templates", DbTemplatesCommand::new);
        m.put("score", DbScoreCommand::new);
        m.put("export", DbExportCommand::new);
        m.put("publish", DbPublishCommand::new);
        m.put("backup", DbBackupCommand::new);
        m.put("restore", DbRestoreCommand::new);
        m.put("check", DbCheckCommand::new);
        m.put("audit", DbAuditCommand::new);
        return m;
    }

    /** {@code db} with only the command named {@code only}, or with all of them when {@code only} names none. */
    static CommandLine commandLine(String only) {
        CommandLine db = new CommandLine(new DbCommand());
        boolean all = only == null || !COMMANDS.containsKey(only);
        for (Map.Entry<String, Supplier<Object>> c : COMMANDS.entrySet()) {
            if (all || c.getKey().equals(only)) {
                db.addSubcommand(c.getKey(), c.getValue().get());
            }
        }
        return db;
    }

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(Console.outStream());
        return SanlianCli.USAGE;
    }
}

package org.sanlian.workbench.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import org.sanlian.workbench.core.check.Issue;
import org.sanlian.workbench.core.check.ValidationException;
import org.sanlian.workbench.i18n.Messages;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line (FORMATS.md): parse, call {@code app}, print. Exit codes: 0 success, 1 a user
 * error (the reason on standard error, never a stack trace), 2 bad usage. Help text is Chinese,
 * from the message bundle.
 */
@Command(name = "sanlian-workbench", mixinStandardHelpOptions = true, versionProvider = SanlianCli.Version.class)
public final class SanlianCli implements Callable<Integer> {

    /**
     * The commands, in the order help lists them. They are registered in code rather than in the
     * annotation so that a run builds only the command it was asked for: picocli reads every
     * registered command's annotations by reflection, and its classes (compiled for Java 5) cannot
     * come from the class-data archive, so building the whole tree cost about 0.2 s of each run.
     */
    private static final Map<String, Supplier<Object>> COMMANDS = commands();

    private static Map<String, Supplier<Object>> commands() {
        Map<String, Supplier<Object>> m = new LinkedHashMap<>();
        m.put("score", ScoreCommand::new);
        m.put("export", ExportCommand::new);
        m.put("bottom-list", BottomListCommand::new);
        m.put("sensitivity", SensitivityCommand::new);
        m.put("db", DbCommand::new);
        m.put("help", CommandLine.HelpCommand::new);
        return m;
    }

    /** Refusals that are the disk's doing, not the input's: said under their own heading. */
    private static final Set<String> DISK_FAULTS = Set.of("store.disk-full", "store.io-error",
            "store.backup-disk-full", "file.disk-full");

    /** Refusals of a write to a database that may only be read (another process holds it, or the file is read-only). */
    private static final Set<String> READ_ONLY = Set.of("store.read-only", "store.file-read-only",
            "store.file-read-only-old-version");

    public static final int OK = 0;
    public static final int USER_ERROR = 1;
    public static final int USAGE = 2;

    @Override
    public Integer call() {
        CommandLine.usage(this, Console.outStream());
        return USAGE;
    }

    /** Runs a command and returns its exit code. */
    public static int run(String... args) {
        CommandLine cl = commandLine(args);
        return cl.execute(args);
    }

    /**
     * The command tree for these arguments: when they begin with a command's name, only that
     * command (and, under {@code db}, only the named {@code db} command); otherwise (no command,
     * help, a misspelt name) every command, so that help lists them all and a misspelling gets its
     * suggestions. Parsing and messages are the same either way.
     */
    static CommandLine commandLine(String... args) {
        String first = args.length > 0 ? args[0] : null;
        boolean all = first == null || !COMMANDS.containsKey(first) || first.equals("help");
        CommandLine cl = new CommandLine(new SanlianCli());
        for (Map.Entry<String, Supplier<Object>> c : COMMANDS.entrySet()) {
            if (all || c.getKey().equals(first)) {
                cl.addSubcommand(c.getKey(), c.getKey().equals("db")
                        ? DbCommand.commandLine(all || args.length < 2 ? null : args[1]) : c.getValue().get());
            }
        }
        Messages m = Messages.get();
        cl.setResourceBundle(m.bundle());
        describe(cl, "cli.main");
        describe(cl.getSubcommands().get("score"), "cli.score");
        describe(cl.getSubcommands().get("export"), "cli.export");
        describe(cl.getSubcommands().get("bottom-list"), "cli.bottom");
        describe(cl.getSubcommands().get("sensitivity"), "cli.sensitivity");
        describe(cl.getSubcommands().get("help"), "cli.help");
        CommandLine db = cl.getSubcommands().get("db");
        if (db != null) {
            describe(db, "cli.db");
            for (String sub : db.getSubcommands().keySet()) {
                describe(db.getSubcommands().get(sub), "cli.db." + sub);
            }
        }
        cl.setOut(new PrintWriter(Console.outStream(), true));
        cl.setErr(new PrintWriter(Console.errStream(), true));
        cl.setExitCodeExceptionMapper(e -> USER_ERROR);
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            report(e);
            return USER_ERROR;
        });
        cl.setParameterExceptionHandler((e, unmatched) -> {
            CommandLine c = e.getCommandLine();
            Console.err(Messages.get().text("cli.usage-error", usageProblem(e)));
            Console.err(Messages.get().text("cli.see-help", c.getCommandSpec().qualifiedName()));
            return USAGE;
        });
        return cl;
    }

    /** picocli's own messages are English; the common ones are said in the user's language. */
    private static String usageProblem(CommandLine.ParameterException e) {
        Messages m = Messages.get();
        if (e instanceof CommandLine.MissingParameterException) {
            java.util.List<String> names = new java.util.ArrayList<>();
            for (CommandLine.Model.ArgSpec a : ((CommandLine.MissingParameterException) e).getMissing()) {
                names.add(a.isOption() ? ((CommandLine.Model.OptionSpec) a).longestName() : a.paramLabel());
            }
            return m.text("cli.missing-options", String.join(", ", names));
        }
        if (e instanceof CommandLine.UnmatchedArgumentException) {
            return m.text("cli.unknown-arguments",
                    String.join(" ", ((CommandLine.UnmatchedArgumentException) e).getUnmatched()));
        }
        return e.getMessage();
    }

    /** Command descriptions come from the bundle (picocli keys them by qualified names with spaces). */
    private static void describe(CommandLine command, String key) {
        if (command == null) {
            return;
        }
        command.getCommandSpec().usageMessage().description(Messages.get().bundle().getString(key));
    }

    /** Whether every issue of {@code v} is one of {@code codes} (and there is one). */
    private static boolean allOf(ValidationException v, Set<String> codes) {
        return !v.issues().isEmpty() && v.issues().stream().allMatch(issue -> codes.contains(issue.code()));
    }

    private static void report(Exception e) {
        Messages m = Messages.get();
        if (e instanceof ValidationException) {
            ValidationException v = (ValidationException) e;
            String heading = allOf(v, DISK_FAULTS) ? "cli.disk-fault" : allOf(v, READ_ONLY) ? "cli.read-only"
                    : "cli.refused";
            Console.err(m.text(heading, v.issues().size()));
            for (Issue issue : v.issues()) {
                Console.err("  " + m.describe(issue));
            }
        } else {
            Console.err(m.text("cli.internal-error", e.getClass().getSimpleName(), String.valueOf(e.getMessage())));
        }
    }

    /** The version from the jar's manifest, or "dev" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = SanlianCli.class.getPackage().getImplementationVersion();
            return new String[] {Messages.get().text("app.title") + " " + (v == null ? "dev" : v)};
        }
    }
}

package org.sanlian.workbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/** A run builds only the command it names; that command must be the same as in the whole tree. */
class CommandTreeTest {

    @Test
    void aNamedCommandIsBuiltAloneAndReadsAsInTheWholeTree() {
        CommandLine whole = SanlianCli.commandLine();
        List<String> checked = new ArrayList<>();
        for (String name : whole.getSubcommands().keySet()) {
            CommandLine alone = SanlianCli.commandLine(name, "--help");
            if (!name.equals("help")) {
                assertThat(alone.getSubcommands().keySet()).containsExactly(name);
            }
            assertThat(alone.getSubcommands().get(name).getUsageMessage())
                    .isEqualTo(whole.getSubcommands().get(name).getUsageMessage());
            checked.add(name);
        }
        CommandLine db = whole.getSubcommands().get("db");
        for (String sub : db.getSubcommands().keySet()) {
            CommandLine alone = SanlianCli.commandLine("db", sub, "--help").getSubcommands().get("db");
            assertThat(alone.getSubcommands().keySet()).containsExactly(sub);
            assertThat(alone.getSubcommands().get(sub).getUsageMessage())
                    .contains(messages().bundle().getString("cli.db." + sub).substring(0, 8))
                    .isEqualTo(db.getSubcommands().get(sub).getUsageMessage());
            checked.add("db " + sub);
        }
        assertThat(checked).contains("score", "export", "bottom-list", "sensitivity", "db", "help", "db init",
                "db import", "db export", "db check").hasSize(16);
    }

    @Test
    void noCommandHelpOrAMisspeltOneBuildsTheWholeTree() {
        int all = SanlianCli.commandLine().getSubcommands().size();
        assertThat(all).isEqualTo(6);
        assertThat(SanlianCli.commandLine("--help").getSubcommands()).hasSize(all);
        assertThat(SanlianCli.commandLine("help", "score").getSubcommands()).hasSize(all);
        assertThat(SanlianCli.commandLine("scor").getSubcommands()).hasSize(all);
        assertThat(SanlianCli.commandLine("db", "--help").getSubcommands().get("db").getSubcommands()).hasSize(10);
        assertThat(SanlianCli.commandLine("db", "exprot").getSubcommands().get("db").getSubcommands()).hasSize(10);
    }

    private static org.sanlian.workbench.i18n.Messages messages() {
        return org.sanlian.workbench.i18n.Messages.get();
    }
}

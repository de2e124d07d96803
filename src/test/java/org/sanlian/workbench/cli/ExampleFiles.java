package org.sanlian.workbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The worked example's files (scheme, data, targets) copied into a test's folder, and a database
 * made from them through the command line, as the command-line tests start from.
 */
final class ExampleFiles {

    private ExampleFiles() {
    }

    /** Copies scheme.json, data.csv and targets.csv of the worked example into {@code dir}. */
    static void copyInto(Path dir) throws IOException {
        for (String f : new String[] {"scheme.json", "data.csv", "targets.csv"}) {
            Files.copy(ExampleGoldenTest.EXAMPLE.resolve(f), dir.resolve(f));
        }
    }

    /**
     * Makes {@code db} from the files copied into {@code dir}: {@code db init} with the scheme for
     * 2024, then the data and the targets imported, each by 李四 and each exiting 0.
     */
    static Path database(Path dir, Path db) {
        assertThat(SanlianCli.run("db", "init", "--db", db.toString(), "--scheme", dir.resolve("scheme.json").toString(),
                "--year", "2024", "--operator", "李四")).isZero();
        assertThat(SanlianCli.run("db", "import", "--db", db.toString(), dir.resolve("data.csv").toString(),
                "--operator", "李四")).isZero();
        assertThat(SanlianCli.run("db", "import", "--db", db.toString(), "--kind", "targets",
                dir.resolve("targets.csv").toString(), "--operator", "李四")).isZero();
        return db;
    }
}

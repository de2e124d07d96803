package org.sanlian.workbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes, messages and the all-or-nothing promise of the command line (FORMATS.md). */
class CommandLineTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    @BeforeEach
    void capture() throws Exception {
        Console.redirect(new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(stderr, true, StandardCharsets.UTF_8));
        ExampleFiles.copyInto(dir);
    }

    @AfterEach
    void restore() {
        Console.redirect(System.out, System.err);
    }

    private String err() {
        return stderr.toString(StandardCharsets.UTF_8);
    }

    private int score(String period) {
        return ExampleGoldenTest.score(dir, period, dir.resolve("results.csv"), dir.resolve("detail.csv"));
    }

    @Test
    void helpIsChineseAndExitsZero() {
        assertThat(SanlianCli.run("--help")).isZero();
        String help = stdout.toString(StandardCharsets.UTF_8);
        assertThat(help).contains("用法").contains("score").contains("bottom-list").contains("sensitivity");
        stdout.reset();
        assertThat(SanlianCli.run("score", "--help")).isZero();
        assertThat(stdout.toString(StandardCharsets.UTF_8)).contains("考核方案文件").contains("--period");
    }

    @Test
    void badUsageExitsTwo() {
        assertThat(SanlianCli.run("score", "--scheme", "x.json")).isEqualTo(2);
        assertThat(err()).contains("用法错误");
        assertThat(SanlianCli.run("no-such-command")).isEqualTo(2);
    }

    @Test
    void aDataErrorExitsOneNamesTheLineAndWritesNothing() throws Exception {
        String data = Files.readString(dir.resolve("data.csv"));
        Files.writeString(dir.resolve("data.csv"), data.replace("2025,A1,GDP,328.6,", "2025,A1,GDP,3x8.6,"));
        assertThat(score("2025")).isEqualTo(1);
        assertThat(err()).contains("data.csv:").contains(":4").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(dir.resolve("results.csv")).doesNotExist();
        assertThat(dir.resolve("detail.csv")).doesNotExist();
    }

    @Test
    void aSchemeErrorNamesTheFieldPath() throws Exception {
        String scheme = Files.readString(dir.resolve("scheme.json"));
        Files.writeString(dir.resolve("scheme.json"), scheme.replace("\"cap\": 1.2", "\"cap\": -1"));
        assertThat(score("2025")).isEqualTo(1);
        assertThat(err()).contains("tree[0].children[0].rule.cap");
    }

    @Test
    void aPeriodWithoutDataIsRefused() {
        assertThat(score("2030")).isEqualTo(1);
        assertThat(err()).contains("2030").contains("2024, 2025");
        assertThat(score("2025H1")).isEqualTo(1);
        assertThat(score("20x5")).isEqualTo(1);
    }

    @Test
    void aMissingTargetIsRefusedWithItsPlace() throws Exception {
        String targets = Files.readString(dir.resolve("targets.csv"));
        Files.writeString(dir.resolve("targets.csv"), targets.replace("2025,A3,RD_INT,1.0\n", ""));
        assertThat(score("2025")).isEqualTo(1);
        assertThat(err()).contains("A3").contains("RD_INT").contains("2025");
    }

    @Test
    void aMissingFileIsAUserError() {
        assertThat(SanlianCli.run("score", "--scheme", dir.resolve("nope.json").toString(), "--data",
                dir.resolve("data.csv").toString(), "--period", "2025", "--out", dir.resolve("r.csv").toString()))
                .isEqualTo(1);
        assertThat(err()).contains("nope.json");
    }
}

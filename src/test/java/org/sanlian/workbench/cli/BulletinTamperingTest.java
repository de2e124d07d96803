package org.sanlian.workbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanlian.workbench.store.StoreCheck;

/**
 * A published bulletin edited in the database file directly, with the schema's freezing triggers
 * dropped for the edit and put back after, as someone with an SQLite tool could: its content, its
 * hash, both together, or its ranking rows. {@code db check} finds each one and {@code db export
 * --bulletin} refuses to export it with a message that says so, writing no workbook.
 */
class BulletinTamperingTest {

    private static final String NUMBER = "2025-1";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private Path published;
    private static int tried;
    private static int foundByCheck;
    private static int refusedAtExport;
    private static int plainUpdatesRefused;

    @BeforeEach
    void publish() throws Exception {
        Console.redirect(new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
        ExampleFiles.copyInto(dir);
        published = dir.resolve("published/work.db");
        String db = published.toString();
        ExampleFiles.database(dir, published);
        assertThat(SanlianCli.run("db", "publish", "--db", db, "--period", "2025", "--number", NUMBER,
                "--operator", "李四")).as(stderr.toString(StandardCharsets.UTF_8)).isZero();
    }

    @AfterEach
    void restore() {
        Console.redirect(System.out, System.err);
    }

    @AfterAll
    static void summary() {
        System.out.printf("BulletinTamperingTest: %d direct edits of a published bulletin in the database file "
                + "(content, hash, content with a recomputed hash, ranking rows); db check found %d, db export "
                + "--bulletin refused %d; %d plain UPDATEs and DELETEs refused by the schema's triggers%n", tried,
                foundByCheck, refusedAtExport, plainUpdatesRefused);
    }

    private Map<String, String> tamperings() {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("a unit's total in the content", "UPDATE bulletin SET content = json_set(content, '$.rows[0].total', "
                + "json_extract(content, '$.rows[0].total') + 1.5)");
        t.put("a space added to the content", "UPDATE bulletin SET content = content || ' '");
        t.put("the hash", "UPDATE bulletin SET content_hash = '" + "0".repeat(64) + "'");
        t.put("a unit's rank in the content, with the hash recomputed",
                "UPDATE bulletin SET content = json_set(content, '$.rows[0].rank', 99); HASH");
        t.put("a ranking row's rank", "UPDATE bulletin_row SET rank = rank + 1 WHERE rank = 1");
        t.put("a ranking row's total", "UPDATE bulletin_row SET total = total - 3 WHERE rank = 2");
        t.put("a ranking row removed", "DELETE FROM bulletin_row WHERE rank = 1");
        t.put("a ranking row's bottom flag", "UPDATE bulletin_row SET bottom = 1 - bottom WHERE rank = 3");
        return t;
    }

    @Test
    void anUntouchedBulletinPassesTheCheckAndExports() throws Exception {
        String db = published.toString();
        assertThat(SanlianCli.run("db", "check", "--db", db)).isZero();
        Path out = dir.resolve("ok.xlsx");
        assertThat(SanlianCli.run("db", "export", "--db", db, "--bulletin", NUMBER, "--out", out.toString()))
                .as(stderr.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out).isRegularFile();
    }

    @Test
    void thePlainUpdateOrDeleteOfABulletinIsRefusedByTheSchema() throws Exception {
        for (String sql : new String[] {"UPDATE bulletin SET content_hash = 'x'", "DELETE FROM bulletin",
            "UPDATE bulletin_row SET rank = 7", "DELETE FROM bulletin_row"}) {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + published);
                 Statement s = c.createStatement()) {
                assertThatThrownBy(() -> s.executeUpdate(sql)).isInstanceOf(SQLException.class)
                        .hasMessageContaining("bulletin is frozen");
                plainUpdatesRefused++;
            }
        }
        assertThat(SanlianCli.run("db", "check", "--db", published.toString())).isZero();
    }

    @Test
    void everyDirectEditIsFoundByDbCheckAndRefusedAtExport() throws Exception {
        int i = 0;
        for (Map.Entry<String, String> t : tamperings().entrySet()) {
            Path copy = dir.resolve("tampered-" + (i++) + "/work.db");
            Files.createDirectories(copy.getParent());
            Files.copy(published, copy);
            tamper(copy, t.getValue());
            tried++;

            stderr.reset();
            int check = SanlianCli.run("db", "check", "--db", copy.toString());
            assertThat(check).as("db check after editing %s", t.getKey()).isEqualTo(SanlianCli.USER_ERROR);
            assertThat(stderr.toString(StandardCharsets.UTF_8)).contains(NUMBER).contains("发布后被改动过");
            foundByCheck++;

            stderr.reset();
            Path out = copy.resolveSibling("bulletin.xlsx");
            int export = SanlianCli.run("db", "export", "--db", copy.toString(), "--bulletin", NUMBER, "--out",
                    out.toString());
            assertThat(export).as("export after editing %s", t.getKey()).isEqualTo(SanlianCli.USER_ERROR);
            assertThat(stderr.toString(StandardCharsets.UTF_8)).contains(NUMBER).contains(copy.toString())
                    .contains("被直接改动过").contains("db restore").doesNotContain("\tat ");
            assertThat(out).doesNotExist();
            refusedAtExport++;
        }
    }

    /** Runs {@code sql} with the freezing triggers dropped, then puts them back; {@code HASH} recomputes the hash. */
    private static void tamper(Path file, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            Map<String, String> triggers = new LinkedHashMap<>();
            try (ResultSet r = s.executeQuery("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                    + "AND name LIKE 'bulletin%frozen%'")) {
                while (r.next()) {
                    triggers.put(r.getString(1), r.getString(2));
                }
            }
            assertThat(triggers).hasSize(4);
            for (String name : triggers.keySet()) {
                s.execute("DROP TRIGGER " + name);
            }
            boolean rehash = sql.endsWith("; HASH");
            assertThat(s.executeUpdate(rehash ? sql.substring(0, sql.length() - 6) : sql)).isPositive();
            if (rehash) {
                String content;
                try (ResultSet r = s.executeQuery("SELECT content FROM bulletin")) {
                    r.next();
                    content = r.getString(1);
                }
                try (PreparedStatement p = c.prepareStatement("UPDATE bulletin SET content_hash = ?")) {
                    p.setString(1, StoreCheck.contentHash(content));
                    p.executeUpdate();
                }
            }
            for (String create : triggers.values()) {
                s.execute(create);
            }
        }
    }
}

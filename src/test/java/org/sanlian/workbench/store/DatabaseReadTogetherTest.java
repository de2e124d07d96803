package org.sanlian.workbench.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sanlian.workbench.store.DatabaseTest.count;
import static org.sanlian.workbench.store.DatabaseTest.exec;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Database#readTogether}: pieces of one read on connections of their own, one committed state. */
class DatabaseReadTogetherTest {

    @TempDir
    Path dir;

    @Test
    void piecesRunOnConnectionsOfTheirOwnAndReturnInOrder() {
        try (Database db = Database.open(dir.resolve("work.db"), 0)) {
            db.inTransaction(c -> exec(c, "CREATE TABLE t (x INTEGER) STRICT"));
            db.inTransaction(c -> exec(c, "INSERT INTO t VALUES (1), (2), (3)"));
            List<Database.Work<String>> pieces = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                int which = i;
                pieces.add(c -> which + ":" + count(c, "t") + ":" + System.identityHashCode(c));
            }

            List<String> results = db.readTogether(pieces);

            assertThat(results).hasSize(4);
            for (int i = 0; i < 4; i++) {
                assertThat(results.get(i)).startsWith(i + ":3:");
            }
            assertThat(results.stream().map(r -> r.substring(r.lastIndexOf(':'))).distinct()).hasSize(4);
        }
    }

    @Test
    void everyPieceSeesTheSameCommittedStateWhileAnotherConnectionCommits() throws Exception {
        Path file = dir.resolve("work.db");
        try (Database db = Database.open(file, 0)) {
            db.inTransaction(c -> exec(c, "CREATE TABLE t (x INTEGER) STRICT"));
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger commits = new AtomicInteger();
            // a connection outside the workbench (as the sqlite3 shell would be) committing all the time
            Thread writer = new Thread(() -> {
                try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file)) {
                    exec(other, "PRAGMA busy_timeout = 10000");
                    while (!stop.get()) {
                        exec(other, "INSERT INTO t VALUES (1)");
                        commits.incrementAndGet();
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            writer.start();
            try {
                List<Database.Work<Integer>> pieces = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    pieces.add(c -> {
                        int before = count(c, "t");
                        java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
                        assertThat(count(c, "t")).isEqualTo(before); // each piece is one transaction
                        return before;
                    });
                }
                for (int round = 0; round < 100; round++) {
                    List<Integer> seen = db.readTogether(pieces);
                    assertThat(seen).as("round %d", round).containsOnly(seen.get(0));
                }
            } finally {
                stop.set(true);
                writer.join();
            }
            assertThat(commits.get()).isPositive();
        }
    }

    @Test
    void aFailingPieceFailsTheReadAndLeavesEveryConnectionFree() {
        try (Database db = Database.open(dir.resolve("work.db"), 0)) {
            db.inTransaction(c -> exec(c, "CREATE TABLE t (x INTEGER) STRICT"));
            List<Database.Work<Integer>> pieces = List.of(c -> count(c, "t"), c -> count(c, "nowhere"),
                    c -> count(c, "t"));

            assertThatThrownBy(() -> db.readTogether(pieces)).isInstanceOf(StoreException.class)
                    .hasMessageContaining("nowhere");
            assertThatThrownBy(() -> db.readTogether(List.<Database.Work<Integer>>of(c -> {
                throw new IllegalStateException("boom");
            }, c -> count(c, "t")))).isInstanceOf(IllegalStateException.class).hasMessage("boom");

            // no transaction was left open: writes go through and a full checkpoint is not blocked
            db.inTransaction(c -> exec(c, "INSERT INTO t VALUES (1)"));
            db.checkpoint();
            assertThat(db.readTogether(List.<Database.Work<Integer>>of(c -> count(c, "t"), c -> count(c, "t"))))
                    .containsExactly(1, 1);
        }
    }

    @Test
    void aReadOnlyOpenerRunsThePiecesOneAfterAnother() {
        Path file = dir.resolve("work.db");
        try (Database writer = Database.open(file, 0)) {
            writer.inTransaction(c -> exec(c, "CREATE TABLE t (x INTEGER) STRICT"));
            writer.inTransaction(c -> exec(c, "INSERT INTO t VALUES (1), (2)"));
            try (Database reader = Database.open(file, 0)) {
                assertThat(reader.readOnly()).isTrue();
                List<Integer> connections = reader.readTogether(List.<Database.Work<Integer>>of(
                        System::identityHashCode, System::identityHashCode));
                assertThat(connections.get(0)).isEqualTo(connections.get(1));
                assertThat(reader.readTogether(List.<Database.Work<Integer>>of(c -> count(c, "t"), c -> count(c, "t"))))
                        .containsExactly(2, 2);
            }
        }
    }
}

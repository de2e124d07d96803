package org.sanlian.workbench.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanlian.workbench.core.check.Issue;
import org.sanlian.workbench.core.model.Period;

/**
 * {@link ImportService#check} reads and checks without writing, and both the check and the import
 * stop when their {@link Progress} asks, writing nothing and leaving no backup; templates stopped
 * half way leave no file behind.
 */
class ImportCheckAndCancelTest {

    @TempDir
    Path dir;

    private WorkbenchDatabase db;

    @BeforeEach
    void demo() {
        db = WorkbenchDatabase.open(dir.resolve("work.db"));
        db.initDemo("办公室");
    }

    @AfterEach
    void close() {
        db.close();
    }

    private int figures() {
        return db.periodSummaries().stream().mapToInt(PeriodSummary::figures).sum();
    }

    private long backups() throws IOException {
        Path folder = dir.resolve("backups");
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.count();
        }
    }

    private Path csv(String name, String... rows) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, "period,unit,code,value,note\n" + String.join("\n", rows) + "\n");
        return file;
    }

    /** Records every step and asks to stop once {@code stopAt} steps were seen (never when negative). */
    private static class Watcher implements Progress {
        final List<Step> steps = new ArrayList<>();
        final int stopAt;

        Watcher(int stopAt) {
            this.stopAt = stopAt;
        }

        @Override
        public void update(Step step) {
            steps.add(step);
        }

        @Override
        public boolean cancelled() {
            return stopAt >= 0 && steps.size() >= stopAt;
        }
    }

    @Test
    void aCheckCountsWhatAnImportWouldChangeAndWritesNothing() throws IOException {
        Path file = csv("new.csv", "2026,331102,GDP,310.5,", "2026,331102,HTE,120,", "2025,331121,GDP,1,更正");
        int before = figures();
        Watcher watcher = new Watcher(-1);

        ImportService.Check check = ImportService.check(db, ImportService.Kind.DATA, List.of(file), Optional.empty(),
                watcher);

        assertThat(check.sound()).isTrue();
        assertThat(check.rows()).isEqualTo(3);
        assertThat(check.units()).extracting(ImportService.UnitSummary::unit, ImportService.UnitSummary::rows,
                        ImportService.UnitSummary::changed, ImportService.UnitSummary::corrected)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("331102", 2, 2, 0),
                        org.assertj.core.groups.Tuple.tuple("331121", 1, 1, 1));
        assertThat(figures()).isEqualTo(before);
        assertThat(db.allPeriods()).doesNotContain(Period.year(2026));
        assertThat(watcher.steps).isNotEmpty().allMatch(s -> s.phase() == Progress.Phase.CHECKING);
        assertThat(watcher.steps.get(watcher.steps.size() - 1).done()).isEqualTo(1);
    }

    @Test
    void aCheckListsEveryProblemOfEveryFileWithItsLineAndColumn() throws IOException {
        Path bad = csv("bad.csv", "2025,331102,GDP,abc,", "2025,999999,GDP,1,");
        Path good = csv("good.csv", "2025,331102,HTE,3,");

        ImportService.Check check = ImportService.check(db, ImportService.Kind.DATA, List.of(bad, good),
                Optional.empty(), Progress.NONE);

        assertThat(check.sound()).isFalse();
        assertThat(check.errors()).extracting(Issue::where, Issue::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple(bad + ":2:4", "csv.bad-number"),
                org.assertj.core.groups.Tuple.tuple(bad + ":3:2", "csv.unknown-unit"));
        assertThat(check.files()).extracting(f -> f.file().getFileName().toString(), f -> f.errors().size())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("bad.csv", 2),
                        org.assertj.core.groups.Tuple.tuple("good.csv", 0));
    }

    @Test
    void aCheckStoppedHalfWayThrowsAndWritesNothing() throws IOException {
        Path a = csv("a.csv", "2026,331102,GDP,310.5,");
        Path b = csv("b.csv", "2026,331121,GDP,200,");
        int before = figures();

        assertThat(catchThrowableOfType(() -> ImportService.check(db, ImportService.Kind.DATA, List.of(a, b),
                Optional.empty(), new Watcher(1)), CancelledException.class)).isNotNull();
        assertThat(catchThrowableOfType(() -> ImportService.importFiles(db, ImportService.Kind.DATA, List.of(a, b),
                Optional.empty(), "办公室", new Watcher(2)), CancelledException.class)).isNotNull();

        assertThat(figures()).isEqualTo(before);
    }

    @Test
    void anImportStoppedWhileWritingRollsBackAndRemovesItsBackup() throws IOException {
        Path a = csv("a.csv", "2026,331102,GDP,310.5,");
        Path b = csv("b.csv", "2026,331121,GDP,200,");
        int before = figures();
        long backupsBefore = backups();
        // stops at the second file's write: the first file is written in the transaction by then
        Watcher stopping = new Watcher(Integer.MAX_VALUE) {
            @Override
            public boolean cancelled() {
                return steps.stream().filter(s -> s.phase() == Phase.WRITING).count() >= 2;
            }
        };

        assertThat(catchThrowableOfType(() -> ImportService.importFiles(db, ImportService.Kind.DATA, List.of(a, b),
                Optional.empty(), "办公室", stopping), CancelledException.class)).isNotNull();

        assertThat(stopping.steps).anyMatch(s -> s.phase() == Progress.Phase.WRITING);
        assertThat(figures()).isEqualTo(before);
        assertThat(db.allPeriods()).doesNotContain(Period.year(2026));
        assertThat(backups()).isEqualTo(backupsBefore);
    }

    @Test
    void aSingleCsvFileStoppedWhileStreamedRollsBack() throws IOException {
        Path a = csv("one.csv", "2026,331102,GDP,310.5,", "2026,331121,GDP,200,");
        int before = figures();
        long backupsBefore = backups();
        Watcher stopping = new Watcher(Integer.MAX_VALUE) {
            @Override
            public boolean cancelled() {
                return steps.stream().anyMatch(s -> s.phase() == Phase.WRITING && s.rows() > 0);
            }
        };

        assertThat(catchThrowableOfType(() -> ImportService.importFiles(db, ImportService.Kind.DATA, List.of(a),
                Optional.empty(), "办公室", stopping), CancelledException.class)).isNotNull();

        assertThat(figures()).isEqualTo(before);
        assertThat(backups()).isEqualTo(backupsBefore);
        // and without stopping the same file goes in
        ImportService.Report report = ImportService.importFiles(db, ImportService.Kind.DATA, List.of(a),
                Optional.empty(), "办公室", new Watcher(-1));
        assertThat(report.changed()).isEqualTo(2);
        assertThat(figures()).isEqualTo(before + 2);
    }

    @Test
    void templatesStoppedHalfWayLeaveNoFileBehind() throws IOException {
        Path out = dir.resolve("templates");

        assertThat(catchThrowableOfType(() -> TemplateService.generate(db, Period.year(2026), Optional.empty(),
                List.of("331102", "331121", "331122"), out, "办公室", new Watcher(2)), CancelledException.class))
                .isNotNull();

        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.toList()).isEmpty();
        }
        Watcher all = new Watcher(-1);
        TemplateService.Outcome outcome = TemplateService.generate(db, Period.year(2026), Optional.empty(),
                List.of("331102", "331121"), out, "办公室", all);
        assertThat(outcome.files()).hasSize(2).allMatch(w -> Files.isRegularFile(w.file()));
        assertThat(all.steps).extracting(Progress.Step::done).containsExactly(0, 1, 2);
    }
}

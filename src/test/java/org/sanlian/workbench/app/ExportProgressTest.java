package org.sanlian.workbench.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanlian.workbench.Workbooks;
import org.sanlian.workbench.core.model.Bulletin;
import org.sanlian.workbench.core.model.Period;

/**
 * The meeting workbook's export reports each sheet to its {@link Progress} and stops when asked,
 * leaving neither the workbook nor its temporary file (and a file already there as it was).
 */
class ExportProgressTest {

    @TempDir
    Path dir;

    /** Records the steps; asks to stop once a step names {@code stopAt}. */
    private static final class Watch implements Progress {
        final List<Step> steps = new ArrayList<>();
        final String stopAt;
        boolean stop;

        Watch(String stopAt) {
            this.stopAt = stopAt;
        }

        @Override
        public void update(Step step) {
            steps.add(step);
            if (step.item().equals(stopAt)) {
                stop = true;
            }
        }

        @Override
        public boolean cancelled() {
            return stop;
        }
    }

    @Test
    void aBulletinsExportReportsEverySheetThenTheFile() throws Exception {
        try (WorkbenchDatabase db = WorkbenchDatabase.openOrCreateDemo(dir.resolve("w.db"), "tester")) {
            Bulletin b = PublishService.publish(db, Period.year(2025), Optional.empty(), Optional.empty(),
                    Optional.empty(), "张三");
            Watch watch = new Watch("none");
            Path out = dir.resolve("b.xlsx");
            ExportService.Exported done = ExportService.exportBulletin(db, b.number(), Optional.empty(), out, watch);

            assertThat(watch.steps).allSatisfy(s -> assertThat(s.phase()).isEqualTo(Progress.Phase.EXPORTING));
            assertThat(watch.steps).extracting(Progress.Step::item).containsExactly("总排名", "跨越发展类", "生态发展类",
                    "指标得分明细", "末位约谈名单", "趋势", "说明", "图表", "");
            assertThat(watch.steps).extracting(Progress.Step::done).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8);
            assertThat(watch.steps).extracting(Progress.Step::total).containsOnly(9);
            assertThat(done.sheets()).hasSize(9);
            // the same workbook as without anyone watching
            Path plain = dir.resolve("plain.xlsx");
            ExportService.exportBulletin(db, b.number(), Optional.empty(), plain);
            assertThat(Files.readAllBytes(out)).isEqualTo(Files.readAllBytes(plain));
        }
    }

    @Test
    void aCancelledExportLeavesTheFileThereAsItWasAndNoTemporaryFile() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("out"));
        Path out = folder.resolve("live.xlsx");
        Files.writeString(out, "an older file");
        try (WorkbenchDatabase db = WorkbenchDatabase.openOrCreateDemo(dir.resolve("w.db"), "tester")) {
            for (String stopAt : List.of("总排名", "说明", "")) {
                Watch watch = new Watch(stopAt);
                assertThatThrownBy(() -> ExportService.exportDatabase(db, Period.year(2025), Optional.empty(),
                        LocalDate.of(2026, 1, 15), Optional.empty(), out, watch))
                        .as(stopAt).isInstanceOf(CancelledException.class);
                assertThat(watch.steps.get(watch.steps.size() - 1).item()).isEqualTo(stopAt);
                assertThat(Files.readString(out)).isEqualTo("an older file");
                try (Stream<Path> files = Files.list(folder)) {
                    assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("live.xlsx");
                }
            }
            // not stopped, it replaces the older file with the workbook
            ExportService.exportDatabase(db, Period.year(2025), Optional.empty(), LocalDate.of(2026, 1, 15),
                    Optional.empty(), out, new Watch("none"));
            try (XSSFWorkbook wb = Workbooks.open(out)) {
                assertThat(Workbooks.sheetNames(wb)).startsWith("总排名");
            }
        }
    }
}

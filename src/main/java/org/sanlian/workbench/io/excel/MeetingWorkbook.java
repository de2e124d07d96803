package org.sanlian.workbench.io.excel;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.sanlian.workbench.core.model.Zone;
import org.sanlian.workbench.core.report.MeetingReport;
import org.sanlian.workbench.io.chart.ChartData;
import org.sanlian.workbench.io.chart.Charts;
import org.sanlian.workbench.io.chart.MeetingCharts;

/**
 * The meeting workbook (会议用工作簿) of a report, in the user's language, print-ready: 总排名, one
 * ranking sheet per zone, 指标得分明细, 末位约谈名单, 趋势 (when earlier periods exist), 图表 (native
 * charts and the same charts as pictures), 图表数据 (the native charts' figures) and 说明. Everything
 * comes from the report; the workbook's dates are the report's date, so the same report always gives
 * the same workbook. The pictures are drawn, and the long tables written, on two other threads while
 * POI builds the rest.
 */
public final class MeetingWorkbook {

    private static final java.util.concurrent.atomic.AtomicBoolean PREPARED =
            new java.util.concurrent.atomic.AtomicBoolean();

    private MeetingWorkbook() {
    }

    /**
     * Starts loading, on an idle core, what writing a workbook needs (POI and its schemas, the
     * drawing and chart parts), while the caller reads and scores the figures: a command
     * that exports runs in a fresh JVM, where that loading is a good part of the time. Harmless if
     * nothing is written afterwards.
     */
    public static void prepare() {
        if (!PREPARED.compareAndSet(false, true)) {
            return;
        }
        Thread t = new Thread(() -> {
            try {
                warmUp();
            } catch (Throwable ignored) {
                // only a head start: the real export reports its own problems
            }
        }, "workbook-warm-up");
        t.setDaemon(true);
        t.start();
    }

    /**
     * The warm-up: a tiny report through every sheet and chart path but the pictures, to nowhere.
     * The pictures' thread loads JFreeChart and the fonts itself while the real workbook's sheets are
     * written; drawing them here took a core from the reading of the figures.
     */
    static WorkbookSummary warmUp() throws IOException {
        return write(WarmUp.report(), () -> "", OutputStream.nullOutputStream(), WorkbookSteps.NONE, false);
    }

    public static WorkbookSummary write(MeetingReport report, String contentHash, OutputStream out) throws IOException {
        return write(report, () -> contentHash, out);
    }

    /** As {@link #write(MeetingReport, String, OutputStream)}, the hash asked for only when 说明 is written. */
    public static WorkbookSummary write(MeetingReport report, java.util.function.Supplier<String> contentHash,
                                        OutputStream out) throws IOException {
        return write(report, contentHash, out, WorkbookSteps.NONE);
    }

    /**
     * As {@link #write(MeetingReport, java.util.function.Supplier, OutputStream)}, telling {@code steps}
     * before each sheet and before the file is put together; {@code steps} may throw to stop.
     */
    public static WorkbookSummary write(MeetingReport report, java.util.function.Supplier<String> contentHash,
                                        OutputStream out, WorkbookSteps steps) throws IOException {
        return write(report, contentHash, out, steps, true);
    }

    /** As {@link #write(MeetingReport, java.util.function.Supplier, OutputStream, WorkbookSteps)}; without {@code drawPictures} the pictures are left empty (the warm-up). */
    private static WorkbookSummary write(MeetingReport report, java.util.function.Supplier<String> contentHash,
                                         OutputStream out, WorkbookSteps steps, boolean drawPictures)
            throws IOException {
        List<MeetingCharts.ZoneCharts> zoneCharts = MeetingCharts.of(report);
        List<ChartData> charts = ChartSheets.ordered(zoneCharts);
        ExecutorService painter = Executors.newSingleThreadExecutor(daemon("chart-pictures"));
        ExecutorService bodyWriter = Executors.newSingleThreadExecutor(daemon("sheet-bodies"));
        try {
            CompletableFuture<List<byte[]>> pictures = CompletableFuture.supplyAsync(() -> {
                List<byte[]> pngs = new ArrayList<>(charts.size());
                for (ChartData c : charts) {
                    if (!drawPictures) {
                        pngs.add(new byte[0]);
                        continue;
                    }
                    pngs.add(Charts.png(Charts.build(c), ChartSheets.PNG_WIDTH, ChartSheets.PNG_HEIGHT,
                            ChartSheets.pictureScale(charts.size())));
                }
                return pngs;
            }, painter);
            try (XSSFWorkbook wb = new XSSFWorkbook()) {
                SheetKit kit = new SheetKit(wb, report, contentHash, bodyWriter);
                properties(wb, report);
                // the steps: 总排名, each zone, 明细, 末位, 趋势 when there is one, 说明, 图表, then the file
                int total = 1 + report.scheme().zones().size() + 2 + (report.hasTrend() ? 1 : 0) + 2 + 1;
                int done = 0;
                steps.step(done++, total, kit.m.text("export.sheet.overall"));
                RankingSheets.overall(kit);
                for (Zone zone : report.scheme().zones()) {
                    steps.step(done++, total, zone.name());
                    RankingSheets.zone(kit, zone);
                }
                steps.step(done++, total, kit.m.text("export.sheet.detail"));
                TableSheets.detail(kit);
                steps.step(done++, total, kit.m.text("export.sheet.bottom"));
                TableSheets.bottom(kit);
                if (report.hasTrend()) {
                    steps.step(done++, total, kit.m.text("export.sheet.trend"));
                    TableSheets.trend(kit);
                }
                XSSFSheet chartSheet = kit.sheet(kit.m.text("export.sheet.charts"));
                XSSFSheet dataSheet = kit.sheet(kit.m.text("export.sheet.chart-data"));
                steps.step(done++, total, kit.m.text("export.sheet.notes"));
                NotesSheet.write(kit);
                steps.step(done++, total, kit.m.text("export.sheet.charts"));
                // the pictures are waited for only once the native charts are built
                int natives = ChartSheets.write(kit, chartSheet, dataSheet, zoneCharts, () -> join(pictures));
                wb.setActiveSheet(0);
                List<String> names = new ArrayList<>();
                wb.forEach(s -> names.add(s.getSheetName()));
                steps.step(done, total, "");
                XlsxAssembler.write(wb, kit.bodies, kit.segments, kit.parts, report.issuedOn().atStartOfDay(), out);
                return new WorkbookSummary(names, natives, charts.size());
            }
        } finally {
            painter.shutdownNow();
            bodyWriter.shutdownNow();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    private static List<byte[]> join(CompletableFuture<List<byte[]>> pictures) throws IOException {
        try {
            return pictures.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException) {
                throw ((UncheckedIOException) e.getCause()).getCause();
            }
            throw e;
        }
    }

    /** Title, author and dates from the report, never the clock. */
    private static void properties(XSSFWorkbook wb, MeetingReport report) {
        POIXMLProperties.CoreProperties core = wb.getProperties().getCoreProperties();
        Date at = Date.from(LocalDateTime.of(report.issuedOn(), java.time.LocalTime.MIDNIGHT).toInstant(ZoneOffset.UTC));
        core.setCreated(Optional.of(at));
        core.setModified(Optional.of(at));
        core.setCreator(report.issuer());
        core.setTitle(report.scheme().name() + " " + report.period());
        report.bulletin().ifPresent(b -> core.setIdentifier(b));
        if (report.simulated()) {
            core.setKeywords(org.sanlian.workbench.i18n.Messages.get().text("app.simulated"));
        }
        wb.getProperties().getExtendedProperties().getUnderlyingProperties().setApplication(
                org.sanlian.workbench.i18n.Messages.get().text("app.title"));
    }
}

package org.sanlian.workbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFPicture;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanlian.workbench.Workbooks;
import org.sanlian.workbench.core.bottom.Level;
import org.sanlian.workbench.core.model.Dimension;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.model.Scheme;
import org.sanlian.workbench.core.model.Zone;
import org.sanlian.workbench.core.report.ReportDigest;
import org.sanlian.workbench.core.scoring.LeafScore;
import org.sanlian.workbench.core.scoring.PeriodResult;
import org.sanlian.workbench.core.scoring.UnitResult;

/**
 * The meeting workbook read back with POI: its sheets, the ranking's numbers against
 * {@link ScoringService} on the example and the demo data, the detail, bottom list and trend, the
 * highlight, frozen panes, print setup, charts and pictures, the notes, and text that looks like a
 * formula.
 */
class MeetingWorkbookExportTest {

    static final Path EXAMPLE = Paths.get("src/test/resources/example");
    static final LocalDate DATE = LocalDate.of(2026, 1, 15);
    private static final int HEADER = 2;

    @TempDir
    Path dir;

    private final ScoringService scoring = new ScoringService();

    static Assessment example() {
        return AssessmentFiles.load(EXAMPLE.resolve("scheme.json"), EXAMPLE.resolve("data.csv"),
                Optional.of(EXAMPLE.resolve("targets.csv")));
    }

    private XSSFWorkbook export(Assessment assessment, Period period, String name) {
        Path out = dir.resolve(name);
        ExportService.exportFiles(assessment, period, List.of(Path.of("scheme.json"), Path.of("data.csv")), DATE,
                Optional.of("测试科技局"), out);
        return Workbooks.open(out);
    }

    @Test
    void theSheetsComeInTheMeetingsOrder() throws Exception {
        try (XSSFWorkbook wb = export(AssessmentFiles.demo(), Period.year(2025), "demo.xlsx")) {
            assertThat(Workbooks.sheetNames(wb)).containsExactly("总排名", "跨越发展类", "生态发展类", "指标得分明细",
                    "末位约谈名单", "趋势", "图表", "图表数据", "说明");
        }
        try (XSSFWorkbook wb = export(example(), Period.year(2024), "first.xlsx")) {
            // the example's first period: no earlier one, so no trend
            assertThat(Workbooks.sheetNames(wb)).doesNotContain("趋势").contains("图表");
        }
    }

    @Test
    void theOverallRankingHoldsWhatScoringGivesOnTheExampleAndTheDemo() throws Exception {
        assertRankingMatches(example(), Period.year(2025), "example.xlsx");
        assertRankingMatches(example(), Period.year(2024), "example-2024.xlsx");
        assertRankingMatches(AssessmentFiles.demo(), Period.year(2025), "demo.xlsx");
        assertRankingMatches(AssessmentFiles.demo(), Period.year(2024), "demo-2024.xlsx");
    }

    private void assertRankingMatches(Assessment assessment, Period period, String name) throws Exception {
        PeriodResult expected = scoring.score(assessment, period);
        Scheme scheme = assessment.scheme();
        List<Dimension> dims = scheme.dimensions();
        try (XSSFWorkbook wb = export(assessment, period, name)) {
            XSSFSheet sheet = wb.getSheet("总排名");
            assertThat(Workbooks.row(sheet, 0).get(0)).contains(scheme.name()).contains(period.year() + "年")
                    .contains("总排名");
            assertThat(Workbooks.row(sheet, 1).get(0)).contains("测试科技局").contains("2026年1月15日");
            List<String> header = Workbooks.row(sheet, HEADER);
            assertThat(header.subList(0, 5)).containsExactly("排名", "分区", "分区排名", "单位", "总分");
            assertThat(header.subList(5 + dims.size(), header.size())).containsExactly("加分", "扣分", "名次变化", "末位约谈");
            assertThat(sheet.getLastRowNum()).isEqualTo(HEADER + expected.rows().size());
            for (int i = 0; i < expected.rows().size(); i++) {
                UnitResult r = expected.rows().get(i);
                List<String> row = Workbooks.row(sheet, HEADER + 1 + i);
                List<String> want = new ArrayList<>(List.of(Double.toString(r.rank()), r.zone().name(),
                        Double.toString(r.zoneRank()), r.unit().name(), Double.toString(r.total())));
                for (Dimension d : dims) {
                    want.add(r.subtotals().get(d.code()).isPresent()
                            ? Double.toString(r.subtotals().get(d.code()).getAsDouble()) : "");
                }
                want.add(Double.toString(r.bonus()));
                want.add(Double.toString(r.penalty()));
                want.add(change(r));
                want.add(r.bottom().map(b -> level(b.level())).orElse("") + (r.vetoed() ? "（一票否决）" : ""));
                assertThat(row).as(name + " row " + (i + 1)).containsExactlyElementsOf(want);
            }
        }
    }

    private static String change(UnitResult r) {
        if (r.rankChange().isEmpty()) {
            return "";
        }
        int c = r.rankChange().getAsInt();
        return c > 0 ? "↑" + c : c < 0 ? "↓" + (-c) : "—";
    }

    private static String level(Level level) {
        return level == Level.ESCALATED ? "升级约谈" : level == Level.REMINDER ? "提醒" : "约谈";
    }

    @Test
    void eachZoneSheetRanksItsOwnUnits() throws Exception {
        Assessment demo = AssessmentFiles.demo();
        PeriodResult expected = scoring.score(demo, Period.year(2025));
        try (XSSFWorkbook wb = export(demo, Period.year(2025), "demo.xlsx")) {
            for (Zone zone : demo.scheme().zones()) {
                XSSFSheet sheet = wb.getSheet(zone.name());
                assertThat(Workbooks.row(sheet, 0).get(0)).contains(zone.name() + "排名");
                List<UnitResult> members = expected.rows().stream().filter(r -> r.zone().equals(zone))
                        .sorted((a, b) -> Integer.compare(a.zoneRank(), b.zoneRank())).toList();
                assertThat(sheet.getLastRowNum()).isEqualTo(HEADER + members.size());
                for (int i = 0; i < members.size(); i++) {
                    List<String> row = Workbooks.row(sheet, HEADER + 1 + i);
                    assertThat(row.subList(0, 4)).containsExactly(Double.toString(members.get(i).zoneRank()),
                            Double.toString(members.get(i).rank()), members.get(i).unit().name(),
                            Double.toString(members.get(i).total()));
                }
            }
        }
    }

    @Test
    void theDetailHoldsEveryValueAndScoreOfEveryUnit() throws Exception {
        Assessment demo = AssessmentFiles.demo();
        PeriodResult expected = scoring.score(demo, Period.year(2025));
        int leaves = demo.scheme().leaves().size();
        try (XSSFWorkbook wb = export(demo, Period.year(2025), "demo.xlsx")) {
            XSSFSheet sheet = wb.getSheet("指标得分明细");
            assertThat(Workbooks.row(sheet, HEADER).get(3)).startsWith(demo.scheme().leaves().get(0).name());
            assertThat(Workbooks.row(sheet, HEADER + 1).subList(3, 5)).containsExactly("数值", "得分");
            for (int i = 0; i < expected.rows().size(); i++) {
                UnitResult r = expected.rows().get(i);
                List<String> row = Workbooks.row(sheet, HEADER + 2 + i);
                assertThat(row.get(1)).isEqualTo(r.unit().name());
                for (int l = 0; l < leaves; l++) {
                    LeafScore s = r.leaves().get(l);
                    // written with Excel's 15 significant digits
                    if (s.value().isPresent()) {
                        assertThat(Double.parseDouble(row.get(3 + 2 * l))).as(r.unit().name() + " " + s.code())
                                .isCloseTo(s.value().getAsDouble(), within15(s.value().getAsDouble()));
                    } else {
                        assertThat(row.get(3 + 2 * l)).isEmpty();
                    }
                    assertThat(Double.parseDouble(row.get(4 + 2 * l))).isCloseTo(r.leafScore(l), within15(r.leafScore(l)));
                }
            }
            PaneInformation pane = sheet.getPaneInformation();
            assertThat(pane.isFreezePane()).isTrue();
            assertThat((int) pane.getHorizontalSplitPosition()).isEqualTo(HEADER + 2);
            assertThat((int) pane.getVerticalSplitPosition()).isEqualTo(3);
        }
    }

    private static org.assertj.core.data.Offset<Double> within15(double x) {
        return org.assertj.core.data.Offset.offset(Math.abs(x) * 1e-14 + 1e-300);
    }

    @Test
    void theBottomListNamesTheRulesTheWeakestAndTheLevel() throws Exception {
        Assessment demo = AssessmentFiles.demo();
        PeriodResult expected = scoring.score(demo, Period.year(2025));
        List<UnitResult> listed = expected.rows().stream().filter(UnitResult::listed).toList();
        assertThat(listed).isNotEmpty();
        try (XSSFWorkbook wb = export(demo, Period.year(2025), "demo.xlsx")) {
            XSSFSheet sheet = wb.getSheet("末位约谈名单");
            assertThat(Workbooks.row(sheet, HEADER)).containsExactly("序号", "单位", "分区", "排名", "分区排名", "总分",
                    "列入规则", "最弱指标", "处理等级");
            assertThat(sheet.getLastRowNum()).isEqualTo(HEADER + listed.size());
            for (int i = 0; i < listed.size(); i++) {
                UnitResult r = listed.get(i);
                List<String> row = Workbooks.row(sheet, HEADER + 1 + i);
                assertThat(row.get(1)).isEqualTo(r.unit().name());
                assertThat(row.get(3)).isEqualTo(Double.toString(r.rank()));
                assertThat(row.get(5)).isEqualTo(Double.toString(r.total()));
                String weakestName = demo.scheme().leaves().stream()
                        .filter(l -> l.code().equals(r.bottom().get().weakest().get(0))).findFirst().get().name();
                assertThat(row.get(7)).startsWith(weakestName);
                assertThat(row.get(8)).startsWith(level(r.bottom().get().level()));
                assertThat(row.get(6)).isNotBlank();
            }
        }
    }

    @Test
    void theTrendHoldsTotalsAndRanksOfEveryScoredPeriod() throws Exception {
        Assessment demo = AssessmentFiles.demo();
        List<Period> periods = scoring.periods(demo);
        PeriodResult current = scoring.score(demo, Period.year(2025));
        try (XSSFWorkbook wb = export(demo, Period.year(2025), "demo.xlsx")) {
            XSSFSheet sheet = wb.getSheet("趋势");
            List<String> header = Workbooks.row(sheet, HEADER);
            for (int p = 0; p < periods.size(); p++) {
                assertThat(header.get(2 + 2 * p)).isEqualTo(periods.get(p).year() + "年");
            }
            for (int p = 0; p < periods.size(); p++) {
                PeriodResult then = scoring.score(demo, periods.get(p));
                for (int i = 0; i < current.rows().size(); i++) {
                    UnitResult now = current.rows().get(i);
                    UnitResult old = then.row(now.unit().code()).get();
                    List<String> row = Workbooks.row(sheet, HEADER + 2 + i);
                    assertThat(row.get(0)).isEqualTo(now.unit().name());
                    assertThat(row.get(2 + 2 * p)).isEqualTo(Double.toString(old.total()));
                    assertThat(row.get(3 + 2 * p)).isEqualTo(Double.toString(old.rank()));
                }
            }
        }
    }

    @Test
    void listedRowsAreHighlightedAndTheHeaderIsFrozenAndPrintedOnEveryPage() throws Exception {
        Assessment demo = AssessmentFiles.demo();
        PeriodResult expected = scoring.score(demo, Period.year(2025));
        try (XSSFWorkbook wb = export(demo, Period.year(2025), "demo.xlsx")) {
            XSSFSheet sheet = wb.getSheet("总排名");
            for (int i = 0; i < expected.rows().size(); i++) {
                UnitResult r = expected.rows().get(i);
                String want = r.bottom().isEmpty() ? "" : r.bottom().get().level() == Level.REMINDER ? "FFEB9C" : "FFC7CE";
                for (int c = 0; c < sheet.getRow(HEADER + 1 + i).getLastCellNum(); c++) {
                    XSSFCell cell = sheet.getRow(HEADER + 1 + i).getCell(c);
                    assertThat(Workbooks.fill(cell)).as(r.unit().name() + " column " + c).isEqualTo(want);
                }
            }
            assertThat(expected.rows().stream().filter(UnitResult::listed)
                    .map(r -> r.bottom().get().level()).distinct()).contains(Level.REMINDER, Level.ESCALATED);
            for (String name : List.of("总排名", "跨越发展类", "末位约谈名单")) {
                XSSFSheet s = wb.getSheet(name);
                PaneInformation pane = s.getPaneInformation();
                assertThat(pane.isFreezePane()).as(name).isTrue();
                assertThat((int) pane.getHorizontalSplitPosition()).as(name).isEqualTo(HEADER + 1);
                assertPrintSetup(s, true);
                assertThat(s.getRepeatingRows().formatAsString()).as(name).isEqualTo("3:3");
            }
            assertPrintSetup(wb.getSheet("指标得分明细"), false);
            assertThat(wb.getSheet("指标得分明细").getRepeatingRows().formatAsString()).isEqualTo("3:4");
            assertThat(wb.getSheet("指标得分明细").getRepeatingColumns().formatAsString()).isEqualTo("A:C");
            assertPrintSetup(wb.getSheet("趋势"), true);
            assertPrintSetup(wb.getSheet("说明"), true);
            assertThat(wb.getSheet("图表").getPrintSetup().getLandscape()).isTrue();
            assertThat(wb.getSheet("图表").getPrintSetup().getScale()).isEqualTo((short) 65);
            assertThat(wb.getSheet("图表").getRowBreaks()).isNotEmpty();
        }
    }

    private static void assertPrintSetup(XSSFSheet sheet, boolean fitWidth) {
        PrintSetup ps = sheet.getPrintSetup();
        assertThat(ps.getLandscape()).as(sheet.getSheetName()).isTrue();
        assertThat(ps.getPaperSize()).as(sheet.getSheetName()).isEqualTo(PrintSetup.A4_PAPERSIZE);
        assertThat(sheet.getFitToPage()).as(sheet.getSheetName()).isEqualTo(fitWidth);
        if (fitWidth) {
            assertThat(ps.getFitWidth()).isEqualTo((short) 1);
            assertThat(ps.getFitHeight()).isEqualTo((short) 0);
        }
        assertThat(sheet.getFooter().getCenter()).contains("&P").contains("&N");
    }

    @Test
    void theChartSheetHoldsNativeChartsAndTheirPicturesPerZone() throws Exception {
        Assessment demo = AssessmentFiles.demo();
        try (XSSFWorkbook wb = export(demo, Period.year(2025), "demo.xlsx")) {
            XSSFSheet sheet = wb.getSheet("图表");
            List<XSSFChart> charts = Workbooks.charts(sheet);
            // per zone: totals (1 series), dimensions stacked (3), rank trend (one line per unit)
            assertThat(charts).hasSize(6);
            Map<String, XSSFChart> byTitle = new java.util.TreeMap<>();
            Map<String, Integer> series = new java.util.TreeMap<>();
            for (XSSFChart c : charts) {
                int n = 0;
                for (XDDFChartData data : c.getChartSeries()) {
                    n += data.getSeriesCount();
                }
                byTitle.put(c.getTitleText().getString(), c);
                series.put(c.getTitleText().getString(), n);
            }
            assertThat(series).containsExactlyInAnyOrderEntriesOf(Map.of("跨越发展类：总分", 1, "跨越发展类：各维度得分", 3,
                    "跨越发展类：名次趋势", 5, "生态发展类：总分", 1, "生态发展类：各维度得分", 3, "生态发展类：名次趋势", 5));
            assertThat(byTitle.get("跨越发展类：各维度得分").getCTChart().getPlotArea().getBarChartArray(0).getGrouping()
                    .getVal().toString()).isEqualTo("stacked");
            for (String bars : List.of("跨越发展类：总分", "跨越发展类：各维度得分")) {
                for (var ser : byTitle.get(bars).getCTChart().getPlotArea().getBarChartArray(0).getSerList()) {
                    assertThat(ser.getSpPr().isSetSolidFill()).as("an explicit fill, or LibreOffice draws no bars")
                            .isTrue();
                }
            }
            assertThat(byTitle.get("生态发展类：名次趋势").getCTChart().getPlotArea().getLineChartArray()).hasSize(1);
            List<XSSFPicture> pictures = Workbooks.pictures(sheet);
            assertThat(pictures).hasSize(6);
            for (XSSFPicture p : pictures) {
                byte[] png = p.getPictureData().getData();
                assertThat(p.getPictureData().getMimeType()).isEqualTo("image/png");
                assertThat(png.length).isGreaterThan(5000);
            }
            // the native charts read their figures from 图表数据
            XSSFSheet data = wb.getSheet("图表数据");
            assertThat(Workbooks.row(data, 4)).containsExactly("单位", "总分");
            assertThat(Workbooks.charts(data)).isEmpty();
        }
    }

    @Test
    void theNotesDescribeTheSchemeTheSourcesTheSimulatedMarkAndTheHash() throws Exception {
        Assessment demo = AssessmentFiles.demo();
        Path out = dir.resolve("demo.xlsx");
        ExportService.Exported done = ExportService.exportFiles(demo, Period.year(2025),
                List.of(Path.of("demo/data.csv")), DATE, Optional.empty(), out);
        String hash = ReportDigest.sha256(done.report());
        try (XSSFWorkbook wb = Workbooks.open(out)) {
            List<String> notes = new ArrayList<>();
            wb.getSheet("说明").forEach(r -> notes.add(String.join("|", Workbooks.row(wb.getSheet("说明"), r.getRowNum()))));
            String all = String.join("\n", notes);
            assertThat(all).contains("示例数据：本工作簿中的数据均为模拟生成").contains(demo.scheme().name())
                    .contains("丽水市科学技术局").contains("文件：data.csv").contains(hash)
                    .contains("指标体系").contains("国家高新技术企业数").contains("目标完成率").contains("各单位公开承诺")
                    .contains("末位约谈规则").contains("分区排名末1位").contains("跨越发展类|");
            assertThat(Workbooks.row(wb.getSheet("总排名"), 0).get(0)).endsWith("（示例数据）");
            assertThat(wb.getProperties().getCoreProperties().getCreated())
                    .isEqualTo(java.util.Date.from(DATE.atStartOfDay().toInstant(java.time.ZoneOffset.UTC)));
        }
        try (XSSFWorkbook wb = export(example(), Period.year(2025), "example.xlsx")) {
            List<String> cells = Workbooks.cells(wb);
            assertThat(cells).noneMatch(c -> c.contains("示例数据"));
        }
    }

    @Test
    void textThatLooksLikeAFormulaStaysText() throws Exception {
        String scheme = Files.readString(EXAMPLE.resolve("scheme.json"), StandardCharsets.UTF_8)
                .replace("\"甲县\"", "\"=HYPERLINK(1)\"").replace("\"乙县\"", "\"+乙 & <县>\"")
                .replace("\"丙县\"", "\"-丙\\u0001县😀\"").replace("\"一类地区\"", "\"@一类\"");
        Files.writeString(dir.resolve("scheme.json"), scheme, StandardCharsets.UTF_8);
        Assessment a = AssessmentFiles.load(dir.resolve("scheme.json"), EXAMPLE.resolve("data.csv"),
                Optional.of(EXAMPLE.resolve("targets.csv")));
        try (XSSFWorkbook wb = export(a, Period.year(2025), "formula.xlsx")) {
            Map<String, String> expected = Map.of("=HYPERLINK(1)", "=HYPERLINK(1)", "+乙 & <县>", "+乙 & <县>",
                    "-丙\u0001县😀", "-丙县😀");
            int found = 0;
            for (XSSFSheet sheet : List.of(wb.getSheet("总排名"), wb.getSheet("指标得分明细"), wb.getSheet("@一类"))) {
                for (org.apache.poi.ss.usermodel.Row row : sheet) {
                    for (org.apache.poi.ss.usermodel.Cell cell : row) {
                        assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA);
                        if (cell.getCellType() == CellType.STRING && expected.containsValue(cell.getStringCellValue())) {
                            assertThat(cell.getCellStyle().getQuotePrefixed()).as(cell.getStringCellValue()).isTrue();
                            found++;
                        }
                        if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals("@一类")) {
                            assertThat(cell.getCellStyle().getQuotePrefixed()).isTrue();
                        }
                    }
                }
            }
            assertThat(found).isGreaterThanOrEqualTo(6);
        }
    }

    @Test
    void aLargeAssessmentChartsEachZoneWithItsBestAndLastUnits() throws Exception {
        org.sanlian.workbench.bench.LargeCase c = new org.sanlian.workbench.bench.LargeCase(600, 24, 3);
        Assessment large = new Assessment(c.scheme, c.data, org.sanlian.workbench.core.model.DataSet.empty(), false);
        PeriodResult expected = scoring.score(large, c.period);
        try (XSSFWorkbook wb = export(large, c.period, "large.xlsx")) {
            assertThat(Workbooks.sheetNames(wb)).hasSize(1 + 10 + 5);
            XSSFSheet overall = wb.getSheet("总排名");
            assertThat(overall.getLastRowNum()).isEqualTo(HEADER + 600);
            UnitResult last = expected.rows().get(599);
            assertThat(Workbooks.row(overall, HEADER + 600).subList(3, 5))
                    .containsExactly(last.unit().name(), Double.toString(last.total()));
            XSSFSheet detail = wb.getSheet("指标得分明细");
            assertThat(detail.getRow(HEADER + 2).getLastCellNum()).isEqualTo((short) (3 + 2 * 24));
            assertThat(detail.getCTWorksheet().getDimension().getRef()).isEqualTo("A1:AY" + (HEADER + 2 + 600));
            List<XSSFChart> charts = Workbooks.charts(wb.getSheet("图表"));
            assertThat(charts).hasSize(20);
            for (XSSFChart chart : charts) {
                XDDFChartData data = chart.getChartSeries().get(0);
                assertThat(data.getSeries(0).getCategoryData().getPointCount()).isEqualTo(41); // 20, a gap, 20
                assertThat(chart.getTitleText().getString()).contains("前 20 名与后 20 名，共 60 个单位");
            }
            assertThat(Workbooks.pictures(wb.getSheet("图表"))).hasSize(20);
        }
    }

    @Test
    void theWorkbookSpeaksTheUsersLanguage() throws Exception {
        org.sanlian.workbench.i18n.Messages.use(java.util.Locale.ENGLISH);
        try (XSSFWorkbook wb = export(AssessmentFiles.demo(), Period.year(2025), "english.xlsx")) {
            assertThat(Workbooks.sheetNames(wb)).startsWith("Overall ranking").contains("Indicator detail", "Bottom list",
                    "Trend", "Charts", "Chart data", "Notes");
            assertThat(Workbooks.row(wb.getSheet("Overall ranking"), HEADER).subList(0, 5))
                    .containsExactly("Rank", "Zone", "Zone rank", "Unit", "Total");
            assertThat(Workbooks.row(wb.getSheet("Overall ranking"), 0).get(0)).endsWith("(simulated data)");
        } finally {
            org.sanlian.workbench.i18n.Messages.use(java.util.Locale.SIMPLIFIED_CHINESE);
        }
    }

    @Test
    void theSameReportGivesTheSameWorkbook() throws Exception {
        Assessment demo = AssessmentFiles.demo();
        try (XSSFWorkbook a = export(demo, Period.year(2025), "a.xlsx");
             XSSFWorkbook b = export(demo, Period.year(2025), "b.xlsx")) {
            assertThat(Workbooks.cells(a)).isNotEmpty().isEqualTo(Workbooks.cells(b));
        }
        assertThat(Files.readAllBytes(dir.resolve("a.xlsx"))).isEqualTo(Files.readAllBytes(dir.resolve("b.xlsx")));
        assertThat(Files.list(dir).map(p -> p.getFileName().toString()).toList())
                .containsExactlyInAnyOrder("a.xlsx", "b.xlsx"); // no temporary file left behind
    }
}

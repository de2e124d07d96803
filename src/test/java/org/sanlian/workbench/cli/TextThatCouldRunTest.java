package org.sanlian.workbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unit, zone, dimension, indicator, input and adjustment names (and an operator) that begin with
 * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return, written through the real
 * writers by the command line and read back: in every workbook (the meeting workbook, a fill-in
 * template) such text is a string cell (quote-prefixed when it begins with = + - @, so that Excel
 * keeps it text when the cell is edited), and no cell is a formula; in every CSV
 * (results, bottom list, sensitivity, audit) such a field carries OWASP's leading single quote,
 * while numbers, negative ones too, stay as they are.
 */
class TextThatCouldRunTest {

    static final Path EXAMPLE = ExampleGoldenTest.EXAMPLE;
    /** The example's names and what they become. */
    static final Map<String, String> NAMES = new LinkedHashMap<>();

    static {
        NAMES.put("甲县", "=1+1");
        NAMES.put("乙县", "+乙县");
        NAMES.put("丙县", "-2+3+cmd|' /C calc'!A0");
        NAMES.put("丁县", "@SUM(A1:A9)");
        NAMES.put("戊县", "\t=戊县");
        NAMES.put("己县", "\r=己县");
        NAMES.put("一类地区", "=一类");
        NAMES.put("创新链", "=创新链");
        NAMES.put("人才链", "@人才链");
        NAMES.put("R&D经费支出占GDP比重", "+R&D比重");
        NAMES.put("R&D经费支出增速", "-增速");
        NAMES.put("无研发活动规上企业数", "@无研发");
        NAMES.put("省级领军型创新创业团队", "\t团队");
        NAMES.put("人才项目落地数", "=HYPERLINK(\"http://x\")");
        NAMES.put("地区生产总值", "-地区生产总值");
        NAMES.put("R&D经费支出", "=R&D经费支出");
        NAMES.put("国家级平台零突破", "@平台");
    }

    static final String OPERATOR = "=cmd|' /C calc'!A0";
    private static final Pattern RISKY = Pattern.compile("^[=+\\-@\\t\\r].*", Pattern.DOTALL);
    /** What Excel would take for a formula when the cell is edited: tab and CR are harmless in a string cell. */
    private static final Pattern FORMULA_START = Pattern.compile("^[=+\\-@].*", Pattern.DOTALL);
    private static final Pattern NUMBER = Pattern.compile("[+-]?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?|-Infinity");

    @TempDir
    static Path dir;

    private static CliHarness cli;
    private static int workbookCells;
    private static int csvFields;
    private static int riskyFound;

    @BeforeAll
    static void setUp() throws IOException {
        cli = new CliHarness(dir);
        String scheme = Files.readString(EXAMPLE.resolve("scheme.json"), StandardCharsets.UTF_8);
        for (Map.Entry<String, String> e : NAMES.entrySet()) {
            String json = e.getValue().replace("\\", "\\\\").replace("\"", "\\\"").replace("\t", "\\t")
                    .replace("\r", "\\r");
            assertThat(scheme).as(e.getKey()).contains("\"" + e.getKey() + "\"");
            scheme = scheme.replace("\"" + e.getKey() + "\"", "\"" + json + "\"");
        }
        Files.writeString(dir.resolve("scheme.json"), scheme, StandardCharsets.UTF_8);
    }

    @AfterAll
    static void report() {
        cli.close();
        System.out.println("TextThatCouldRunTest: " + NAMES.size() + " names beginning with = + - @ tab CR, "
                + workbookCells + " workbook cells and " + csvFields + " CSV fields read back, " + riskyFound
                + " risky texts found, all as text; 0 formulas");
    }

    private String[] files(String command, String out) {
        return new String[] {command, "--scheme", dir.resolve("scheme.json").toString(), "--data",
            EXAMPLE.resolve("data.csv").toString(), "--targets", EXAMPLE.resolve("targets.csv").toString(),
            "--period", "2025", "--out", dir.resolve(out).toString()};
    }

    @Test
    void namesInEveryCsvCarryALeadingQuoteAndNumbersStayNumbers() throws IOException {
        CliHarness.require(cli.plain(files("score", "results.csv")));
        CliHarness.require(cli.plain(files("bottom-list", "bottom.csv")));
        List<String> sensitivity = new ArrayList<>(List.of(files("sensitivity", "sensitivity.csv")));
        sensitivity.addAll(List.of("--draws", "50"));
        CliHarness.require(cli.plain(sensitivity.toArray(String[]::new)));
        Path db = dir.resolve("audit.db");
        CliHarness.require(cli.plain("db", "init", "--db", db.toString(), "--scheme", dir.resolve("scheme.json").toString(),
                "--year", "2024", "--operator", OPERATOR));
        CliHarness.require(cli.plain("db", "import", "--db", db.toString(), EXAMPLE.resolve("data.csv").toString(),
                "--operator", OPERATOR));
        CliHarness.require(cli.plain("db", "audit", "--db", db.toString(), "--out", dir.resolve("audit.csv").toString()));

        List<List<String>> results = csv(dir.resolve("results.csv"));
        int name = results.get(0).indexOf("name");
        List<String> names = results.stream().skip(1).map(r -> r.get(name)).toList();
        assertThat(names).contains("'=1+1", "'+乙县", "'-2+3+cmd|' /C calc'!A0", "'@SUM(A1:A9)", "'\t=戊县", "'\r=己县");
        assertThat(results.stream().skip(1).map(r -> r.get(results.get(0).indexOf("rankChange"))))
                .anyMatch(s -> s.startsWith("-")); // a negative number, written as it is
        assertThat(csv(dir.resolve("bottom.csv")).stream().skip(1).map(r -> r.get(2))).isNotEmpty()
                .allMatch(s -> s.startsWith("'"));
        assertThat(csv(dir.resolve("sensitivity.csv")).stream().skip(1).map(r -> r.get(1))).hasSize(6)
                .allMatch(s -> s.startsWith("'"));
        List<List<String>> audit = csv(dir.resolve("audit.csv"));
        int operator = audit.get(0).indexOf("operator");
        assertThat(audit.stream().skip(1).map(r -> r.get(operator))).contains("'" + OPERATOR);

        for (String f : List.of("results.csv", "bottom.csv", "sensitivity.csv", "audit.csv")) {
            for (List<String> row : csv(dir.resolve(f))) {
                for (String field : row) {
                    csvFields++;
                    if (RISKY.matcher(field).matches()) {
                        assertThat(field).as(f).matches(NUMBER);
                    }
                    if (field.startsWith("'")) {
                        riskyFound++;
                    }
                }
            }
        }
    }

    @Test
    void namesInTheMeetingWorkbookAndATemplateAreQuotePrefixedTextNeverFormulas() throws IOException {
        CliHarness.require(cli.plain(files("export", "ranking.xlsx")));
        Path db = dir.resolve("templates.db");
        CliHarness.require(cli.plain("db", "init", "--db", db.toString(), "--scheme", dir.resolve("scheme.json").toString(),
                "--year", "2024", "--operator", OPERATOR));
        CliHarness.require(cli.plain("db", "templates", "--db", db.toString(), "--period", "2025", "--unit", "A1",
                "--out", dir.resolve("templates").toString()));
        Path template;
        try (Stream<Path> files = Files.list(dir.resolve("templates"))) {
            template = files.filter(f -> f.toString().endsWith(".xlsx")).findFirst().orElseThrow();
        }
        // a carriage return may be dropped or read back as a line feed; what follows it is checked
        List<String> inRanking = risky(dir.resolve("ranking.xlsx")).stream().map(t -> t.replaceAll("^[\r\n]", ""))
                .toList();
        assertThat(inRanking).contains("=1+1", "+乙县", "-2+3+cmd|' /C calc'!A0", "@SUM(A1:A9)", "\t=戊县", "=己县",
                "=创新链", "@人才链");
        List<String> inTemplate = risky(template);
        assertThat(inTemplate).contains("=1+1", "-地区生产总值", "@无研发", "\t团队", "=HYPERLINK(\"http://x\")");
    }

    /** Every text cell of the workbook that begins as a formula would: each a quote-prefixed string; no formula anywhere. */
    private static List<String> risky(Path xlsx) throws IOException {
        List<String> found = new ArrayList<>();
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            for (Sheet sheet : wb) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        workbookCells++;
                        assertThat(cell.getCellType()).as(sheet.getSheetName() + "!" + cell.getAddress())
                                .isNotEqualTo(CellType.FORMULA);
                        String text = cell.getCellType() == CellType.STRING ? cell.getStringCellValue() : "";
                        if (RISKY.matcher(text.replaceAll("^\n", "")).matches() && !NUMBER.matcher(text).matches()) {
                            if (FORMULA_START.matcher(text).matches()) {
                                assertThat(cell.getCellStyle().getQuotePrefixed())
                                        .as(sheet.getSheetName() + "!" + cell.getAddress() + " " + text).isTrue();
                            }
                            found.add(text);
                            riskyFound++;
                        }
                    }
                }
            }
        }
        return found;
    }

    /** The fields of an RFC 4180 file (quotes doubled inside quoted fields, CR and LF kept in them). */
    static List<List<String>> csv(Path file) throws IOException {
        String s = Files.readString(file, StandardCharsets.UTF_8);
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        return rows;
    }
}

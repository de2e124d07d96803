package org.sanlian.workbench.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanlian.workbench.core.check.Issue;
import org.sanlian.workbench.core.check.ValidationException;
import org.sanlian.workbench.core.model.AuditFilter;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.i18n.Messages;
import org.sanlian.workbench.io.excel.TemplateFormat;

/**
 * Returned templates altered after they were made, as someone might by hand or with another
 * program: the unit, period, scheme or signature in the hidden metadata or on the data sheet, the
 * layout (a row or a column added or removed), one unit's template passed off as another's. Each
 * is refused with a message that names the file and where, and nothing is written: no figure, no
 * audit line, no period. A template returned twice changes nothing the second time and says so.
 */
class TemplateTamperingTest {

    private static final Period Y2026 = Period.year(2026);
    private static final String MINE = "331102";
    private static final String OTHER = "331121";

    @TempDir
    Path dir;

    private WorkbenchDatabase db;
    private Path mine;
    private Path other;
    private static int tried;
    private static int refused;
    private static final Map<String, Integer> codes = new TreeMap<>();
    private static int twiceUnchanged;

    @BeforeEach
    void demo() throws IOException {
        db = WorkbenchDatabase.open(dir.resolve("work.db"));
        db.initDemo("办公室");
        List<TemplateService.Written> made = TemplateService.generate(db, Y2026, Optional.empty(),
                List.of(MINE, OTHER), dir.resolve("made"), "办公室").files();
        mine = fill(made.get(0).file(), dir.resolve("filled/mine.xlsx"), wb -> { });
        other = fill(made.get(1).file(), dir.resolve("filled/other.xlsx"), wb -> { });
    }

    @AfterEach
    void close() {
        db.close();
    }

    @AfterAll
    static void summary() {
        System.out.printf("TemplateTamperingTest: %d tampered templates tried (unit, period, scheme, scheme year, "
                + "signature, data-sheet unit and period, rows and columns added, removed or moved, metadata "
                + "removed, one unit's template passed off as another's), %d refused with the file and place named, "
                + "nothing written; refusals by kind %s; a template returned twice: %d second imports changed "
                + "nothing%n", tried, refused, codes, twiceUnchanged);
    }

    /** Fills every value of a template with 1.5 or 1, then applies {@code change}, as another program would. */
    private static Path fill(Path template, Path out, Consumer<XSSFWorkbook> change) throws IOException {
        XSSFWorkbook wb;
        try (InputStream in = Files.newInputStream(template)) {
            wb = new XSSFWorkbook(in);
        }
        try (wb) {
            Sheet s = wb.getSheet("填报表");
            for (Row row : s) {
                Cell code = row.getCell(1);
                if (row.getRowNum() < 5 || code == null) {
                    continue;
                }
                row.getCell(5).setCellValue(code.getStringCellValue().equals("QIYOU") ? 70 : 12);
            }
            change.accept(wb);
            Files.createDirectories(out.getParent());
            try (OutputStream o = Files.newOutputStream(out)) {
                wb.write(o);
            }
        }
        return out;
    }

    private static Sheet meta(XSSFWorkbook wb) {
        return wb.getSheet(TemplateFormat.META_SHEET);
    }

    private static void setMeta(XSSFWorkbook wb, int row, String value) {
        meta(wb).getRow(row).getCell(1).setCellValue(value);
    }

    private static String metaValue(XSSFWorkbook wb, int row) {
        return meta(wb).getRow(row).getCell(1).getStringCellValue();
    }

    private static Cell dataCell(XSSFWorkbook wb, String ref) {
        org.apache.poi.ss.util.CellReference r = new org.apache.poi.ss.util.CellReference(ref);
        Sheet s = wb.getSheet("填报表");
        Row row = s.getRow(r.getRow()) == null ? s.createRow(r.getRow()) : s.getRow(r.getRow());
        return row.getCell(r.getCol()) == null ? row.createCell(r.getCol()) : row.getCell(r.getCol());
    }

    private static int lastItemRow(XSSFWorkbook wb) {
        Sheet s = wb.getSheet("填报表");
        int last = 5;
        for (Row row : s) {
            if (row.getRowNum() >= 5 && row.getCell(1) != null && !row.getCell(1).getStringCellValue().isBlank()) {
                last = row.getRowNum();
            }
        }
        return last;
    }

    /** The alterations tried, each on a copy of the filled template of {@link #MINE}. */
    private Map<String, Consumer<XSSFWorkbook>> tamperings() throws IOException {
        Map<String, String> otherMeta = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(other); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            for (int row = 0; row < 8; row++) {
                otherMeta.put(String.valueOf(row), metaValue(wb, row));
            }
        }
        Map<String, Consumer<XSSFWorkbook>> t = new LinkedHashMap<>();
        t.put("metadata unit", wb -> setMeta(wb, 1, OTHER));
        t.put("metadata unit and the data sheet's unit alike", wb -> {
            setMeta(wb, 1, OTHER);
            dataCell(wb, "E2").setCellValue(OTHER);
        });
        t.put("metadata period", wb -> setMeta(wb, 2, "2025"));
        t.put("metadata period and the data sheet's period alike", wb -> {
            setMeta(wb, 2, "2025");
            dataCell(wb, "B3").setCellValue("2025");
        });
        t.put("metadata scheme code", wb -> setMeta(wb, 3, metaValue(wb, 3) + "X"));
        t.put("metadata scheme year", wb -> setMeta(wb, 4, String.valueOf(Integer.parseInt(metaValue(wb, 4)) - 1)));
        t.put("metadata item count", wb -> setMeta(wb, 6, String.valueOf(Integer.parseInt(metaValue(wb, 6)) - 1)));
        t.put("signature, one character changed", wb -> {
            String s = metaValue(wb, 7);
            setMeta(wb, 7, (s.charAt(0) == 'a' ? 'b' : 'a') + s.substring(1));
        });
        t.put("signature removed", wb -> setMeta(wb, 7, ""));
        t.put("data sheet unit", wb -> dataCell(wb, "E2").setCellValue(OTHER));
        t.put("data sheet period", wb -> dataCell(wb, "B3").setCellValue("2025"));
        t.put("a row added under the items", wb -> {
            int r = lastItemRow(wb) + 1;
            dataCell(wb, "B" + (r + 1)).setCellValue("GDP2");
            dataCell(wb, "F" + (r + 1)).setCellValue(5);
        });
        t.put("a row removed (the rows below moved up)", wb -> {
            Sheet s = wb.getSheet("填报表");
            s.removeRow(s.getRow(6));
            s.shiftRows(7, lastItemRow(wb), -1);
        });
        t.put("a row inserted between the items", wb -> wb.getSheet("填报表").shiftRows(7, lastItemRow(wb), 1));
        t.put("two items' codes swapped", wb -> {
            Cell a = dataCell(wb, "B6");
            Cell b = dataCell(wb, "B7");
            String x = a.getStringCellValue();
            a.setCellValue(b.getStringCellValue());
            b.setCellValue(x);
        });
        t.put("a column added beside the table", wb -> dataCell(wb, "J7").setCellValue(99));
        t.put("a column inserted before the values", wb -> wb.getSheet("填报表").shiftColumns(5, 7, 1));
        t.put("a column removed (values moved left)", wb -> wb.getSheet("填报表").shiftColumns(5, 7, -1));
        t.put("metadata sheet removed", wb -> wb.removeSheetAt(wb.getSheetIndex(TemplateFormat.META_SHEET)));
        t.put("data sheet renamed", wb -> wb.setSheetName(wb.getSheetIndex("填报表"), "Sheet1"));
        t.put("another unit's metadata, signature and all, under this unit's sheet", wb -> {
            for (Map.Entry<String, String> e : otherMeta.entrySet()) {
                setMeta(wb, Integer.parseInt(e.getKey()), e.getValue());
            }
        });
        t.put("another unit's signature", wb -> setMeta(wb, 7, otherMeta.get("7")));
        return t;
    }

    @Test
    void everyAlteredTemplateIsRefusedWithTheFileNamedAndNothingWritten() throws IOException {
        long audit = db.audit(AuditFilter.any()).size();
        List<Period> periods = db.periods();
        List<String> unrefused = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, Consumer<XSSFWorkbook>> t : tamperings().entrySet()) {
            Path altered = fill(mine, dir.resolve("tampered/" + (i++) + "-" + MINE + ".xlsx"), t.getValue());
            tried++;
            ValidationException e = catchThrowableOfType(ValidationException.class, () -> ImportService.importFiles(
                    db, ImportService.Kind.DATA, List.of(altered), Optional.empty(), "李四"));
            if (e == null) {
                unrefused.add(t.getKey());
                continue;
            }
            refused++;
            assertThat(e.issues()).as(t.getKey()).isNotEmpty().allSatisfy(issue -> {
                assertThat(issue.where()).as(t.getKey()).contains(altered.getFileName().toString());
                assertThat(Messages.get().describe(issue)).as(t.getKey()).doesNotContain("{0}").isNotBlank();
            });
            codes.merge(e.issues().get(0).code(), 1, Integer::sum);
            assertThat(db.audit(AuditFilter.any()).size()).as("nothing written: %s %s %s", t.getKey(), e.issues(),
                    db.audit(AuditFilter.any()).stream().filter(a -> !a.operator().equals("办公室")).toList())
                    .isEqualTo(audit);
            assertThat(db.periods()).isEqualTo(periods);
        }
        assertThat(unrefused).as("alterations that were accepted").isEmpty();
        // the untouched template still imports, so the refusals above were for the alterations alone
        assertThat(ImportService.importFiles(db, ImportService.Kind.DATA, List.of(mine), Optional.empty(), "李四")
                .files()).singleElement().satisfies(f -> assertThat(f.changed()).isPositive());
    }

    @Test
    void aTemplateReturnedTwiceChangesNothingTheSecondTimeAndSaysSo() throws IOException {
        ImportService.Report first = ImportService.importFiles(db, ImportService.Kind.DATA, List.of(mine),
                Optional.empty(), "李四");
        assertThat(first.files()).singleElement().satisfies(f -> assertThat(f.added()).isPositive());
        long audit = db.audit(AuditFilter.any()).size();
        Map<String, Double> values = db.assessment(Y2026, Optional.empty()).data().values(Y2026, MINE);

        Path again = Files.copy(mine, dir.resolve("again-" + MINE + ".xlsx"));
        ImportService.Report second = ImportService.importFiles(db, ImportService.Kind.DATA, List.of(again),
                Optional.empty(), "王五");
        assertThat(second.files()).singleElement().satisfies(f -> {
            assertThat(f.rows()).isPositive();
            assertThat(f.changed()).as("the second import changes nothing").isZero();
            assertThat(f.added()).isZero();
            assertThat(f.corrected()).isZero();
        });
        assertThat(db.audit(AuditFilter.any())).hasSize((int) audit);
        assertThat(db.assessment(Y2026, Optional.empty()).data().values(Y2026, MINE)).isEqualTo(values);
        twiceUnchanged++;

        // both copies in one import are refused: which one counts would be a guess
        Issue twice = catchThrowableOfType(ValidationException.class, () -> ImportService.importFiles(db,
                ImportService.Kind.DATA, List.of(mine, again), Optional.empty(), "王五")).issues().get(0);
        assertThat(twice.code()).isEqualTo("import.template-twice");
        assertThat(db.audit(AuditFilter.any())).hasSize((int) audit);
    }
}

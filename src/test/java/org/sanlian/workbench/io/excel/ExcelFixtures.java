package org.sanlian.workbench.io.excel;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.model.Scheme;
import org.sanlian.workbench.core.model.Unit;
import org.sanlian.workbench.io.data.FigureRows;
import org.sanlian.workbench.io.scheme.SchemeReader;

/**
 * The default 三链 scheme, a template key, and helpers that fill a template in as another program
 * would: open the file with POI, type into cells, save it under another name.
 */
final class ExcelFixtures {

    static final Path DEFAULT_SCHEME = Path.of("src/main/resources/org/sanlian/workbench/schemes/sanlian-2025.scheme.json");
    static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    static final String SHEET = "填报表";
    static final Period Y2025 = Period.year(2025);

    private static Scheme scheme;

    private ExcelFixtures() {
    }

    static synchronized Scheme scheme() {
        if (scheme == null) {
            scheme = SchemeReader.read(DEFAULT_SCHEME);
        }
        return scheme;
    }

    static Unit unit(String code) {
        return scheme().unit(code).orElseThrow();
    }

    /** Writes the 2025 template of {@code unit} (scheme year 2025) signed with {@link #KEY}. */
    static Path template(Path dir, String unit) {
        return template(dir, unit, KEY, Map.of("GDP", 300.0, "HTE", 150.0));
    }

    static Path template(Path dir, String unit, byte[] key, Map<String, Double> previous) {
        Path file = dir.resolve("t-" + unit + ".xlsx");
        TemplateWriter.write(new TemplateSpec(scheme(), 2025, Y2025, unit(unit), previous), key, "2026-01-05T08:00:00Z",
                file);
        return file;
    }

    /** A value for every item the default scheme asks a unit for, all within bounds. */
    static Map<String, Object> fullValues() {
        Map<String, Object> v = new HashMap<>();
        for (String code : FigureRows.unitCodes(scheme())) {
            boolean integer = scheme().input(code).map(i -> i.integer()).orElse(false);
            v.put(code, integer ? 7.0 : 12.25);
        }
        return v;
    }

    /** The context of reading against the default scheme kept as the scheme of 2025, with {@link #KEY}. */
    static WorkbookReader.Context context() {
        return context(Optional.of(KEY), scheme());
    }

    static WorkbookReader.Context context(Optional<byte[]> key, Scheme kept) {
        return new WorkbookReader.Context(FigureRows.Kind.DATA, scheme(),
                year -> year == 2025 ? Optional.of(kept) : Optional.empty(), key, WorkbookFiles.Limits.DEFAULT);
    }

    /** What to do to an opened workbook. */
    interface Edit {
        void apply(Workbook wb) throws IOException;
    }

    /** Opens {@code in}, applies {@code edit}, saves as {@code out}. */
    static Path edit(Path in, Path out, Edit edit) throws IOException {
        Workbook wb;
        try (InputStream stream = Files.newInputStream(in)) {
            wb = WorkbookFactory.create(stream);
        }
        try (wb) {
            edit.apply(wb);
            try (OutputStream o = Files.newOutputStream(out)) {
                wb.write(o);
            }
        }
        return out;
    }

    /** Fills values (Number or String) and notes into the rows of the given codes. */
    static Path fill(Path in, Path out, Map<String, ?> values, Map<String, String> notes) throws IOException {
        return edit(in, out, wb -> fillSheet(wb.getSheet(SHEET), values, notes));
    }

    static void fillSheet(Sheet sheet, Map<String, ?> values, Map<String, String> notes) {
        for (Row row : sheet) {
            if (row.getRowNum() < TemplateFormat.FIRST_ITEM_ROW) {
                continue;
            }
            Cell codeCell = row.getCell(TemplateFormat.COL_CODE);
            if (codeCell == null) {
                continue;
            }
            String code = codeCell.getStringCellValue();
            Object v = values.get(code);
            Cell value = row.getCell(TemplateFormat.COL_VALUE, Row.MissingCellPolicy.CREATE_NULL_AS_BLANK);
            if (v instanceof Number) {
                value.setCellValue(((Number) v).doubleValue());
            } else if (v instanceof String) {
                value.setCellValue((String) v);
            }
            String note = notes.get(code);
            if (note != null) {
                row.getCell(TemplateFormat.COL_NOTE, Row.MissingCellPolicy.CREATE_NULL_AS_BLANK).setCellValue(note);
            }
        }
    }

    /** The 1-based Excel row of a code in a fresh template of the default scheme. */
    static int rowOf(String code) {
        List<String> codes = FigureRows.unitCodes(scheme());
        return TemplateFormat.FIRST_ITEM_ROW + codes.indexOf(code) + 1;
    }
}

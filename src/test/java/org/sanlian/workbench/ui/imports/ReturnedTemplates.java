package org.sanlian.workbench.ui.imports;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.sanlian.workbench.Workbooks;
import org.sanlian.workbench.app.TemplateService;
import org.sanlian.workbench.app.WorkbenchDatabase;
import org.sanlian.workbench.core.model.Period;

/** Templates made by a database and returned filled in, as a unit's staff would (written with POI). */
public final class ReturnedTemplates {

    private ReturnedTemplates() {
    }

    /**
     * Makes {@code unit}'s template of {@code period} with the database {@code file} and returns it
     * in {@code returned}: every value 1, except the codes in {@code typed}, whose cells get that
     * text (a typo such as 三百 makes a problem at its cell).
     */
    public static Path returned(Path file, Period period, String unit, Path returned, Map<String, String> typed)
            throws IOException {
        Path made;
        try (WorkbenchDatabase db = WorkbenchDatabase.open(file)) {
            made = TemplateService.generate(db, period, Optional.empty(), List.of(unit),
                    returned.resolveSibling("made"), "办公室").files().get(0).file();
        }
        Path out = returned.resolve(made.getFileName());
        try (XSSFWorkbook wb = Workbooks.open(made)) {
            Sheet sheet = wb.getSheet("填报表");
            for (Row row : sheet) {
                Cell code = row.getCell(1);
                if (row.getRowNum() < 5 || code == null) {
                    continue;
                }
                String c = code.getStringCellValue();
                if (typed.containsKey(c)) {
                    row.getCell(5).setCellValue(typed.get(c));
                } else {
                    row.getCell(5).setCellValue(1);
                }
            }
            Files.createDirectories(returned);
            try (OutputStream o = Files.newOutputStream(out)) {
                wb.write(o);
            }
        }
        return out;
    }
}

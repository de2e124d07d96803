package org.sanlian.workbench.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanlian.workbench.core.check.Issue;
import org.sanlian.workbench.core.check.ValidationException;
import org.sanlian.workbench.core.model.AuditEntry;
import org.sanlian.workbench.core.model.AuditFilter;
import org.sanlian.workbench.core.model.DataSet;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.model.Scheme;
import org.sanlian.workbench.core.model.Unit;

/**
 * Templates end to end on the demo database: generated, filled in by another program (POI, ignoring
 * the protection as any program may), returned as a folder, imported all or nothing.
 */
class TemplateImportTest {

    private static final Period Y2026 = Period.year(2026);

    @TempDir
    Path dir;

    private WorkbenchDatabase db;
    private Scheme scheme;

    @BeforeEach
    void demo() {
        db = WorkbenchDatabase.open(dir.resolve("work.db"));
        db.initDemo("办公室");
        scheme = db.scheme(db.schemeFor(Y2026, Optional.empty()));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private TemplateService.Outcome generate(List<String> units) {
        return TemplateService.generate(db, Y2026, Optional.empty(), units, dir.resolve("out"), "办公室");
    }

    /** The value a unit types for a code: distinct per unit and code, whole where the input wants it. */
    private double typed(int unitIndex, String code) {
        boolean integer = scheme.input(code).map(i -> i.integer()).orElse(false);
        double v = 10 + unitIndex * 3 + Math.abs(code.hashCode() % 50);
        if (code.equals("QIYOU")) {
            v = 60 + unitIndex;
        }
        return integer ? v : v + 0.25;
    }

    /** Fills a template as another program would; {@code change} may alter the values before saving. */
    private Path fill(Path template, Path out, int unitIndex, Map<String, Double> overrides) throws IOException {
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
                String c = code.getStringCellValue();
                row.getCell(5).setCellValue(overrides.getOrDefault(c, typed(unitIndex, c)));
                row.getCell(7).setCellValue("来源：" + c);
            }
            Files.createDirectories(out.getParent());
            try (OutputStream o = Files.newOutputStream(out)) {
                wb.write(o);
            }
        }
        return out;
    }

    private Path returnAll(TemplateService.Outcome outcome, Path folder) throws IOException {
        for (TemplateService.Written w : outcome.files()) {
            fill(w.file(), folder.resolve(w.file().getFileName()), scheme.units().indexOf(w.unit()), Map.of());
        }
        return folder;
    }

    private List<Path> backups() throws IOException {
        Path folder = dir.resolve("backups");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }

    @Test
    void aFolderOfReturnedTemplatesWritesWhatWasTypedAndAuditsItUnderTheOperator() throws IOException {
        TemplateService.Outcome outcome = generate(List.of());
        assertThat(outcome.files()).hasSize(scheme.units().size());
        assertThat(outcome.keyCreated()).isTrue();
        Path returned = returnAll(outcome, dir.resolve("returned"));

        ImportService.Report report = ImportService.importFiles(db, ImportService.Kind.DATA, List.of(returned),
                Optional.empty(), "李四");

        assertThat(report.files()).hasSize(scheme.units().size()).allSatisfy(f -> {
            assertThat(f.template()).isPresent();
            assertThat(f.changed()).isEqualTo(f.rows());
            assertThat(f.added()).isEqualTo(f.rows());
            assertThat(f.corrected()).isZero();
            assertThat(f.warnings()).isEmpty();
        });
        assertThat(report.units()).extracting(ImportService.UnitSummary::unit)
                .containsExactlyElementsOf(scheme.units().stream().map(Unit::code).toList());
        DataSet data = db.assessment(Y2026, Optional.empty()).data();
        List<String> codes = new ArrayList<>();
        report.files().get(0).template().ifPresent(t -> assertThat(t.period()).isEqualTo(Y2026));
        for (int u = 0; u < scheme.units().size(); u++) {
            String unit = scheme.units().get(u).code();
            Map<String, Double> values = data.values(Y2026, unit);
            assertThat(values).isNotEmpty();
            for (Map.Entry<String, Double> e : values.entrySet()) {
                assertThat(e.getValue()).as(unit + " " + e.getKey()).isEqualTo(typed(u, e.getKey()));
                codes.add(e.getKey());
            }
        }
        List<AuditEntry> audit = db.audit(new AuditFilter(Optional.of("331102"), Optional.of("2026"),
                Optional.of("GDP"), Optional.empty(), Optional.of("figure"), Optional.empty(), Optional.empty(), 0));
        assertThat(audit).singleElement().satisfies(e -> {
            assertThat(e.operator()).isEqualTo("李四");
            assertThat(e.action()).isEqualTo("INSERT");
            assertThat(e.newValue().orElseThrow()).contains("来源：GDP");
        });
    }

    @Test
    void theSameTemplateReturnedAgainChangesNothingAndADifferentReturnIsACorrectionInTheAuditTrail()
            throws IOException {
        TemplateService.Outcome outcome = generate(List.of("331102"));
        Path template = outcome.files().get(0).file();
        Path first = fill(template, dir.resolve("r1/first.xlsx"), 0, Map.of());
        ImportService.importFiles(db, ImportService.Kind.DATA, List.of(first), Optional.empty(), "李四");

        ImportService.Report again = ImportService.importFiles(db, ImportService.Kind.DATA, List.of(first),
                Optional.empty(), "李四");
        assertThat(again.files()).singleElement().satisfies(f -> {
            assertThat(f.changed()).isZero();
            assertThat(f.rows()).isPositive();
        });

        Path second = fill(template, dir.resolve("r2/second.xlsx"), 0, Map.of("GDP", 444.5));
        ImportService.Report corrected = ImportService.importFiles(db, ImportService.Kind.DATA, List.of(second),
                Optional.empty(), "王五");
        assertThat(corrected.files()).singleElement().satisfies(f -> {
            assertThat(f.changed()).isEqualTo(1);
            assertThat(f.corrected()).isEqualTo(1);
            assertThat(f.added()).isZero();
        });
        assertThat(corrected.units()).singleElement().satisfies(u -> assertThat(u.corrected()).isEqualTo(1));
        assertThat(db.assessment(Y2026, Optional.empty()).data().value(Y2026, "331102", "GDP")).hasValue(444.5);
        List<AuditEntry> audit = db.audit(new AuditFilter(Optional.of("331102"), Optional.of("2026"),
                Optional.of("GDP"), Optional.of("王五"), Optional.empty(), Optional.empty(), Optional.empty(), 0));
        assertThat(audit).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("UPDATE");
            assertThat(e.oldValue().orElseThrow()).contains(Double.toString(typed(0, "GDP")));
            assertThat(e.newValue().orElseThrow()).contains("444.5");
        });
    }

    @Test
    void aFolderWithOneBadTemplateWritesNothingAndNamesTheBadCell() throws IOException {
        TemplateService.Outcome outcome = generate(List.of());
        Path returned = returnAll(outcome, dir.resolve("returned"));
        Path bad = returned.resolve(outcome.files().get(3).file().getFileName());
        fill(outcome.files().get(3).file(), bad, 3, Map.of("HTE", 2.5));
        long auditBefore = db.audit(AuditFilter.any()).size();
        List<Path> backupsBefore = backups();

        List<Issue> issues = catchThrowableOfType(ValidationException.class, () -> ImportService.importFiles(db,
                ImportService.Kind.DATA, List.of(returned), Optional.empty(), "李四")).issues();

        int hteRow = 6 + io().indexOf("HTE");
        assertThat(issues).extracting(Issue::where, Issue::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(bad + ":填报表!F" + hteRow, "csv.not-integer"));
        assertThat(db.audit(AuditFilter.any())).hasSize((int) auditBefore);
        assertThat(backups()).isEqualTo(backupsBefore);
        assertThat(db.periods()).doesNotContain(Y2026);
    }

    @Test
    void aTemplateFromAnotherDatabaseOrTwoTemplatesOfOneUnitAreRefused() throws IOException {
        Path mine = fill(generate(List.of("331102")).files().get(0).file(), dir.resolve("r/mine.xlsx"), 0, Map.of());
        try (WorkbenchDatabase other = WorkbenchDatabase.open(dir.resolve("other/work.db"))) {
            other.initDemo("别处");
            Path theirs = TemplateService.generate(other, Y2026, Optional.empty(), List.of("331121"),
                    dir.resolve("other/out"), "别处").files().get(0).file();
            Path filled = fill(theirs, dir.resolve("r/theirs.xlsx"), 1, Map.of());
            assertThat(catchThrowableOfType(ValidationException.class, () -> ImportService.importFiles(db,
                    ImportService.Kind.DATA, List.of(filled), Optional.empty(), "李四")).issues())
                    .extracting(Issue::code).containsExactly("excel.template-signature");
        }
        Path copy = Files.copy(mine, dir.resolve("r/mine-again.xlsx"));
        assertThat(catchThrowableOfType(ValidationException.class, () -> ImportService.importFiles(db,
                ImportService.Kind.DATA, List.of(mine, copy), Optional.empty(), "李四")).issues())
                .extracting(Issue::code).containsExactly("import.template-twice");
    }

    @Test
    void theKeyIsMadeOnceKeptAsASettingAndNeverShownInTheAuditTrail() throws IOException {
        TemplateService.Outcome first = generate(List.of("331102"));
        byte[] a = Files.readAllBytes(first.files().get(0).file());
        TemplateService.Outcome second = generate(List.of("331102", "331121"));
        assertThat(second.keyCreated()).isFalse();
        assertThat(second.files()).hasSize(2);
        assertThat(TemplateService.existingKey(db)).isPresent();
        List<AuditEntry> keyLines = db.audit(new AuditFilter(Optional.empty(), Optional.empty(),
                Optional.of(TemplateService.KEY_SETTING), Optional.empty(), Optional.of("setting"), Optional.empty(),
                Optional.empty(), 0));
        assertThat(keyLines).singleElement().satisfies(e -> {
            assertThat(e.operator()).isEqualTo("办公室");
            assertThat(e.newValue()).hasValue("{\"value\":\"(hidden)\"}");
        });
        assertThat(a).isNotEmpty();
    }

    @Test
    void unknownUnitsAndAFileGivenAsTheFolderAreRefusedBeforeAnythingIsWritten() throws IOException {
        List<Issue> issues = catchThrowableOfType(ValidationException.class, () -> TemplateService.generate(db, Y2026,
                Optional.empty(), List.of("331102", "999999"), dir.resolve("out"), "办公室")).issues();
        assertThat(issues).extracting(Issue::code).containsExactly("template.unknown-unit");
        assertThat(TemplateService.existingKey(db)).isEmpty();
        assertThat(dir.resolve("out")).doesNotExist();
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        assertThat(catchThrowableOfType(ValidationException.class, () -> TemplateService.generate(db, Y2026,
                Optional.empty(), List.of(), file, "办公室")).issues()).extracting(Issue::code)
                .containsExactly("template.out-not-folder");
    }

    @Test
    void lastPeriodsValuesComeFromTheDatabase() throws IOException {
        Path template = generate(List.of("331102")).files().get(0).file();
        Map<String, Double> shown = new HashMap<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(template))) {
            for (Row row : wb.getSheet("填报表")) {
                Cell prev = row.getCell(4);
                if (row.getRowNum() >= 5 && prev != null && prev.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
                    shown.put(row.getCell(1).getStringCellValue(), prev.getNumericCellValue());
                }
            }
        }
        Map<String, Double> kept = db.assessment(Period.year(2025), Optional.empty()).data()
                .values(Period.year(2025), "331102");
        assertThat(shown).isNotEmpty();
        shown.forEach((code, v) -> assertThat(kept.get(code)).as(code).isEqualTo(v));
    }

    private List<String> io() {
        return org.sanlian.workbench.io.data.FigureRows.unitCodes(scheme);
    }
}

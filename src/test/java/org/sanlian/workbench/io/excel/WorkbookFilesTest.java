package org.sanlian.workbench.io.excel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbookType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanlian.workbench.core.check.Issue;
import org.sanlian.workbench.core.check.ValidationException;

/** What is refused before a workbook is parsed: oversized files, zip bombs, macros, encryption, non-workbooks. */
class WorkbookFilesTest {

    @TempDir
    Path dir;

    private static List<Issue> refused(Path file) {
        return catchThrowableOfType(ValidationException.class,
                () -> WorkbookReader.read(file, ExcelFixtures.context())).issues();
    }

    private Path plainXlsx(String name) throws IOException {
        Path file = dir.resolve(name);
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            wb.createSheet("数据").createRow(0).createCell(0).setCellValue("period");
            wb.write(out);
        }
        return file;
    }

    @Test
    void aFileAboveTheSizeCapIsRefusedBeforeItIsOpened() throws IOException {
        Path big = dir.resolve("big.xlsx");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(WorkbookFiles.Limits.DEFAULT.maxFileBytes() + 1);
        }
        List<Issue> issues = refused(big);
        assertThat(issues).extracting(Issue::where, Issue::code).containsExactly(tuple(big.toString(), "excel.too-large"));
        assertThat(issues.get(0).args()).containsExactly(big.toString(), "20.0", "20.0");
    }

    @Test
    void aZipBombIsRefused() throws IOException {
        Path normal = ExcelFixtures.template(dir, "331102");
        Path bomb = dir.resolve("bomb.xlsx");
        // the same workbook, but its sheet XML padded with 50 MB of blanks: it inflates about 1000 times
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(normal));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(bomb))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                out.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                    String xml = new String(content, StandardCharsets.UTF_8);
                    int end = xml.lastIndexOf("</worksheet>");
                    out.write(xml.substring(0, end).getBytes(StandardCharsets.UTF_8));
                    byte[] blanks = new byte[1 << 20];
                    java.util.Arrays.fill(blanks, (byte) ' ');
                    for (int i = 0; i < 50; i++) {
                        out.write(blanks);
                    }
                    out.write(xml.substring(end).getBytes(StandardCharsets.UTF_8));
                } else {
                    out.write(content);
                }
                out.closeEntry();
            }
        }
        assertThat(Files.size(bomb)).isLessThan(WorkbookFiles.Limits.DEFAULT.maxFileBytes());
        assertThat(refused(bomb)).extracting(Issue::where, Issue::code)
                .containsExactly(tuple(bomb.toString(), "excel.zip-bomb"));
    }

    @Test
    void aWorkbookWithTemplateMetadataFarLargerThanAnyTemplateIsRefused() throws IOException {
        Path normal = ExcelFixtures.template(dir, "331102");
        Path padded = dir.resolve("padded.xlsx");
        java.util.Random random = new java.util.Random(4);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(normal));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(padded))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(in.readAllBytes());
                out.closeEntry();
            }
            // a part that does not inflate much: random text
            out.putNextEntry(new ZipEntry("docProps/padding.xml"));
            byte[] noise = new byte[3 << 20];
            random.nextBytes(noise);
            out.write(("<p>" + java.util.Base64.getEncoder().encodeToString(noise) + "</p>")
                    .getBytes(StandardCharsets.US_ASCII));
            out.closeEntry();
        }
        assertThat(Files.size(padded)).isGreaterThan(WorkbookFiles.Limits.DEFAULT.maxTemplateBytes());
        assertThat(refused(padded)).extracting(Issue::where, Issue::code)
                .containsExactly(tuple(padded.toString(), "excel.template-too-large"));
    }

    @Test
    void macroWorkbooksAreRefusedByNameAndByContent() throws IOException {
        Path xlsm = plainXlsx("returned.xlsm");
        assertThat(refused(xlsm)).extracting(Issue::code).containsExactly("excel.macro-workbook");

        Path disguised = dir.resolve("disguised.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(XSSFWorkbookType.XLSM); OutputStream out = Files.newOutputStream(disguised)) {
            wb.createSheet("数据");
            wb.write(out);
        }
        assertThat(refused(disguised)).extracting(Issue::code).containsExactly("excel.macro-workbook");

        Path xls = dir.resolve("macros.xls");
        try (HSSFWorkbook wb = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(xls)) {
            wb.createSheet("数据");
            wb.write(out);
        }
        try (POIFSFileSystem fs = new POIFSFileSystem(xls.toFile(), false)) {
            fs.getRoot().createDirectory("_VBA_PROJECT_CUR").createDocument("dir",
                    new ByteArrayInputStream(new byte[64]));
            fs.writeFilesystem();
        }
        assertThat(refused(xls)).extracting(Issue::code).containsExactly("excel.macro-workbook");
    }

    @Test
    void anEncryptedWorkbookIsRefused() throws Exception {
        Path plain = plainXlsx("plain.xlsx");
        Path encrypted = dir.resolve("encrypted.xlsx");
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor enc = info.getEncryptor();
            enc.confirmPassword("secret");
            try (OPCPackage opc = OPCPackage.open(plain.toFile()); OutputStream os = enc.getDataStream(fs)) {
                opc.save(os);
            }
            try (OutputStream out = Files.newOutputStream(encrypted)) {
                fs.writeFilesystem(out);
            }
        }
        assertThat(refused(encrypted)).extracting(Issue::code).containsExactly("excel.encrypted");
    }

    @Test
    void aWebPageOrCsvNamedXlsAndAnXlsbAreRefusedWithWhatToDo() throws IOException {
        Path html = dir.resolve("export.xls");
        Files.writeString(html, "<html><body><table><tr><td>period</td></tr></table></body></html>");
        assertThat(refused(html)).extracting(Issue::code).containsExactly("excel.not-a-workbook");
        Path csv = dir.resolve("data.xlsx");
        Files.writeString(csv, "period,unit,code,value\n2025,331102,GDP,1\n");
        assertThat(refused(csv)).extracting(Issue::code).containsExactly("excel.not-a-workbook");
        Path xlsb = dir.resolve("data.xlsb");
        Files.write(xlsb, new byte[] {1, 2, 3});
        assertThat(refused(xlsb)).extracting(Issue::code).containsExactly("excel.binary-workbook");
    }

    @Test
    void aWorkbookUnderTheCapsIsOpenedReadOnlyAndLeftUnchanged() throws IOException {
        Path file = ExcelFixtures.template(dir, "331102");
        byte[] before = Files.readAllBytes(file);
        List<String> sheets = WorkbookFiles.read(file, WorkbookFiles.Limits.DEFAULT, WorkbookFiles.Opened::sheetNames);
        assertThat(sheets).containsExactly("填报表", "填报说明", TemplateFormat.META_SHEET);
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }
}

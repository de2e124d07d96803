package org.sanlian.workbench.io.excel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.OldExcelFormatException;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.sanlian.workbench.core.check.Issue;
import org.sanlian.workbench.core.check.ValidationException;
import org.sanlian.workbench.io.data.FileProblems;
import org.xml.sax.SAXException;

/**
 * Opens a workbook to read, refusing before anything is parsed what should not be read: files above
 * the size cap, zip bombs (POI's {@link ZipSecureFile} limits: least inflate ratio, largest entry),
 * workbooks with macros (.xlsm, or a VBA project inside), encrypted workbooks, and files that are
 * no workbook at all (an HTML page or a CSV file named .xls, as some systems export them).
 * The format is told by the file's content, not its name; the file is never written.
 */
public final class WorkbookFiles {

    /** The caps a workbook must stay under. */
    public record Limits(long maxFileBytes, long maxXlsBytes, long maxTemplateBytes, double minInflateRatio,
                         long maxEntryBytes) {
        /**
         * 20 MB for an .xlsx on disk (200,000 figures take about 4 MB; plain .xlsx sheets are
         * streamed, so memory follows the figures, not the file); 10 MB for an .xls (read whole:
         * it holds 65,536 rows at most); 1 MB for a template (about 10 KB as written, read whole);
         * no entry may inflate more than 100 times (POI's ratio 0.01) nor beyond 100 MB.
         */
        public static final Limits DEFAULT = new Limits(20L << 20, 10L << 20, 1L << 20, 0.01, 100L << 20);
    }

    /** An opened workbook: its sheets' names, and either the object model or the streamed first sheet. */
    static final class Opened implements AutoCloseable {
        private final long size;
        private final List<String> sheets;
        private final OPCPackage pkg;
        private Workbook workbook;

        private Opened(long size, List<String> sheets, OPCPackage pkg, Workbook workbook) {
            this.size = size;
            this.sheets = List.copyOf(sheets);
            this.pkg = pkg;
            this.workbook = workbook;
        }

        List<String> sheetNames() {
            return sheets;
        }

        long size() {
            return size;
        }

        boolean streamed() {
            return pkg != null;
        }

        /** The object model (an .xlsx is parsed whole here: only for small files, templates). */
        Workbook workbook() throws IOException {
            if (workbook == null) {
                workbook = new XSSFWorkbook(pkg);
            }
            return workbook;
        }

        /** Every non-empty row of the first sheet, in order. */
        void firstSheetRows(SheetStream.RowSink sink) throws IOException {
            if (pkg == null) {
                Sheet sheet = workbook.getSheetAt(0);
                for (Row row : sheet) {
                    List<RawCell> cells = new ArrayList<>();
                    row.forEach(c -> cells.add(RawCell.of(c)));
                    if (!cells.isEmpty()) {
                        sink.row(row.getRowNum(), cells);
                    }
                }
                return;
            }
            try {
                XSSFReader reader = new XSSFReader(pkg);
                ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
                Iterator<InputStream> it = reader.getSheetsData();
                try (InputStream sheet = it.next()) {
                    SheetStream.read(sheet, strings, reader.getStylesTable(), sink);
                }
            } catch (OpenXML4JException | SAXException e) {
                throw new IOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            if (pkg != null) {
                pkg.revert();   // read-only: nothing is ever written back
            } else {
                workbook.close();
            }
        }
    }

    private WorkbookFiles() {
    }

    /** Whether the name says workbook (.xlsx, .xls, and the kinds refused with a reason: .xlsm, .xlsb ...). */
    public static boolean isWorkbookName(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".xlsx") || n.endsWith(".xls") || n.endsWith(".xlsm") || n.endsWith(".xlsb")
                || n.endsWith(".xltx") || n.endsWith(".xltm") || n.endsWith(".xlam");
    }

    /** A workbook with POI's zip limits in force while {@code work} reads it; refusals name the reason. */
    interface Work<T> {
        T run(Opened opened) throws IOException;
    }

    /**
     * Opens {@code file} read-only, runs {@code work} on it with the zip limits in force, and closes
     * it. Refusals are thrown with the reason and what to do.
     */
    static <T> T read(Path file, Limits limits, Work<T> work) {
        String name = file.toString();
        String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (lower.endsWith(".xlsm") || lower.endsWith(".xltm") || lower.endsWith(".xlam")) {
            throw new ValidationException(Issue.of(name, "excel.macro-workbook", name));
        }
        if (lower.endsWith(".xlsb")) {
            throw new ValidationException(Issue.of(name, "excel.binary-workbook", name));
        }
        long size;
        FileMagic magic;
        try {
            size = Files.size(file);
            if (size > limits.maxFileBytes()) {
                throw new ValidationException(Issue.of(name, "excel.too-large", name, megabytes(size),
                        megabytes(limits.maxFileBytes())));
            }
            magic = FileMagic.valueOf(file.toFile());
        } catch (IOException e) {
            throw FileProblems.unreadable(name, e);
        }
        if (magic == FileMagic.OLE2 && size > limits.maxXlsBytes()) {
            throw new ValidationException(Issue.of(name, "excel.too-large", name, megabytes(size),
                    megabytes(limits.maxXlsBytes())));
        }
        if (magic == FileMagic.BIFF2 || magic == FileMagic.BIFF3 || magic == FileMagic.BIFF4) {
            throw new ValidationException(Issue.of(name, "excel.too-old", name));
        }
        if (magic != FileMagic.OOXML && magic != FileMagic.OLE2) {
            throw new ValidationException(Issue.of(name, "excel.not-a-workbook", name));
        }
        // POI keeps its zip limits in statics: set them, and hold them, for the whole read
        synchronized (ZipSecureFile.class) {
            ZipSecureFile.setMinInflateRatio(limits.minInflateRatio());
            ZipSecureFile.setMaxEntrySize(limits.maxEntryBytes());
            try (Opened opened = magic == FileMagic.OOXML ? openOoxml(file, name, size) : openOle2(file, name, size)) {
                return work.run(opened);
            } catch (ValidationException e) {
                throw e;
            } catch (IOException | RuntimeException | InvalidFormatException e) {
                throw translate(name, e);
            }
        }
    }

    private static Opened openOoxml(Path file, String name, long size) throws InvalidFormatException, IOException {
        OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        try {
            boolean macros = !pkg.getPartsByContentType(XSSFRelation.VBA_MACROS.getContentType()).isEmpty()
                    || !pkg.getPartsByContentType(XSSFRelation.MACROS_WORKBOOK.getContentType()).isEmpty()
                    || !pkg.getPartsByContentType(XSSFRelation.MACRO_TEMPLATE_WORKBOOK.getContentType()).isEmpty()
                    || !pkg.getPartsByContentType(XSSFRelation.MACRO_ADDIN_WORKBOOK.getContentType()).isEmpty();
            if (macros) {
                throw new ValidationException(Issue.of(name, "excel.macro-workbook", name));
            }
            if (pkg.getPartsByContentType(XSSFRelation.WORKBOOK.getContentType()).isEmpty()
                    && pkg.getPartsByContentType(XSSFRelation.TEMPLATE_WORKBOOK.getContentType()).isEmpty()) {
                throw new ValidationException(Issue.of(name, "excel.not-a-workbook", name));
            }
            List<String> sheets = new ArrayList<>();
            XSSFReader.SheetIterator it = new XSSFReader(pkg).getSheetIterator();
            while (it.hasNext()) {
                it.next().close();
                sheets.add(it.getSheetName());
            }
            if (sheets.isEmpty()) {
                throw new ValidationException(Issue.of(name, "excel.no-sheets", name));
            }
            return new Opened(size, sheets, pkg, null);
        } catch (OpenXML4JException e) {
            pkg.revert();
            throw new IOException(e);
        } catch (IOException | RuntimeException e) {
            pkg.revert();
            throw e;
        }
    }

    private static Opened openOle2(Path file, String name, long size) throws IOException {
        POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true);
        try {
            DirectoryNode root = fs.getRoot();
            if (root.hasEntry("EncryptedPackage") || root.hasEntry("EncryptionInfo")) {
                throw new ValidationException(Issue.of(name, "excel.encrypted", name));
            }
            if (root.hasEntry("_VBA_PROJECT_CUR") || root.hasEntry("Macros") || root.hasEntry("_VBA_PROJECT")) {
                throw new ValidationException(Issue.of(name, "excel.macro-workbook", name));
            }
            if (!root.hasEntry("Workbook") && !root.hasEntry("WORKBOOK") && !root.hasEntry("BOOK")
                    && !root.hasEntry("Book")) {
                throw new ValidationException(Issue.of(name, "excel.not-a-workbook", name));
            }
            HSSFWorkbook wb = new HSSFWorkbook(root, fs, true);
            List<String> sheets = new ArrayList<>();
            for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                sheets.add(wb.getSheetName(i));
            }
            if (sheets.isEmpty()) {
                wb.close();
                throw new ValidationException(Issue.of(name, "excel.no-sheets", name));
            }
            return new Opened(size, sheets, null, wb);
        } catch (IOException | RuntimeException e) {
            fs.close();
            throw e;
        }
    }

    /** A Java class name that a wrapped exception's message starts with ("java.io.IOException: "). */
    private static final java.util.regex.Pattern CLASS_NAME =
            java.util.regex.Pattern.compile("(?:[a-z_$][\\w$]*\\.)*[A-Z][\\w$]*(?:Exception|Error):\\s*");

    /** POI's exceptions as the reasons a person can act on. */
    private static ValidationException translate(String name, Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ValidationException) {
                return (ValidationException) t;
            }
            String message = String.valueOf(t.getMessage());
            if (message.contains("Zip bomb") || message.contains("max allowed overall size")
                    || message.contains("more internal file entries")) {
                return new ValidationException(Issue.of(name, "excel.zip-bomb", name));
            }
            if (t instanceof EncryptedDocumentException) {
                return new ValidationException(Issue.of(name, "excel.encrypted", name));
            }
            if (t instanceof OldExcelFormatException) {
                return new ValidationException(Issue.of(name, "excel.too-old", name));
            }
            if (t instanceof NotOfficeXmlFileException) {
                return new ValidationException(Issue.of(name, "excel.not-a-workbook", name));
            }
        }
        return new ValidationException(Issue.of(name, "excel.unreadable", name, detail(e)));
    }

    /**
     * What POI said went wrong, for the maintainers, without Java's class names (a person reading
     * "InvalidFormatException" takes it for a crash): the innermost message, or "?" when none.
     */
    static String detail(Throwable e) {
        String said = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                said = t.getMessage();
            }
        }
        return said == null ? "?" : CLASS_NAME.matcher(said).replaceAll("").strip();
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / 1048576.0);
    }
}

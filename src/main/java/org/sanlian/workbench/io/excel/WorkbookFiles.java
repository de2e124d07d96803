package org.sanlian.workbench.io.excel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.OldExcelFormatException;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.sanlian.workbench.core.check.Issue;
import org.sanlian.workbench.core.check.ValidationException;

/**
 * Opens a workbook to read, refusing before anything is parsed what should not be read: files above
 * the size cap, zip bombs (POI's {@link ZipSecureFile} limits: least inflate ratio, largest entry),
 * workbooks with macros (.xlsm, or a VBA project inside), encrypted workbooks, and files that are
 * no workbook at all (an HTML page or a CSV file named .xls, as some systems export them).
 * The format is told by the file's content, not its name.
 */
public final class WorkbookFiles {

    /** The caps a workbook must stay under. */
    public record Limits(long maxFileBytes, double minInflateRatio, long maxEntryBytes) {
        /**
         * 20 MB on disk (a template is about 10 KB; 200,000 figures in a plain workbook about 5 MB);
         * an entry may not inflate more than 100 times (POI's default ratio 0.01) nor beyond 200 MB.
         */
        public static final Limits DEFAULT = new Limits(20L << 20, 0.01, 200L << 20);
    }

    private WorkbookFiles() {
    }

    /** Whether the name says workbook (.xlsx, .xls, and the kinds refused with a reason: .xlsm, .xlsb ...). */
    public static boolean isWorkbookName(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".xlsx") || n.endsWith(".xls") || n.endsWith(".xlsm") || n.endsWith(".xlsb")
                || n.endsWith(".xltx") || n.endsWith(".xltm") || n.endsWith(".xlam");
    }

    /** Opens {@code file} read-only; the caller closes it. Refusals are thrown with the reason and what to do. */
    public static Workbook open(Path file, Limits limits) {
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
                throw new ValidationException(Issue.of(name, "excel.too-large", name, megabytes(size), megabytes(limits.maxFileBytes())));
            }
            magic = FileMagic.valueOf(file.toFile());
        } catch (IOException e) {
            throw new ValidationException(Issue.of(name, "file.unreadable", name, String.valueOf(e.getMessage())));
        }
        synchronized (ZipSecureFile.class) {
            ZipSecureFile.setMinInflateRatio(limits.minInflateRatio());
            ZipSecureFile.setMaxEntrySize(limits.maxEntryBytes());
            try {
                if (magic == FileMagic.OOXML) {
                    return openOoxml(file, name);
                }
                if (magic == FileMagic.OLE2) {
                    return openOle2(file, name);
                }
            } catch (ValidationException e) {
                throw e;
            } catch (IOException | RuntimeException | InvalidFormatException e) {
                throw translate(name, e);
            }
        }
        if (magic == FileMagic.BIFF2 || magic == FileMagic.BIFF3 || magic == FileMagic.BIFF4) {
            throw new ValidationException(Issue.of(name, "excel.too-old", name));
        }
        throw new ValidationException(Issue.of(name, "excel.not-a-workbook", name));
    }

    private static Workbook openOoxml(Path file, String name) throws InvalidFormatException, IOException {
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
            return new XSSFWorkbook(pkg);
        } catch (IOException | RuntimeException e) {
            pkg.revert();
            throw e;
        }
    }

    private static Workbook openOle2(Path file, String name) throws IOException {
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
            return new HSSFWorkbook(root, fs, true);
        } catch (IOException | RuntimeException e) {
            fs.close();
            throw e;
        }
    }

    /** POI's exceptions as the reasons a person can act on. */
    private static ValidationException translate(String name, Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
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
        return new ValidationException(Issue.of(name, "excel.unreadable", name, e.getClass().getSimpleName() + ": " + e.getMessage()));
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / 1048576.0);
    }
}

package org.sanlian.workbench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFPicture;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFShape;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Reading written workbooks back in tests: sheets, cells as text, fills, charts and pictures. */
public final class Workbooks {

    private Workbooks() {
    }

    public static XSSFWorkbook open(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The file's zip entries in order, each as its name and a digest of its bytes; pictures
     * ({@code xl/media/*.png}) as their name and pixel size only, since Java2D's rasterising of a
     * chart's glyphs is not promised to be byte-stable from one JVM state to another (a CI run once
     * saw one picture differ between two exports of one bulletin while every other part agreed).
     */
    public static List<String> partsWithPicturesBySize(Path file) {
        List<String> out = new ArrayList<>();
        try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(Files.newInputStream(file))) {
            for (java.util.zip.ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                byte[] bytes = zip.readAllBytes();
                if (e.getName().startsWith("xl/media/") && e.getName().endsWith(".png")) {
                    java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(bytes));
                    out.add(e.getName() + " png " + image.getWidth() + "x" + image.getHeight());
                } else {
                    out.add(e.getName() + " " + java.util.HexFormat.of().formatHex(
                            java.security.MessageDigest.getInstance("SHA-256").digest(bytes)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    public static List<String> sheetNames(XSSFWorkbook wb) {
        List<String> out = new ArrayList<>();
        wb.forEach(s -> out.add(s.getSheetName()));
        return out;
    }

    /** The row's cells as text, numbers as Java's shortest form (12.5, 3.0), blanks as "". */
    public static List<String> row(XSSFSheet sheet, int r) {
        List<String> out = new ArrayList<>();
        XSSFRow row = sheet.getRow(r);
        if (row == null) {
            return out;
        }
        for (int c = 0; c < row.getLastCellNum(); c++) {
            out.add(text(row.getCell(c)));
        }
        return out;
    }

    public static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() == CellType.NUMERIC) {
            return Double.toString(cell.getNumericCellValue());
        }
        if (cell.getCellType() == CellType.STRING) {
            return cell.getStringCellValue();
        }
        if (cell.getCellType() == CellType.BLANK) {
            return "";
        }
        return cell.getCellType() + ":" + new DataFormatter().formatCellValue(cell);
    }

    /** Every cell of every sheet as "sheet!A1=type:value:style-format", in order: what tests compare. */
    public static List<String> cells(XSSFWorkbook wb) {
        List<String> out = new ArrayList<>();
        for (org.apache.poi.ss.usermodel.Sheet s : wb) {
            for (Row r : s) {
                for (Cell c : r) {
                    out.add(s.getSheetName() + "!" + new CellReference(c).formatAsString(false) + "=" + c.getCellType()
                            + ":" + text(c) + ":" + c.getCellStyle().getDataFormatString());
                }
            }
        }
        return out;
    }

    /** The RGB hex of a cell's solid fill, or "" without one. */
    public static String fill(XSSFCell cell) {
        XSSFCellStyle style = cell.getCellStyle();
        XSSFColor color = style.getFillForegroundXSSFColor();
        if (color == null || style.getFillPattern() != org.apache.poi.ss.usermodel.FillPatternType.SOLID_FOREGROUND) {
            return "";
        }
        return color.getARGBHex().substring(2);
    }

    public static List<XSSFChart> charts(XSSFSheet sheet) {
        XSSFDrawing d = sheet.getDrawingPatriarch();
        return d == null ? List.of() : d.getCharts();
    }

    public static List<XSSFPicture> pictures(XSSFSheet sheet) {
        List<XSSFPicture> out = new ArrayList<>();
        XSSFDrawing d = sheet.getDrawingPatriarch();
        if (d != null) {
            for (XSSFShape shape : d.getShapes()) {
                if (shape instanceof XSSFPicture) {
                    out.add((XSSFPicture) shape);
                }
            }
        }
        return out;
    }
}

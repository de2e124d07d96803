package org.sanlian.workbench.ui.commitments;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A block of cells copied from Excel (or another spreadsheet): rows separated by line breaks,
 * cells by tabs. Excel ends the block with a line break, which makes no row; a cell Excel quoted
 * (it held a line break or a quote) is read without its quotes.
 */
public final class PastedBlock {

    private PastedBlock() {
    }

    /** The rows of cells of {@code text}, trimmed; a trailing empty line is dropped. */
    public static List<List<String>> rows(String text) {
        String t = text.replace("\r\n", "\n").replace('\r', '\n');
        if (t.endsWith("\n")) {
            t = t.substring(0, t.length() - 1);
        }
        List<List<String>> out = new ArrayList<>();
        for (String line : t.split("\n", -1)) {
            List<String> cells = new ArrayList<>();
            for (String cell : Arrays.asList(line.split("\t", -1))) {
                cells.add(unquote(cell.strip()));
            }
            out.add(cells);
        }
        return out;
    }

    /** Whether {@code text} is more than one cell (then it is pasted across the grid, not into one field). */
    public static boolean isBlock(String text) {
        String t = text.strip();
        return t.indexOf('\t') >= 0 || t.indexOf('\n') >= 0 || t.indexOf('\r') >= 0;
    }

    private static String unquote(String cell) {
        if (cell.length() >= 2 && cell.startsWith("\"") && cell.endsWith("\"")) {
            return cell.substring(1, cell.length() - 1).replace("\"\"", "\"").strip();
        }
        return cell;
    }
}

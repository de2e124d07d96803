package org.sanlian.workbench.ui.imports;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.sanlian.workbench.core.check.Issue;
import org.sanlian.workbench.i18n.Messages;

/**
 * One line of the check's report: a problem (which stops the import) or a warning (which does not),
 * the file it is in, where in the file (line and column, or sheet and cell), and what is wrong and
 * what to do, as a sentence.
 */
public record ReportRow(Severity severity, String file, String place, String message) {

    /** Whether a row stops the import. */
    public enum Severity { ERROR, WARNING }

    private static final Pattern LINE_COLUMN = Pattern.compile("(\\d+):(\\d+)");
    private static final Pattern LINE = Pattern.compile("\\d+");

    /**
     * {@code issue} as a row: its place is what follows the name of the file it names (the issue's
     * {@code where} is {@code file:line:column} or {@code file:sheet!cell}); a place of no file
     * read (a folder, a missing file) is named whole.
     */
    public static ReportRow of(Severity severity, Issue issue, List<Path> files) {
        Messages m = Messages.get();
        String message = m.text("issue." + issue.code(), issue.args().toArray());
        String where = issue.where();
        Path file = null;
        for (Path f : files) {
            String name = f.toString();
            if ((where.equals(name) || where.startsWith(name + ":"))
                    && (file == null || name.length() > file.toString().length())) {
                file = f;
            }
        }
        if (file == null) {
            return new ReportRow(severity, where, "", message);
        }
        String rest = where.length() > file.toString().length() ? where.substring(file.toString().length() + 1) : "";
        return new ReportRow(severity, String.valueOf(file.getFileName()), place(rest), message);
    }

    /** {@code 12:4} as 第 12 行第 4 列, {@code 12} as 第 12 行; a sheet and cell as they are. */
    static String place(String rest) {
        Matcher lc = LINE_COLUMN.matcher(rest);
        if (lc.matches()) {
            return Messages.get().text("ui.import.place.line-column", lc.group(1), lc.group(2));
        }
        if (LINE.matcher(rest).matches()) {
            return Messages.get().text("ui.import.place.line", rest);
        }
        return rest;
    }
}

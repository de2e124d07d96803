package org.sanlian.workbench.app;

import java.util.List;
import org.sanlian.workbench.core.model.AuditEntry;
import org.sanlian.workbench.io.csv.AuditCsvWriter;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.sanlian.workbench.core.scoring.PeriodResult;
import org.sanlian.workbench.core.sensitivity.SensitivityResult;
import org.sanlian.workbench.io.csv.ResultCsvWriter;
import org.sanlian.workbench.io.data.FileProblems;

/**
 * Writes result files (FORMATS.md) whole or not at all: each goes to a temporary file beside the
 * target and is moved into place when complete, so a failure never leaves half a file.
 */
public final class ResultFiles {

    private ResultFiles() {
    }

    @FunctionalInterface
    private interface Content {
        void write(Writer out) throws IOException;
    }

    public static void writeResults(PeriodResult result, Path out) {
        write(out, w -> ResultCsvWriter.writeResults(result, w));
    }

    public static void writeDetail(PeriodResult result, Path out) {
        write(out, w -> ResultCsvWriter.writeDetail(result, w));
    }

    public static void writeBottom(PeriodResult result, Path out) {
        write(out, w -> ResultCsvWriter.writeBottom(result, w));
    }

    public static void writeSensitivity(SensitivityResult result, Path out) {
        write(out, w -> ResultCsvWriter.writeSensitivity(result, w));
    }

    /** The audit trail as CSV ({@code db audit --out}). */
    public static void writeAudit(List<AuditEntry> entries, Path out) {
        write(out, w -> AuditCsvWriter.write(entries, w));
    }

    /** The audit trail as CSV, to standard output or another writer. */
    public static void writeAudit(List<AuditEntry> entries, Writer out) throws IOException {
        AuditCsvWriter.write(entries, out);
    }

    private static void write(Path target, Content content) {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Path tmp = null;
        try {
            if (dir != null) {
                Files.createDirectories(dir);
            }
            tmp = Files.createTempFile(dir, "." + absolute.getFileName(), ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                content.write(w);
            }
            try {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw FileProblems.unwritable(target, e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the temporary file is hidden and harmless
                }
            }
        }
    }
}

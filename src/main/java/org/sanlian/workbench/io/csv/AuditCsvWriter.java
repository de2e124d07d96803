package org.sanlian.workbench.io.csv;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.sanlian.workbench.core.model.AuditEntry;

/** The audit trail as CSV: {@code id,at,operator,entity,action,unit,period,code,old,new}, oldest first. */
public final class AuditCsvWriter {

    private AuditCsvWriter() {
    }

    public static void write(List<AuditEntry> entries, Writer out) throws IOException {
        ResultCsvWriter.line(out, List.of("id", "at", "operator", "entity", "action", "unit", "period", "code", "old",
                "new"));
        for (AuditEntry e : entries) {
            ResultCsvWriter.line(out, List.of(Long.toString(e.id()), e.at(), e.operator(), e.entity(), e.action(),
                    e.unit().orElse(""), e.period().orElse(""), e.code().orElse(""), e.oldValue().orElse(""),
                    e.newValue().orElse("")));
        }
        out.flush();
    }
}

package org.sanlian.workbench.io.excel;

import java.util.List;

/** What a written workbook holds: its sheets in order, its native charts and its pictures. */
public record WorkbookSummary(List<String> sheets, int nativeCharts, int pictures) {
    public WorkbookSummary {
        sheets = List.copyOf(sheets);
    }
}

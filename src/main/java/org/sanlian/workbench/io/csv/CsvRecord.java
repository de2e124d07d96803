package org.sanlian.workbench.io.csv;

import java.util.List;

/**
 * One record of a CSV file: its fields and the physical line it starts on. {@code malformed} is set
 * when the tokenizer has already reported a problem with it (bad quoting, bad encoding), so readers
 * skip it instead of piling further, misleading issues on top.
 */
record CsvRecord(int line, List<CsvField> fields, boolean malformed) {

    CsvRecord {
        fields = List.copyOf(fields);
    }

    /** Whether every cell is blank after trimming (an empty line, or a line of only commas). */
    boolean blank() {
        for (int i = 0; i < fields.size(); i++) {
            if (!fields.get(i).text().isBlank()) {
                return false;
            }
        }
        return true;
    }
}

package org.sanlian.workbench.io.csv;

/**
 * One field of a CSV record as written in the file (not yet trimmed), with where it starts:
 * {@code line} is the physical line (1-based) and {@code column} the field's 1-based position in
 * its record, which is its position in the header's order.
 */
record CsvField(String text, int line, int column) {

    /** The cell as the readers use it: surrounding white space (including U+3000) removed. */
    String cell() {
        return text.strip();
    }
}

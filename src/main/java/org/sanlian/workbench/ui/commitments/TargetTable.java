package org.sanlian.workbench.ui.commitments;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

import org.sanlian.workbench.app.CommitmentService;
import org.sanlian.workbench.app.CommitmentService.Carried;
import org.sanlian.workbench.app.CommitmentService.Earlier;
import org.sanlian.workbench.app.CommitmentService.Key;
import org.sanlian.workbench.app.CommitmentService.Reading;
import org.sanlian.workbench.app.CommitmentService.Subject;
import org.sanlian.workbench.core.check.Issue;
import org.sanlian.workbench.core.model.Indicator;
import org.sanlian.workbench.core.model.Scheme;

/**
 * One grid of targets on the commitments screen, its rows (units for the commitments, zones for the
 * zone targets) by its indicators, and how typed, pasted or carried text goes into its cells: each
 * cell read and checked by {@link CommitmentService#read} against the scheme that scores the period.
 */
public record TargetTable(Scheme scheme, List<Subject> rows, List<Indicator> columns) {

    /** What a block pasted into the table gives: the cells taken, the cells refused, and how many fell outside. */
    public record Pasted(Map<Key, OptionalDouble> cells, List<Issue> refused, int outside) {
    }

    public TargetTable {
        Objects.requireNonNull(scheme, "scheme");
        rows = List.copyOf(rows);
        columns = List.copyOf(columns);
    }

    public boolean isEmpty() {
        return rows.isEmpty() || columns.isEmpty();
    }

    public boolean hasColumn(String code) {
        return columnIndex(code) >= 0;
    }

    public int rowIndex(String code) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).code().equals(code)) {
                return i;
            }
        }
        return -1;
    }

    public int columnIndex(String code) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).code().equals(code)) {
                return i;
            }
        }
        return -1;
    }

    /** Every cell of the table, row by row. */
    public List<Key> keys() {
        return CommitmentService.keys(rows, columns);
    }

    /** How many of the table's cells have a target in {@code targets}. */
    public int filled(Map<Key, Double> targets) {
        return (int) keys().stream().filter(targets::containsKey).count();
    }

    /** Reads {@code text} typed into a cell; empty when the table has no such cell. */
    public Optional<Reading> read(String row, String code, String text) {
        int r = rowIndex(row);
        int c = columnIndex(code);
        if (r < 0 || c < 0) {
            return Optional.empty();
        }
        return Optional.of(read(rows.get(r), columns.get(c), text));
    }

    private Reading read(Subject row, Indicator column, String text) {
        return CommitmentService.read(scheme, column, text, row.name() + " · " + column.name());
    }

    /**
     * Reads a block copied from Excel with its top left cell at row {@code row0}, column {@code col0}: rows go
     * down the table, cells across its indicators, in the order shown.
     */
    public Pasted paste(int row0, int col0, String block) {
        Map<Key, OptionalDouble> cells = new LinkedHashMap<>();
        List<Issue> refused = new ArrayList<>();
        int outside = 0;
        List<List<String>> lines = PastedBlock.rows(block);
        for (int r = 0; r < lines.size(); r++) {
            for (int c = 0; c < lines.get(r).size(); c++) {
                int row = row0 + r;
                int col = col0 + c;
                String text = lines.get(r).get(c);
                if (row >= rows.size() || col >= columns.size()) {
                    outside += text.isEmpty() ? 0 : 1;
                    continue;
                }
                Subject s = rows.get(row);
                Indicator i = columns.get(col);
                Reading reading = read(s, i, text);
                if (reading.ok()) {
                    cells.put(new Key(s.code(), i.code()), reading.value());
                } else {
                    refused.add(reading.problem().get());
                }
            }
        }
        return new Pasted(cells, refused, outside);
    }

    /** The earlier targets of this table's empty cells in {@code current} (沿用上期), each checked as typed. */
    public Carried carry(Earlier earlier, Map<Key, Double> current) {
        return CommitmentService.carry(scheme, rows, columns, earlier, current);
    }
}

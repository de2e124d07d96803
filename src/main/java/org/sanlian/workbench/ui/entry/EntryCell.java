package org.sanlian.workbench.ui.entry;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * What one cell of the grid holds: its value (empty for an explicit missing figure, kept for its
 * note), its note and its source. A cell without value and note is no figure at all.
 */
public record EntryCell(OptionalDouble value, String note, String source) {

    public EntryCell {
        Objects.requireNonNull(value, "value");
        note = note == null ? "" : note.strip();
        source = source == null ? "" : source.strip();
    }

    /** Whether this cell holds nothing worth keeping. */
    public boolean blank() {
        return value.isEmpty() && note.isEmpty();
    }

    public EntryCell withValue(OptionalDouble newValue, String newSource) {
        return new EntryCell(newValue, note, newSource);
    }

    public EntryCell withNoteAndSource(String newNote, String newSource) {
        return new EntryCell(value, newNote, newSource);
    }
}

package org.sanlian.workbench.ui.entry;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The grid's content at one moment: the cells by unit and code. Immutable, with a meaningful
 * {@code equals}, so that {@code EditHistory} keeps whole states (a paste is one state, one undo
 * step) and knows when the grid is back to what was saved.
 */
public final class EntryGrid {

    /** A cell's place: unit code and figure code. */
    public record Key(String unit, String code) {
        public Key {
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(code, "code");
        }
    }

    public static final EntryGrid EMPTY = new EntryGrid(Map.of());

    private final Map<Key, EntryCell> cells;

    public EntryGrid(Map<Key, EntryCell> cells) {
        Map<Key, EntryCell> kept = new HashMap<>();
        cells.forEach((k, c) -> {
            if (!c.blank()) {
                kept.put(k, c);
            }
        });
        this.cells = Map.copyOf(kept);
    }

    public Optional<EntryCell> cell(String unit, String code) {
        return Optional.ofNullable(cells.get(new Key(unit, code)));
    }

    public Optional<EntryCell> cell(Key key) {
        return Optional.ofNullable(cells.get(key));
    }

    /** Whether the cell holds a value. */
    public boolean filled(String unit, String code) {
        EntryCell c = cells.get(new Key(unit, code));
        return c != null && c.value().isPresent();
    }

    /** A grid with the given cells replaced (a blank cell removes the figure). */
    public EntryGrid with(Map<Key, EntryCell> changed) {
        if (changed.isEmpty()) {
            return this;
        }
        Map<Key, EntryCell> copy = new HashMap<>(cells);
        changed.forEach((k, c) -> {
            if (c.blank()) {
                copy.remove(k);
            } else {
                copy.put(k, c);
            }
        });
        return new EntryGrid(copy);
    }

    public Map<Key, EntryCell> cells() {
        return cells;
    }

    /** The places whose content differs from {@code other}'s. */
    public Set<Key> differences(EntryGrid other) {
        Set<Key> out = new LinkedHashSet<>();
        Set<Key> all = new LinkedHashSet<>(cells.keySet());
        all.addAll(other.cells.keySet());
        for (Key k : all) {
            if (!Objects.equals(cells.get(k), other.cells.get(k))) {
                out.add(k);
            }
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EntryGrid && ((EntryGrid) o).cells.equals(cells);
    }

    @Override
    public int hashCode() {
        return cells.hashCode();
    }
}

package org.sanlian.workbench.ui.entry;

import java.util.Objects;

/**
 * One row of the data entry grid: a unit with its zone, or the summary row at the bottom that
 * shows how many units have each column filled.
 */
public record EntryRow(String unit, String name, String zone, String zoneName, boolean summary) {

    public EntryRow {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(zoneName, "zoneName");
    }

    public static EntryRow of(String unit, String name, String zone, String zoneName) {
        return new EntryRow(unit, name, zone, zoneName, false);
    }

    /** The summary row (its name is shown in the unit column). */
    public static EntryRow summary(String title) {
        return new EntryRow("", title, "", "", true);
    }
}

package org.sanlian.workbench.ui.entry;

import java.util.Objects;

/**
 * One row of the data entry grid: a unit with its zone, the city row (全市数) below the units whose
 * cells hold the city's own totals, or the summary row at the bottom that shows how many units have
 * each column filled.
 */
public record EntryRow(String unit, String name, String zone, String zoneName, boolean summary) {

    public EntryRow {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(zoneName, "zoneName");
    }

    /** The unit code that the city row and its cells go by in the grid (no unit has it). */
    public static final String CITY = "#city";

    public static EntryRow of(String unit, String name, String zone, String zoneName) {
        return new EntryRow(unit, name, zone, zoneName, false);
    }

    /** The city row (全市数), under the units (its name is shown in the unit column). */
    public static EntryRow city(String title) {
        return new EntryRow(CITY, title, "", "", false);
    }

    /** Whether this is the city row. */
    public boolean city() {
        return !summary && CITY.equals(unit);
    }

    /** The summary row (its name is shown in the unit column). */
    public static EntryRow summary(String title) {
        return new EntryRow("", title, "", "", true);
    }
}

package org.sanlian.workbench.core.model;

/** The kind of assessment period: a year (2025), a half (2025H1) or a quarter (2025Q3). */
public enum PeriodKind {
    YEAR(1), HALF(2), QUARTER(4);

    private final int perYear;

    PeriodKind(int perYear) {
        this.perYear = perYear;
    }

    public int perYear() {
        return perYear;
    }
}

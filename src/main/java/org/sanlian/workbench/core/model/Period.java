package org.sanlian.workbench.core.model;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An assessment period: {@code 2025}, {@code 2025H1} or {@code 2025Q3}. Ordered in time within a kind. */
public record Period(int year, PeriodKind kind, int part) implements Comparable<Period> {

    private static final Pattern FORM = Pattern.compile("(\\d{4})(?:([HQ])(\\d))?");

    public Period {
        if (year < 1000 || year > 9999) {
            throw new IllegalArgumentException("year out of range: " + year);
        }
        if (part < 1 || part > kind.perYear()) {
            throw new IllegalArgumentException("part out of range: " + part);
        }
    }

    public static Period year(int year) {
        return new Period(year, PeriodKind.YEAR, 1);
    }

    /** Reads {@code 2025}, {@code 2025H1}, {@code 2025Q3}; empty when the text is none of these. */
    public static Optional<Period> parse(String text) {
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(m.group(1));
        if (m.group(2) == null) {
            return Optional.of(year(year));
        }
        PeriodKind kind = m.group(2).equals("H") ? PeriodKind.HALF : PeriodKind.QUARTER;
        int part = Integer.parseInt(m.group(3));
        if (part < 1 || part > kind.perYear()) {
            return Optional.empty();
        }
        return Optional.of(new Period(year, kind, part));
    }

    /** The previous period of the same kind: 2025 -> 2024, 2025H1 -> 2024H2, 2025Q1 -> 2024Q4. */
    public Period previous() {
        if (part > 1) {
            return new Period(year, kind, part - 1);
        }
        return new Period(year - 1, kind, kind.perYear());
    }

    @Override
    public int compareTo(Period o) {
        int c = Integer.compare(year, o.year);
        if (c != 0) {
            return c;
        }
        c = kind.compareTo(o.kind);
        return c != 0 ? c : Integer.compare(part, o.part);
    }

    /**
     * Written out rather than left to the record: periods are map keys everywhere, and a record's
     * generated equality is linked at its first use, which costs a fresh process (every command) about
     * 25 ms.
     */
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof Period p && p.year == year && p.kind == kind && p.part == part;
    }

    @Override
    public int hashCode() {
        return (year * 31 + kind.ordinal()) * 31 + part;
    }

    @Override
    public String toString() {
        switch (kind) {
            case HALF: return year + "H" + part;
            case QUARTER: return year + "Q" + part;
            default: return Integer.toString(year);
        }
    }
}

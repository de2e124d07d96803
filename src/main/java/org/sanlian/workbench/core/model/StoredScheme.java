package org.sanlian.workbench.core.model;

import java.util.OptionalInt;

/**
 * A scheme as the database keeps it: the assessment year it serves, its JSON text (FORMATS.md),
 * and the year it was copied from, if any.
 */
public record StoredScheme(long id, int year, String code, String name, String json, OptionalInt copiedFrom,
                           String changedAt) {
}

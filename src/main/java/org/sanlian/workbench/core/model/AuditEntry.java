package org.sanlian.workbench.core.model;

import java.util.Optional;

/**
 * One line of the audit trail: who changed what and when. {@code entity} names the kind of record
 * (figure, city_figure, target, coverage, scheme, bulletin, interview, setting); {@code action} is INSERT, UPDATE
 * or DELETE; the old and new content are JSON, empty for an insert or a delete.
 */
public record AuditEntry(long id, String at, String operator, String entity, String action, Optional<String> unit,
                         Optional<String> period, Optional<String> code, Optional<String> oldValue,
                         Optional<String> newValue) {
}

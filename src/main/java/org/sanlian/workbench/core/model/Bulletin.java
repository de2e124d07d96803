package org.sanlian.workbench.core.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A published bulletin (通报): the frozen results of a period under a scheme year, with its number,
 * date, and the SHA-256 of its content (hex, lower case). Never changed once kept.
 */
public record Bulletin(long id, String number, LocalDate publishedOn, int schemeYear, Period period,
                       String contentHash, String content, String operator, String createdAt) {
    public Bulletin {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(publishedOn, "publishedOn");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(contentHash, "contentHash");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}

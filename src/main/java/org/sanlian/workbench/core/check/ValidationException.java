package org.sanlian.workbench.core.check;

import java.util.List;

/** Thrown when input is refused as a whole; carries every issue found, not only the first. */
public final class ValidationException extends RuntimeException {

    private final transient List<Issue> issues;

    public ValidationException(List<Issue> issues) {
        super(issues.isEmpty() ? "invalid" : issues.get(0) + (issues.size() > 1 ? " (+" + (issues.size() - 1) + ")" : ""));
        if (issues.isEmpty()) {
            throw new IllegalArgumentException("a validation failure needs at least one issue");
        }
        this.issues = List.copyOf(issues);
    }

    public ValidationException(Issue issue) {
        this(List.of(issue));
    }

    public List<Issue> issues() {
        return issues;
    }
}

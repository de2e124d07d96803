package org.sanlian.workbench.io.excel;

import java.util.ArrayList;
import java.util.List;

import org.sanlian.workbench.core.check.Issue;
import org.sanlian.workbench.core.check.ValidationException;

/**
 * The problems and warnings found in one workbook, in the order found. Only the first
 * {@link #LIMIT} of each are kept (a workbook in the wrong layout can yield one per cell); the rest
 * are counted in one closing issue.
 */
final class Findings {

    static final int LIMIT = 1000;

    private final String source;
    private final List<Issue> errors = new ArrayList<>();
    private final List<Issue> warnings = new ArrayList<>();
    private int droppedErrors;
    private int droppedWarnings;

    Findings(String source) {
        this.source = source;
    }

    void error(Issue issue) {
        if (errors.size() < LIMIT) {
            errors.add(issue);
        } else {
            droppedErrors++;
        }
    }

    void errors(List<Issue> issues) {
        issues.forEach(this::error);
    }

    void warn(Issue issue) {
        if (warnings.size() < LIMIT) {
            warnings.add(issue);
        } else {
            droppedWarnings++;
        }
    }

    /** How many warnings were given so far, kept or not. */
    int warningCount() {
        return warnings.size() + droppedWarnings;
    }

    boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** Throws every problem at once; returns normally when there is none. */
    void throwIfErrors() {
        if (errors.isEmpty()) {
            return;
        }
        List<Issue> all = new ArrayList<>(errors);
        if (droppedErrors > 0) {
            all.add(Issue.of(source, "excel.more-issues", droppedErrors));
        }
        throw new ValidationException(all);
    }

    List<Issue> warnings() {
        List<Issue> all = new ArrayList<>(warnings);
        if (droppedWarnings > 0) {
            all.add(Issue.of(source, "excel.more-warnings", droppedWarnings));
        }
        return List.copyOf(all);
    }
}

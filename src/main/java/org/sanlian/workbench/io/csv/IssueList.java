package org.sanlian.workbench.io.csv;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.sanlian.workbench.core.check.Issue;
import org.sanlian.workbench.core.check.ValidationException;

/**
 * The issues found in one file, in file order. Every issue is counted, but only the first
 * {@link #LIMIT} are kept: a file in the wrong layout can yield one issue per cell, and a million
 * lines of complaints help nobody. The rest are summed up in one {@code csv.more-issues}.
 */
final class IssueList implements Consumer<Issue> {

    static final int LIMIT = 1000;

    private final String source;
    private final List<Issue> kept = new ArrayList<>();
    private int dropped;

    IssueList(String source) {
        this.source = source;
    }

    @Override
    public void accept(Issue issue) {
        if (kept.size() < LIMIT) {
            kept.add(issue);
        } else {
            dropped++;
        }
    }

    boolean isEmpty() {
        return kept.isEmpty();
    }

    /** Throws every issue found at once; returns normally when there is none. */
    void throwIfAny() {
        if (kept.isEmpty()) {
            return;
        }
        List<Issue> all = new ArrayList<>(kept);
        if (dropped > 0) {
            all.add(Issue.of(source, "csv.more-issues", dropped));
        }
        throw new ValidationException(all);
    }
}

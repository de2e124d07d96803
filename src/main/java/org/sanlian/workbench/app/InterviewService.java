package org.sanlian.workbench.app;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.sanlian.workbench.core.check.Issue;
import org.sanlian.workbench.core.check.ValidationException;
import org.sanlian.workbench.core.model.Bulletin;
import org.sanlian.workbench.core.model.Interview;
import org.sanlian.workbench.core.model.InterviewStatus;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.store.BulletinRepository;
import org.sanlian.workbench.store.InterviewRepository;

/**
 * The follow-up of bottom-list interviews (末位约谈): a unit's interviews across all periods, and one
 * added, changed or removed, each in one transaction recorded under the operator (the interview
 * table's triggers write the audit lines). What an assessment office expects of a record is checked
 * first ({@link #check}); a refused record writes nothing. Rules, and why, in docs/window.md (末位约谈).
 */
public final class InterviewService {

    /** The statuses that close an interview: its deadline no longer matters. */
    public static final Set<InterviewStatus> CLOSED = EnumSet.of(InterviewStatus.DONE, InterviewStatus.CANCELLED);
    /** The statuses that say the interview took place: they need the date it was held and who attended. */
    public static final Set<InterviewStatus> TOOK_PLACE = EnumSet.of(InterviewStatus.HELD, InterviewStatus.RECTIFYING,
            InterviewStatus.DONE);

    /** Newest first: the latest period, then the latest date held (undated last), then the latest added. */
    public static final Comparator<Interview> NEWEST_FIRST = Comparator.comparing(Interview::period).reversed()
            .thenComparing((Interview i) -> i.heldOn().orElse(LocalDate.MIN), Comparator.reverseOrder())
            .thenComparing(Interview::id, Comparator.reverseOrder());

    private InterviewService() {
    }

    /** The interviews of a unit in every period, newest first. */
    public static List<Interview> ofUnit(WorkbenchDatabase db, String unit) {
        List<Interview> out = new ArrayList<>(db.database().read(c -> InterviewRepository.list(c, Optional.of(unit),
                Optional.empty())));
        out.sort(NEWEST_FIRST);
        return out;
    }

    /** The numbers of the bulletins published for a period (what an interview of that period may link), newest first. */
    public static List<String> bulletins(WorkbenchDatabase db, Period period) {
        return db.database().read(c -> BulletinRepository.list(c)).stream()
                .filter(b -> b.period().equals(period)).map(Bulletin::number).toList();
    }

    /**
     * What is wrong with a record, one issue each (empty when it may be kept):
     * <ul>
     * <li>the deadline may not come before the date held (rectification follows the interview);</li>
     * <li>held, rectifying and done need the date held and who attended (the minutes name them);</li>
     * <li>rectifying and done need the rectification plan, and rectifying its deadline (what is
     * followed up and by when).</li>
     * </ul>
     */
    public static List<Issue> check(Interview i) {
        List<Issue> out = new ArrayList<>();
        String where = i.unit() + " · " + i.period();
        if (i.heldOn().isPresent() && i.deadline().isPresent() && i.deadline().get().isBefore(i.heldOn().get())) {
            out.add(Issue.of(where, "interview.deadline-before-held", i.deadline().get(), i.heldOn().get()));
        }
        if (TOOK_PLACE.contains(i.status())) {
            if (i.heldOn().isEmpty()) {
                out.add(Issue.of(where, "interview.held-date-needed"));
            }
            if (i.attendees().isBlank()) {
                out.add(Issue.of(where, "interview.attendees-needed"));
            }
        }
        if ((i.status() == InterviewStatus.RECTIFYING || i.status() == InterviewStatus.DONE) && i.plan().isBlank()) {
            out.add(Issue.of(where, "interview.plan-needed"));
        }
        if (i.status() == InterviewStatus.RECTIFYING && i.deadline().isEmpty()) {
            out.add(Issue.of(where, "interview.deadline-needed"));
        }
        return out;
    }

    /** Whether an open interview's deadline has passed by {@code today}. */
    public static boolean overdue(Interview i, LocalDate today) {
        return !CLOSED.contains(i.status()) && i.deadline().isPresent() && i.deadline().get().isBefore(today);
    }

    /** Keeps a new interview (its id ignored) and returns it with its id; refused as {@link #check} says. */
    public static Interview add(WorkbenchDatabase db, Interview i, String operator) {
        Interview clean = stripped(i);
        refuseProblems(db, clean);
        long id = db.database().write(operator, c -> InterviewRepository.add(c, clean, operator, db.database().now()));
        return new Interview(id, clean.unit(), clean.period(), clean.bulletin(), clean.heldOn(), clean.attendees(),
                clean.plan(), clean.deadline(), clean.status());
    }

    /** Changes the follow-up of a kept interview (unit, period and bulletin stay); refused as {@link #check} says. */
    public static void update(WorkbenchDatabase db, Interview i, String operator) {
        Interview clean = stripped(i);
        refuseProblems(db, clean);
        db.database().write(operator, c -> {
            InterviewRepository.update(c, clean, operator, db.database().now());
            return null;
        });
    }

    /** Removes a kept interview. */
    public static void delete(WorkbenchDatabase db, long id, String operator) {
        db.requireWritable();
        db.database().write(operator, c -> {
            InterviewRepository.delete(c, id);
            return null;
        });
    }

    private static void refuseProblems(WorkbenchDatabase db, Interview i) {
        db.requireWritable();
        List<Issue> problems = check(i);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }

    private static Interview stripped(Interview i) {
        return new Interview(i.id(), i.unit(), i.period(), i.bulletin().map(String::strip).filter(b -> !b.isEmpty()),
                i.heldOn(), i.attendees().strip(), i.plan().strip(), i.deadline(), i.status());
    }
}

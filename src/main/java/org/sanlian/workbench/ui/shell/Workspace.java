package org.sanlian.workbench.ui.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import org.sanlian.workbench.app.WorkbenchDatabase;
import org.sanlian.workbench.core.model.BackupFile;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.model.StoredScheme;
import org.sanlian.workbench.ui.common.TaskExecutor;

/**
 * What every screen of the window shares: the open database, the scheme year and the period chosen
 * at the top, the operator every write is recorded under, and a summary of the database's content
 * (schemes, periods, published years, the demo mark, the newest backup). It is one immutable
 * {@link State} in one property, so a screen sees a consistent whole and can tell what changed: a
 * new database, new content (the {@code revision} moves whenever any screen wrote, or a backup was
 * restored), another year or another period.
 *
 * <p>Screens change the content through {@code app} and then call {@link #reload}; they move the
 * selection with {@link #selectYear} and {@link #selectPeriod}. The window asks first whether the
 * shown screen may be left (unsaved edits) before it changes the selection for the user.
 */
public final class Workspace {

    /** The database's content as the top bar, the status bar and the screens' headers need it. */
    public record Content(List<StoredScheme> schemes, Set<Integer> publishedYears, List<Period> periods,
                          List<Period> periodsWithFigures, boolean simulated, Optional<BackupFile> lastBackup) {

        public static final Content EMPTY = new Content(List.of(), Set.of(), List.of(), List.of(), false,
                Optional.empty());

        public Content {
            schemes = List.copyOf(schemes);
            publishedYears = Set.copyOf(publishedYears);
            periods = List.copyOf(periods);
            periodsWithFigures = List.copyOf(periodsWithFigures);
            Objects.requireNonNull(lastBackup, "lastBackup");
        }

        /** Reads it (in the background: it queries the database and lists the backup folder). */
        public static Content read(WorkbenchDatabase db) {
            return new Content(db.schemes(), db.publishedSchemeYears(), db.allPeriods(), db.periods(),
                    db.holdsDemoData(), db.lastBackup());
        }

        /** The years that have a scheme, in order. */
        public List<Integer> years() {
            return schemes.stream().map(StoredScheme::year).toList();
        }

        /** The period a newly opened database is shown with: the latest with figures, else the latest. */
        public Optional<Period> firstPeriod() {
            return last(periodsWithFigures).or(() -> last(periods));
        }

        /** The scheme year a newly opened database is shown with: the one that scores {@link #firstPeriod()}, else the latest. */
        public Optional<Integer> firstYear() {
            return firstPeriod().flatMap(this::schemeYearFor).or(() -> last(years()));
        }

        public Optional<StoredScheme> scheme(int year) {
            return schemes.stream().filter(s -> s.year() == year).findFirst();
        }

        /** The year whose scheme scores {@code period}: its own year's, else the latest earlier one, else the earliest. */
        public Optional<Integer> schemeYearFor(Period period) {
            Integer best = null;
            for (StoredScheme s : schemes) {
                if (s.year() <= period.year()) {
                    best = s.year();
                }
            }
            if (best == null && !schemes.isEmpty()) {
                best = schemes.get(0).year();
            }
            return Optional.ofNullable(best);
        }

        public Content withLastBackup(BackupFile backup) {
            return new Content(schemes, publishedYears, periods, periodsWithFigures, simulated, Optional.of(backup));
        }
    }

    /**
     * Everything shared, at one moment. {@code revision} counts the content changes of the open
     * database (0 when it was opened).
     */
    public record State(Optional<WorkbenchDatabase> database, Content content, Optional<Integer> year,
                        Optional<Period> period, String operator, long revision) {

        public static final State NONE = new State(Optional.empty(), Content.EMPTY, Optional.empty(),
                Optional.empty(), "", 0);

        public State {
            Objects.requireNonNull(database, "database");
            Objects.requireNonNull(content, "content");
            Objects.requireNonNull(year, "year");
            Objects.requireNonNull(period, "period");
            Objects.requireNonNull(operator, "operator");
        }

        public boolean readOnly() {
            return database.map(WorkbenchDatabase::readOnly).orElse(true);
        }

        /** Whether the chosen year's scheme was used by a published bulletin (it cannot change). */
        public boolean yearPublished() {
            return year.map(content.publishedYears()::contains).orElse(false);
        }

        /** Whether {@code other} shows the same database with the same content (selection aside). */
        public boolean sameContent(State other) {
            return other != null && sameDatabase(other) && revision == other.revision;
        }

        public boolean sameDatabase(State other) {
            return other != null && database.orElse(null) == other.database.orElse(null);
        }

        State with(Content c, Optional<Integer> y, Optional<Period> p, String op, long rev) {
            return new State(database, c, y, p, op, rev);
        }

        // written out: the record's generated equality is linked at its first use, on the window's
        // thread at every start (docs/performance.md, "Start-up of the window")
        @Override
        public boolean equals(Object o) {
            return o == this || o instanceof State s && revision == s.revision && database.equals(s.database)
                    && year.equals(s.year) && period.equals(s.period) && operator.equals(s.operator)
                    && content.equals(s.content);
        }

        @Override
        public int hashCode() {
            return Objects.hash(database, content, year, period, operator, revision);
        }
    }

    private final TaskExecutor executor;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.NONE);
    private Consumer<? super Throwable> errors = e -> { };
    private Predicate<String> screens = id -> false;
    /** A screen's first reading of the attached database, made while it was opened (EarlyOpen); null when none. */
    private Object early;
    private State earlyOf = State.NONE;

    public Workspace(TaskExecutor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public State state() {
        return state.get();
    }

    public Optional<WorkbenchDatabase> database() {
        return state.get().database();
    }

    public Optional<Integer> year() {
        return state.get().year();
    }

    public Optional<Period> period() {
        return state.get().period();
    }

    /** The name every write of this window is recorded under. */
    public String operator() {
        return state.get().operator();
    }

    public TaskExecutor executor() {
        return executor;
    }

    /** Where a failed reload is reported (the window shows it). */
    public void onError(Consumer<? super Throwable> handler) {
        this.errors = Objects.requireNonNull(handler, "handler");
    }

    /** Where a screen's wish to show another screen goes (the window: it asks about unsaved edits first). */
    public void onScreenRequest(Predicate<String> handler) {
        this.screens = Objects.requireNonNull(handler, "handler");
    }

    /**
     * Asks the window to show the screen {@code id} (the overview's blocks lead to their screens);
     * false when the window has no such screen, and then nothing happens.
     */
    public boolean showScreen(String id) {
        return screens.test(id);
    }

    /**
     * Shows a newly opened database: the latest period with figures (else the latest period), and
     * the year whose scheme scores it (else the latest year).
     */
    public void attach(WorkbenchDatabase db, Content content, String operator) {
        attach(db, content, operator, Optional.empty());
    }

    /**
     * As {@link #attach(WorkbenchDatabase, Content, String)}, with a screen's first reading of {@code db}
     * made while it was opened, read from the same content ({@link ScreenRegistry#readEarly}): the screen
     * takes it ({@link #takeEarly}) instead of reading again.
     */
    public void attach(WorkbenchDatabase db, Content content, String operator, Optional<Object> reading) {
        State attached = new State(Optional.of(db), content, content.firstYear(), content.firstPeriod(), operator, 0);
        early = reading.orElse(null);
        earlyOf = attached;
        state.set(attached);
    }

    /**
     * The first reading made while the database was opened, when it is a {@code type} and the content
     * has not changed since (no other screen wrote): given once, then forgotten.
     */
    public <T> Optional<T> takeEarly(Class<T> type) {
        Object reading = early;
        if (reading == null || !type.isInstance(reading)) {
            return Optional.empty();
        }
        early = null;
        return state.get().sameContent(earlyOf) ? Optional.of(type.cast(reading)) : Optional.empty();
    }

    /** Shows no database (the caller closes it). */
    public void detach() {
        early = null;
        state.set(State.NONE);
    }

    /** Reads the content again after a change; the chosen year and period stay when they still exist. */
    public void reload() {
        reload(() -> { });
    }

    /** As {@link #reload()}, then runs {@code then} (on the screen's thread) once the new content is shown. */
    public void reload(Runnable then) {
        State at = state.get();
        if (at.database().isEmpty()) {
            then.run();
            return;
        }
        WorkbenchDatabase db = at.database().get();
        executor.execute(() -> Content.read(db), content -> {
            State now = state.get();
            if (now.database().orElse(null) != db) {
                return; // another database was opened meanwhile
            }
            Optional<Integer> year = now.year().filter(content.years()::contains).or(() -> last(content.years()));
            Optional<Period> period = now.period().filter(content.periods()::contains).or(content::firstPeriod);
            state.set(now.with(content, year, period, now.operator(), now.revision() + 1));
            then.run();
        }, errors);
    }

    /** Chooses the scheme year (it must have a scheme). */
    public void selectYear(int year) {
        State now = state.get();
        if (!now.content().years().contains(year)) {
            throw new IllegalArgumentException("no scheme for " + year);
        }
        if (!now.year().equals(Optional.of(year))) {
            state.set(now.with(now.content(), Optional.of(year), now.period(), now.operator(), now.revision()));
        }
    }

    /** Chooses the period; the scheme year follows to the one that scores it. */
    public void selectPeriod(Period period) {
        State now = state.get();
        if (!now.content().periods().contains(period)) {
            throw new IllegalArgumentException("no such period " + period);
        }
        Optional<Integer> year = now.content().schemeYearFor(period).or(now::year);
        if (!now.period().equals(Optional.of(period)) || !now.year().equals(year)) {
            state.set(now.with(now.content(), year, Optional.of(period), now.operator(), now.revision()));
        }
    }

    /** The operator changed (the content did not). */
    public void setOperator(String operator) {
        State now = state.get();
        state.set(now.with(now.content(), now.year(), now.period(), Objects.requireNonNull(operator), now.revision()));
    }

    /** A backup was taken: the status bar names it (the content did not change). */
    public void backupTaken(BackupFile backup) {
        State now = state.get();
        state.set(now.with(now.content().withLastBackup(backup), now.year(), now.period(), now.operator(),
                now.revision()));
    }

    private static <T> Optional<T> last(List<T> list) {
        return list.isEmpty() ? Optional.empty() : Optional.of(new ArrayList<>(list).get(list.size() - 1));
    }
}

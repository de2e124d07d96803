package org.sanlian.workbench.ui.periods;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.sanlian.workbench.app.PeriodSummary;
import org.sanlian.workbench.app.WorkbenchDatabase;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.model.PeriodKind;
import org.sanlian.workbench.core.model.StoredScheme;
import org.sanlian.workbench.i18n.Messages;
import org.sanlian.workbench.ui.common.ErrorText;
import org.sanlian.workbench.ui.common.TaskExecutor;
import org.sanlian.workbench.ui.results.ResultFormat;
import org.sanlian.workbench.ui.shell.Workspace;

/**
 * The periods screen's state: the kept periods with how many figures each holds and whether it
 * was published, the schemes by year, adding a period (checked as a data file's period is, and of
 * the kind of the scheme that will score it), and copying the chosen year's scheme to a new year.
 * Both writes go through {@code app} under the workspace's operator.
 */
public final class PeriodsViewModel {

    /** A scheme year as listed: its scheme, the year it was copied from, and whether a bulletin used it. */
    public record SchemeRow(int year, String name, Optional<Integer> copiedFrom, String changedAt,
                            boolean published, PeriodKind kind) {
    }

    private final Workspace workspace;
    private final TaskExecutor executor;
    private final ObservableList<PeriodSummary> periods = FXCollections.observableArrayList();
    private final ObservableList<SchemeRow> schemes = FXCollections.observableArrayList();
    private final ObservableList<PeriodSummary> periodsView = FXCollections.unmodifiableObservableList(periods);
    private final ObservableList<SchemeRow> schemesView = FXCollections.unmodifiableObservableList(schemes);
    private final Map<Integer, PeriodKind> kinds = new HashMap<>();
    private final StringProperty newPeriod = new SimpleStringProperty(this, "newPeriod", "");
    private final StringProperty newYear = new SimpleStringProperty(this, "newYear", "");
    private final ReadOnlyStringWrapper periodProblem = new ReadOnlyStringWrapper(this, "periodProblem", "");
    private final ReadOnlyStringWrapper yearProblem = new ReadOnlyStringWrapper(this, "yearProblem", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper writable = new ReadOnlyBooleanWrapper(this, "writable");
    private long generation;

    /** What the background load hands back. */
    private record Loaded(List<PeriodSummary> periods, List<SchemeRow> schemes) {
    }

    public PeriodsViewModel(Workspace workspace, TaskExecutor executor) {
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        this.executor = Objects.requireNonNull(executor, "executor");
        workspace.stateProperty().addListener((obs, old, now) -> {
            if (!now.sameContent(old)) {
                load();
            } else if (!now.year().equals(old.year())) {
                suggestYear();
            }
        });
        newPeriod.addListener((obs, old, text) -> periodProblem.set(text.isBlank() ? "" : checkPeriod(text).orElse("")));
        newYear.addListener((obs, old, text) -> yearProblem.set(text.isBlank() ? "" : checkYear(text).orElse("")));
        load();
    }

    /** Reads the periods and the schemes' period kinds (in the background). */
    public void load() {
        long request = ++generation;
        Workspace.State s = workspace.state();
        if (s.database().isEmpty()) {
            periods.clear();
            schemes.clear();
            kinds.clear();
            writable.set(false);
            return;
        }
        WorkbenchDatabase db = s.database().get();
        List<StoredScheme> stored = s.content().schemes();
        busy.set(true);
        executor.execute(() -> {
            List<SchemeRow> rows = stored.stream().map(st -> new SchemeRow(st.year(), st.name(),
                    st.copiedFrom().isPresent() ? Optional.of(st.copiedFrom().getAsInt()) : Optional.empty(),
                    st.changedAt(), s.content().publishedYears().contains(st.year()),
                    db.scheme(st).periodKind())).toList();
            return new Loaded(db.periodSummaries(), rows);
        }, loaded -> {
            if (request != generation) {
                return;
            }
            busy.set(false);
            error.set("");
            periods.setAll(loaded.periods());
            schemes.setAll(loaded.schemes());
            kinds.clear();
            loaded.schemes().forEach(r -> kinds.put(r.year(), r.kind()));
            writable.set(!workspace.state().readOnly());
            suggestYear();
            recheck();
        }, e -> {
            if (request == generation) {
                busy.set(false);
                error.set(ErrorText.of(e));
            }
        });
    }

    private void suggestYear() {
        List<Integer> years = workspace.state().content().years();
        if (!years.isEmpty() && (newYear.get().isBlank() || checkYear(newYear.get()).isPresent())) {
            newYear.set(Integer.toString(years.get(years.size() - 1) + 1));
        }
    }

    private void recheck() {
        periodProblem.set(newPeriod.get().isBlank() ? "" : checkPeriod(newPeriod.get()).orElse(""));
        yearProblem.set(newYear.get().isBlank() ? "" : checkYear(newYear.get()).orElse(""));
    }

    /**
     * Why {@code text} is no period that can be added: not of the form 2025, 2025H1, 2025Q3; kept
     * already; or of another kind than the scheme that will score it. Empty when it can be added.
     */
    public Optional<String> checkPeriod(String text) {
        String t = text == null ? "" : text.strip().toUpperCase(java.util.Locale.ROOT);
        Optional<Period> parsed = Period.parse(t);
        if (parsed.isEmpty()) {
            return Optional.of(text("ui.periods.period-invalid", t));
        }
        Period p = parsed.get();
        if (periods.stream().anyMatch(s -> s.period().equals(p))) {
            return Optional.of(text("ui.periods.period-taken", ResultFormat.period(p)));
        }
        Optional<Integer> year = workspace.state().content().schemeYearFor(p);
        if (year.isEmpty()) {
            return Optional.of(text("ui.periods.no-scheme"));
        }
        PeriodKind kind = kinds.get(year.get());
        if (kind != null && kind != p.kind()) {
            return Optional.of(text("ui.periods.kind-mismatch", Integer.toString(year.get()),
                    text("ui.periods.kind." + kind.name()), example(p.year(), kind)));
        }
        return Optional.empty();
    }

    private static String example(int year, PeriodKind kind) {
        switch (kind) {
            case HALF: return year + "H1";
            case QUARTER: return year + "Q1";
            default: return Integer.toString(year);
        }
    }

    /** Adds the period typed, then chooses it at the top. */
    public void addPeriod() {
        Optional<String> problem = checkWritable().or(() -> checkPeriod(newPeriod.get()));
        if (problem.isPresent()) {
            periodProblem.set(problem.get());
            return;
        }
        Period p = Period.parse(newPeriod.get().strip().toUpperCase(java.util.Locale.ROOT)).orElseThrow();
        WorkbenchDatabase db = workspace.database().orElseThrow();
        String operator = workspace.operator();
        busy.set(true);
        executor.execute(() -> {
            db.addPeriod(p, operator);
            return p;
        }, added -> {
            busy.set(false);
            newPeriod.set("");
            notice.set(text("ui.periods.added", ResultFormat.period(added)));
            workspace.reload(() -> workspace.selectPeriod(added));
        }, e -> {
            busy.set(false);
            error.set(ErrorText.of(e));
        });
    }

    /** Why {@code text} is no year the chosen scheme can be copied to; empty when it is one. */
    public Optional<String> checkYear(String text) {
        String t = text == null ? "" : text.strip();
        if (!t.matches("\\d{4}") || Integer.parseInt(t) < 1000) {
            return Optional.of(text("ui.periods.year-invalid", t));
        }
        if (workspace.state().content().years().contains(Integer.parseInt(t))) {
            return Optional.of(text("ui.periods.year-taken", t));
        }
        return Optional.empty();
    }

    /** Copies the chosen year's scheme to the year typed, then chooses that year at the top. */
    public void copyScheme() {
        Optional<Integer> from = workspace.year();
        Optional<String> problem = checkWritable()
                .or(() -> from.isEmpty() ? Optional.of(text("ui.periods.no-scheme")) : Optional.empty())
                .or(() -> checkYear(newYear.get()));
        if (problem.isPresent()) {
            yearProblem.set(problem.get());
            return;
        }
        int to = Integer.parseInt(newYear.get().strip());
        WorkbenchDatabase db = workspace.database().orElseThrow();
        String operator = workspace.operator();
        busy.set(true);
        executor.execute(() -> {
            db.copyScheme(from.get(), to, operator);
            return to;
        }, copied -> {
            busy.set(false);
            notice.set(text("ui.periods.copied", Integer.toString(from.get()), Integer.toString(copied)));
            workspace.reload(() -> workspace.selectYear(copied));
        }, e -> {
            busy.set(false);
            error.set(ErrorText.of(e));
        });
    }

    private Optional<String> checkWritable() {
        return workspace.state().readOnly() ? Optional.of(text("ui.periods.read-only")) : Optional.empty();
    }

    public ObservableList<PeriodSummary> periods() {
        return periodsView;
    }

    public ObservableList<SchemeRow> schemes() {
        return schemesView;
    }

    /** The period typed into 新增考核期. */
    public StringProperty newPeriodProperty() {
        return newPeriod;
    }

    /** The year typed into 复制到新年度. */
    public StringProperty newYearProperty() {
        return newYear;
    }

    public ReadOnlyStringProperty periodProblemProperty() {
        return periodProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty yearProblemProperty() {
        return yearProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Whether the database can be written (periods can be added and schemes copied). */
    public ReadOnlyBooleanProperty writableProperty() {
        return writable.getReadOnlyProperty();
    }

    /** The chosen year, for the copy's label. */
    public Optional<Integer> year() {
        return workspace.year();
    }

    public Workspace workspace() {
        return workspace;
    }

    private static String text(String key, Object... args) {
        return Messages.get().text(key, args);
    }
}

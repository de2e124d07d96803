package org.sanlian.workbench.ui.bottom;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Supplier;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.sanlian.workbench.app.Assessment;
import org.sanlian.workbench.app.InterviewService;
import org.sanlian.workbench.app.ScoringService;
import org.sanlian.workbench.app.WorkbenchDatabase;
import org.sanlian.workbench.core.bottom.BottomEntry;
import org.sanlian.workbench.core.bottom.EscapeMargin;
import org.sanlian.workbench.core.bottom.EscapeMarginSearch;
import org.sanlian.workbench.core.bottom.Level;
import org.sanlian.workbench.core.check.Issue;
import org.sanlian.workbench.core.check.ValidationException;
import org.sanlian.workbench.core.model.BottomRule;
import org.sanlian.workbench.core.model.Indicator;
import org.sanlian.workbench.core.model.Input;
import org.sanlian.workbench.core.model.Interview;
import org.sanlian.workbench.core.model.InterviewStatus;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.model.Scheme;
import org.sanlian.workbench.core.scoring.LeafScore;
import org.sanlian.workbench.core.scoring.PeriodResult;
import org.sanlian.workbench.core.scoring.UnitResult;
import org.sanlian.workbench.i18n.Messages;
import org.sanlian.workbench.ui.common.ErrorText;
import org.sanlian.workbench.ui.common.TaskExecutor;
import org.sanlian.workbench.ui.results.ResultFormat;
import org.sanlian.workbench.ui.shell.Workspace;

/**
 * The 末位约谈 screen's state: the bottom list of the period chosen at the top, scored with escape
 * margins in the background (many rescorings: the screen shows it is busy, and an answer to an
 * older request is dropped), and the chosen entry's interviews in every period, newest first, with
 * the open ones past their deadline marked overdue. An interview is added, changed or removed at
 * once through {@link InterviewService} under the workspace's operator (no unsaved edits: each
 * record is saved from its dialog). Follows the workspace: another database, year or period, or
 * content written elsewhere, loads again; its own interview writes reload only the interviews.
 * Knows no view, so it is tested without a toolkit.
 */
public final class BottomViewModel {

    /** An interview as listed: the record and whether it is overdue today. */
    public record InterviewRow(Interview interview, boolean overdue) {
        public InterviewRow {
            Objects.requireNonNull(interview, "interview");
        }
    }

    /** What the background scoring hands back. */
    private record Loaded(Period period, List<BottomRow> rows, int units, List<String> bulletins) {
    }

    private final Workspace workspace;
    private final ScoringService scoring;
    private final TaskExecutor executor;
    private final Supplier<LocalDate> today;

    private final ReadOnlyObjectWrapper<Period> period = new ReadOnlyObjectWrapper<>(this, "period");
    private final ObservableList<BottomRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<BottomRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObservableList<InterviewRow> interviews = FXCollections.observableArrayList();
    private final ObservableList<String> bulletins = FXCollections.observableArrayList();
    // the read-only views handed out, kept so that a listener added to one lives as long as the model
    private final ObservableList<BottomRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ObservableList<InterviewRow> interviewsView = FXCollections.unmodifiableObservableList(interviews);
    private final ObservableList<String> bulletinsView = FXCollections.unmodifiableObservableList(bulletins);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper editable = new ReadOnlyBooleanWrapper(this, "editable");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final ReadOnlyStringWrapper interviewsTitle = new ReadOnlyStringWrapper(this, "interviewsTitle", "");

    private long generation;
    private long interviewGeneration;
    /** Revision changes this model caused itself by writing an interview: they need no rescoring. */
    private int ownWrites;

    public BottomViewModel(Workspace workspace, ScoringService scoring, TaskExecutor executor) {
        this(workspace, scoring, executor, LocalDate::now);
    }

    /** @param today the day overdue is judged against (the clock's, in the window) */
    public BottomViewModel(Workspace workspace, ScoringService scoring, TaskExecutor executor,
                           Supplier<LocalDate> today) {
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        this.scoring = Objects.requireNonNull(scoring, "scoring");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.today = Objects.requireNonNull(today, "today");
        workspace.stateProperty().addListener((obs, old, now) -> follow(old, now));
        selected.addListener((obs, old, now) -> {
            if (old == null || now == null || !old.unitCode().equals(now.unitCode())) {
                loadInterviews();
            }
        });
        load();
    }

    private void follow(Workspace.State old, Workspace.State now) {
        boolean moved = !now.sameDatabase(old) || !now.period().equals(old.period()) || !now.year().equals(old.year());
        if (moved) {
            ownWrites = 0;
            load();
        } else if (!now.sameContent(old)) {
            if (ownWrites > 0) {
                ownWrites--;
                loadInterviews();
            } else {
                load();
            }
        }
        editable.set(!now.readOnly() && period.get() != null);
    }

    // --- the bottom list -------------------------------------------------------------------

    /** Scores the chosen period with escape margins (in the background) and lists its entries. */
    public void load() {
        long request = ++generation;
        Workspace.State s = workspace.state();
        if (s.database().isEmpty() || s.period().isEmpty()) {
            busy.set(false);
            period.set(null);
            rows.clear();
            bulletins.clear();
            selected.set(null);
            status.set(text("ui.bottom.no-period"));
            error.set("");
            editable.set(false);
            return;
        }
        WorkbenchDatabase db = s.database().get();
        Period p = s.period().get();
        Optional<Integer> year = s.year();
        busy.set(true);
        status.set(text("ui.bottom.computing", ResultFormat.period(p)));
        executor.execute(() -> {
            Assessment a = db.assessment(p, year);
            List<String> numbers = InterviewService.bulletins(db, p);
            if (!a.data().hasValues(p)) {
                return new Loaded(p, List.of(), -1, numbers);
            }
            PeriodResult result = scoring.bottomList(a, p);
            return new Loaded(p, rowsOf(result), result.rows().size(), numbers);
        }, loaded -> {
            if (request != generation) {
                return;
            }
            busy.set(false);
            error.set("");
            show(loaded);
        }, e -> {
            if (request == generation) {
                busy.set(false);
                period.set(p);
                rows.clear();
                selected.set(null);
                status.set("");
                error.set(text("ui.bottom.failed", ResultFormat.period(p), ErrorText.of(e)));
            }
        });
    }

    private void show(Loaded loaded) {
        String keep = selected.get() == null ? null : selected.get().unitCode();
        period.set(loaded.period());
        bulletins.setAll(loaded.bulletins());
        rows.setAll(loaded.rows());
        editable.set(!workspace.state().readOnly());
        if (loaded.units() < 0) {
            status.set(text("ui.bottom.no-data", ResultFormat.period(loaded.period())));
        } else {
            long normal = loaded.rows().stream().filter(r -> r.level() == Level.NORMAL).count();
            long escalated = loaded.rows().stream().filter(r -> r.level() == Level.ESCALATED).count();
            long reminder = loaded.rows().stream().filter(r -> r.level() == Level.REMINDER).count();
            status.set(text("ui.bottom.status", ResultFormat.period(loaded.period()), loaded.units(),
                    loaded.rows().size(), normal, escalated, reminder));
        }
        BottomRow again = rows.stream().filter(r -> r.unitCode().equals(keep)).findFirst()
                .orElse(rows.isEmpty() ? null : rows.get(0));
        if (again != null && selected.get() != null && again.unitCode().equals(selected.get().unitCode())) {
            selected.set(again);
            loadInterviews(); // the same unit: its interviews may have changed with the content
        } else {
            selected.set(again);
            if (again == null) {
                loadInterviews();
            }
        }
    }

    /** The entries of a scored period in the order of the ranking, with their rules in words. */
    static List<BottomRow> rowsOf(PeriodResult result) {
        Scheme scheme = result.scheme();
        ResultFormat format = new ResultFormat(scheme.decimals());
        List<BottomRow> out = new ArrayList<>();
        for (UnitResult r : result.rows()) {
            if (r.bottom().isEmpty()) {
                continue;
            }
            BottomEntry entry = r.bottom().get();
            List<String> rules = entry.rules().stream().map(k -> ruleText(k, scheme.bottomRules())).toList();
            List<BottomRow.Weak> weakest = new ArrayList<>();
            for (String code : entry.weakest()) {
                Indicator leaf = scheme.leaves().stream().filter(l -> l.code().equals(code)).findFirst().orElseThrow();
                OptionalDouble value = r.leaf(code).map(LeafScore::value).orElse(OptionalDouble.empty());
                Optional<EscapeMargin> margin = entry.escapes().stream().filter(m -> m.code().equals(code)).findFirst();
                weakest.add(new BottomRow.Weak(code, leaf.name(), leaf.unitOfMeasure(), value, margin.isPresent(),
                        margin.map(EscapeMargin::value).orElse(OptionalDouble.empty()),
                        EscapeMarginSearch.helpsUpwards(leaf),
                        scheme.input(code).map(Input::integer).orElse(false)));
            }
            out.add(new BottomRow(r.unit().code(), r.unit().name(), r.zone().name(), r.zoneRank(),
                    format.score(r.total()), entry.level(), rules, weakest));
        }
        return out;
    }

    /** A listing rule in words with the scheme's parameter: 分区排名末1位, 总分低于60分 … */
    static String ruleText(String kind, List<BottomRule> schemeRules) {
        double parameter = Double.NaN;
        for (BottomRule r : schemeRules) {
            if (r.kind().name().equals(kind)) {
                parameter = r.parameter();
            }
        }
        String key = "export.rule." + kind;
        if (!Messages.get().has(key)) {
            return kind;
        }
        return Messages.get().text(key, Double.isNaN(parameter) ? "" : plain(parameter, 2, RoundingMode.HALF_UP));
    }

    /**
     * A weakest indicator in words: its value now and, where searched, the value it must reach for the
     * unit to leave the list with the change needed, rounded the way that still gets it off (up when
     * more helps, down when less does; to a whole number for a count), or that it cannot get off by
     * this indicator alone.
     */
    public static String weakText(BottomRow.Weak w) {
        String measure = w.unitOfMeasure().isBlank() ? "" : " " + w.unitOfMeasure();
        String value = w.value().isPresent() ? plain(w.value().getAsDouble(), 2, RoundingMode.HALF_UP) + measure
                : text("ui.bottom.missing");
        if (!w.searched()) {
            return text("ui.bottom.weak", w.name(), value);
        }
        if (w.escape().isEmpty()) {
            return text("ui.bottom.weak-unreachable", w.name(), value);
        }
        double target = w.escape().getAsDouble();
        RoundingMode towards = w.upwards() ? RoundingMode.CEILING : RoundingMode.FLOOR;
        int decimals = w.integer() ? 0 : decimalsFor(target, w.value());
        String to = plain(target, decimals, towards);
        if (w.value().isEmpty()) {
            return text("ui.bottom.weak-from-missing", w.name(), to + measure);
        }
        double delta = new BigDecimal(to).doubleValue() - w.value().getAsDouble();
        String change = (delta >= 0 ? "+" : "−") + plain(Math.abs(delta), Math.max(decimals, 2), RoundingMode.HALF_UP);
        return text(w.upwards() ? "ui.bottom.weak-rise" : "ui.bottom.weak-fall", w.name(), value, to + measure,
                change);
    }

    /** Two decimals, more when the value and the target would otherwise look the same. */
    private static int decimalsFor(double target, OptionalDouble value) {
        int d = 2;
        while (d < 6 && value.isPresent()
                && BigDecimal.valueOf(target).setScale(d, RoundingMode.HALF_UP)
                        .compareTo(BigDecimal.valueOf(value.getAsDouble()).setScale(d, RoundingMode.HALF_UP)) == 0) {
            d++;
        }
        return d;
    }

    private static String plain(double v, int decimals, RoundingMode mode) {
        BigDecimal b = BigDecimal.valueOf(v).setScale(decimals, mode).stripTrailingZeros();
        return (b.scale() < 0 ? b.setScale(0) : b).toPlainString();
    }

    // --- interviews ------------------------------------------------------------------------

    /** Reads the chosen entry's interviews in every period (in the background), newest first. */
    public void loadInterviews() {
        long request = ++interviewGeneration;
        BottomRow row = selected.get();
        Optional<WorkbenchDatabase> db = workspace.database();
        if (row == null || db.isEmpty()) {
            interviews.clear();
            interviewsTitle.set("");
            return;
        }
        interviewsTitle.set(text("ui.bottom.interviews-of", row.unitName()));
        executor.execute(() -> InterviewService.ofUnit(db.get(), row.unitCode()), list -> {
            if (request != interviewGeneration) {
                return;
            }
            LocalDate day = today.get();
            interviews.setAll(list.stream().map(i -> new InterviewRow(i, InterviewService.overdue(i, day))).toList());
            long overdue = interviews.stream().filter(InterviewRow::overdue).count();
            interviewsTitle.set(overdue == 0 ? text("ui.bottom.interviews-of", row.unitName())
                    : text("ui.bottom.interviews-of-overdue", row.unitName(), overdue));
        }, e -> {
            if (request == interviewGeneration) {
                interviews.clear();
                error.set(ErrorText.of(e));
            }
        });
    }

    /** A new interview of the chosen entry in the chosen period, planned, to fill in; empty without one. */
    public Optional<Interview> newInterview() {
        BottomRow row = selected.get();
        if (row == null || period.get() == null) {
            return Optional.empty();
        }
        return Optional.of(new Interview(0, row.unitCode(), period.get(), Optional.empty(), Optional.empty(), "", "",
                Optional.empty(), InterviewStatus.PLANNED));
    }

    /** Why a record would be refused, one problem a line; empty when it may be saved. */
    public Optional<String> check(Interview i) {
        List<Issue> problems = InterviewService.check(i);
        return problems.isEmpty() ? Optional.empty()
                : Optional.of(ErrorText.of(new ValidationException(problems)));
    }

    /**
     * Saves a record at once (a new one is added, a kept one changed), in the background; the list of
     * interviews is read again and the workspace told. Returns why not when it is refused before
     * writing (checked as {@link InterviewService#check}, or the database is read-only).
     */
    public Optional<String> save(Interview i) {
        Optional<String> why = checkWritable().or(() -> check(i));
        if (why.isPresent()) {
            return why;
        }
        Optional<WorkbenchDatabase> db = workspace.database();
        String operator = workspace.operator();
        boolean adding = i.id() == 0;
        String unitName = unitName(i.unit());
        write(() -> {
            if (adding) {
                InterviewService.add(db.get(), i, operator);
            } else {
                InterviewService.update(db.get(), i, operator);
            }
            return null;
        }, text(adding ? "ui.bottom.added" : "ui.bottom.updated", unitName, ResultFormat.period(i.period())));
        return Optional.empty();
    }

    /** Removes a kept record at once (the view asks first), in the background. */
    public Optional<String> delete(Interview i) {
        Optional<String> why = checkWritable();
        if (why.isPresent()) {
            return why;
        }
        Optional<WorkbenchDatabase> db = workspace.database();
        String operator = workspace.operator();
        write(() -> {
            InterviewService.delete(db.get(), i.id(), operator);
            return null;
        }, text("ui.bottom.deleted", unitName(i.unit()), ResultFormat.period(i.period())));
        return Optional.empty();
    }

    private void write(java.util.concurrent.Callable<Void> work, String done) {
        notice.set("");
        executor.execute(work, ok -> {
            error.set("");
            notice.set(done);
            ownWrites++;
            workspace.reload();
        }, e -> {
            notice.set("");
            error.set(ErrorText.of(e));
            loadInterviews();
        });
    }

    private Optional<String> checkWritable() {
        if (workspace.database().isEmpty() || workspace.state().readOnly()) {
            return Optional.of(text("ui.bottom.read-only"));
        }
        return Optional.empty();
    }

    private String unitName(String code) {
        return rows.stream().filter(r -> r.unitCode().equals(code)).map(BottomRow::unitName).findFirst().orElse(code);
    }

    /** 计划约谈, 已约谈, 整改中, 已整改, 已取消. */
    public static String statusText(InterviewStatus s) {
        return text("ui.bottom.status." + s.name());
    }

    /** A level in words, as 计算与排名 writes it: 约谈, 升级约谈, 提醒. */
    public static String levelText(Level level) {
        return ResultFormat.levelText(level);
    }

    private static String text(String key, Object... args) {
        return Messages.get().text(key, args);
    }

    // --- properties ------------------------------------------------------------------------

    public ReadOnlyObjectProperty<Period> periodProperty() {
        return period.getReadOnlyProperty();
    }

    public ObservableList<BottomRow> rows() {
        return rowsView;
    }

    public ObjectProperty<BottomRow> selectedProperty() {
        return selected;
    }

    /** Chooses the entry of a unit (none when it is not listed). */
    public void select(String unitCode) {
        selected.set(rows.stream().filter(r -> r.unitCode().equals(unitCode)).findFirst().orElse(null));
    }

    public ObservableList<InterviewRow> interviews() {
        return interviewsView;
    }

    /** The numbers of the bulletins published for the chosen period: what a new interview may link. */
    public ObservableList<String> bulletins() {
        return bulletinsView;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty editableProperty() {
        return editable.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty interviewsTitleProperty() {
        return interviewsTitle.getReadOnlyProperty();
    }
}

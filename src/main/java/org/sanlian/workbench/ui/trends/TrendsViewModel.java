package org.sanlian.workbench.ui.trends;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.sanlian.workbench.app.CancelledException;
import org.sanlian.workbench.app.ScoringService;
import org.sanlian.workbench.app.TrendService;
import org.sanlian.workbench.app.WorkbenchDatabase;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.model.PeriodKind;
import org.sanlian.workbench.core.model.Unit;
import org.sanlian.workbench.i18n.Messages;
import org.sanlian.workbench.io.chart.ChartData;
import org.sanlian.workbench.ui.common.ErrorText;
import org.sanlian.workbench.ui.common.TaskExecutor;
import org.sanlian.workbench.ui.results.ResultFormat;
import org.sanlian.workbench.ui.shell.Workspace;

/**
 * The 趋势 screen's state: every period of the chosen period's kind that holds figures, each scored
 * with its own year's scheme in the background (with progress, cancellable; an answer to an older
 * request is dropped; reloaded when the workspace's content changes), the units to show ticked in a
 * list (at first the chosen period's bottom-listed units, else the first zone's), the measure
 * (total, overall rank, zone rank), the chart's data (ranks drawn with 1 at the top) and the
 * rank-change table (unit × period: rank and change). Knows no view, so it is tested without a toolkit.
 */
public final class TrendsViewModel {

    /** What the lines show. */
    public enum Measure { TOTAL, RANK, ZONE_RANK }

    /** A unit in the check list: ticked ones get a line and a row. */
    public static final class Choice {
        private final Unit unit;
        private final BooleanProperty checked = new SimpleBooleanProperty(this, "checked");

        Choice(Unit unit) {
            this.unit = unit;
        }

        public Unit unit() {
            return unit;
        }

        public BooleanProperty checkedProperty() {
            return checked;
        }

        public boolean isChecked() {
            return checked.get();
        }

        public void setChecked(boolean value) {
            checked.set(value);
        }

        @Override
        public String toString() {
            return unit.name();
        }
    }

    /** One rank and its change since the period before (empty where the unit was not ranked). */
    public record Cell(OptionalInt rank, OptionalInt change) {
        public Cell {
            Objects.requireNonNull(rank, "rank");
            Objects.requireNonNull(change, "change");
        }

        /** {@code 3 ↑2}, {@code 5 ↓1}, {@code 4 —}; the first period's rank alone; empty when not ranked. */
        public String text() {
            if (rank.isEmpty()) {
                return "";
            }
            String r = Integer.toString(rank.getAsInt());
            return change.isEmpty() ? r : r + " " + new ResultFormat(0).rankChange(change);
        }
    }

    /** A ticked unit's row of the rank-change table: one cell per period. */
    public record ChangeRow(String unit, String name, List<Cell> cells) {
        public ChangeRow {
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(name, "name");
            cells = List.copyOf(cells);
        }
    }

    private final Workspace workspace;
    private final TaskExecutor executor;
    private final ScoringService scoring;
    private final ObservableList<Choice> units = FXCollections.observableArrayList();
    /** Held, so that listeners of the read-only view are not lost with it. */
    private final ObservableList<Choice> unitsView = FXCollections.unmodifiableObservableList(units);
    private final ObservableList<Period> periods = FXCollections.observableArrayList();
    /** Held, so that listeners of the read-only view are not lost with it. */
    private final ObservableList<Period> periodsView = FXCollections.unmodifiableObservableList(periods);
    private final ObservableList<ChangeRow> changeRows = FXCollections.observableArrayList();
    /** Held, so that listeners of the read-only view are not lost with it. */
    private final ObservableList<ChangeRow> changeRowsView = FXCollections.unmodifiableObservableList(changeRows);
    private final ObjectProperty<Measure> measure = new SimpleObjectProperty<>(this, "measure", Measure.RANK);
    private final ReadOnlyObjectWrapper<ChartData> chart = new ReadOnlyObjectWrapper<>(this, "chart");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private TrendService.Trend trend;
    private PeriodKind loadedKind;
    /** Whether the person ticked or unticked a unit: then a new chosen period keeps the ticks. */
    private boolean touched;
    /** While the ticks are set by the model (defaults, a reload): their listeners do not count as a touch. */
    private boolean ticking;
    private long generation;
    /** Whether the screen is shown: while it is not, a change only marks the trend stale (scoring every period is long work). */
    private boolean active = true;
    private boolean stale;
    private AtomicBoolean running = new AtomicBoolean();

    public TrendsViewModel(Workspace workspace, TaskExecutor executor, ScoringService scoring) {
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.scoring = Objects.requireNonNull(scoring, "scoring");
        workspace.stateProperty().addListener((obs, old, now) -> follow(old, now));
        measure.addListener((obs, old, now) -> update());
        load();
    }

    private void follow(Workspace.State old, Workspace.State now) {
        if (!now.sameContent(old) || !kind(now).equals(Optional.ofNullable(loadedKind))) {
            if (active) {
                load();
            } else {
                stale = true;
            }
        } else if (!now.period().equals(old.period()) && !touched) {
            tickDefaults();
            update();
        }
    }

    private static Optional<PeriodKind> kind(Workspace.State s) {
        return s.period().map(Period::kind);
    }

    /** Scores every period of the chosen period's kind in the background; an older answer is dropped. */
    public void load() {
        stale = false;
        long request = ++generation;
        running.set(true); // the older request's flag: it stops at its next period
        AtomicBoolean stop = new AtomicBoolean();
        running = stop;
        Workspace.State s = workspace.state();
        if (s.database().isEmpty() || s.period().isEmpty()) {
            busy.set(false);
            trend = null;
            loadedKind = null;
            units.clear();
            periods.clear();
            update();
            return;
        }
        WorkbenchDatabase db = s.database().get();
        PeriodKind kind = s.period().get().kind();
        busy.set(true);
        progress.set(0);
        error.set("");
        status.set(text("ui.trends.scoring"));
        TrendService.Watch watch = new TrendService.Watch() {
            @Override
            public void scored(int done, int total, Period period) {
                executor.inForeground(() -> {
                    if (request == generation) {
                        progress.set(total == 0 ? 1 : (double) done / total);
                        status.set(text("ui.trends.scored", ResultFormat.period(period), Integer.toString(done),
                                Integer.toString(total)));
                    }
                });
            }

            @Override
            public boolean cancelled() {
                return stop.get();
            }
        };
        executor.execute(() -> TrendService.load(db, scoring, kind, watch), loaded -> {
            if (request != generation) {
                return;
            }
            busy.set(false);
            show(loaded, kind);
        }, e -> {
            if (request != generation) {
                return;
            }
            busy.set(false);
            if (e instanceof CancelledException) {
                status.set(text("ui.trends.cancelled"));
            } else {
                error.set(ErrorText.of(e));
                status.set("");
            }
        });
    }

    /**
     * Whether the screen is shown. Hidden, changes of the workspace's content are only noted; shown
     * again after one, the periods are scored again.
     */
    public void setActive(boolean shown) {
        active = shown;
        if (shown && stale) {
            stale = false;
            load();
        }
    }

    /** Stops the scoring at its next period; what was shown before stays. */
    public void cancel() {
        if (busy.get()) {
            running.set(true);
            generation++;
            busy.set(false);
            status.set(text("ui.trends.cancelled"));
        }
    }

    private void show(TrendService.Trend loaded, PeriodKind kind) {
        Set<String> ticked = new LinkedHashSet<>();
        units.stream().filter(Choice::isChecked).forEach(c -> ticked.add(c.unit().code()));
        boolean keep = touched && loadedKind == kind;
        trend = loaded;
        loadedKind = kind;
        periods.setAll(loaded.periods().stream().map(TrendService.Scored::period).toList());
        ticking = true;
        try {
            List<Choice> choices = new ArrayList<>();
            for (Unit u : loaded.units()) {
                Choice c = new Choice(u);
                c.checkedProperty().addListener((obs, was, is) -> {
                    if (!ticking) {
                        touched = true;
                        update();
                    }
                });
                choices.add(c);
            }
            units.setAll(choices);
        } finally {
            ticking = false;
        }
        if (keep) {
            tick(ticked);
        } else {
            touched = false;
            tickDefaults();
        }
        status.set(loaded.periods().isEmpty() ? text("ui.trends.no-periods")
                : text("ui.trends.status", Integer.toString(loaded.periods().size()),
                        ResultFormat.period(loaded.periods().get(0).period()),
                        ResultFormat.period(loaded.periods().get(loaded.periods().size() - 1).period())));
        update();
    }

    /** Ticks the chosen period's bottom-listed units, or (none listed) the units of its first zone. */
    private void tickDefaults() {
        if (trend == null || trend.periods().isEmpty()) {
            return;
        }
        Period chosen = workspace.period().orElse(null);
        TrendService.Scored s = trend.of(chosen).orElse(trend.periods().get(trend.periods().size() - 1));
        Set<String> codes = new LinkedHashSet<>();
        s.points().values().stream().filter(TrendService.Point::listed).forEach(p -> codes.add(p.unit()));
        if (codes.isEmpty() && !s.zones().isEmpty()) {
            codes.addAll(s.zones().get(0).units());
        }
        tick(codes);
    }

    private void tick(Set<String> codes) {
        ticking = true;
        try {
            units.forEach(c -> c.setChecked(codes.contains(c.unit().code())));
        } finally {
            ticking = false;
        }
    }

    /** Ticks or unticks a unit by code (as the check list does). */
    public void setChecked(String unit, boolean checked) {
        units.stream().filter(c -> c.unit().code().equals(unit)).forEach(c -> c.setChecked(checked));
    }

    /** The codes of the ticked units, in the list's order. */
    public List<String> checked() {
        return units.stream().filter(Choice::isChecked).map(c -> c.unit().code()).toList();
    }

    private void update() {
        if (trend == null) {
            chart.set(null);
            changeRows.clear();
            return;
        }
        List<Choice> shown = units.stream().filter(Choice::isChecked).toList();
        List<TrendService.Scored> scored = trend.periods();
        Measure m = measure.get();
        double[][] values = new double[shown.size()][scored.size()];
        List<ChangeRow> rows = new ArrayList<>();
        for (int u = 0; u < shown.size(); u++) {
            String code = shown.get(u).unit().code();
            List<Cell> cells = new ArrayList<>();
            OptionalInt before = OptionalInt.empty();
            for (int p = 0; p < scored.size(); p++) {
                TrendService.Point pt = scored.get(p).points().get(code);
                values[u][p] = pt == null ? Double.NaN : switch (m) {
                    case TOTAL -> pt.total();
                    case RANK -> pt.rank();
                    case ZONE_RANK -> pt.zoneRank();
                };
                OptionalInt rank = pt == null ? OptionalInt.empty()
                        : OptionalInt.of(m == Measure.ZONE_RANK ? pt.zoneRank() : pt.rank());
                // a zone rank compares only within one zone: a unit that moved zones starts afresh
                boolean comparable = before.isPresent() && rank.isPresent() && (m != Measure.ZONE_RANK
                        || sameZone(scored.get(p - 1), scored.get(p), code));
                OptionalInt change = comparable ? OptionalInt.of(before.getAsInt() - rank.getAsInt())
                        : OptionalInt.empty();
                cells.add(new Cell(rank, change));
                before = rank;
            }
            rows.add(new ChangeRow(code, shown.get(u).unit().name(), cells));
        }
        changeRows.setAll(rows);
        String axis = text("ui.trends.measure." + m.name());
        chart.set(new ChartData(ChartData.Kind.LINE, text("ui.trends.chart-title", axis), text("ui.trends.axis.period"),
                axis, scored.stream().map(s -> ResultFormat.period(s.period())).toList(),
                shown.stream().map(c -> c.unit().name()).toList(), values, m != Measure.TOTAL));
    }

    private static boolean sameZone(TrendService.Scored a, TrendService.Scored b, String unit) {
        TrendService.Point x = a.points().get(unit);
        TrendService.Point y = b.points().get(unit);
        return x != null && y != null && x.zone().code().equals(y.zone().code());
    }

    // --- what is shown ---------------------------------------------------------------------

    /**
     * The lowest rank of the measure shown in any scored period, over every unit (ticked or not):
     * the bottom of the rank axis. 1 while nothing is scored.
     */
    public int lowestRank() {
        if (trend == null) {
            return 1;
        }
        boolean zone = measure.get() == Measure.ZONE_RANK;
        return trend.periods().stream().flatMap(s -> s.points().values().stream())
                .mapToInt(p -> zone ? p.zoneRank() : p.rank()).max().orElse(1);
    }

    /** The units of the scored periods (the latest scheme's first, in its order), to tick. */
    public ObservableList<Choice> units() {
        return unitsView;
    }

    /** The scored periods in time order: the chart's categories and the table's columns. */
    public ObservableList<Period> periods() {
        return periodsView;
    }

    /** The rank-change table: one row per ticked unit. */
    public ObservableList<ChangeRow> changeRows() {
        return changeRowsView;
    }

    /** Total, overall rank or zone rank. */
    public ObjectProperty<Measure> measureProperty() {
        return measure;
    }

    /** The lines to draw (null while nothing is scored). */
    public ReadOnlyObjectProperty<ChartData> chartProperty() {
        return chart.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** How far the scoring got, 0 to 1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** What is being done, or how many periods are shown. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Why the periods could not be scored. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    private static String text(String key, Object... args) {
        return Messages.get().text(key, args);
    }
}

package org.sanlian.workbench.ui.results;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.sanlian.workbench.app.Assessment;
import org.sanlian.workbench.app.ScoringService;
import org.sanlian.workbench.core.bottom.Level;
import org.sanlian.workbench.core.bottom.WeakestIndicators;
import org.sanlian.workbench.core.check.ValidationException;
import org.sanlian.workbench.core.model.Dimension;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.model.Scheme;
import org.sanlian.workbench.core.model.Zone;
import org.sanlian.workbench.core.report.MeetingReport;
import org.sanlian.workbench.core.report.ReportBuilder;
import org.sanlian.workbench.core.scoring.PeriodResult;
import org.sanlian.workbench.core.scoring.UnitResult;
import org.sanlian.workbench.i18n.Messages;
import org.sanlian.workbench.io.chart.ChartData;
import org.sanlian.workbench.io.chart.MeetingCharts;
import org.sanlian.workbench.ui.common.TaskExecutor;

/**
 * The results screen's state: the periods with data, the chosen period (the latest at first), and
 * the overall and per-zone ranking rows of that period. Choosing a period loads its assessment
 * through the loader (the window's reads it from the database, with the scheme of the period's
 * year) and scores it, both through the executor; an answer that arrives after another period was
 * chosen is dropped. The tables' shape (subtotal columns, zone tabs, decimals) and the 示例数据 mark
 * follow the assessment shown. Knows no view, so it is tested without a toolkit.
 */
public final class ResultsViewModel {

    /** The rows of one zone's tab. */
    public record ZoneRows(Zone zone, ObservableList<ResultRow> rows) {
    }

    /**
     * The shape of the tables, from a scheme: how scores are written, one subtotal column per
     * top-level dimension, one tab per zone. A new layout comes only when a period's scheme has
     * other dimensions, zones or decimals than the one shown.
     */
    public record Layout(ResultFormat format, List<Dimension> dimensionColumns, List<ZoneRows> zoneRows) {

        public Layout {
            Objects.requireNonNull(format, "format");
            dimensionColumns = List.copyOf(dimensionColumns);
            zoneRows = List.copyOf(zoneRows);
        }

        static Layout of(Scheme scheme) {
            List<ZoneRows> zones = new ArrayList<>();
            for (Zone z : scheme.zones()) {
                zones.add(new ZoneRows(z, FXCollections.observableArrayList()));
            }
            return new Layout(new ResultFormat(scheme.decimals()), dimensions(scheme), zones);
        }

        /** Whether a scheme's results fit these tables: the same decimals, dimensions and zones (codes and names). */
        boolean fits(Scheme scheme) {
            return format.decimals() == scheme.decimals()
                    && names(dimensionColumns, Dimension::code, Dimension::name)
                            .equals(names(dimensions(scheme), Dimension::code, Dimension::name))
                    && names(zoneRows.stream().map(ZoneRows::zone).toList(), Zone::code, Zone::name)
                            .equals(names(scheme.zones(), Zone::code, Zone::name));
        }

        private static List<Dimension> dimensions(Scheme scheme) {
            return scheme.tree().stream()
                    .filter(n -> n instanceof Dimension)
                    .map(n -> (Dimension) n)
                    .toList();
        }

        private static <T> List<List<String>> names(List<T> items, Function<T, String> code,
                                                    Function<T, String> name) {
            return items.stream().map(i -> List.of(code.apply(i), name.apply(i))).toList();
        }
    }

    /**
     * A period's assessment with its result, as the background work hands it back, with the values
     * the derived indicators read (by unit, then code) and the totals charts of the meeting workbook.
     */
    record Scored(Period period, Assessment assessment, PeriodResult result, Map<String, Map<String, Double>> inputs,
                  List<ChartData> totalsCharts) {

        /** Scores {@code a} for {@code period}: the work done away from the screen's thread. */
        static Scored of(Assessment a, Period period, ScoringService scoring) {
            Objects.requireNonNull(a, "no assessment for " + period);
            PeriodResult r = scoring.score(a, period);
            List<String> codes = UnitBreakdown.inputCodes(a.scheme());
            Map<String, Map<String, Double>> values = codes.isEmpty() ? Map.of() : scoring.values(a, period, codes);
            MeetingReport report = ReportBuilder.build(r, List.of(), Optional.empty(), LocalDate.now(), "",
                    a.simulated(), List.of());
            List<ChartData> charts = MeetingCharts.of(report).stream().map(MeetingCharts.ZoneCharts::totals).toList();
            return new Scored(period, a, r, values, charts);
        }
    }

    private final Function<Period, ? extends Assessment> loader;
    private final ScoringService scoring;
    private final TaskExecutor executor;
    /** The assessment handed in for the latest period, used for the first choice instead of loading it again. */
    private Assessment preloaded;
    /** The latest period already scored when the model was made, shown at once for the first choice. */
    private Scored prescored;

    private final ObservableList<Period> periods = FXCollections.observableArrayList();
    private final ObjectProperty<Period> selectedPeriod = new SimpleObjectProperty<>(this, "selectedPeriod");
    private final ReadOnlyObjectWrapper<Assessment> assessment = new ReadOnlyObjectWrapper<>(this, "assessment");
    private final ReadOnlyObjectWrapper<Layout> layout = new ReadOnlyObjectWrapper<>(this, "layout");
    private final ReadOnlyBooleanWrapper simulated = new ReadOnlyBooleanWrapper(this, "simulated");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyObjectWrapper<PeriodResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ObservableList<ResultRow> overallRows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper(this, "errorMessage", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final StringProperty selectedUnit = new SimpleStringProperty(this, "selectedUnit", "");
    private final ReadOnlyObjectWrapper<UnitBreakdown> breakdown = new ReadOnlyObjectWrapper<>(this, "breakdown");
    private final ObservableList<ChartData> totalsCharts = FXCollections.observableArrayList();
    /** One read-only view, kept: a wrapper made per call would only weakly hold its listeners. */
    private final ObservableList<ChartData> totalsChartsShown = FXCollections.unmodifiableObservableList(totalsCharts);
    private Map<String, Map<String, Double>> inputs = Map.of();
    private Map<String, double[]> bestByZone = Map.of();

    /** Counts requests, so that only the answer to the latest one is shown. */
    private long generation;
    /** Whether a request is being worked on; requests that arrive meanwhile are merged into one. */
    private boolean running;
    /** Whether a request arrived while one was being worked on (only the latest is then worked on). */
    private boolean pending;
    /** How many times a period was loaded and scored, for tests of the merging of bursts. */
    private int computations;

    /** One assessment that holds every period: its periods are offered, each scored from it. */
    public ResultsViewModel(Assessment assessment, ScoringService scoring, TaskExecutor executor) {
        this(scoring.periods(Objects.requireNonNull(assessment, "assessment")), assessment, p -> assessment,
                scoring, executor);
    }

    /**
     * Periods whose assessments are loaded when chosen.
     *
     * @param periods the periods to offer, in time order; the last is chosen first
     * @param latest  the assessment of the last period, already loaded: shown first without calling
     *                the loader, and the source of the tables' shape and title until another is shown
     *                (with no periods, only of the shape and title)
     * @param loader  the assessment that scores a period, called on the executor's thread; it may
     *                hold another scheme (each year may have its own)
     */
    public ResultsViewModel(List<Period> periods, Assessment latest, Function<Period, ? extends Assessment> loader,
                            ScoringService scoring, TaskExecutor executor) {
        this(periods, latest, loader, scoring, executor, null);
    }

    /**
     * As the public constructor, with the latest period already scored ({@code scored}, may be null):
     * its results are shown at once, without asking the executor.
     */
    ResultsViewModel(List<Period> periods, Assessment latest, Function<Period, ? extends Assessment> loader,
                     ScoringService scoring, TaskExecutor executor, Scored scored) {
        Objects.requireNonNull(latest, "latest");
        this.prescored = scored;
        this.loader = Objects.requireNonNull(loader, "loader");
        this.scoring = Objects.requireNonNull(scoring, "scoring");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.preloaded = latest;
        layout.set(Layout.of(latest.scheme()));
        showAssessment(latest);

        this.periods.setAll(periods);
        selectedPeriod.addListener((obs, old, period) -> recompute());
        selectedUnit.addListener((obs, old, code) -> showBreakdown());
        if (this.periods.isEmpty()) {
            status.set(Messages.get().text("ui.results.no-periods"));
        } else {
            selectedPeriod.set(this.periods.get(this.periods.size() - 1));
        }
    }

    /** The assessment shown (of the chosen period once it is scored). */
    public Assessment assessment() {
        return assessment.get();
    }

    public ReadOnlyObjectProperty<Assessment> assessmentProperty() {
        return assessment.getReadOnlyProperty();
    }

    /** The tables' shape; replaced when a period's scheme needs other columns or tabs. */
    public ReadOnlyObjectProperty<Layout> layoutProperty() {
        return layout.getReadOnlyProperty();
    }

    public Layout layout() {
        return layout.get();
    }

    public ResultFormat format() {
        return layout.get().format();
    }

    /** The scheme's top-level dimensions, one subtotal column each, in the scheme's order. */
    public List<Dimension> dimensionColumns() {
        return layout.get().dimensionColumns();
    }

    /** The window title: the workbench, the scheme, and 示例数据 when the figures are simulated. */
    public String title() {
        return title.get();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** Whether the figures shown are simulated (示例数据). */
    public boolean simulated() {
        return simulated.get();
    }

    public ReadOnlyBooleanProperty simulatedProperty() {
        return simulated.getReadOnlyProperty();
    }

    public ObservableList<Period> periods() {
        return FXCollections.unmodifiableObservableList(periods);
    }

    public ObjectProperty<Period> selectedPeriodProperty() {
        return selectedPeriod;
    }

    public Period getSelectedPeriod() {
        return selectedPeriod.get();
    }

    public void setSelectedPeriod(Period period) {
        selectedPeriod.set(period);
    }

    /** The result shown, or null while none is (no period, or scoring failed). */
    public ReadOnlyObjectProperty<PeriodResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public PeriodResult getResult() {
        return result.get();
    }

    /** Every unit by overall rank. */
    public ObservableList<ResultRow> overallRows() {
        return FXCollections.unmodifiableObservableList(overallRows);
    }

    /** One entry per zone in the scheme's order, its units by zone rank. */
    public List<ZoneRows> zoneRows() {
        return layout.get().zoneRows();
    }

    /** The number of units and of bottom-list entries, for the status line. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public String getStatus() {
        return status.get();
    }

    /** Why the period could not be scored, for a person; empty when it could. */
    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }

    public String getErrorMessage() {
        return errorMessage.get();
    }

    /** Whether a period is being scored. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public boolean isBusy() {
        return busy.get();
    }

    /**
     * Loads the chosen period again and scores it, in the background, keeping the chosen unit: what
     * the window calls when another screen wrote (a figure, a target, a weight). {@code periods} are
     * the periods with figures now; when the chosen one is gone, the latest is chosen.
     */
    public void refresh(List<Period> periods) {
        preloaded = null;
        if (!this.periods.equals(periods)) {
            this.periods.setAll(periods);
            if (!periods.contains(selectedPeriod.get())) {
                selectedPeriod.set(periods.isEmpty() ? null : periods.get(periods.size() - 1));
                return; // the new choice recomputes
            }
        }
        recompute();
    }

    /** How many times a period was loaded and scored since the model was made. */
    public int computations() {
        return computations;
    }

    /**
     * Works on the latest request: at once when nothing runs, else after the running work ends
     * (whose answer is then dropped), so a burst of requests is worked on once.
     */
    private void recompute() {
        ++generation;
        if (running) {
            pending = true;
            return;
        }
        Period period = selectedPeriod.get();
        if (period == null) {
            show(null);
            busy.set(false);
            return;
        }
        Scored ready = prescored;
        prescored = null;
        if (ready != null && ready.period().equals(period)) {
            preloaded = null;
            computations++;
            busy.set(false);
            showScored(ready);
            return;
        }
        long request = generation;
        running = true;
        busy.set(true);
        Assessment loaded = preloaded;
        preloaded = null;
        computations++;
        executor.execute(() -> Scored.of(loaded != null ? loaded : loader.apply(period), period, scoring), s -> {
            if (answered(request)) {
                busy.set(false);
                showScored(s);
            }
        }, e -> {
            if (answered(request)) {
                busy.set(false);
                show(null);
                errorMessage.set(describe(period, e));
            }
        });
    }

    private void showScored(Scored s) {
        errorMessage.set("");
        showAssessment(s.assessment());
        inputs = s.inputs();
        totalsCharts.setAll(s.totalsCharts());
        show(s.result());
    }

    /** Ends a piece of work; whether its answer is still wanted (else the latest request is started). */
    private boolean answered(long request) {
        running = false;
        if (request == generation) {
            pending = false;
            return true;
        }
        if (pending) {
            pending = false;
            recompute();
        }
        return false;
    }

    private void showAssessment(Assessment a) {
        if (!layout.get().fits(a.scheme())) {
            layout.set(Layout.of(a.scheme()));
        }
        assessment.set(a);
        simulated.set(a.simulated());
        String name = a.scheme().name();
        title.set(a.simulated()
                ? Messages.get().text("ui.app.title-simulated", name)
                : Messages.get().text("ui.app.title", name));
    }

    private void show(PeriodResult r) {
        List<ZoneRows> zoneRows = zoneRows();
        if (r == null) {
            overallRows.clear();
            zoneRows.forEach(z -> z.rows().clear());
            result.set(null);
            status.set("");
            totalsCharts.clear();
            bestByZone = Map.of();
            showBreakdown();
            return;
        }
        List<Dimension> dimensionColumns = dimensionColumns();
        List<ResultRow> rows = r.rows().stream().map(u -> ResultRow.of(u, dimensionColumns, r.hasPrevious())).toList();
        overallRows.setAll(rows);
        Map<String, List<ResultRow>> byZone = new LinkedHashMap<>();
        for (ResultRow row : rows) {
            byZone.computeIfAbsent(row.zoneCode(), z -> new ArrayList<>()).add(row);
        }
        for (ZoneRows z : zoneRows) {
            List<ResultRow> inZone = new ArrayList<>(byZone.getOrDefault(z.zone().code(), List.of()));
            // the engine orders by overall rank; a stable sort by zone rank keeps its tie order
            inZone.sort(Comparator.comparingInt(ResultRow::zoneRank));
            z.rows().setAll(inZone);
        }
        result.set(r);
        status.set(statusText(r));
        bestByZone = WeakestIndicators.bestByZone(r.rows());
        showBreakdown();
    }

    /** The unit whose breakdown is shown, by code; empty for none. */
    public StringProperty selectedUnitProperty() {
        return selectedUnit;
    }

    public void selectUnit(String unitCode) {
        selectedUnit.set(unitCode == null ? "" : unitCode);
    }

    /** The chosen unit's breakdown in the period shown; null while no unit is chosen or it has no result. */
    public ReadOnlyObjectProperty<UnitBreakdown> breakdownProperty() {
        return breakdown.getReadOnlyProperty();
    }

    public UnitBreakdown getBreakdown() {
        return breakdown.get();
    }

    /** The totals chart of each zone, as the meeting workbook draws them, for the period shown. */
    public ObservableList<ChartData> totalsCharts() {
        return totalsChartsShown;
    }

    private void showBreakdown() {
        PeriodResult r = result.get();
        String code = selectedUnit.get();
        if (r == null || code == null || code.isEmpty()) {
            breakdown.set(null);
            return;
        }
        Assessment a = assessment.get();
        breakdown.set(UnitBreakdown.of(r, code, a.targets(), inputs.getOrDefault(code, Map.of()), bestByZone)
                .orElse(null));
    }

    private static String statusText(PeriodResult r) {
        List<UnitResult> listed = r.rows().stream().filter(UnitResult::listed).toList();
        long reminders = listed.stream().filter(u -> u.bottom().get().level() == Level.REMINDER).count();
        long escalated = listed.stream().filter(u -> u.bottom().get().level() == Level.ESCALATED).count();
        // counted as 末位约谈 counts them: 约谈, 升级约谈, 提醒
        return Messages.get().text("ui.results.status", ResultFormat.period(r.period()),
                Integer.toString(r.rows().size()), Integer.toString(listed.size()),
                Long.toString(listed.size() - reminders - escalated), Long.toString(escalated),
                Long.toString(reminders));
    }

    private static String describe(Period period, Throwable e) {
        if (e instanceof ValidationException) {
            return ((ValidationException) e).issues().stream()
                    .map(Messages.get()::describe)
                    .collect(Collectors.joining("\n"));
        }
        return Messages.get().text("ui.results.failed", ResultFormat.period(period),
                e.getClass().getSimpleName() + ": " + e.getMessage());
    }
}

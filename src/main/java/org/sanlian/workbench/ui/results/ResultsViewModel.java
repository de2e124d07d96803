package org.sanlian.workbench.ui.results;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

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
import org.sanlian.workbench.app.ScoringService;
import org.sanlian.workbench.core.bottom.Level;
import org.sanlian.workbench.core.check.ValidationException;
import org.sanlian.workbench.core.model.Dimension;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.model.Zone;
import org.sanlian.workbench.core.scoring.PeriodResult;
import org.sanlian.workbench.core.scoring.UnitResult;
import org.sanlian.workbench.i18n.Messages;
import org.sanlian.workbench.ui.common.TaskExecutor;

/**
 * The results screen's state: the periods with data, the chosen period (the latest at first), and
 * the overall and per-zone ranking rows of that period. Choosing a period scores it through the
 * executor; an answer that arrives after another period was chosen is dropped. Knows no view, so it
 * is tested without a toolkit.
 */
public final class ResultsViewModel {

    /** The rows of one zone's tab. */
    public record ZoneRows(Zone zone, ObservableList<ResultRow> rows) {
    }

    private final Assessment assessment;
    private final ScoringService scoring;
    private final TaskExecutor executor;
    private final ResultFormat format;
    private final List<Dimension> dimensionColumns;

    private final ObservableList<Period> periods = FXCollections.observableArrayList();
    private final ObjectProperty<Period> selectedPeriod = new SimpleObjectProperty<>(this, "selectedPeriod");
    private final ReadOnlyObjectWrapper<PeriodResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ObservableList<ResultRow> overallRows = FXCollections.observableArrayList();
    private final List<ZoneRows> zoneRows;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper(this, "errorMessage", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");

    /** Counts requests, so that only the answer to the latest one is shown. */
    private long generation;

    public ResultsViewModel(Assessment assessment, ScoringService scoring, TaskExecutor executor) {
        this.assessment = Objects.requireNonNull(assessment, "assessment");
        this.scoring = Objects.requireNonNull(scoring, "scoring");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.format = new ResultFormat(assessment.scheme().decimals());
        this.dimensionColumns = assessment.scheme().tree().stream()
                .filter(n -> n instanceof Dimension)
                .map(n -> (Dimension) n)
                .toList();
        List<ZoneRows> zones = new ArrayList<>();
        for (Zone z : assessment.scheme().zones()) {
            zones.add(new ZoneRows(z, FXCollections.observableArrayList()));
        }
        this.zoneRows = List.copyOf(zones);

        periods.setAll(scoring.periods(assessment));
        selectedPeriod.addListener((obs, old, period) -> recompute(period));
        if (periods.isEmpty()) {
            status.set(Messages.get().text("ui.results.no-periods"));
        } else {
            selectedPeriod.set(periods.get(periods.size() - 1));
        }
    }

    public Assessment assessment() {
        return assessment;
    }

    public ResultFormat format() {
        return format;
    }

    /** The scheme's top-level dimensions, one subtotal column each, in the scheme's order. */
    public List<Dimension> dimensionColumns() {
        return dimensionColumns;
    }

    /** The window title: the workbench, the scheme, and 示例数据 when the figures are simulated. */
    public String title() {
        String name = assessment.scheme().name();
        return assessment.simulated()
                ? Messages.get().text("ui.app.title-simulated", name)
                : Messages.get().text("ui.app.title", name);
    }

    public boolean simulated() {
        return assessment.simulated();
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
        return zoneRows;
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

    private void recompute(Period period) {
        long request = ++generation;
        if (period == null) {
            show(null);
            busy.set(false);
            return;
        }
        busy.set(true);
        executor.execute(() -> scoring.score(assessment, period),
                r -> {
                    if (request == generation) {
                        busy.set(false);
                        errorMessage.set("");
                        show(r);
                    }
                },
                e -> {
                    if (request == generation) {
                        busy.set(false);
                        show(null);
                        errorMessage.set(describe(period, e));
                    }
                });
    }

    private void show(PeriodResult r) {
        if (r == null) {
            overallRows.clear();
            zoneRows.forEach(z -> z.rows().clear());
            result.set(null);
            status.set("");
            return;
        }
        List<ResultRow> rows = r.rows().stream().map(u -> ResultRow.of(u, dimensionColumns)).toList();
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
    }

    private static String statusText(PeriodResult r) {
        List<UnitResult> listed = r.rows().stream().filter(UnitResult::listed).toList();
        long reminders = listed.stream()
                .filter(u -> u.bottom().get().level() == Level.REMINDER)
                .count();
        return Messages.get().text("ui.results.status", ResultFormat.period(r.period()),
                Integer.toString(r.rows().size()), Integer.toString(listed.size()),
                Long.toString(listed.size() - reminders), Long.toString(reminders));
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

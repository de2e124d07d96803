package org.sanlian.workbench.ui.targets;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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

import org.sanlian.workbench.app.CityTargetService;
import org.sanlian.workbench.app.WorkbenchDatabase;
import org.sanlian.workbench.core.model.CityTarget;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.targets.CityProgress;
import org.sanlian.workbench.i18n.Messages;
import org.sanlian.workbench.ui.common.CityTargetText;
import org.sanlian.workbench.ui.common.ErrorText;
import org.sanlian.workbench.ui.common.TaskExecutor;
import org.sanlian.workbench.ui.results.ResultFormat;
import org.sanlian.workbench.ui.shell.Workspace;

/**
 * The 目标进度 screen's state: the city's goals of the chosen year's scheme in the chosen period
 * (city figure, entered 全市数, target, baseline, progress, yearly path needed, status), and for the
 * goal chosen the units' parts. Read through {@code app} in the background; an answer to an older
 * request is dropped; reloads when the database, year, period or content (revision) changes.
 * Knows no view, so it is tested without a toolkit.
 */
public final class TargetsViewModel {

    private final Workspace workspace;
    private final TaskExecutor executor;
    private final ObservableList<CityTargetService.Row> rows = FXCollections.observableArrayList();
    /** Held, so that listeners of the read-only view are not lost with it. */
    private final ObservableList<CityTargetService.Row> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ObservableList<CityProgress.UnitPart> units = FXCollections.observableArrayList();
    /** Held, so that listeners of the read-only view are not lost with it. */
    private final ObservableList<CityProgress.UnitPart> unitsView = FXCollections.unmodifiableObservableList(units);
    private final ObjectProperty<CityTargetService.Row> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyObjectWrapper<Period> period = new ReadOnlyObjectWrapper<>(this, "period");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper(this, "detail", "");
    private final ReadOnlyStringWrapper warning = new ReadOnlyStringWrapper(this, "warning", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private long generation;
    /** The code of the goal to choose again once a reload after a failure succeeds. */
    private String reselect;

    public TargetsViewModel(Workspace workspace, TaskExecutor executor) {
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        this.executor = Objects.requireNonNull(executor, "executor");
        workspace.stateProperty().addListener((obs, old, now) -> {
            if (!now.sameContent(old) || !now.period().equals(old.period()) || !now.year().equals(old.year())) {
                load();
            }
        });
        selected.addListener((obs, old, now) -> showSelected(now));
        load();
    }

    /** Reads the goals of the chosen period (in the background); an older answer is dropped. */
    public void load() {
        long request = ++generation;
        Workspace.State s = workspace.state();
        if (s.database().isEmpty() || s.period().isEmpty()) {
            busy.set(false);
            clear();
            return;
        }
        WorkbenchDatabase db = s.database().get();
        Period p = s.period().get();
        Optional<Integer> year = s.year();
        busy.set(true);
        executor.execute(() -> CityTargetService.load(db, p, year), report -> {
            if (request != generation) {
                return;
            }
            busy.set(false);
            error.set("");
            show(report);
        }, e -> {
            if (request == generation) {
                busy.set(false);
                clear();
                error.set(ErrorText.of(e));
            }
        });
    }

    private void clear() {
        String code = selected.get() == null ? null : selected.get().goal().target().code();
        rows.clear();
        selected.set(null);
        reselect = code;
        period.set(null);
        summary.set("");
    }

    private void show(CityTargetService.Report report) {
        String code = selected.get() != null ? selected.get().goal().target().code() : reselect;
        period.set(report.period());
        rows.setAll(report.rows());
        CityTargetService.Row again = report.rows().stream()
                .filter(r -> r.goal().target().code().equals(code)).findFirst()
                .orElse(report.rows().isEmpty() ? null : report.rows().get(0));
        selected.set(null);
        selected.set(again);
        reselect = null;
        if (report.rows().isEmpty()) {
            summary.set(text("ui.targets.none", ResultFormat.period(report.period()),
                    Integer.toString(report.schemeYear())));
            return;
        }
        long reached = count(report, CityProgress.Status.REACHED);
        long onTrack = count(report, CityProgress.Status.ON_TRACK);
        long behind = count(report, CityProgress.Status.BEHIND);
        long differs = report.rows().stream().filter(CityTargetService.Row::differs).count();
        String s = text("ui.targets.summary", ResultFormat.period(report.period()),
                Integer.toString(report.schemeYear()), Integer.toString(report.rows().size()),
                Long.toString(reached), Long.toString(onTrack), Long.toString(behind));
        summary.set(differs > 0 ? s + text("ui.targets.summary-differs", Long.toString(differs)) : s);
    }

    private static long count(CityTargetService.Report report, CityProgress.Status status) {
        return report.rows().stream().filter(r -> r.goal().status() == status).count();
    }

    private void showSelected(CityTargetService.Row row) {
        if (row == null) {
            units.clear();
            detail.set("");
            warning.set("");
            return;
        }
        CityProgress.Goal g = row.goal();
        units.setAll(g.units());
        CityTarget t = g.target();
        String how = t.aggregate() == CityTarget.CityAggregate.RECOMPUTE
                ? text("ui.targets.how-recompute") : text("ui.targets.how-sum");
        if (t.cumulativeFrom().isPresent()) {
            how += text("ui.targets.how-cumulative", Integer.toString(t.cumulativeFrom().getAsInt()),
                    g.periods().stream().map(ResultFormat::period).reduce((a, b) -> a + "、" + b).orElse(""));
        }
        detail.set(text("ui.targets.detail", t.name(), how));
        List<String> warnings = new ArrayList<>();
        if (!g.missing().isEmpty()) {
            List<String> named = new ArrayList<>();
            for (CityProgress.Missing m : g.missing()) {
                String name = g.units().stream().filter(u -> u.unit().equals(m.unit()))
                        .map(CityProgress.UnitPart::name).findFirst().orElse(m.unit());
                named.add(g.periods().size() > 1 ? name + "（" + ResultFormat.period(m.period()) + "）" : name);
            }
            warnings.add(text("ui.targets.missing", Integer.toString(g.missingUnits().size()),
                    String.join("、", named)));
        }
        if (row.differs()) {
            warnings.add(text("ui.targets.differs", CityTargetText.number(row.entered()), CityTargetText.number(g.figure())));
        }
        warning.set(String.join("\n", warnings));
    }

    // --- what is shown ---------------------------------------------------------------------

    /** One row per goal of the scheme, in its order. */
    public ObservableList<CityTargetService.Row> rows() {
        return rowsView;
    }

    /** The goal whose units are shown. */
    public ObjectProperty<CityTargetService.Row> selectedProperty() {
        return selected;
    }

    /** The chosen goal's units with their figures and parts, in the scheme's order. */
    public ObservableList<CityProgress.UnitPart> units() {
        return unitsView;
    }

    public ReadOnlyObjectProperty<Period> periodProperty() {
        return period.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The period, the scheme's year and how many goals are reached, on track and behind. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The chosen goal's name and how its city figure is formed. */
    public ReadOnlyStringProperty detailProperty() {
        return detail.getReadOnlyProperty();
    }

    /** The chosen goal's data warnings: units without figures (named), an entered 全市数 that differs. */
    public ReadOnlyStringProperty warningProperty() {
        return warning.getReadOnlyProperty();
    }

    /** Why the goals could not be read. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    private static String text(String key, Object... args) {
        return Messages.get().text(key, args);
    }
}

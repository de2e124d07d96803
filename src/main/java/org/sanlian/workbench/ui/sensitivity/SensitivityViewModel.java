package org.sanlian.workbench.ui.sensitivity;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.sanlian.workbench.app.CancelledException;
import org.sanlian.workbench.app.ScoringService;
import org.sanlian.workbench.app.WorkbenchDatabase;
import org.sanlian.workbench.core.check.ValidationException;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.model.Scheme;
import org.sanlian.workbench.core.model.SensitivitySettings;
import org.sanlian.workbench.core.model.Unit;
import org.sanlian.workbench.core.model.Zone;
import org.sanlian.workbench.core.sensitivity.DrawProgress;
import org.sanlian.workbench.core.sensitivity.SensitivityResult;
import org.sanlian.workbench.core.sensitivity.UnitSensitivity;
import org.sanlian.workbench.i18n.Messages;
import org.sanlian.workbench.ui.common.ErrorText;
import org.sanlian.workbench.ui.common.TaskExecutor;
import org.sanlian.workbench.ui.results.ResultFormat;
import org.sanlian.workbench.ui.shell.Workspace;

/**
 * 稳健性's state: how stable each unit's rank in the chosen period is when the weights move (the
 * Monte Carlo run of {@code ScoringService.sensitivity}). The spread and the number of draws start
 * at the scheme's settings; 计算 runs in the background, tells its progress and can be cancelled
 * between draws. A change of period, year or content stops a run and clears what was shown (it
 * would be stale). Knows no view, so it is tested without a toolkit.
 */
public final class SensitivityViewModel {

    /**
     * The spinners' ends: the scheme's own limits (SensitivitySettings: draws 1 to 1,000,000, spread
     * 0 to below 1, as the scheme editor and {@code sanlian sensitivity} allow), so the window runs
     * what the scheme says; the spread's spinner stops at 0.99.
     */
    public static final double MIN_SPREAD = 0;
    public static final double MAX_SPREAD = 0.99;
    public static final int MIN_DRAWS = SensitivitySettings.MIN_DRAWS;
    public static final int MAX_DRAWS = SensitivitySettings.MAX_DRAWS;

    /** What a settings load hands back: the scheme that scores the period. */
    private record Loaded(Period period, Scheme scheme) {
    }

    private final Workspace workspace;
    private final TaskExecutor executor;
    private final ScoringService scoring;
    private final ObjectProperty<Double> spread = new SimpleObjectProperty<>(this, "spread",
            SensitivitySettings.DEFAULT.spread());
    private final ObjectProperty<Integer> draws = new SimpleObjectProperty<>(this, "draws",
            SensitivitySettings.DEFAULT.draws());
    private final ObservableList<SensitivityRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<SensitivityResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyObjectWrapper<Period> period = new ReadOnlyObjectWrapper<>(this, "period");
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper(this, "heading", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(this, "ready");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private Scheme scheme;
    private AtomicBoolean stop = new AtomicBoolean();
    private long generation;

    public SensitivityViewModel(Workspace workspace, TaskExecutor executor, ScoringService scoring) {
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.scoring = Objects.requireNonNull(scoring, "scoring");
        workspace.stateProperty().addListener((obs, old, now) -> {
            if (!now.sameContent(old) || !now.period().equals(old.period()) || !now.year().equals(old.year())) {
                boolean hadResult = result.get() != null || running.get();
                load();
                if (hadResult) {
                    status.set(text("ui.sensitivity.stale"));
                }
            }
        });
        load();
    }

    /** Reads the scheme of the chosen period (in the background): its settings become the controls' values. */
    public void load() {
        long request = ++generation;
        stop.set(true);
        running.set(false);
        progress.set(0);
        rows.clear();
        result.set(null);
        status.set("");
        error.set("");
        Workspace.State s = workspace.state();
        if (s.database().isEmpty() || s.period().isEmpty()) {
            scheme = null;
            period.set(null);
            ready.set(false);
            heading.set(s.database().isPresent() ? text("ui.sensitivity.none") : "");
            return;
        }
        WorkbenchDatabase db = s.database().get();
        Period p = s.period().get();
        Optional<Integer> year = s.year();
        ready.set(false);
        executor.execute(() -> new Loaded(p, db.scheme(db.schemeFor(p, year))), loaded -> {
            if (request != generation) {
                return;
            }
            scheme = loaded.scheme();
            period.set(loaded.period());
            SensitivitySettings settings = scheme.sensitivity();
            spread.set(clamp(settings.spread(), MIN_SPREAD, MAX_SPREAD));
            draws.set((int) clamp(settings.draws(), MIN_DRAWS, MAX_DRAWS));
            heading.set(text("ui.sensitivity.heading", ResultFormat.period(loaded.period()), scheme.name()));
            ready.set(true);
        }, e -> {
            if (request == generation) {
                scheme = null;
                error.set(ErrorText.of(e));
            }
        });
    }

    /**
     * 计算: runs the draws for the chosen period with the spread and draws chosen and the scheme's
     * seed, in the background; returns why not when the settings are out of range or nothing is chosen.
     */
    public Optional<String> run() {
        Double a = spread.get();
        Integer n = draws.get();
        if (a == null || !SensitivitySettings.validSpread(a)) {
            return refuse(text("ui.sensitivity.bad-spread", "0", "1", a == null ? "" : spreadText(a)));
        }
        if (n == null || !SensitivitySettings.validDraws(n)) {
            return refuse(text("ui.sensitivity.bad-draws", Integer.toString(MIN_DRAWS), Integer.toString(MAX_DRAWS),
                    String.valueOf(n)));
        }
        Workspace.State s = workspace.state();
        Period p = period.get();
        if (s.database().isEmpty() || p == null || scheme == null || running.get()) {
            return Optional.empty();
        }
        WorkbenchDatabase db = s.database().get();
        Optional<Integer> year = s.year();
        SensitivitySettings settings = new SensitivitySettings(n, a, scheme.sensitivity().seed());
        long request = ++generation;
        AtomicBoolean stopThis = new AtomicBoolean();
        stop = stopThis;
        int step = Math.max(1, n / 100);
        DrawProgress watch = new DrawProgress() {
            @Override
            public void drawn(int done, int total) {
                if (done % step == 0 || done == total) {
                    executor.inForeground(() -> {
                        if (request == generation) {
                            progress.set((double) done / total);
                            status.set(text("ui.sensitivity.running", Integer.toString(done), Integer.toString(total)));
                        }
                    });
                }
            }

            @Override
            public boolean stopRequested() {
                return stopThis.get();
            }
        };
        running.set(true);
        progress.set(0);
        error.set("");
        status.set(text("ui.sensitivity.running", "0", Integer.toString(n)));
        executor.execute(() -> scoring.sensitivity(db.assessment(p, year), p, settings, watch), r -> {
            if (request == generation) {
                running.set(false);
                show(r);
                status.set(text("ui.sensitivity.done", ResultFormat.period(p), Integer.toString(n),
                        spreadText(a), Long.toString(settings.seed())));
            }
        }, e -> {
            if (request == generation) {
                running.set(false);
                progress.set(0);
                if (e instanceof CancelledException) {
                    status.set(text("ui.sensitivity.cancelled"));
                } else {
                    status.set("");
                    error.set(e instanceof ValidationException ? ErrorText.of(e)
                            : text("ui.sensitivity.failed", ResultFormat.period(p), ErrorText.of(e)));
                }
            }
        });
        return Optional.empty();
    }

    /** 取消: the run stops before its next draw (its answer is a cancellation, nothing is shown). */
    public void cancel() {
        stop.set(true);
    }

    private void show(SensitivityResult r) {
        Map<String, Zone> zones = r.scheme().zoneByUnit();
        rows.setAll(r.units().stream().map(u -> row(u, r.scheme(), zones)).toList());
        result.set(r);
    }

    private static SensitivityRow row(UnitSensitivity u, Scheme scheme, Map<String, Zone> zones) {
        String name = scheme.unit(u.unit()).map(Unit::name).orElse(u.unit());
        String zone = Optional.ofNullable(zones.get(u.unit())).map(Zone::name).orElse("");
        return new SensitivityRow(u.unit(), name, zone, u.rank(), u.medianRank(), u.p05Rank(), u.p95Rank(),
                u.bestRank(), u.worstRank(), u.listedShare());
    }

    private Optional<String> refuse(String why) {
        error.set(why);
        return Optional.of(why);
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(max, v));
    }

    /** A spread as typed: 0.2, 0.05. */
    public static String spreadText(double spread) {
        return java.math.BigDecimal.valueOf(spread).stripTrailingZeros().toPlainString();
    }

    // --- what is shown ---------------------------------------------------------------------

    /** The spread of the weights' random factors (1 ± spread), MIN_SPREAD to MAX_SPREAD. */
    public ObjectProperty<Double> spreadProperty() {
        return spread;
    }

    /** The number of draws, MIN_DRAWS to MAX_DRAWS. */
    public ObjectProperty<Integer> drawsProperty() {
        return draws;
    }

    /** A row per unit, in the order of the unperturbed ranking; empty until a run is done. */
    public ObservableList<SensitivityRow> rows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    /** The last run's result; null until a run is done for what is chosen now. */
    public ReadOnlyObjectProperty<SensitivityResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Period> periodProperty() {
        return period.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    /** 正在计算：300/1000 次抽样……, what the last run was, or 已取消. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Why a run was refused or failed; empty otherwise. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Whether a run can be started (a period and its scheme are read). */
    public ReadOnlyBooleanProperty readyProperty() {
        return ready.getReadOnlyProperty();
    }

    /** The share of the draws made, 0 to 1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    private static String text(String key, Object... args) {
        return Messages.get().text(key, args);
    }
}

package org.sanlian.workbench.ui.overview;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.sanlian.workbench.ui.common.CityTargetText;
import org.sanlian.workbench.core.targets.CityProgress;

import org.sanlian.workbench.app.Overview;
import org.sanlian.workbench.app.OverviewService;
import org.sanlian.workbench.app.ScoringService;
import org.sanlian.workbench.app.WorkbenchDatabase;
import org.sanlian.workbench.core.model.Input;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.scoring.UnitResult;
import org.sanlian.workbench.i18n.Messages;
import org.sanlian.workbench.io.report.ReportText;
import org.sanlian.workbench.ui.common.ErrorText;
import org.sanlian.workbench.ui.common.TaskExecutor;
import org.sanlian.workbench.ui.results.ResultFormat;
import org.sanlian.workbench.ui.shell.Workspace;

/**
 * 总览's state: the period chosen at the top at a glance — each zone's best and last units, the
 * bottom list, the completeness of the period's figures, and what needs attention — read in the
 * background whenever the period, the year or the database's content changes (an answer to an
 * older request is dropped). Each block leads to its screen through the workspace. City targets'
 * progress is left to the 目标进度 screen (the block only leads there). Knows no view, so it is
 * tested without a toolkit.
 */
public final class OverviewViewModel {

    /** How many units of each end of a zone's ranking are shown. */
    public static final int PER_ZONE = 3;

    /** The overview's blocks and the screens they lead to (the first the window has). */
    public enum Block {
        ZONES("results"), BOTTOM("bottom", "results"), COMPLETENESS("entry"), TARGETS("targets");

        private final List<String> screens;

        Block(String... screens) {
            this.screens = List.of(screens);
        }

        public List<String> screens() {
            return screens;
        }
    }

    /** A ranking line of a zone: zone rank, unit, total and rank change as shown. */
    public record RankLine(String code, int zoneRank, String unit, String total, String change) {
    }

    /** A zone's block: its name and unit count, its best and last lines, and whether lines are left out between. */
    public record ZoneLines(String code, String title, List<RankLine> top, List<RankLine> bottom, boolean gap) {
        public ZoneLines {
            top = List.copyOf(top);
            bottom = List.copyOf(bottom);
        }
    }

    /** A unit on the bottom list: name, zone, level and the rules that listed it, in words. */
    public record BottomLine(String code, String unit, String zone, String level, String rules) {
    }

    /** An input and how many units have it ({@code 8/10}). */
    public record InputLine(String code, String input, String filled, boolean complete) {
    }

    /** A unit and the inputs it misses. */
    public record GapLine(String code, String unit, int count, String missing) {
    }

    /** A warning in words, with the screen that deals with it (empty: none). */
    public record WarningLine(String text, String screen) {
    }

    private final Workspace workspace;
    private final TaskExecutor executor;
    private final ScoringService scoring;
    private final Clock clock;
    /** A city target in brief: name, city figure, target (with its year), progress, status. */
    public record TargetLine(String code, String name, String figure, String target, String progress, String status,
                             CityProgress.Status state) {
    }

    private final ObservableList<ZoneLines> zones = FXCollections.observableArrayList();
    private final ObservableList<BottomLine> bottom = FXCollections.observableArrayList();
    private final ObservableList<InputLine> inputs = FXCollections.observableArrayList();
    private final ObservableList<GapLine> gaps = FXCollections.observableArrayList();
    private final ObservableList<WarningLine> warnings = FXCollections.observableArrayList();
    private final ObservableList<TargetLine> targets = FXCollections.observableArrayList();
    // the read-only views handed out are kept: a view listens to them, and a wrapper made per call
    // (held only weakly by its list) could be collected with the view's listener on it
    private final ObservableList<ZoneLines> zonesView = FXCollections.unmodifiableObservableList(zones);
    private final ObservableList<BottomLine> bottomView = FXCollections.unmodifiableObservableList(bottom);
    private final ObservableList<InputLine> inputsView = FXCollections.unmodifiableObservableList(inputs);
    private final ObservableList<GapLine> gapsView = FXCollections.unmodifiableObservableList(gaps);
    private final ObservableList<WarningLine> warningsView = FXCollections.unmodifiableObservableList(warnings);
    private final ObservableList<TargetLine> targetsView = FXCollections.unmodifiableObservableList(targets);
    private final ReadOnlyObjectWrapper<Overview> overview = new ReadOnlyObjectWrapper<>(this, "overview");
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper(this, "heading", "");
    private final ReadOnlyStringWrapper completeness = new ReadOnlyStringWrapper(this, "completeness", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private long generation;

    public OverviewViewModel(Workspace workspace, TaskExecutor executor, ScoringService scoring, Clock clock) {
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.scoring = Objects.requireNonNull(scoring, "scoring");
        this.clock = Objects.requireNonNull(clock, "clock");
        workspace.stateProperty().addListener((obs, old, now) -> {
            if (!now.sameContent(old) || !now.period().equals(old.period()) || !now.year().equals(old.year())) {
                load();
            }
        });
        load();
    }

    /** Reads and scores the chosen period (in the background); an older request's answer is dropped. */
    public void load() {
        long request = ++generation;
        Workspace.State s = workspace.state();
        if (s.database().isEmpty() || s.period().isEmpty()) {
            busy.set(false);
            show(null);
            error.set("");
            heading.set(s.database().isPresent() ? text("ui.overview.none") : "");
            return;
        }
        WorkbenchDatabase db = s.database().get();
        Period period = s.period().get();
        Optional<Integer> year = s.year();
        LocalDateTime now = LocalDateTime.now(clock);
        busy.set(true);
        executor.execute(() -> OverviewService.load(db, period, year, scoring, PER_ZONE, now), o -> {
            if (request == generation) {
                busy.set(false);
                error.set("");
                show(o);
            }
        }, e -> {
            if (request == generation) {
                busy.set(false);
                show(null);
                error.set(text("ui.overview.failed", ResultFormat.period(period), ErrorText.of(e)));
            }
        });
    }

    private void show(Overview o) {
        overview.set(o);
        if (o == null) {
            zones.clear();
            bottom.clear();
            inputs.clear();
            gaps.clear();
            warnings.clear();
            targets.clear();
            completeness.set("");
            return;
        }
        String period = ResultFormat.period(o.period());
        heading.set(text(o.simulated() ? "ui.overview.heading-simulated" : "ui.overview.heading", period,
                o.scheme().name()));
        ResultFormat format = new ResultFormat(o.scheme().decimals());
        zones.setAll(o.zones().stream().map(z -> new ZoneLines(z.zone().code(),
                text("ui.overview.zone-units", z.zone().name(), Integer.toString(z.units())),
                lines(z.top(), format), lines(z.bottom(), format), z.top().size() + z.bottom().size() < z.units()))
                .toList());
        bottom.setAll(o.listed().stream().map(r -> new BottomLine(r.unit().code(), r.unit().name(), r.zone().name(),
                ResultFormat.levelText(r.bottom().get().level()),
                String.join("；", ReportText.rules(r.bottom().get().rules(), o.scheme().bottomRules())))).toList());
        inputs.setAll(o.inputs().stream().map(f -> new InputLine(f.input().code(), f.input().name(),
                f.filled() + "/" + f.units(), f.complete())).toList());
        gaps.setAll(o.gaps().stream().map(g -> new GapLine(g.unit().code(), g.unit().name(), g.missing().size(),
                g.missing().stream().map(Input::name).collect(Collectors.joining("、")))).toList());
        int all = o.inputs().stream().mapToInt(Overview.InputFill::units).sum();
        int filled = o.inputs().stream().mapToInt(Overview.InputFill::filled).sum();
        completeness.set(text("ui.overview.completeness", Integer.toString(filled), Integer.toString(all)));
        List<WarningLine> w = new ArrayList<>();
        for (Overview.Warning warning : o.warnings()) {
            w.add(new WarningLine(warningText(o, warning, period), warning.kind().screen()));
        }
        warnings.setAll(w);
        targets.setAll(o.targets().stream().map(r -> new TargetLine(r.goal().target().code(),
                r.goal().target().name(), CityTargetText.number(r.goal().figure()),
                CityTargetText.target(r.goal().target()), CityTargetText.percent(r.goal().progress()),
                CityTargetText.status(r.goal().status()), r.goal().status())).toList());
    }

    private static List<RankLine> lines(List<UnitResult> rows, ResultFormat format) {
        return rows.stream().map(r -> new RankLine(r.unit().code(), r.zoneRank(), r.unit().name(),
                format.score(r.total()), format.rankChange(r.rankChange()))).toList();
    }

    private static String warningText(Overview o, Overview.Warning w, String period) {
        String key = "ui.overview.warn." + w.kind().name();
        switch (w.kind()) {
            case NOT_SCORED:
                return text(key, period, o.scoringIssues().stream().map(Messages.get()::describe)
                        .collect(Collectors.joining(" ")));
            case NOT_PUBLISHED:
                return text(key, period);
            default:
                return text(key, w.args().toArray());
        }
    }

    /** Leads to the screen of a block (the first of its screens the window has); false when it has none. */
    public boolean open(Block block) {
        return block.screens().stream().anyMatch(workspace::showScreen);
    }

    /** Leads to the screen of a warning; false when it has none. */
    public boolean open(WarningLine warning) {
        return !warning.screen().isEmpty() && workspace.showScreen(warning.screen());
    }

    // --- what is shown ---------------------------------------------------------------------

    /** The overview shown; null while none is (no period, not read yet, or failed). */
    public ReadOnlyObjectProperty<Overview> overviewProperty() {
        return overview.getReadOnlyProperty();
    }

    public ObservableList<ZoneLines> zones() {
        return zonesView;
    }

    public ObservableList<BottomLine> bottom() {
        return bottomView;
    }

    public ObservableList<InputLine> inputs() {
        return inputsView;
    }

    public ObservableList<GapLine> gaps() {
        return gapsView;
    }

    /** Each city target of the scheme: its city figure, target, progress and status, as 目标进度 has them. */
    public ObservableList<TargetLine> targets() {
        return targetsView;
    }

    public ObservableList<WarningLine> warnings() {
        return warningsView;
    }

    /** 2025年 总览（方案：…）, or why nothing is shown. */
    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    /** 数据完整性（230/250 个数据已填）. */
    public ReadOnlyStringProperty completenessProperty() {
        return completeness.getReadOnlyProperty();
    }

    /** Why the overview could not be read; empty when it could. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    static String text(String key, Object... args) {
        return Messages.get().text(key, args);
    }
}

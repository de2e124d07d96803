package org.sanlian.workbench.ui.commitments;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import org.sanlian.workbench.app.Assessment;
import org.sanlian.workbench.app.CommitmentService;
import org.sanlian.workbench.app.CommitmentService.Key;
import org.sanlian.workbench.app.CommitmentService.Keeping;
import org.sanlian.workbench.app.CommitmentService.Reading;
import org.sanlian.workbench.app.CommitmentService.Sheet;
import org.sanlian.workbench.app.CommitmentService.Earlier;
import org.sanlian.workbench.app.CommitmentService.Carried;
import org.sanlian.workbench.app.CommitmentService.Part;
import org.sanlian.workbench.app.CommitmentService.Subject;
import org.sanlian.workbench.app.ZoneTargetService;
import org.sanlian.workbench.app.ZoneTargetService.ZoneSheet;
import org.sanlian.workbench.app.ScoringService;
import org.sanlian.workbench.app.WorkbenchDatabase;
import org.sanlian.workbench.core.model.Indicator;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.model.Unit;
import org.sanlian.workbench.i18n.Messages;
import org.sanlian.workbench.ui.common.EditHistory;
import org.sanlian.workbench.ui.common.ErrorText;
import org.sanlian.workbench.ui.common.TaskExecutor;
import org.sanlian.workbench.ui.results.ResultFormat;
import org.sanlian.workbench.ui.shell.Editing;
import org.sanlian.workbench.ui.shell.Workspace;

/**
 * The commitments screen's state: the chosen period's targets in two grids, the commitments by
 * unit and indicator (those that take the unit's commitment) and the zone targets by zone and
 * indicator (those that take the zone's target), typed cell by cell or pasted as a block from Excel,
 * each edit one undo step of one history over both grids, every refused cell named with its reason;
 * how far each commitment was kept against the unit's value as scored; and the targets of both saved
 * through {@code app} in one transaction under the workspace's operator. Knows no view, so it is
 * tested without a toolkit.
 */
public final class CommitmentsViewModel implements Editing {

    /** What a load hands back: the period's commitments and zone targets, and the earlier targets 沿用上期 would copy. */
    private record Loaded(Sheet sheet, ZoneSheet zones, Optional<Earlier> earlier) {
    }

    private final Workspace workspace;
    private final TaskExecutor executor;
    private final ScoringService scoring;
    private final EditHistory<CommitmentGrid> history = new EditHistory<>();
    private final ReadOnlyObjectWrapper<Sheet> sheet = new ReadOnlyObjectWrapper<>(this, "sheet");
    /** The grids: the commitments (units) and the zone targets (zones); empty tables while nothing is loaded. */
    private TargetTable commitments;
    private TargetTable zones;
    private final ReadOnlyStringWrapper zoneSummary = new ReadOnlyStringWrapper(this, "zoneSummary", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper editable = new ReadOnlyBooleanWrapper(this, "editable");
    private final ReadOnlyStringWrapper problems = new ReadOnlyStringWrapper(this, "problems", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyBooleanWrapper canCarryOver = new ReadOnlyBooleanWrapper(this, "canCarryOver");
    private final ReadOnlyStringWrapper carryOverTip = new ReadOnlyStringWrapper(this, "carryOverTip", "");
    /** The latest earlier period's targets of this grid's cells (沿用上期); null when there are none. */
    private CommitmentService.Earlier earlier;
    /** Counts loads, so that only the answer to the latest is shown. */
    private long generation;

    public CommitmentsViewModel(Workspace workspace, TaskExecutor executor, ScoringService scoring) {
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.scoring = Objects.requireNonNull(scoring, "scoring");
        workspace.stateProperty().addListener((obs, old, now) -> follow(old, now));
        history.currentProperty().addListener((obs, old, now) -> updateSummary());
        history.currentProperty().addListener((obs, old, now) -> updateZoneSummary());
        history.dirtyProperty().addListener((obs, was, is) -> updateSummary());
        history.currentProperty().addListener((obs, old, now) -> updateCarryOver());
        editable.addListener((obs, was, is) -> updateCarryOver());
        load();
    }

    private void follow(Workspace.State old, Workspace.State now) {
        boolean moved = !now.sameDatabase(old) || !now.period().equals(old.period()) || !now.year().equals(old.year());
        if (moved || (!now.sameContent(old) && !history.isDirty())) {
            load();
        } else {
            editable.set(sheet.get() != null && !now.readOnly());
        }
    }

    /** Reads the chosen period's commitments and the units' scored values (in the background). */
    public void load() {
        long request = ++generation;
        Workspace.State s = workspace.state();
        if (s.database().isEmpty() || s.period().isEmpty()) {
            setTables(null, null);
            sheet.set(null);
            earlier = null;
            history.clear();
            editable.set(false);
            updateCarryOver();
            return;
        }
        WorkbenchDatabase db = s.database().get();
        Period period = s.period().get();
        Optional<Integer> year = s.year();
        busy.set(true);
        executor.execute(() -> {
            // one reading of the period's assessment serves both grids
            int schemeYear = db.schemeFor(period, year).year();
            Assessment assessment = db.assessment(period, Optional.of(schemeYear));
            Sheet read = CommitmentService.of(assessment, schemeYear, period, scoring);
            ZoneSheet zoneRead = ZoneTargetService.of(assessment, period);
            List<Key> cells = new ArrayList<>(CommitmentService.keys(Subject.ofUnits(read.units()), read.indicators()));
            cells.addAll(CommitmentService.keys(zoneRead.rows(), zoneRead.indicators()));
            return new Loaded(read, zoneRead, CommitmentService.earlier(db, period, cells));
        }, loaded -> {
            if (request != generation) {
                return;
            }
            busy.set(false);
            error.set("");
            problems.set("");
            earlier = loaded.earlier().orElse(null);
            setTables(loaded.sheet(), loaded.zones());
            sheet.set(loaded.sheet());
            Map<Key, Double> targets = new LinkedHashMap<>(loaded.sheet().targets());
            targets.putAll(loaded.zones().targets()); // a zone target's indicator is never a commitment's: no clash
            history.reset(new CommitmentGrid(targets));
            editable.set(!workspace.state().readOnly());
            updateSummary();
            updateZoneSummary();
            updateCarryOver();
        }, e -> {
            if (request == generation) {
                busy.set(false);
                earlier = null;
                setTables(null, null);
                sheet.set(null);
                history.clear();
                editable.set(false);
                error.set(ErrorText.of(e));
            }
        });
    }

    // --- edits -----------------------------------------------------------------------------

    private void setTables(Sheet read, ZoneSheet zoneRead) {
        commitments = read == null ? null
                : new TargetTable(read.scheme(), Subject.ofUnits(read.units()), read.indicators());
        zones = read == null || zoneRead == null ? null
                : new TargetTable(read.scheme(), zoneRead.rows(), zoneRead.indicators());
    }

    /** The grid whose column is the indicator {@code code}: the commitments' or the zone targets'; null for neither. */
    private TargetTable tableOf(String code) {
        if (commitments != null && commitments.hasColumn(code)) {
            return commitments;
        }
        return zones != null && zones.hasColumn(code) ? zones : null;
    }

    /**
     * Types {@code text} into one cell (blank removes the target): a unit's commitment, or a zone's
     * target where {@code subject} is a zone and {@code code} a zone-target indicator. Returns why it
     * was refused, if it was.
     */
    public Optional<String> type(String subject, String code, String text) {
        if (sheet.get() == null || !editable.get()) {
            return Optional.of(text("ui.commitments.not-editable"));
        }
        TargetTable table = tableOf(code);
        Optional<Reading> read = table == null ? Optional.empty() : table.read(subject, code, text);
        if (read.isEmpty()) {
            return Optional.of(text("ui.commitments.no-such-cell", subject, code));
        }
        Reading r = read.get();
        if (!r.ok()) {
            String reason = Messages.get().describe(r.problem().get());
            problems.set(reason);
            return Optional.of(reason);
        }
        problems.set("");
        edit(Map.of(new Key(subject, code), r.value()));
        return Optional.empty();
    }

    /**
     * Pastes a block copied from Excel with its top left cell at ({@code subject}, {@code code}), within
     * that cell's grid: rows go down its units (or zones), cells across its indicators, in the order shown. Every readable cell is taken,
     * all in one undo step; every refused cell, and every cell past the grid's edge, is listed with
     * its reason. Returns those reasons.
     */
    public List<String> paste(String subject, String code, String block) {
        if (sheet.get() == null || !editable.get()) {
            String reason = text("ui.commitments.not-editable");
            problems.set(reason);
            return List.of(reason);
        }
        TargetTable table = tableOf(code);
        int row0 = table == null ? -1 : table.rowIndex(subject);
        if (row0 < 0) {
            return List.of(text("ui.commitments.no-such-cell", subject, code));
        }
        TargetTable.Pasted pasted = table.paste(row0, table.columnIndex(code), block);
        List<String> refused = new ArrayList<>(pasted.refused().stream().map(i -> Messages.get().describe(i)).toList());
        if (pasted.outside() > 0) {
            refused.add(text(table == zones ? "ui.commitments.outside-zones" : "ui.commitments.outside",
                    Integer.toString(pasted.outside())));
        }
        edit(pasted.cells());
        problems.set(refused.isEmpty() ? "" : text("ui.commitments.pasted-with-problems",
                Integer.toString(pasted.cells().size()), Integer.toString(refused.size())) + "\n" + String.join("\n", refused));
        return refused;
    }

    /**
     * 沿用上期: puts the targets of the latest earlier period of the same kind that has any into the
     * cells of the grid that have none (a target there, typed or kept, stays), as one undo step;
     * nothing is kept until 保存. A carried target the period's scheme no longer accepts is left out
     * and listed with its reason. Returns why not when it cannot be done (the button's tooltip).
     */
    public Optional<String> carryOver() {
        if (!canCarryOver.get()) {
            problems.set(carryOverTip.get());
            return Optional.of(carryOverTip.get());
        }
        Map<Key, OptionalDouble> cells = new LinkedHashMap<>();
        List<String> refused = new ArrayList<>();
        for (TargetTable table : tables()) {
            Carried carried = table.carry(earlier, history.current().targets());
            carried.targets().forEach((k, v) -> cells.put(k, OptionalDouble.of(v)));
            carried.refused().forEach(i -> refused.add(Messages.get().describe(i)));
        }
        edit(cells);
        notice.set(text("ui.commitments.carried", ResultFormat.period(earlier.period()),
                Integer.toString(cells.size())));
        problems.set(refused.isEmpty() ? "" : text("ui.commitments.carried-with-problems",
                Integer.toString(refused.size())) + "\n" + String.join("\n", refused));
        return Optional.empty();
    }

    private void updateCarryOver() {
        Sheet s = sheet.get();
        CommitmentGrid g = history.current();
        if (s == null || g == null || !editable.get()) {
            canCarryOver.set(false);
            carryOverTip.set(text("ui.commitments.not-editable"));
        } else if (earlier == null) {
            canCarryOver.set(false);
            carryOverTip.set(text("ui.commitments.carry-over-none", ResultFormat.period(s.period())));
        } else {
            int empty = 0;
            for (TargetTable table : tables()) {
                empty += table.carry(earlier, g.targets()).targets().size();
            }
            canCarryOver.set(empty > 0);
            carryOverTip.set(empty > 0
                    ? text("ui.commitments.carry-over-tip", ResultFormat.period(earlier.period()), Integer.toString(empty))
                    : text("ui.commitments.carry-over-full", ResultFormat.period(earlier.period())));
        }
    }

    /** The grids shown: the commitments, and the zone targets when the scheme has zone-target indicators. */
    private List<TargetTable> tables() {
        List<TargetTable> out = new ArrayList<>();
        if (commitments != null) {
            out.add(commitments);
        }
        if (zones != null && !zones.isEmpty()) {
            out.add(zones);
        }
        return out;
    }

    /** The period 沿用上期 copies from (the latest earlier one of the same kind with targets), if any. */
    public Optional<Period> earlierPeriod() {
        return Optional.ofNullable(earlier).map(Earlier::period);
    }

    /** Whether 沿用上期 can be done now: an earlier period has a target for a cell that has none here. */
    public ReadOnlyBooleanProperty canCarryOverProperty() {
        return canCarryOver.getReadOnlyProperty();
    }

    /** What 沿用上期 would fill, or why it cannot be done (the button's tooltip). */
    public ReadOnlyStringProperty carryOverTipProperty() {
        return carryOverTip.getReadOnlyProperty();
    }

    private void edit(Map<Key, OptionalDouble> cells) {
        if (cells.isEmpty() || history.current() == null) {
            return;
        }
        history.edit(history.current().with(cells));
        notice.set("");
    }

    @Override
    public void undo() {
        history.undo();
        problems.set("");
    }

    @Override
    public void redo() {
        history.redo();
        problems.set("");
    }

    @Override
    public void discard() {
        if (history.saved() != null) {
            history.reset(history.saved());
        }
        problems.set("");
        error.set("");
    }

    // --- saving ----------------------------------------------------------------------------

    /** Keeps the targets through {@code app} in one audited transaction, then the workspace reads the database again. */
    @Override
    public void save(Runnable onSaved) {
        if (!history.isDirty()) {
            onSaved.run();
            return;
        }
        Optional<WorkbenchDatabase> db = workspace.database();
        Sheet s = sheet.get();
        if (db.isEmpty() || s == null) {
            return;
        }
        CommitmentGrid saving = history.current();
        List<Part> parts = new ArrayList<>();
        parts.add(new Part(commitments.keys(), CommitmentService.SOURCE));
        if (zones != null) {
            parts.add(new Part(zones.keys(), ZoneTargetService.SOURCE));
        }
        String operator = workspace.operator();
        busy.set(true);
        error.set("");
        executor.execute(() -> CommitmentService.save(db.get(), s.period(), parts, saving.targets(), operator),
                changed -> {
                    busy.set(false);
                    history.markSaved(saving);
                    notice.set(text("ui.commitments.saved", Integer.toString(changed),
                            ResultFormat.period(s.period()), operator));
                    workspace.reload(onSaved);
                }, e -> {
                    busy.set(false);
                    error.set(ErrorText.of(e));
                });
    }

    // --- what is shown ---------------------------------------------------------------------

    /** The period's sheet (null while nothing is loaded). */
    public ReadOnlyObjectProperty<Sheet> sheetProperty() {
        return sheet.getReadOnlyProperty();
    }

    public Sheet sheet() {
        return sheet.get();
    }

    public ReadOnlyObjectProperty<CommitmentGrid> gridProperty() {
        return history.currentProperty();
    }

    public CommitmentGrid grid() {
        return history.current();
    }

    public OptionalDouble target(String unit, String code) {
        CommitmentGrid g = history.current();
        return g == null ? OptionalDouble.empty() : g.target(new Key(unit, code));
    }

    /** The target as the cell shows it. */
    public String targetText(String unit, String code) {
        return CommitmentGrid.text(target(unit, code));
    }

    /** The unit's value of the indicator in the period, as scored; empty without figures. */
    public OptionalDouble actual(String unit, String code) {
        Sheet s = sheet.get();
        Double v = s == null ? null : s.actuals().get(new Key(unit, code));
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    /** How far the unit kept its commitment (the target shown, edited or not); empty without a target or a value. */
    public Optional<Keeping> keeping(String unit, String code) {
        Sheet s = sheet.get();
        OptionalDouble t = target(unit, code);
        OptionalDouble x = actual(unit, code);
        if (s == null || t.isEmpty() || x.isEmpty()) {
            return Optional.empty();
        }
        return s.indicator(code).flatMap(i -> CommitmentService.keeping(i, x.getAsDouble(), t.getAsDouble()));
    }

    /** The kept cell's text: 完成 105.0%（实际 126） or why there is none. */
    public String keepingText(String unit, String code) {
        Sheet s = sheet.get();
        if (s == null) {
            return "";
        }
        if (!s.hasFigures()) {
            return text("ui.commitments.no-figures-short");
        }
        OptionalDouble x = actual(unit, code);
        if (x.isEmpty()) {
            return text("ui.commitments.no-value");
        }
        Optional<Keeping> k = keeping(unit, code);
        String actualText = CommitmentGrid.text(OptionalDouble.of(round(x.getAsDouble())));
        return k.map(v -> text(v.kept() ? "ui.commitments.kept" : "ui.commitments.not-kept",
                        String.format(java.util.Locale.ROOT, "%.1f", v.percent()), actualText))
                .orElse(text("ui.commitments.no-target", actualText));
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    @Override
    public ReadOnlyBooleanProperty dirtyProperty() {
        return history.dirtyProperty();
    }

    public boolean isDirty() {
        return history.isDirty();
    }

    @Override
    public ReadOnlyBooleanProperty canUndoProperty() {
        return history.canUndoProperty();
    }

    @Override
    public ReadOnlyBooleanProperty canRedoProperty() {
        return history.canRedoProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty editableProperty() {
        return editable.getReadOnlyProperty();
    }

    /** The cells last refused, each with its reason, one a line; empty when the last edit was taken whole. */
    public ReadOnlyStringProperty problemsProperty() {
        return problems.getReadOnlyProperty();
    }

    /** Why the period could not be read or saved. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** What was last done (saved), for the screen's status line. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** The period, the scheme year, targets entered, kept and not kept (and 有未保存的修改). */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    private void updateSummary() {
        Sheet s = sheet.get();
        CommitmentGrid g = history.current();
        if (s == null || g == null) {
            summary.set("");
            return;
        }
        int kept = 0;
        int missed = 0;
        for (Unit u : s.units()) {
            for (Indicator i : s.indicators()) {
                Optional<Keeping> k = keeping(u.code(), i.code());
                if (k.isPresent()) {
                    if (k.get().kept()) {
                        kept++;
                    } else {
                        missed++;
                    }
                }
            }
        }
        int cells = s.units().size() * s.indicators().size();
        String counts = s.hasFigures()
                ? text("ui.commitments.summary", ResultFormat.period(s.period()), Integer.toString(s.schemeYear()),
                        Integer.toString(commitments.filled(g.targets())), Integer.toString(cells), Integer.toString(kept),
                        Integer.toString(missed))
                : text("ui.commitments.summary-no-figures", ResultFormat.period(s.period()),
                        Integer.toString(s.schemeYear()), Integer.toString(commitments.filled(g.targets())),
                        Integer.toString(cells));
        summary.set(history.isDirty() ? counts + text("ui.units.unsaved") : counts);
    }

    // --- zone targets ------------------------------------------------------------------------

    /** The commitments' grid (units by the indicators that take commitments); empty while nothing is loaded. */
    public Optional<TargetTable> commitmentTable() {
        return Optional.ofNullable(commitments);
    }

    /** The zone targets' grid (zones by the indicators whose target is the zone's); empty while nothing is loaded. */
    public Optional<TargetTable> zoneTable() {
        return Optional.ofNullable(zones);
    }

    /** Whether the scheme that scores the period has indicators with zone targets (else that grid is hidden). */
    public boolean hasZoneTargets() {
        return zones != null && !zones.isEmpty();
    }

    /** The zone targets entered out of the zone grid's cells, or why there is no such grid. */
    public ReadOnlyStringProperty zoneSummaryProperty() {
        return zoneSummary.getReadOnlyProperty();
    }

    private void updateZoneSummary() {
        CommitmentGrid g = history.current();
        if (zones == null || g == null) {
            zoneSummary.set("");
        } else if (zones.isEmpty()) {
            zoneSummary.set(text("ui.commitments.zones-none"));
        } else {
            zoneSummary.set(text("ui.commitments.zones-summary", Integer.toString(zones.filled(g.targets())),
                    Integer.toString(zones.keys().size())));
        }
    }

    private static String text(String key, Object... args) {
        return Messages.get().text(key, args);
    }
}

package org.sanlian.workbench.ui.coverage;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.sanlian.workbench.app.CoverageService;
import org.sanlian.workbench.app.WorkbenchDatabase;
import org.sanlian.workbench.core.model.CoverageItem;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.model.StoredScheme;
import org.sanlian.workbench.core.model.Unit;
import org.sanlian.workbench.i18n.Messages;
import org.sanlian.workbench.ui.common.EditHistory;
import org.sanlian.workbench.ui.common.ErrorText;
import org.sanlian.workbench.ui.common.TaskExecutor;
import org.sanlian.workbench.ui.results.ResultFormat;
import org.sanlian.workbench.ui.shell.Editing;
import org.sanlian.workbench.ui.shell.Workspace;

/**
 * The 七有 coverage screen's state: the chosen period's characteristic industry chains of each unit
 * against the seven items, with evidence; chains added, renamed and removed, items checked and their
 * evidence written, each one undo step; the coverage rate per unit and for the city; and the whole
 * saved through {@code app} under the workspace's operator (which also writes each listed unit's
 * rate as its coverage figure). Knows no view, so it is tested without a toolkit.
 */
public final class CoverageViewModel implements Editing {

    /** What a load hands back: the units of the scheme that scores the period and the period's coverage. */
    private record Loaded(Period period, List<Unit> units, boolean feeds, List<CoverageItem> items,
                          Optional<CoverageService.Earlier> earlier) {
    }

    private final Workspace workspace;
    private final TaskExecutor executor;
    private final EditHistory<CoverageSheet> history = new EditHistory<>();
    private final ObservableList<Unit> units = FXCollections.observableArrayList();
    private final StringProperty selected = new SimpleStringProperty(this, "selected");
    private final ReadOnlyObjectWrapper<Period> period = new ReadOnlyObjectWrapper<>(this, "period");
    private final ReadOnlyBooleanWrapper feeds = new ReadOnlyBooleanWrapper(this, "feeds");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper editable = new ReadOnlyBooleanWrapper(this, "editable");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyBooleanWrapper canCarryOver = new ReadOnlyBooleanWrapper(this, "canCarryOver");
    private final ReadOnlyStringWrapper carryOverTip = new ReadOnlyStringWrapper(this, "carryOverTip", "");
    private final ReadOnlyBooleanWrapper canCarryOverUnit = new ReadOnlyBooleanWrapper(this, "canCarryOverUnit");
    private final ReadOnlyStringWrapper carryOverUnitTip = new ReadOnlyStringWrapper(this, "carryOverUnitTip", "");
    /** The latest earlier period of the same kind with chains, and its chains of the units shown; null when none. */
    private Period earlierPeriod;
    private CoverageSheet earlierSheet;
    private long generation;

    public CoverageViewModel(Workspace workspace, TaskExecutor executor) {
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        this.executor = Objects.requireNonNull(executor, "executor");
        workspace.stateProperty().addListener((obs, old, now) -> follow(old, now));
        history.currentProperty().addListener((obs, old, now) -> updateSummary());
        history.dirtyProperty().addListener((obs, was, is) -> updateSummary());
        history.currentProperty().addListener((obs, old, now) -> updateCarryOver());
        selected.addListener((obs, old, now) -> updateCarryOver());
        editable.addListener((obs, was, is) -> updateCarryOver());
        load();
    }

    private void follow(Workspace.State old, Workspace.State now) {
        boolean moved = !now.sameDatabase(old) || !now.period().equals(old.period()) || !now.year().equals(old.year());
        if (moved || (!now.sameContent(old) && !history.isDirty())) {
            load();
        } else {
            editable.set(history.current() != null && !now.readOnly());
        }
    }

    /** Reads the chosen period's coverage and the units of the scheme that scores it (in the background). */
    public void load() {
        long request = ++generation;
        Workspace.State s = workspace.state();
        if (s.database().isEmpty() || s.period().isEmpty()) {
            clear();
            return;
        }
        WorkbenchDatabase db = s.database().get();
        Period p = s.period().get();
        Optional<Integer> year = s.year();
        busy.set(true);
        executor.execute(() -> {
            StoredScheme stored = db.schemeFor(p, year);
            var scheme = db.scheme(stored);
            return new Loaded(p, scheme.units(), CoverageService.feedsIndicator(scheme), CoverageService.load(db, p),
                    CoverageService.earlier(db, p));
        }, loaded -> {
            if (request != generation) {
                return;
            }
            busy.set(false);
            error.set("");
            problem.set("");
            period.set(loaded.period());
            feeds.set(loaded.feeds());
            units.setAll(loaded.units());
            takeEarlier(loaded.earlier(), loaded.units());
            history.reset(CoverageSheet.of(loaded.items()));
            editable.set(!workspace.state().readOnly());
            if (selected.get() == null || loaded.units().stream().noneMatch(u -> u.code().equals(selected.get()))) {
                selected.set(loaded.units().isEmpty() ? null : loaded.units().get(0).code());
            }
            updateSummary();
            updateCarryOver();
        }, e -> {
            if (request == generation) {
                clear();
                error.set(ErrorText.of(e));
            }
        });
    }

    private void clear() {
        busy.set(false);
        period.set(null);
        units.clear();
        earlierPeriod = null;
        earlierSheet = null;
        history.clear();
        editable.set(false);
        updateCarryOver();
    }

    /** Keeps the earlier period's chains of the units shown (a unit no longer in the scheme is left out). */
    private void takeEarlier(Optional<CoverageService.Earlier> earlier, List<Unit> shown) {
        earlierPeriod = null;
        earlierSheet = null;
        if (earlier.isPresent()) {
            CoverageSheet all = CoverageSheet.of(earlier.get().items());
            CoverageSheet own = new CoverageSheet(java.util.Map.of())
                    .carriedFrom(all, shown.stream().map(Unit::code).toList());
            if (own.chainCount() > 0) {
                earlierPeriod = earlier.get().period();
                earlierSheet = own;
            }
        }
    }

    // --- edits -----------------------------------------------------------------------------

    /** Adds a chain to the chosen unit; returns why not when the name is blank or taken. */
    public Optional<String> addChain(String name) {
        Optional<String> unit = selectedUnit();
        String n = name == null ? "" : name.strip();
        Optional<String> why = checkEditable().or(() -> unit.isEmpty() ? Optional.of(text("ui.coverage.no-unit"))
                : checkName(unit.get(), n));
        if (why.isPresent()) {
            return refuse(why.get());
        }
        return edit(sheet().addChain(unit.get(), n));
    }

    /** Renames a chain of the chosen unit; returns why not when the new name is blank or taken. */
    public Optional<String> renameChain(String from, String to) {
        Optional<String> unit = selectedUnit();
        String n = to == null ? "" : to.strip();
        if (n.equals(from)) {
            return Optional.empty();
        }
        Optional<String> why = checkEditable().or(() -> unit.isEmpty() ? Optional.of(text("ui.coverage.no-unit"))
                : checkName(unit.get(), n));
        if (why.isPresent()) {
            return refuse(why.get());
        }
        return edit(sheet().renameChain(unit.get(), from, n));
    }

    /** Removes a chain (with its items and evidence) from the chosen unit. */
    public Optional<String> removeChain(String name) {
        Optional<String> why = checkEditable();
        if (why.isPresent()) {
            return refuse(why.get());
        }
        return selectedUnit().map(u -> edit(sheet().removeChain(u, name))).orElse(Optional.empty());
    }

    /** Checks or unchecks item {@code n} (1 to 7) of a chain of the chosen unit. */
    public Optional<String> setCovered(String chain, int n, boolean covered) {
        return changeItem(chain, n, item -> new CoverageSheet.Item(covered, item.evidence()));
    }

    /** Writes the evidence of item {@code n} of a chain of the chosen unit. */
    public Optional<String> setEvidence(String chain, int n, String evidence) {
        String e = evidence == null ? "" : evidence.strip();
        return changeItem(chain, n, item -> new CoverageSheet.Item(item.covered(), e));
    }

    private Optional<String> changeItem(String chain, int n,
                                        java.util.function.UnaryOperator<CoverageSheet.Item> change) {
        Optional<String> why = checkEditable();
        if (why.isPresent()) {
            return refuse(why.get());
        }
        Optional<String> unit = selectedUnit();
        Optional<CoverageSheet.Chain> c = unit.flatMap(u -> sheet().chain(u, chain));
        if (c.isEmpty()) {
            return refuse(text("ui.coverage.no-chain", chain));
        }
        return edit(sheet().withItem(unit.get(), chain, n, change.apply(c.get().item(n))));
    }

    /**
     * 沿用上期: copies every unit's chains, with their items and evidence, from the latest earlier
     * period of the same kind that has any, into this period while it has none, as one undo step;
     * nothing is kept until 保存. Returns why not when it cannot be done (the reason the button shows).
     */
    public Optional<String> carryOver() {
        if (!canCarryOver.get()) {
            return refuse(carryOverTip.get());
        }
        CoverageSheet next = sheet().carriedFrom(earlierSheet, units.stream().map(Unit::code).toList());
        Optional<String> done = edit(next);
        notice.set(text("ui.coverage.carried", ResultFormat.period(earlierPeriod),
                Integer.toString(next.chains().size()), Integer.toString(next.chainCount())));
        return done;
    }

    /** 本单位沿用上期: the same for the chosen unit alone, while it has no chain in this period. */
    public Optional<String> carryOverUnit() {
        if (!canCarryOverUnit.get()) {
            return refuse(carryOverUnitTip.get());
        }
        String unit = selected.get();
        CoverageSheet next = sheet().carriedFrom(earlierSheet, List.of(unit));
        Optional<String> done = edit(next);
        notice.set(text("ui.coverage.carried-unit", ResultFormat.period(earlierPeriod), unitName(unit),
                Integer.toString(next.chainsOf(unit).size())));
        return done;
    }

    private void updateCarryOver() {
        CoverageSheet s = sheet();
        Period p = period.get();
        String unit = selected.get();
        String why;
        if (s == null || p == null || !editable.get()) {
            why = text("ui.coverage.not-editable");
        } else if (earlierSheet == null) {
            why = text("ui.coverage.carry-over-none", ResultFormat.period(p));
        } else {
            why = null;
        }
        if (why == null && s.chainCount() > 0) {
            canCarryOver.set(false);
            carryOverTip.set(text("ui.coverage.carry-over-has-chains", ResultFormat.period(p)));
        } else {
            canCarryOver.set(why == null);
            carryOverTip.set(why != null ? why : text("ui.coverage.carry-over-tip", ResultFormat.period(earlierPeriod),
                    Integer.toString(earlierSheet.chains().size()), Integer.toString(earlierSheet.chainCount())));
        }
        if (why == null && unit == null) {
            why = text("ui.coverage.no-unit");
        } else if (why == null && !s.chainsOf(unit).isEmpty()) {
            why = text("ui.coverage.carry-over-unit-has-chains", unitName(unit));
        } else if (why == null && earlierSheet.chainsOf(unit).isEmpty()) {
            why = text("ui.coverage.carry-over-unit-missing", ResultFormat.period(earlierPeriod), unitName(unit));
        }
        canCarryOverUnit.set(why == null);
        carryOverUnitTip.set(why != null ? why : text("ui.coverage.carry-over-unit-tip",
                ResultFormat.period(earlierPeriod), unitName(unit), Integer.toString(earlierSheet.chainsOf(unit).size())));
    }

    /** The period 沿用上期 copies from (the latest earlier one of the same kind with chains), if any. */
    public Optional<Period> earlierPeriod() {
        return Optional.ofNullable(earlierPeriod);
    }

    /** Whether 沿用上期 can be done now: an earlier period has chains and this one has none yet. */
    public ReadOnlyBooleanProperty canCarryOverProperty() {
        return canCarryOver.getReadOnlyProperty();
    }

    /** What 沿用上期 would copy, or why it cannot be done (the button's tooltip). */
    public ReadOnlyStringProperty carryOverTipProperty() {
        return carryOverTip.getReadOnlyProperty();
    }

    /** Whether 本单位沿用上期 can be done now: the chosen unit has no chain and had some in the earlier period. */
    public ReadOnlyBooleanProperty canCarryOverUnitProperty() {
        return canCarryOverUnit.getReadOnlyProperty();
    }

    /** What 本单位沿用上期 would copy, or why it cannot be done (the button's tooltip). */
    public ReadOnlyStringProperty carryOverUnitTipProperty() {
        return carryOverUnitTip.getReadOnlyProperty();
    }

    private Optional<String> checkName(String unit, String name) {
        if (name.isEmpty()) {
            return Optional.of(text("ui.coverage.name-blank"));
        }
        if (sheet().chain(unit, name).isPresent()) {
            return Optional.of(text("ui.coverage.name-taken", name, unitName(unit)));
        }
        return Optional.empty();
    }

    private Optional<String> checkEditable() {
        return editable.get() && sheet() != null ? Optional.empty() : Optional.of(text("ui.coverage.not-editable"));
    }

    private Optional<String> refuse(String why) {
        problem.set(why);
        return Optional.of(why);
    }

    private Optional<String> edit(CoverageSheet next) {
        problem.set("");
        if (!next.equals(sheet())) {
            history.edit(next);
            notice.set("");
        }
        return Optional.empty();
    }

    @Override
    public void undo() {
        history.undo();
        problem.set("");
    }

    @Override
    public void redo() {
        history.redo();
        problem.set("");
    }

    @Override
    public void discard() {
        if (history.saved() != null) {
            history.reset(history.saved());
        }
        problem.set("");
        error.set("");
    }

    // --- saving ----------------------------------------------------------------------------

    /**
     * Keeps the period's coverage through {@code app} in one audited transaction (refused, with
     * every checked item that lacks evidence named, until each has it), then the workspace reads the
     * database again.
     */
    @Override
    public void save(Runnable onSaved) {
        if (!history.isDirty()) {
            onSaved.run();
            return;
        }
        Optional<WorkbenchDatabase> db = workspace.database();
        Period p = period.get();
        if (db.isEmpty() || p == null) {
            return;
        }
        CoverageSheet saving = history.current();
        Optional<Integer> year = workspace.year();
        String operator = workspace.operator();
        busy.set(true);
        error.set("");
        executor.execute(() -> CoverageService.save(db.get(), p, year, saving.items(p), operator), saved -> {
            busy.set(false);
            history.markSaved(saving);
            notice.set(saved.figures().isEmpty()
                    ? text("ui.coverage.saved", ResultFormat.period(p), operator)
                    : text("ui.coverage.saved-figures", ResultFormat.period(p), operator,
                            Integer.toString(saved.figures().size()), CoverageService.INDICATOR));
            workspace.reload(onSaved);
        }, e -> {
            busy.set(false);
            error.set(ErrorText.of(e));
        });
    }

    // --- what is shown ---------------------------------------------------------------------

    /** The coverage shown (null while nothing is loaded). */
    public CoverageSheet sheet() {
        return history.current();
    }

    public ReadOnlyObjectProperty<CoverageSheet> sheetProperty() {
        return history.currentProperty();
    }

    /** The units of the scheme that scores the period, in its order. */
    public ObservableList<Unit> units() {
        return FXCollections.unmodifiableObservableList(units);
    }

    /** The chosen unit's code (its chains are shown and edited). */
    public StringProperty selectedProperty() {
        return selected;
    }

    public Optional<String> selectedUnit() {
        return Optional.ofNullable(selected.get());
    }

    public void select(String unit) {
        selected.set(unit);
    }

    public String unitName(String unit) {
        return units.stream().filter(u -> u.code().equals(unit)).map(Unit::name).findFirst().orElse(unit);
    }

    public OptionalDouble rate(String unit) {
        return sheet() == null ? OptionalDouble.empty() : sheet().rate(unit);
    }

    public OptionalDouble cityRate() {
        return sheet() == null ? OptionalDouble.empty() : sheet().cityRate();
    }

    /** A rate as shown: {@code 71.4%}, or 未登记产业链 without chains. */
    public static String rateText(OptionalDouble rate) {
        return rate.isPresent() ? String.format(Locale.ROOT, "%.1f%%", rate.getAsDouble())
                : text("ui.coverage.no-chains");
    }

    /** The period whose coverage is shown. */
    public ReadOnlyObjectProperty<Period> periodProperty() {
        return period.getReadOnlyProperty();
    }

    /** Whether saving also writes the units' coverage figures (the period's scheme has the coverage indicator). */
    public ReadOnlyBooleanProperty feedsProperty() {
        return feeds.getReadOnlyProperty();
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

    /** Why the last edit was refused; empty when it was taken. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Why the period could not be read or saved. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** The period, the city's rate, chains and units listed (and 有未保存的修改). */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    private void updateSummary() {
        CoverageSheet s = sheet();
        if (s == null || period.get() == null) {
            summary.set("");
            return;
        }
        long chains = s.chains().values().stream().mapToLong(List::size).sum();
        String counts = text("ui.coverage.summary", ResultFormat.period(period.get()), rateText(s.cityRate()),
                Long.toString(chains), Integer.toString(s.chains().size()), Integer.toString(units.size()));
        summary.set(history.isDirty() ? counts + text("ui.units.unsaved") : counts);
    }

    private static String text(String key, Object... args) {
        return Messages.get().text(key, args);
    }
}

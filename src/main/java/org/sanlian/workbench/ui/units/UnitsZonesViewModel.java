package org.sanlian.workbench.ui.units;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.sanlian.workbench.app.WorkbenchDatabase;
import org.sanlian.workbench.core.model.Scheme;
import org.sanlian.workbench.core.model.StoredScheme;
import org.sanlian.workbench.core.model.Unit;
import org.sanlian.workbench.i18n.Messages;
import org.sanlian.workbench.ui.common.EditHistory;
import org.sanlian.workbench.ui.common.ErrorText;
import org.sanlian.workbench.ui.common.TaskExecutor;
import org.sanlian.workbench.ui.shell.Editing;
import org.sanlian.workbench.ui.shell.Workspace;

/**
 * The units and zones screen's state: the units of the chosen year's scheme grouped by its zones,
 * edited step by step (move a unit to another zone or place, add a unit, rename one), each step one
 * undo step, and saved as a whole through {@code app} as the new version of that year's scheme,
 * recorded under the workspace's operator. A year whose scheme a published bulletin used refuses
 * the save; the edits can then be kept as a copy of the scheme in a new year.
 */
public final class UnitsZonesViewModel implements Editing {

    private static final String PUBLISHED = "store.scheme-published";

    private final Workspace workspace;
    private final TaskExecutor executor;
    private final EditHistory<UnitsAndZones> history = new EditHistory<>();
    private final ReadOnlyObjectWrapper<Integer> year = new ReadOnlyObjectWrapper<>(this, "year");
    private final StringProperty selected = new SimpleStringProperty(this, "selected");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper published = new ReadOnlyBooleanWrapper(this, "published");
    private final ReadOnlyBooleanWrapper editable = new ReadOnlyBooleanWrapper(this, "editable");
    private final ReadOnlyBooleanWrapper refused = new ReadOnlyBooleanWrapper(this, "refused");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");

    /** The scheme loaded: what the units and zones are put back into when saving. */
    private Scheme base;
    /** Counts loads, so that only the answer to the latest is shown. */
    private long generation;

    public UnitsZonesViewModel(Workspace workspace, TaskExecutor executor) {
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        this.executor = Objects.requireNonNull(executor, "executor");
        workspace.stateProperty().addListener((obs, old, now) -> follow(old, now));
        history.currentProperty().addListener((obs, old, now) -> updateSummary());
        history.dirtyProperty().addListener((obs, was, is) -> updateSummary());
        load();
    }

    private void follow(Workspace.State old, Workspace.State now) {
        boolean otherYear = !now.sameDatabase(old) || !now.year().equals(old.year());
        if (otherYear) {
            load();
        } else if (!now.sameContent(old) && !history.isDirty()) {
            load(); // someone wrote: show what is kept now (edits in progress stay)
        } else {
            published.set(now.yearPublished());
            editable.set(base != null && !now.readOnly());
        }
    }

    /** Reads the chosen year's scheme (in the background) and starts its history over. */
    public void load() {
        long request = ++generation;
        Workspace.State s = workspace.state();
        Optional<StoredScheme> stored = s.year().flatMap(s.content()::scheme);
        if (s.database().isEmpty() || stored.isEmpty()) {
            base = null;
            history.clear();
            year.set(null);
            editable.set(false);
            published.set(false);
            return;
        }
        WorkbenchDatabase db = s.database().get();
        busy.set(true);
        executor.execute(() -> db.scheme(stored.get()), scheme -> {
            if (request != generation) {
                return;
            }
            busy.set(false);
            base = scheme;
            year.set(stored.get().year());
            history.reset(UnitsAndZones.of(scheme));
            published.set(workspace.state().yearPublished());
            editable.set(!workspace.state().readOnly());
            refused.set(false);
            error.set("");
            if (selected.get() != null && history.current().unit(selected.get()).isEmpty()) {
                selected.set(null);
            }
        }, e -> {
            if (request == generation) {
                busy.set(false);
                base = null;
                history.clear();
                editable.set(false);
                error.set(ErrorText.of(e));
            }
        });
    }

    // --- edits -----------------------------------------------------------------------------

    /** Moves a unit into a zone, before another unit of it (or to its end); one undo step. */
    public void move(String unit, String zone, Optional<String> before) {
        edit(state().move(unit, zone, before), unit);
    }

    /** Moves the chosen unit into {@code zone}, at its end (移到分区…). */
    public void moveSelectedTo(String zone) {
        selectedUnit().ifPresent(u -> move(u, zone, Optional.empty()));
    }

    /** Moves the chosen unit up (-1) or down (+1) within its zone. */
    public void shiftSelected(int by) {
        selectedUnit().ifPresent(u -> edit(state().shift(u, by), u));
    }

    /** Moves the chosen unit to the zone left (-1) or right (+1) of its own. */
    public void moveSelectedToNeighbour(int by) {
        selectedUnit().ifPresent(u -> edit(state().moveToNeighbour(u, by), u));
    }

    /** Why a new unit cannot be added as given; empty when it can. */
    public Optional<String> checkNewUnit(String code, String name, String zone) {
        String c = code == null ? "" : code.strip();
        if (c.isEmpty()) {
            return Optional.of(text("ui.units.code-blank"));
        }
        if (!c.matches("\\S+")) {
            return Optional.of(text("ui.units.code-space", c));
        }
        if (state() != null && state().unit(c).isPresent()) {
            return Optional.of(text("ui.units.code-taken", c, state().name(c)));
        }
        if (state() != null && state().zone(c).isPresent()) {
            return Optional.of(text("ui.units.code-is-zone", c));
        }
        if (name == null || name.isBlank()) {
            return Optional.of(text("ui.units.name-blank"));
        }
        if (zone == null || state() == null || state().zone(zone).isEmpty()) {
            return Optional.of(text("ui.units.zone-missing"));
        }
        return Optional.empty();
    }

    /** Adds a unit at the end of {@code zone}; returns why not when it cannot be added. */
    public Optional<String> addUnit(String code, String name, String zone) {
        Optional<String> problem = checkEditable().or(() -> checkNewUnit(code, name, zone));
        if (problem.isPresent()) {
            return problem;
        }
        String c = code.strip();
        edit(state().add(new Unit(c, name.strip()), zone), c);
        return Optional.empty();
    }

    /** Renames the chosen unit; returns why not when the name is blank. */
    public Optional<String> renameSelected(String name) {
        Optional<String> unit = selectedUnit();
        if (unit.isEmpty()) {
            return Optional.of(text("ui.units.none-selected"));
        }
        if (name == null || name.isBlank()) {
            return Optional.of(text("ui.units.name-blank"));
        }
        Optional<String> problem = checkEditable();
        if (problem.isPresent()) {
            return problem;
        }
        edit(state().rename(unit.get(), name.strip()), unit.get());
        return Optional.empty();
    }

    private Optional<String> checkEditable() {
        return editable.get() ? Optional.empty() : Optional.of(text("ui.units.not-editable"));
    }

    private void edit(UnitsAndZones next, String unit) {
        if (!editable.get() || next == null) {
            return;
        }
        history.edit(next);
        selected.set(unit);
        notice.set("");
        refused.set(false);
    }

    @Override
    public void undo() {
        history.undo();
        refused.set(false);
    }

    @Override
    public void redo() {
        history.redo();
    }

    @Override
    public void discard() {
        if (history.saved() != null) {
            history.reset(history.saved());
        }
        refused.set(false);
        error.set("");
    }

    // --- saving ----------------------------------------------------------------------------

    /**
     * Keeps the edited units and zones as the new version of the year's scheme; on success the
     * workspace reads the database again and {@code onSaved} runs. A published year refuses: then
     * {@link #refusedProperty()} holds and {@link #copyToNewYear} is offered.
     */
    @Override
    public void save(Runnable onSaved) {
        if (!history.isDirty()) {
            onSaved.run();
            return;
        }
        Optional<WorkbenchDatabase> db = workspace.database();
        if (db.isEmpty() || base == null || year.get() == null) {
            return;
        }
        UnitsAndZones saving = history.current();
        Scheme edited = saving.applyTo(base);
        int y = year.get();
        String operator = workspace.operator();
        busy.set(true);
        error.set("");
        executor.execute(() -> db.get().saveScheme(edited, y, operator), kept -> {
            busy.set(false);
            base = kept;
            history.markSaved(saving);
            refused.set(false);
            notice.set(text("ui.units.saved", Integer.toString(y), operator));
            workspace.reload(onSaved);
        }, e -> {
            busy.set(false);
            refused.set(ErrorText.hasCode(e, PUBLISHED));
            error.set(ErrorText.of(e));
        });
    }

    /** The year a copy goes to by default: the year after the latest kept. */
    public int suggestedNewYear() {
        List<Integer> years = workspace.state().content().years();
        return years.isEmpty() ? java.time.Year.now().getValue() : years.get(years.size() - 1) + 1;
    }

    /** Why {@code text} is no year a copy can go to; empty when it is one. */
    public Optional<String> checkNewYear(String text) {
        String t = text == null ? "" : text.strip();
        if (!t.matches("\\d{4}")) {
            return Optional.of(text("ui.periods.year-invalid", t));
        }
        int y = Integer.parseInt(t);
        if (y < 1000 || workspace.state().content().years().contains(y)) {
            return Optional.of(text("ui.periods.year-taken", t));
        }
        return Optional.empty();
    }

    /**
     * 复制到新年度: copies the year's scheme to {@code toYear} with the edits applied, in one
     * audited write, then shows the new year.
     */
    public void copyToNewYear(int toYear) {
        Optional<WorkbenchDatabase> db = workspace.database();
        if (db.isEmpty() || base == null || year.get() == null) {
            return;
        }
        Scheme edited = state().applyTo(base);
        int from = year.get();
        String operator = workspace.operator();
        busy.set(true);
        error.set("");
        executor.execute(() -> db.get().copySchemeAs(from, toYear, edited, operator), kept -> {
            busy.set(false);
            base = kept;
            history.reset(UnitsAndZones.of(kept)); // nothing unsaved: the new year is about to be shown
            refused.set(false);
            notice.set(text("ui.units.copied", Integer.toString(from), Integer.toString(toYear), operator));
            workspace.reload(() -> workspace.selectYear(toYear));
        }, e -> {
            busy.set(false);
            error.set(ErrorText.of(e));
        });
    }

    // --- state -----------------------------------------------------------------------------

    /** The units and zones shown (null while nothing is loaded). */
    public UnitsAndZones state() {
        return history.current();
    }

    public ReadOnlyObjectProperty<UnitsAndZones> stateProperty() {
        return history.currentProperty();
    }

    /** The year whose scheme is shown. */
    public ReadOnlyObjectProperty<Integer> yearProperty() {
        return year.getReadOnlyProperty();
    }

    /** The chosen unit's code (the buttons and keys act on it). */
    public StringProperty selectedProperty() {
        return selected;
    }

    public Optional<String> selectedUnit() {
        return Optional.ofNullable(selected.get()).filter(u -> state() != null && state().unit(u).isPresent());
    }

    public void select(String unit) {
        selected.set(unit);
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

    /** Whether a load or a save is running. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Whether a published bulletin used the year's scheme (saving will be refused). */
    public ReadOnlyBooleanProperty publishedProperty() {
        return published.getReadOnlyProperty();
    }

    /** Whether edits are possible (a scheme is loaded and the database can be written). */
    public ReadOnlyBooleanProperty editableProperty() {
        return editable.getReadOnlyProperty();
    }

    /** Whether the last save was refused because the year is published (复制到新年度 is offered). */
    public ReadOnlyBooleanProperty refusedProperty() {
        return refused.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** What was last done (saved, copied), for the screen's status line. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** 共 N 个单位，M 个分区 (and 有未保存的修改). */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    private void updateSummary() {
        UnitsAndZones s = state();
        if (s == null) {
            summary.set("");
            return;
        }
        String counts = text("ui.units.summary", Integer.toString(s.units().size()),
                Integer.toString(s.zones().size()));
        summary.set(history.isDirty() ? counts + text("ui.units.unsaved") : counts);
    }

    private static String text(String key, Object... args) {
        return Messages.get().text(key, args);
    }
}

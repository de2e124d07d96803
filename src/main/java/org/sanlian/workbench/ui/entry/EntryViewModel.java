package org.sanlian.workbench.ui.entry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.sanlian.workbench.app.FigureEntryService;
import org.sanlian.workbench.app.WorkbenchDatabase;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.model.Scheme;
import org.sanlian.workbench.core.model.Unit;
import org.sanlian.workbench.core.model.Zone;
import org.sanlian.workbench.i18n.Messages;
import org.sanlian.workbench.ui.common.EditHistory;
import org.sanlian.workbench.ui.common.ErrorText;
import org.sanlian.workbench.ui.common.TaskExecutor;
import org.sanlian.workbench.ui.shell.Editing;
import org.sanlian.workbench.ui.shell.Workspace;

/**
 * The data entry screen's state (数据录入): the figures of the workspace's period in a grid of the
 * scheme's units (by zone) and enterable codes, edited cell by cell, by pasting blocks copied from
 * Excel, or by clearing cells; every value checked as it is entered ({@link CellChecks}): refused
 * values are not kept and say why, doubtful ones are kept and marked. Each edit (a whole paste
 * too) is one undo step; saving writes the changed cells in one transaction through {@code app}
 * under the workspace's operator.
 */
public final class EntryViewModel implements Editing {

    /** A value that was typed or pasted and not kept, with why. */
    public record Refusal(String text, String reason) {
    }

    private final Workspace workspace;
    private final TaskExecutor executor;
    private final EditHistory<EntryGrid> history = new EditHistory<>();
    private final ObservableList<EntryColumn> columns = FXCollections.observableArrayList();
    private final ObservableList<EntryRow> rows = FXCollections.observableArrayList();
    private final ObservableList<EntryColumn> columnsView = FXCollections.unmodifiableObservableList(columns);
    private final ObservableList<EntryRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ObservableList<Zone> zones = FXCollections.observableArrayList();
    private final ObservableList<Zone> zonesView = FXCollections.unmodifiableObservableList(zones);
    private final List<EntryRow> allRows = new ArrayList<>();
    private final Map<EntryGrid.Key, Refusal> refusals = new HashMap<>();
    private final Map<EntryGrid.Key, FigureEntryService.Kept> kept = new HashMap<>();
    private Map<EntryGrid.Key, String> warnings = Map.of();

    private final StringProperty zoneFilter = new SimpleStringProperty(this, "zoneFilter", "");
    private final StringProperty nameFilter = new SimpleStringProperty(this, "nameFilter", "");
    private final BooleanProperty incompleteOnly = new SimpleBooleanProperty(this, "incompleteOnly");
    private final ObjectProperty<EntryGrid.Key> selected = new SimpleObjectProperty<>(this, "selected");
    private final StringProperty note = new SimpleStringProperty(this, "note", "");
    private final StringProperty source = new SimpleStringProperty(this, "source", "");
    private final ReadOnlyStringWrapper selectedTitle = new ReadOnlyStringWrapper(this, "selectedTitle", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper statusProblem = new ReadOnlyBooleanWrapper(this, "statusProblem");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper editable = new ReadOnlyBooleanWrapper(this, "editable");
    private final ReadOnlyLongWrapper changes = new ReadOnlyLongWrapper(this, "changes");

    private FigureEntryService.Sheet sheet;
    private CellChecks checks;
    private long generation;

    public EntryViewModel(Workspace workspace, TaskExecutor executor) {
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        this.executor = Objects.requireNonNull(executor, "executor");
        workspace.stateProperty().addListener((obs, old, now) -> follow(old, now));
        history.currentProperty().addListener((obs, old, now) -> stateChanged());
        history.dirtyProperty().addListener((obs, was, is) -> updateSummary());
        zoneFilter.addListener((obs, old, now) -> refilter());
        nameFilter.addListener((obs, old, now) -> refilter());
        incompleteOnly.addListener((obs, old, now) -> refilter());
        selected.addListener((obs, old, now) -> showSelected());
        load();
    }

    private void follow(Workspace.State old, Workspace.State now) {
        if (!now.sameDatabase(old) || !now.period().equals(old.period())) {
            say("", false);
            load();
        } else if (!now.sameContent(old) && !history.isDirty()) {
            load(); // someone wrote (an import, a save): show what is kept now
        } else {
            editable.set(sheet != null && !now.readOnly());
        }
    }

    /**
     * The first load of a database just opened, read on the thread that opens it when 数据录入 is the
     * screen the window shows first ({@link EntryScreen#readEarly}).
     */
    record Early(WorkbenchDatabase db, Period period, FigureEntryService.Sheet sheet) {
    }

    /** Reads the period's figures and scheme (in the background) and starts the history over. */
    public void load() {
        long request = ++generation;
        Workspace.State s = workspace.state();
        if (s.database().isEmpty() || s.period().isEmpty()) {
            show(null);
            return;
        }
        WorkbenchDatabase db = s.database().get();
        Period period = s.period().get();
        Optional<Early> early = workspace.takeEarly(Early.class)
                .filter(e -> e.db() == db && e.period().equals(period));
        if (early.isPresent()) {
            busy.set(false);
            error.set("");
            show(early.get().sheet());
            return;
        }
        busy.set(true);
        executor.execute(() -> FigureEntryService.sheet(db, period), loaded -> {
            if (request == generation) {
                busy.set(false);
                error.set("");
                show(loaded);
            }
        }, e -> {
            if (request == generation) {
                busy.set(false);
                show(null);
                error.set(ErrorText.of(e));
            }
        });
    }

    private void show(FigureEntryService.Sheet loaded) {
        sheet = loaded;
        refusals.clear();
        kept.clear();
        allRows.clear();
        if (loaded == null) {
            checks = null;
            columns.clear();
            zones.clear();
            editable.set(false);
            history.clear();
            refilter();
            updateSummary();
            return;
        }
        Scheme scheme = loaded.scheme();
        Map<String, String> names = new LinkedHashMap<>();
        scheme.units().forEach(u -> names.put(u.code(), u.name()));
        Set<String> placed = new LinkedHashSet<>();
        for (Zone z : scheme.zones()) {
            for (String u : z.units()) {
                if (names.containsKey(u) && placed.add(u)) {
                    allRows.add(EntryRow.of(u, names.get(u), z.code(), z.name()));
                }
            }
        }
        for (Unit u : scheme.units()) {
            if (placed.add(u.code())) {
                allRows.add(EntryRow.of(u.code(), u.name(), "", ""));
            }
        }
        checks = new CellChecks(loaded.period(), loaded.previous(), names);
        Map<EntryGrid.Key, EntryCell> cells = new HashMap<>();
        for (FigureEntryService.Kept k : loaded.figures()) {
            EntryGrid.Key key = new EntryGrid.Key(k.unit(), k.code());
            kept.put(key, k);
            cells.put(key, new EntryCell(k.value(), k.note(), k.source()));
        }
        for (FigureEntryService.Kept k : loaded.cityFigures()) {
            EntryGrid.Key key = new EntryGrid.Key(EntryRow.CITY, k.code());
            kept.put(key, k);
            cells.put(key, new EntryCell(k.value(), k.note(), k.source()));
        }
        String zone = zoneFilter.get();
        zones.setAll(scheme.zones());
        boolean known = zone != null && scheme.zones().stream().anyMatch(z -> z.code().equals(zone));
        zoneFilter.set(known ? zone : "");
        List<EntryColumn> newColumns = EntryColumn.of(scheme);
        if (!newColumns.equals(columns)) {
            columns.setAll(newColumns); // the same columns again keep the grid's widths and scroll position
        }
        editable.set(!workspace.state().readOnly());
        history.reset(new EntryGrid(cells));
        stateChanged();
    }

    private void stateChanged() {
        EntryGrid grid = grid();
        if (checks == null || grid == null) {
            warnings = Map.of();
        } else {
            Map<EntryGrid.Key, String> found = new HashMap<>(
                    checks.warnings(grid, allRows.stream().map(EntryRow::unit).toList(), columns));
            found.putAll(cityWarnings(grid));
            warnings = Map.copyOf(found);
        }
        refilter();
        showSelected();
        updateSummary();
        changes.set(changes.get() + 1);
    }

    /**
     * The city cells whose figure the units' sum misses by more than the tolerance, once every unit
     * has the column filled ({@link CellChecks#againstCity}).
     */
    private Map<EntryGrid.Key, String> cityWarnings(EntryGrid grid) {
        Map<EntryGrid.Key, String> out = new HashMap<>();
        for (EntryColumn c : columns) {
            if (!c.summedOverUnits() || allRows.isEmpty()) {
                continue;
            }
            OptionalDouble city = grid.cell(EntryRow.CITY, c.code()).map(EntryCell::value)
                    .orElse(OptionalDouble.empty());
            if (city.isEmpty() || filledUnits(c.code()) < allRows.size()) {
                continue;
            }
            CellChecks.againstCity(city.getAsDouble(), sum(c.code()))
                    .ifPresent(w -> out.put(new EntryGrid.Key(EntryRow.CITY, c.code()), w));
        }
        return out;
    }

    /** Whether {@code code} has a city cell (全市数): an input summed over the units. */
    public boolean takesCityFigure(String code) {
        return column(code).map(EntryColumn::summedOverUnits).orElse(false);
    }

    // --- edits -----------------------------------------------------------------------------

    /**
     * 录入: {@code text} typed into a cell. A blank text clears the value (its note stays); a number
     * (read as the Excel importer reads one) that the scheme allows is kept as one undo step; anything
     * else is refused, not kept, and the reason returned (and shown on the cell and the status line).
     */
    public Optional<String> enter(String unit, String code, String text) {
        Optional<EntryColumn> column = column(code);
        boolean city = EntryRow.CITY.equals(unit);
        if (!editable.get() || column.isEmpty() || (city ? !column.get().summedOverUnits() : unitRow(unit).isEmpty())) {
            return Optional.of(text("ui.entry.not-editable"));
        }
        EntryGrid.Key key = new EntryGrid.Key(unit, code);
        Accepted a = accept(column.get(), key, text);
        if (a.refusal != null) {
            refusals.put(key, a.refusal);
            say(text("ui.entry.refused", where(key), a.refusal.reason()), true);
            changes.set(changes.get() + 1);
            return Optional.of(a.refusal.reason());
        }
        refusals.remove(key);
        EntryGrid next = grid().with(Map.of(key, a.cell));
        if (next.equals(grid())) {
            changes.set(changes.get() + 1); // a refusal mark may have gone
        }
        history.edit(next);
        String shown = a.cell.value().isPresent() ? CellChecks.plain(a.cell.value().getAsDouble()) : "";
        String message = shown.isEmpty() ? text("ui.entry.cleared", where(key))
                : a.adjusted ? text("ui.entry.entered-read", where(key), shown, text.strip())
                : text("ui.entry.entered", where(key), shown);
        String warning = warnings.get(key);
        say(warning == null ? message : message + text("ui.entry.warning-suffix", warning), false);
        return Optional.empty();
    }

    /** A cell's new content from the text typed, or why the text is refused. */
    private record Accepted(EntryCell cell, Refusal refusal, boolean adjusted) {
    }

    private Accepted accept(EntryColumn column, EntryGrid.Key key, String text) {
        String t = text == null ? "" : text.strip();
        EntryCell now = grid().cell(key).orElse(new EntryCell(OptionalDouble.empty(), "", ""));
        if (t.isEmpty()) {
            return new Accepted(now.withValue(OptionalDouble.empty(), sourceFor(key, now)), null, false);
        }
        Optional<FigureEntryService.Reading> read = FigureEntryService.readNumber(t);
        if (read.isEmpty()) {
            return new Accepted(null, new Refusal(t, text("ui.entry.refused.not-number", t)), false);
        }
        double v = read.get().value();
        Optional<String> refused = checks.refusal(column, v);
        if (refused.isPresent()) {
            return new Accepted(null, new Refusal(t, refused.get()), false);
        }
        return new Accepted(now.withValue(OptionalDouble.of(v), sourceFor(key, now)), null, read.get().adjusted());
    }

    /** A value typed is 手工录入, unless the cell's source was set by hand since it was saved. */
    private String sourceFor(EntryGrid.Key key, EntryCell now) {
        String savedSource = history.saved() == null ? "" : history.saved().cell(key).map(EntryCell::source).orElse("");
        boolean setByHand = !now.source().isEmpty() && !now.source().equals(savedSource);
        return setByHand ? now.source() : FigureEntryService.MANUAL_SOURCE;
    }

    /**
     * Ctrl+V at a cell: the block of tab-separated lines copied from Excel fills the shown rows (the
     * units, then 全市数, as the grid shows them, so a column of unit figures with its total below lands
     * whole) and columns from that cell on, as one undo step. Each cell is checked as if typed; refused
     * cells keep their value and are marked; cells that fall outside the grid, and 全市数 cells of a
     * column that takes no city figure, are left out. Returns how many cells were filled.
     */
    public int paste(String unit, String code, String text) {
        if (!editable.get()) {
            say(text("ui.entry.not-editable"), true);
            return 0;
        }
        List<EntryRow> shown = rows.stream().filter(r -> !r.summary()).toList();
        int top = indexOfUnit(shown, unit);
        int left = indexOfColumn(code);
        List<List<String>> block = PastedBlock.parse(text);
        if (top < 0 || left < 0 || block.isEmpty()) {
            say(text("ui.entry.paste-nothing"), true);
            return 0;
        }
        Map<EntryGrid.Key, EntryCell> filled = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        int outside = 0;
        for (int r = 0; r < block.size(); r++) {
            List<String> line = block.get(r);
            for (int c = 0; c < line.size(); c++) {
                if (top + r >= shown.size() || left + c >= columns.size()
                        || (shown.get(top + r).city() && !columns.get(left + c).summedOverUnits())) {
                    outside++;
                    continue;
                }
                EntryGrid.Key key = new EntryGrid.Key(shown.get(top + r).unit(), columns.get(left + c).code());
                Accepted a = accept(columns.get(left + c), key, line.get(c));
                if (a.refusal != null) {
                    refusals.put(key, a.refusal);
                    problems.add(text("ui.entry.refused", where(key), a.refusal.reason()));
                } else {
                    refusals.remove(key);
                    filled.put(key, a.cell);
                }
            }
        }
        history.edit(grid().with(filled));
        changes.set(changes.get() + 1);
        long doubtful = filled.keySet().stream().filter(warnings::containsKey).count();
        String message = text("ui.entry.pasted", Integer.toString(filled.size()), Integer.toString(problems.size()));
        if (doubtful > 0) {
            message += text("ui.entry.paste-warned", Long.toString(doubtful));
        }
        if (outside > 0) {
            message += text("ui.entry.paste-outside", Integer.toString(outside));
        }
        say(problems.isEmpty() ? message : message + " " + problems.get(0), !problems.isEmpty());
        return filled.size();
    }

    /** Delete: clears the values of the given cells (their notes stay), as one undo step. */
    public void clear(Collection<EntryGrid.Key> cells) {
        if (!editable.get() || cells.isEmpty()) {
            return;
        }
        Map<EntryGrid.Key, EntryCell> cleared = new LinkedHashMap<>();
        for (EntryGrid.Key key : cells) {
            boolean city = EntryRow.CITY.equals(key.unit());
            if (column(key.code()).isEmpty() || (city ? !takesCityFigure(key.code()) : unitRow(key.unit()).isEmpty())) {
                continue;
            }
            refusals.remove(key);
            grid().cell(key).ifPresent(c -> cleared.put(key, c.withValue(OptionalDouble.empty(), sourceFor(key, c))));
        }
        history.edit(grid().with(cleared));
        changes.set(changes.get() + 1);
        say(text("ui.entry.cleared-cells", Integer.toString(cleared.size())), false);
    }

    /** Keeps the note and source typed below the grid on the selected cell, as one undo step. */
    public void applyNoteAndSource() {
        EntryGrid.Key key = selected.get();
        if (!editable.get() || key == null || column(key.code()).isEmpty()) {
            return;
        }
        if (EntryRow.CITY.equals(key.unit()) && !takesCityFigure(key.code())) {
            return;
        }
        EntryCell now = grid().cell(key).orElse(new EntryCell(OptionalDouble.empty(), "", ""));
        history.edit(grid().with(Map.of(key, now.withNoteAndSource(note.get(), source.get()))));
        say(text("ui.entry.note-kept", where(key)), false);
    }

    @Override
    public void undo() {
        refusals.clear();
        history.undo();
    }

    @Override
    public void redo() {
        refusals.clear();
        history.redo();
    }

    @Override
    public void discard() {
        refusals.clear();
        if (history.saved() != null) {
            history.reset(history.saved());
        }
        error.set("");
    }

    // --- saving ----------------------------------------------------------------------------

    /** The changed cells as {@code app} keeps them (a blank cell removes its figure). */
    public List<FigureEntryService.Change> pendingChanges() {
        if (grid() == null || history.saved() == null) {
            return List.of();
        }
        List<FigureEntryService.Change> out = new ArrayList<>();
        for (EntryGrid.Key key : grid().differences(history.saved())) {
            if (EntryRow.CITY.equals(key.unit())) {
                continue;
            }
            EntryCell c = grid().cell(key).orElse(new EntryCell(OptionalDouble.empty(), "", ""));
            out.add(new FigureEntryService.Change(key.unit(), key.code(), c.value(), c.note(), c.source()));
        }
        return out;
    }

    /** The changed city cells (全市数) as {@code app} keeps them (a blank cell removes the city figure). */
    public List<FigureEntryService.CityChange> pendingCityChanges() {
        if (grid() == null || history.saved() == null) {
            return List.of();
        }
        List<FigureEntryService.CityChange> out = new ArrayList<>();
        for (EntryGrid.Key key : grid().differences(history.saved())) {
            if (EntryRow.CITY.equals(key.unit())) {
                EntryCell c = grid().cell(key).orElse(new EntryCell(OptionalDouble.empty(), "", ""));
                out.add(new FigureEntryService.CityChange(key.code(), c.value(), c.note(), c.source()));
            }
        }
        return out;
    }

    /**
     * 保存: writes every changed cell in one transaction under the workspace's operator; then the
     * workspace reads the database again and {@code onSaved} runs. A refusal keeps the edits.
     */
    @Override
    public void save(Runnable onSaved) {
        if (!history.isDirty()) {
            onSaved.run();
            return;
        }
        Optional<WorkbenchDatabase> db = workspace.database();
        if (db.isEmpty() || sheet == null) {
            return;
        }
        EntryGrid saving = grid();
        List<FigureEntryService.Change> changed = pendingChanges();
        List<FigureEntryService.CityChange> cityChanged = pendingCityChanges();
        Period period = sheet.period();
        String operator = workspace.operator();
        busy.set(true);
        error.set("");
        executor.execute(() -> FigureEntryService.save(db.get(), period, changed, cityChanged, operator), n -> {
            busy.set(false);
            history.markSaved(saving);
            say(text("ui.entry.saved", Integer.toString(changed.size() + cityChanged.size()), operator), false);
            workspace.reload(onSaved);
        }, e -> {
            busy.set(false);
            error.set(ErrorText.of(e));
            say(ErrorText.of(e), true);
        });
    }

    // --- what the grid shows ---------------------------------------------------------------

    /** The grid's content now (null while nothing is loaded). */
    public EntryGrid grid() {
        return history.current();
    }

    public ReadOnlyObjectProperty<EntryGrid> gridProperty() {
        return history.currentProperty();
    }

    /** The columns: the scheme's inputs, entered indicators, adjustment counts and vetoes. */
    public ObservableList<EntryColumn> columns() {
        return columnsView;
    }

    /** The units shown (after the filters), by zone, then the summary row. */
    public ObservableList<EntryRow> rows() {
        return rowsView;
    }

    /** The zones of the scheme, for the zone filter. */
    public ObservableList<Zone> zones() {
        return zonesView;
    }

    /** What a cell shows: its value; a refused text as typed. */
    public String display(String unit, String code) {
        Refusal r = refusals.get(new EntryGrid.Key(unit, code));
        if (r != null) {
            return r.text();
        }
        EntryGrid g = grid();
        if (g == null) {
            return "";
        }
        return g.cell(unit, code).flatMap(c -> c.value().isPresent() ? Optional.of(c.value().getAsDouble())
                : Optional.empty()).map(CellChecks::plain).orElse("");
    }

    public Optional<Refusal> refusal(String unit, String code) {
        return Optional.ofNullable(refusals.get(new EntryGrid.Key(unit, code)));
    }

    public Optional<String> warning(String unit, String code) {
        return Optional.ofNullable(warnings.get(new EntryGrid.Key(unit, code)));
    }

    /** Every warning now, by place. */
    public Map<EntryGrid.Key, String> warnings() {
        return warnings;
    }

    /** Whether the cell has a note. */
    public boolean hasNote(String unit, String code) {
        return grid() != null && grid().cell(unit, code).map(c -> !c.note().isEmpty()).orElse(false);
    }

    /** Whether the cell differs from what is saved. */
    public boolean changed(String unit, String code) {
        EntryGrid g = grid();
        EntryGrid s = history.saved();
        return g != null && s != null && !g.cell(unit, code).equals(s.cell(unit, code));
    }

    /** What hovering over a cell tells: the code, why refused or doubtful, the note, source, who and when. */
    public String tooltip(String unit, String code) {
        EntryGrid.Key key = new EntryGrid.Key(unit, code);
        List<String> lines = new ArrayList<>();
        lines.add(where(key) + " (" + code + ")");
        Refusal r = refusals.get(key);
        if (r != null) {
            lines.add(text("ui.entry.tip.refused", r.text(), r.reason()));
        }
        Optional.ofNullable(warnings.get(key)).ifPresent(w -> lines.add(text("ui.entry.tip.warning", w)));
        Optional<EntryCell> cell = grid() == null ? Optional.empty() : grid().cell(key);
        cell.filter(c -> !c.note().isEmpty()).ifPresent(c -> lines.add(text("ui.entry.tip.note", c.note())));
        cell.filter(c -> !c.source().isEmpty()).ifPresent(c -> lines.add(text("ui.entry.tip.source", c.source())));
        if (EntryRow.CITY.equals(unit)) {
            lines.add(text("ui.entry.tip.city-sum", CellChecks.plain(sum(code)), Integer.toString(filledUnits(code)),
                    Integer.toString(unitCount())));
        }
        FigureEntryService.Kept k = kept.get(key);
        if (k != null && !k.operator().isEmpty()) {
            lines.add(text("ui.entry.tip.kept", k.operator(), k.changedAt()));
        }
        if (changed(unit, code)) {
            lines.add(text("ui.entry.tip.unsaved"));
        }
        return String.join("\n", lines);
    }

    // --- completeness ----------------------------------------------------------------------

    /** How many columns a unit must fill (inputs and entered indicators). */
    public int requiredCount() {
        return (int) columns.stream().filter(EntryColumn::required).count();
    }

    /** How many of the required columns the unit has filled. */
    public int filledCount(String unit) {
        EntryGrid g = grid();
        if (g == null) {
            return 0;
        }
        return (int) columns.stream().filter(EntryColumn::required).filter(c -> g.filled(unit, c.code())).count();
    }

    /** How many units (all, whatever the filters) have {@code code} filled. */
    public int filledUnits(String code) {
        EntryGrid g = grid();
        return g == null ? 0 : (int) allRows.stream().filter(r -> g.filled(r.unit(), code)).count();
    }

    /** How many units the period's scheme has. */
    public int unitCount() {
        return allRows.size();
    }

    /** The units' values of {@code code} added up (what a city figure entered elsewhere should equal). */
    public double sum(String code) {
        EntryGrid g = grid();
        if (g == null) {
            return 0;
        }
        double s = 0;
        for (EntryRow r : allRows) {
            OptionalDouble v = g.cell(r.unit(), code).map(EntryCell::value).orElse(OptionalDouble.empty());
            s += v.orElse(0);
        }
        return s;
    }

    /** The units that have every required column filled. */
    public int completeUnits() {
        int required = requiredCount();
        return (int) allRows.stream().filter(r -> filledCount(r.unit()) == required).count();
    }

    // --- filters and selection -------------------------------------------------------------

    /** The zone shown (its code), or "" for all. */
    public StringProperty zoneFilterProperty() {
        return zoneFilter;
    }

    /** Text that a unit's name (or code) must contain to be shown. */
    public StringProperty nameFilterProperty() {
        return nameFilter;
    }

    /** Whether only the units with a required column still empty are shown. */
    public BooleanProperty incompleteOnlyProperty() {
        return incompleteOnly;
    }

    private void refilter() {
        String zone = zoneFilter.get() == null ? "" : zoneFilter.get();
        String name = nameFilter.get() == null ? "" : nameFilter.get().strip().toLowerCase(Locale.ROOT);
        int required = requiredCount();
        List<EntryRow> out = new ArrayList<>();
        for (EntryRow r : allRows) {
            if (!zone.isEmpty() && !zone.equals(r.zone())) {
                continue;
            }
            if (!name.isEmpty() && !r.name().toLowerCase(Locale.ROOT).contains(name) && !r.unit().contains(name)) {
                continue;
            }
            if (incompleteOnly.get() && filledCount(r.unit()) == required) {
                continue;
            }
            out.add(r);
        }
        if (!allRows.isEmpty() && columns.stream().anyMatch(EntryColumn::summedOverUnits)) {
            out.add(EntryRow.city(text("ui.entry.city-row")));
        }
        if (!allRows.isEmpty()) {
            out.add(EntryRow.summary(text("ui.entry.summary-row")));
        }
        if (!out.equals(rows)) {
            rows.setAll(out);
        }
    }

    /** The cell the note and source editor below the grid acts on. */
    public ObjectProperty<EntryGrid.Key> selectedProperty() {
        return selected;
    }

    public void select(String unit, String code) {
        selected.set(unit == null || code == null || unit.isEmpty() ? null : new EntryGrid.Key(unit, code));
    }

    /** The selected cell's note, as edited below the grid. */
    public StringProperty noteProperty() {
        return note;
    }

    /** The selected cell's source, as edited below the grid. */
    public StringProperty sourceProperty() {
        return source;
    }

    /** Which cell the note editor shows: unit · column (code). */
    public ReadOnlyStringProperty selectedTitleProperty() {
        return selectedTitle.getReadOnlyProperty();
    }

    private void showSelected() {
        EntryGrid.Key key = selected.get();
        if (key == null || grid() == null || column(key.code()).isEmpty()) {
            selectedTitle.set("");
            note.set("");
            source.set("");
            return;
        }
        selectedTitle.set(where(key) + " (" + key.code() + ")");
        Optional<EntryCell> cell = grid().cell(key);
        note.set(cell.map(EntryCell::note).orElse(""));
        source.set(cell.map(EntryCell::source).orElse(""));
    }

    // --- status ----------------------------------------------------------------------------

    /** What was last done, or why it was refused. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Whether the status line tells of a refusal or a failure. */
    public ReadOnlyBooleanProperty statusProblemProperty() {
        return statusProblem.getReadOnlyProperty();
    }

    /** The period, its scheme, completeness, warnings and unsaved edits in one line. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Whether cells can be edited (a period is loaded and the database can be written). */
    public ReadOnlyBooleanProperty editableProperty() {
        return editable.getReadOnlyProperty();
    }

    /** Counts every change of what the cells show (the view redraws them). */
    public ReadOnlyLongProperty changesProperty() {
        return changes.getReadOnlyProperty();
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

    /** The period shown, if any. */
    public Optional<Period> period() {
        return sheet == null ? Optional.empty() : Optional.of(sheet.period());
    }

    private void say(String message, boolean problem) {
        status.set(message);
        statusProblem.set(problem);
    }

    private void updateSummary() {
        if (sheet == null || grid() == null) {
            summary.set(workspace.state().period().isEmpty() ? text("ui.entry.no-period") : "");
            return;
        }
        int required = requiredCount();
        long filled = allRows.stream().mapToLong(r -> filledCount(r.unit())).sum();
        String s = text("ui.entry.summary", sheet.period().toString(), Integer.toString(sheet.schemeYear()),
                Integer.toString(completeUnits()), Integer.toString(allRows.size()), Long.toString(filled),
                Long.toString((long) required * allRows.size()), Integer.toString(warnings.size()));
        summary.set(history.isDirty() ? s + text("ui.entry.unsaved",
                Integer.toString(pendingChanges().size() + pendingCityChanges().size())) : s);
    }

    // --- helpers ---------------------------------------------------------------------------

    private Optional<EntryColumn> column(String code) {
        return columns.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    private Optional<EntryRow> unitRow(String unit) {
        return allRows.stream().filter(r -> r.unit().equals(unit)).findFirst();
    }

    private List<EntryRow> unitRows() {
        return rows.stream().filter(r -> !r.summary() && !r.city()).toList();
    }

    private static int indexOfUnit(List<EntryRow> shown, String unit) {
        for (int i = 0; i < shown.size(); i++) {
            if (shown.get(i).unit().equals(unit)) {
                return i;
            }
        }
        return -1;
    }

    private int indexOfColumn(String code) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).code().equals(code)) {
                return i;
            }
        }
        return -1;
    }

    /** A cell as people name it: 莲都区 · 国家高新技术企业数. */
    private String where(EntryGrid.Key key) {
        String unit = EntryRow.CITY.equals(key.unit()) ? text("ui.entry.city-row")
                : unitRow(key.unit()).map(EntryRow::name).orElse(key.unit());
        String col = column(key.code()).map(EntryColumn::name).orElse(key.code());
        return text("ui.entry.cell", unit, col);
    }

    private static String text(String key, Object... args) {
        return Messages.get().text(key, args);
    }
}

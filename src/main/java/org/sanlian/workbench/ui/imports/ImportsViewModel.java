package org.sanlian.workbench.ui.imports;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

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
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import org.sanlian.workbench.app.CancelledException;
import org.sanlian.workbench.app.ImportService;
import org.sanlian.workbench.app.Progress;
import org.sanlian.workbench.app.TemplateService;
import org.sanlian.workbench.app.WorkbenchDatabase;
import org.sanlian.workbench.core.check.Issue;
import org.sanlian.workbench.core.check.ValidationException;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.model.StoredScheme;
import org.sanlian.workbench.core.model.Unit;
import org.sanlian.workbench.i18n.Messages;
import org.sanlian.workbench.ui.common.ErrorText;
import org.sanlian.workbench.ui.common.ScreenProgress;
import org.sanlian.workbench.ui.common.TaskExecutor;
import org.sanlian.workbench.ui.results.ResultFormat;
import org.sanlian.workbench.ui.shell.Prompts;
import org.sanlian.workbench.ui.shell.Workspace;

/**
 * The import screen's state. Files (CSV, workbooks) or a folder of returned templates are chosen,
 * and whether they hold figures or targets; 检查 reads and checks them all in the background
 * ({@link ImportService#check}) and lists every problem and warning with its file and place, each
 * file, and what each unit would change; 导入 is allowed only after a check without problems of
 * the same choice on the same content, and imports all or nothing, then reloads the workspace.
 * Fill-in templates are generated for the chosen year's scheme and the chosen period, for all its
 * units or those ticked. Each piece of work shows its progress and stops at 取消, leaving nothing
 * written.
 */
public final class ImportsViewModel {

    /** What is under way. */
    public enum Work { NONE, CHECKING, IMPORTING, TEMPLATES }

    /** A check without problems, for these files and this kind, on this content and year ({@code at}). */
    private record Checked(List<Path> files, ImportService.Kind kind, Optional<Integer> year, Workspace.State at) {

        boolean stillHolds(Workspace.State now) {
            return now.sameContent(at) && now.year().equals(year);
        }
    }

    private final Workspace workspace;
    private final TaskExecutor executor;
    private final Prompts prompts;

    private final ObservableList<Path> files = FXCollections.observableArrayList();
    private final ObjectProperty<ImportService.Kind> kind = new SimpleObjectProperty<>(this, "kind",
            ImportService.Kind.DATA);
    private final ObservableList<ReportRow> report = FXCollections.observableArrayList();
    private final ObservableList<FileRow> fileRows = FXCollections.observableArrayList();
    private final ObservableList<ImportService.UnitSummary> units = FXCollections.observableArrayList();
    private final ObservableList<UnitChoice> templateUnits = FXCollections.observableArrayList();
    private final BooleanProperty allUnits = new SimpleBooleanProperty(this, "allUnits", true);

    private final ReadOnlyObjectWrapper<Work> work = new ReadOnlyObjectWrapper<>(this, "work", Work.NONE);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper cancelling = new ReadOnlyBooleanWrapper(this, "cancelling");
    private final ReadOnlyBooleanWrapper canImport = new ReadOnlyBooleanWrapper(this, "canImport");
    private final ReadOnlyBooleanWrapper writable = new ReadOnlyBooleanWrapper(this, "writable");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper selection = new ReadOnlyStringWrapper(this, "selection", "");
    private final ReadOnlyStringWrapper templateTarget = new ReadOnlyStringWrapper(this, "templateTarget", "");
    private final ReadOnlyObjectWrapper<Path> templateFolder = new ReadOnlyObjectWrapper<>(this, "templateFolder");

    private Checked checked;
    private ScreenProgress job;
    private Optional<Path> lastFolder = Optional.empty();
    private long unitsRequest;

    public ImportsViewModel(Workspace workspace, TaskExecutor executor, Prompts prompts) {
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.prompts = Objects.requireNonNull(prompts, "prompts");
        files.addListener((ListChangeListener<Path>) c -> selectionChanged());
        kind.addListener((o, a, b) -> selectionChanged());
        workspace.stateProperty().addListener((o, old, now) -> {
            if (!now.sameContent(old) || !now.year().equals(old.year()) || !now.period().equals(old.period())) {
                contentChanged();
            }
        });
        selectionChanged();
        contentChanged();
    }

    // --- choosing --------------------------------------------------------------------------

    /** Asks for files (CSV, .xlsx, .xls); they replace the choice. */
    public void chooseFiles() {
        if (job != null) {
            return;
        }
        List<Path> chosen = prompts.filesToImport(lastFolder);
        if (!chosen.isEmpty()) {
            lastFolder = Optional.ofNullable(chosen.get(0).toAbsolutePath().getParent());
            files.setAll(chosen);
        }
    }

    /** Asks for a folder (of returned templates, or other files); it replaces the choice. */
    public void chooseFolder() {
        if (job != null) {
            return;
        }
        prompts.folderToImport(lastFolder).ifPresent(folder -> {
            lastFolder = Optional.ofNullable(folder.toAbsolutePath().getParent()).or(() -> Optional.of(folder));
            files.setAll(List.of(folder));
        });
    }

    /** Chooses {@code paths} directly (files dropped on the screen). */
    public void choose(List<Path> paths) {
        if (job == null) {
            files.setAll(paths);
        }
    }

    private void selectionChanged() {
        checked = null;
        updateCanImport();
        report.clear();
        fileRows.clear();
        units.clear();
        summary.set("");
        notice.set("");
        error.set("");
        selection.set(files.isEmpty() ? text("ui.import.nothing-chosen")
                : files.size() == 1 ? files.get(0).toAbsolutePath().toString()
                : text("ui.import.chosen-files", files.size(), files.stream().map(p -> String.valueOf(p.getFileName()))
                        .collect(Collectors.joining(text("ui.import.list-separator")))));
    }

    private void contentChanged() {
        Workspace.State s = workspace.state();
        writable.set(!s.readOnly());
        if (checked != null && !checked.stillHolds(s)) {
            checked = null;
            summary.set(text("ui.import.stale"));
        }
        updateCanImport();
        templateTarget.set(s.period().isPresent() && s.year().isPresent()
                ? text("ui.import.templates.target", ResultFormat.period(s.period().get()),
                        String.valueOf(s.year().get()))
                : text("ui.import.templates.no-period"));
        loadTemplateUnits(s);
    }

    private void loadTemplateUnits(Workspace.State s) {
        long request = ++unitsRequest;
        Optional<StoredScheme> stored = s.year().flatMap(y -> s.content().scheme(y));
        if (s.database().isEmpty() || stored.isEmpty()) {
            templateUnits.clear();
            return;
        }
        WorkbenchDatabase db = s.database().get();
        executor.execute(() -> db.scheme(stored.get()).units(), list -> {
            if (request != unitsRequest) {
                return;
            }
            Set<String> ticked = templateUnits.stream().filter(u -> u.chosenProperty().get()).map(UnitChoice::code)
                    .collect(Collectors.toSet());
            List<UnitChoice> choices = new ArrayList<>();
            for (Unit u : list) {
                UnitChoice c = new UnitChoice(u.code(), u.name());
                c.chosenProperty().set(ticked.contains(u.code()));
                choices.add(c);
            }
            templateUnits.setAll(choices);
        }, e -> {
            if (request == unitsRequest) {
                error.set(ErrorText.of(e));
            }
        });
    }

    private void updateCanImport() {
        canImport.set(checked != null && job == null && writable.get());
    }

    // --- checking and importing --------------------------------------------------------------

    /** Reads and checks the files chosen, in the background, writing nothing. */
    public void check() {
        Optional<WorkbenchDatabase> db = workspace.database();
        if (db.isEmpty() || job != null) {
            return;
        }
        if (files.isEmpty()) {
            error.set(text("ui.import.nothing-chosen"));
            return;
        }
        List<Path> chosen = List.copyOf(files);
        ImportService.Kind k = kind.get();
        Optional<Integer> year = workspace.year();
        Workspace.State at = workspace.state();
        checked = null;
        clearOutcome();
        ScreenProgress j = start(Work.CHECKING);
        executor.execute(() -> ImportService.check(db.get(), k, chosen, year, j), check -> {
            finish(j);
            showCheck(check);
            Checked sound = new Checked(chosen, k, year, at);
            if (check.sound() && sound.stillHolds(workspace.state())) {
                checked = sound;
            } else if (check.sound()) {
                summary.set(text("ui.import.stale")); // another screen wrote while the files were checked
            }
            updateCanImport();
        }, e -> {
            finish(j);
            failed(e, "ui.import.check-cancelled", chosen);
        });
    }

    /** Imports what the last check found sound (reading the files again: all or nothing), then reloads. */
    public void importChecked() {
        Optional<WorkbenchDatabase> db = workspace.database();
        if (db.isEmpty() || !canImport.get()) {
            return;
        }
        Checked c = checked;
        String operator = workspace.operator();
        clearOutcome();
        ScreenProgress j = start(Work.IMPORTING);
        executor.execute(() -> ImportService.importFiles(db.get(), c.kind(), c.files(), c.year(), operator, j),
                done -> {
                    finish(j);
                    checked = null;
                    updateCanImport();
                    showImport(done);
                    workspace.reload();
                }, e -> {
                    finish(j);
                    checked = null;
                    updateCanImport();
                    failed(e, "ui.import.import-cancelled", c.files());
                });
    }

    /** Stops the work under way at its next step; what it did is undone. */
    public void cancel() {
        if (job != null) {
            job.stop();
            cancelling.set(true);
            progressText.set(text("ui.import.cancelling"));
        }
    }

    private void clearOutcome() {
        report.clear();
        fileRows.clear();
        units.clear();
        summary.set("");
        notice.set("");
        error.set("");
    }

    private void showCheck(ImportService.Check check) {
        List<Path> read = check.files().stream().map(ImportService.FileCheck::file).toList();
        List<ReportRow> rows = new ArrayList<>();
        check.errors().forEach(i -> rows.add(ReportRow.of(ReportRow.Severity.ERROR, i, read.isEmpty() ? files : read)));
        check.warnings().forEach(i -> rows.add(ReportRow.of(ReportRow.Severity.WARNING, i, read)));
        report.setAll(rows);
        fileRows.setAll(check.files().stream().map(f -> new FileRow(String.valueOf(f.file().getFileName()),
                content(f.template()), f.rows(), f.errors().size(), f.warnings().size(),
                f.errors().isEmpty() ? text("ui.import.file-sound") : text("ui.import.file-refused", f.errors().size())))
                .toList());
        units.setAll(check.units());
        int corrected = check.units().stream().mapToInt(ImportService.UnitSummary::corrected).sum();
        summary.set(check.sound()
                ? text("ui.import.check-sound", check.files().size(), check.rows(), check.changed(), corrected,
                        check.warnings().size())
                : text("ui.import.check-refused", check.errors().size(),
                        check.files().stream().filter(f -> !f.errors().isEmpty()).count(), check.warnings().size()));
    }

    private void showImport(ImportService.Report done) {
        List<Path> read = done.files().stream().map(ImportService.FileReport::file).toList();
        report.setAll(done.files().stream().flatMap(f -> f.warnings().stream())
                .map(i -> ReportRow.of(ReportRow.Severity.WARNING, i, read)).toList());
        fileRows.setAll(done.files().stream().map(f -> new FileRow(String.valueOf(f.file().getFileName()),
                content(f.template()), f.rows(), 0, f.warnings().size(), f.changed() == 0 && f.template().isPresent()
                        ? text("ui.import.file-unchanged")
                        : text("ui.import.file-written", f.changed(), f.added(), f.corrected()))).toList());
        units.setAll(done.units());
        summary.set(text("ui.import.done", done.files().size(), done.rows(), done.changed(),
                done.backup().file().toAbsolutePath().toString()));
        List<String> lines = new ArrayList<>();
        for (ImportService.Outstanding o : done.outstanding()) {
            lines.add(o.units().isEmpty() ? text("ui.import.all-returned", ResultFormat.period(o.period()))
                    : text("ui.import.outstanding", ResultFormat.period(o.period()), o.units().size(),
                            o.units().stream().map(u -> u.name()).collect(Collectors.joining(
                                    text("ui.import.list-separator")))));
        }
        notice.set(String.join("\n", lines));
    }

    private static String content(Optional<ImportService.TemplateOrigin> template) {
        return template.map(t -> text("ui.import.content-template", t.unitName(), t.unit(),
                ResultFormat.period(t.period()))).orElse(text("ui.import.content-file"));
    }

    /** A failure: stopped (nothing written), refused as a whole (its problems listed), or unexpected. */
    private void failed(Throwable e, String cancelledKey, List<Path> chosen) {
        if (e instanceof CancelledException) {
            summary.set(text(cancelledKey));
        } else if (e instanceof ValidationException v) {
            report.setAll(v.issues().stream().map(i -> ReportRow.of(ReportRow.Severity.ERROR, i, chosen)).toList());
            summary.set(text("ui.import.refused", v.issues().size()));
        } else {
            error.set(ErrorText.of(e));
        }
    }

    // --- templates -------------------------------------------------------------------------

    /** Asks for a folder and writes the templates of the chosen period there, for all units or those ticked. */
    public void generateTemplates() {
        Workspace.State s = workspace.state();
        if (s.database().isEmpty() || job != null) {
            return;
        }
        if (s.period().isEmpty() || s.year().isEmpty()) {
            error.set(text("ui.import.templates.no-period"));
            return;
        }
        List<String> codes = allUnits.get() ? List.of() : templateUnits.stream()
                .filter(u -> u.chosenProperty().get()).map(UnitChoice::code).toList();
        if (!allUnits.get() && codes.isEmpty()) {
            error.set(text("ui.import.templates.none-ticked"));
            return;
        }
        Optional<Path> folder = prompts.templateFolder(Optional.ofNullable(templateFolder.get()).or(() -> lastFolder));
        if (folder.isEmpty()) {
            return;
        }
        WorkbenchDatabase db = s.database().get();
        Period period = s.period().get();
        int year = s.year().get();
        String operator = workspace.operator();
        notice.set("");
        error.set("");
        ScreenProgress j = start(Work.TEMPLATES);
        executor.execute(() -> TemplateService.generate(db, period, Optional.of(year), codes, folder.get(), operator,
                j), outcome -> {
                    finish(j);
                    templateFolder.set(folder.get());
                    String done = text("ui.import.templates.done", outcome.files().size(),
                            ResultFormat.period(outcome.period()), String.valueOf(outcome.schemeYear()),
                            folder.get().toAbsolutePath().toString());
                    notice.set(outcome.keyCreated() ? done + "\n" + text("ui.import.templates.key-created") : done);
                }, e -> {
                    finish(j);
                    if (e instanceof CancelledException) {
                        notice.set(text("ui.import.templates.cancelled"));
                    } else {
                        error.set(ErrorText.of(e));
                    }
                });
    }

    // --- the work under way ------------------------------------------------------------------

    private ScreenProgress start(Work what) {
        ScreenProgress j = new ScreenProgress(executor, p -> job == p, this::showProgress);
        job = j;
        work.set(what);
        busy.set(true);
        cancelling.set(false);
        progress.set(-1);
        progressText.set(text("ui.import.starting"));
        updateCanImport();
        return j;
    }

    private void finish(ScreenProgress j) {
        if (job == j) {
            job = null;
            work.set(Work.NONE);
            busy.set(false);
            cancelling.set(false);
            progress.set(0);
            progressText.set("");
            updateCanImport();
        }
    }

    private void showProgress(Progress.Step step) {
        boolean rowsOnly = step.total() <= 1 && step.rows() > 0;
        progress.set(step.total() == 0 || rowsOnly ? -1 : Math.min(1.0, (double) step.done() / step.total()));
        if (step.item().isEmpty()) {
            progressText.set(text("ui.import.progress.finishing"));
            return;
        }
        String at = text("ui.import.progress." + step.phase().name(), Math.min(step.done() + 1, step.total()),
                step.total(), step.item());
        progressText.set(step.rows() > 0 ? at + text("ui.import.progress.rows", step.rows()) : at);
    }

    // --- properties ----------------------------------------------------------------------------

    /** The files and folders chosen. */
    public ObservableList<Path> files() {
        return files;
    }

    /** Figures (数据) or targets (目标值). */
    public ObjectProperty<ImportService.Kind> kindProperty() {
        return kind;
    }

    /** The problems (first) and warnings of the last check, or the warnings of the last import. */
    public ObservableList<ReportRow> report() {
        return report;
    }

    public ObservableList<FileRow> fileRows() {
        return fileRows;
    }

    /** Each unit's share of the last check (what it would change) or import (what it changed). */
    public ObservableList<ImportService.UnitSummary> units() {
        return units;
    }

    /** The chosen year's units, to tick for templates. */
    public ObservableList<UnitChoice> templateUnits() {
        return templateUnits;
    }

    /** Templates for every unit (true) or only those ticked. */
    public BooleanProperty allUnitsProperty() {
        return allUnits;
    }

    public ReadOnlyObjectProperty<Work> workProperty() {
        return work.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** 取消 was pressed and the work has not stopped yet. */
    public ReadOnlyBooleanProperty cancellingProperty() {
        return cancelling.getReadOnlyProperty();
    }

    /** Whether 导入 may run: the last check of this choice found no problem, and nothing changed since. */
    public ReadOnlyBooleanProperty canImportProperty() {
        return canImport.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty writableProperty() {
        return writable.getReadOnlyProperty();
    }

    /** From 0 to 1; negative while it cannot be told (as a progress bar takes it). */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** The last check's or import's outcome in a sentence. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The choice in words. */
    public ReadOnlyStringProperty selectionProperty() {
        return selection.getReadOnlyProperty();
    }

    /** The period and scheme templates are made for, in words. */
    public ReadOnlyStringProperty templateTargetProperty() {
        return templateTarget.getReadOnlyProperty();
    }

    /** Where the last templates were written; null before. */
    public ReadOnlyObjectProperty<Path> templateFolderProperty() {
        return templateFolder.getReadOnlyProperty();
    }

    public Workspace workspace() {
        return workspace;
    }

    private static String text(String key, Object... args) {
        return Messages.get().text(key, args);
    }
}

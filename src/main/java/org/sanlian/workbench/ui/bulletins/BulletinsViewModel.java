package org.sanlian.workbench.ui.bulletins;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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
import org.sanlian.workbench.app.ExportService;
import org.sanlian.workbench.app.Progress;
import org.sanlian.workbench.app.PublishService;
import org.sanlian.workbench.app.WorkbenchDatabase;
import org.sanlian.workbench.core.model.Bulletin;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.i18n.Messages;
import org.sanlian.workbench.ui.common.ErrorText;
import org.sanlian.workbench.ui.common.ScreenProgress;
import org.sanlian.workbench.ui.common.TaskExecutor;
import org.sanlian.workbench.ui.results.ResultFormat;
import org.sanlian.workbench.ui.shell.Prompts;
import org.sanlian.workbench.ui.shell.Workspace;

/**
 * The 通报与导出 screen's state. The chosen period (the workspace's period, under the chosen year's
 * scheme) is published as a numbered bulletin through {@link PublishService}: a number is proposed as
 * {@code db publish} numbers, and publishing is refused while the database is read-only and when the
 * period was published already; afterwards the content hash is shown and the workspace reloaded, so
 * every screen sees the year's scheme frozen. The bulletins are listed newest first; the one selected
 * shows its summary (units ranked, bottom list). The meeting workbook is exported, of the bulletin
 * selected (its frozen content) or of the period's live results, to a file asked through the window's
 * {@link Prompts}, in the background with its progress per sheet; 取消 stops it and leaves no file.
 * Knows no view, so it is tested without a toolkit.
 */
public final class BulletinsViewModel {

    /** What is under way. */
    public enum Work { NONE, PUBLISHING, EXPORTING }

    /** What a publish hands back: the bulletin kept, or the one that had published the period already. */
    private record Outcome(Optional<Bulletin> published, Optional<Bulletin> earlier) {
    }

    private final Workspace workspace;
    private final TaskExecutor executor;
    private final Prompts prompts;

    private final ObservableList<Bulletin> bulletins = FXCollections.observableArrayList();
    private final ObjectProperty<Bulletin> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObservableList<PublishService.Listed> listed = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper periodText = new ReadOnlyStringWrapper(this, "periodText", "");
    private final ReadOnlyStringWrapper hash = new ReadOnlyStringWrapper(this, "hash", "");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyObjectWrapper<Work> work = new ReadOnlyObjectWrapper<>(this, "work", Work.NONE);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper cancelling = new ReadOnlyBooleanWrapper(this, "cancelling");
    private final ReadOnlyBooleanWrapper canPublish = new ReadOnlyBooleanWrapper(this, "canPublish");
    private final ReadOnlyBooleanWrapper canExportLive = new ReadOnlyBooleanWrapper(this, "canExportLive");
    private final ReadOnlyBooleanWrapper canExportBulletin = new ReadOnlyBooleanWrapper(this, "canExportBulletin");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyObjectWrapper<Path> exported = new ReadOnlyObjectWrapper<>(this, "exported");

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private ScreenProgress job;
    private long listRequest;
    private long summaryRequest;
    /** The bulletin to select once the list is read again (the one just published); null for none. */
    private String selectAfterLoad;
    private Optional<Path> lastFolder = Optional.empty();

    public BulletinsViewModel(Workspace workspace, TaskExecutor executor, Prompts prompts) {
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.prompts = Objects.requireNonNull(prompts, "prompts");
        workspace.stateProperty().addListener((o, old, now) -> {
            if (!now.sameContent(old)) {
                load();
            } else if (!now.period().equals(old.period()) || !now.year().equals(old.year())) {
                updatePeriod();
            }
        });
        selected.addListener((o, a, b) -> {
            loadSummary(b);
            updatePeriod();
        });
        load();
    }

    // --- the list ------------------------------------------------------------------------------

    /** Reads the bulletins again (in the background), keeping the one selected. */
    public void load() {
        long request = ++listRequest;
        Optional<WorkbenchDatabase> db = workspace.database();
        if (db.isEmpty()) {
            bulletins.clear();
            selected.set(null);
            updatePeriod();
            return;
        }
        executor.execute(() -> PublishService.list(db.get()), list -> {
            if (request != listRequest) {
                return;
            }
            String keep = selectAfterLoad != null ? selectAfterLoad
                    : selected.get() == null ? null : selected.get().number();
            selectAfterLoad = null;
            bulletins.setAll(list);
            selected.set(list.stream().filter(b -> b.number().equals(keep)).findFirst()
                    .orElse(list.isEmpty() ? null : list.get(0)));
            updatePeriod();
        }, e -> {
            if (request == listRequest) {
                bulletins.clear();
                error.set(ErrorText.of(e));
                updatePeriod();
            }
        });
    }

    private void loadSummary(Bulletin b) {
        long request = ++summaryRequest;
        listed.clear();
        summary.set("");
        if (b == null) {
            return;
        }
        executor.execute(() -> PublishService.summary(b), s -> {
            if (request != summaryRequest) {
                return;
            }
            listed.setAll(s.listed());
            String head = text("ui.bulletins.summary", b.number(), ResultFormat.period(b.period()),
                    String.valueOf(b.schemeYear()), s.issuer(), s.units(), s.listed().size());
            summary.set(s.simulated() ? head + text("ui.bulletins.simulated") : head);
        }, e -> {
            if (request == summaryRequest) {
                summary.set(text("ui.bulletins.summary-unreadable", b.number(), ErrorText.of(e)));
            }
        });
    }

    /** The chosen period in words, whether it was published, and what may be done now. */
    private void updatePeriod() {
        Workspace.State s = workspace.state();
        Optional<Period> p = s.period();
        if (s.database().isEmpty() || p.isEmpty()) {
            periodText.set(text("ui.bulletins.no-period"));
        } else {
            List<Bulletin> earlier = PublishService.ofPeriod(bulletins, p.get());
            String year = s.year().map(String::valueOf).orElse("");
            String line = earlier.isEmpty()
                    ? text("ui.bulletins.period-open", ResultFormat.period(p.get()), year)
                    : text("ui.bulletins.period-published", ResultFormat.period(p.get()), year,
                            String.join(text("ui.bulletins.separator"), earlier.stream().map(Bulletin::number).toList()));
            periodText.set(s.readOnly() ? line + text("ui.bulletins.period-read-only") : line);
        }
        boolean idle = job == null;
        canPublish.set(idle && p.isPresent() && s.year().isPresent() && !s.readOnly());
        canExportLive.set(idle && p.isPresent() && s.database().isPresent());
        canExportBulletin.set(idle && selected.get() != null);
    }

    // --- publishing ----------------------------------------------------------------------------

    /**
     * Whether the chosen period may be published now: empty when it may, else why not (also shown as
     * the screen's error). The view asks before it shows the confirmation.
     */
    public Optional<String> publishRefusal() {
        Workspace.State s = workspace.state();
        Optional<String> why;
        if (job != null) {
            why = Optional.of(text("ui.bulletins.busy"));
        } else if (s.database().isEmpty() || s.period().isEmpty() || s.year().isEmpty()) {
            why = Optional.of(text("ui.bulletins.no-period"));
        } else if (s.readOnly()) {
            boolean file = s.database().map(WorkbenchDatabase::readOnlyReason)
                    .filter(WorkbenchDatabase.ReadOnlyReason.FILE_READ_ONLY::equals).isPresent();
            why = Optional.of(text(file ? "ui.bulletins.file-read-only" : "ui.bulletins.read-only"));
        } else {
            why = PublishService.ofPeriod(bulletins, s.period().get()).stream().findFirst()
                    .map(b -> alreadyPublished(s.period().get(), b));
        }
        why.ifPresent(w -> {
            notice.set("");
            error.set(w);
        });
        return why;
    }

    private static String alreadyPublished(Period period, Bulletin b) {
        return text("ui.bulletins.already-published", ResultFormat.period(period), b.number(),
                String.valueOf(b.publishedOn()));
    }

    /** The number proposed for the chosen period's bulletin ({@code 2025-1}); empty without a period. */
    public String proposedNumber() {
        return workspace.period().map(p -> PublishService.nextNumber(p, bulletins)).orElse("");
    }

    /** What publishing the chosen period means, for the confirmation. */
    public String publishExplanation() {
        Workspace.State s = workspace.state();
        if (s.period().isEmpty() || s.year().isEmpty()) {
            return text("ui.bulletins.no-period");
        }
        return text("ui.bulletins.confirm-text", ResultFormat.period(s.period().get()),
                String.valueOf(s.year().get()), s.operator());
    }

    /**
     * Publishes the chosen period under {@code number} in the background; refused (with the reason as
     * the error) when {@link #publishRefusal} refuses, the number is blank or taken, or scoring fails.
     * Afterwards the hash is shown, the workspace reloaded, and the new bulletin selected.
     */
    public void publish(String number) {
        if (publishRefusal().isPresent()) {
            return;
        }
        String chosen = number == null ? "" : number.strip();
        if (chosen.isEmpty()) {
            error.set(text("ui.bulletins.number-needed"));
            return;
        }
        Workspace.State s = workspace.state();
        WorkbenchDatabase db = s.database().get();
        Period period = s.period().get();
        Optional<Integer> year = s.year();
        String operator = s.operator();
        notice.set("");
        error.set("");
        hash.set("");
        ScreenProgress j = start(Work.PUBLISHING);
        progressText.set(text("ui.bulletins.publishing", ResultFormat.period(period)));
        executor.execute(() -> {
            // looked at again where the write happens: another window may have published meanwhile
            Optional<Bulletin> earlier = PublishService.ofPeriod(PublishService.list(db), period).stream().findFirst();
            if (earlier.isPresent()) {
                return new Outcome(Optional.empty(), earlier);
            }
            return new Outcome(Optional.of(PublishService.publish(db, period, year, Optional.of(chosen),
                    Optional.empty(), operator)), Optional.empty());
        }, outcome -> {
            finish(j);
            if (outcome.earlier().isPresent()) {
                error.set(alreadyPublished(period, outcome.earlier().get()));
                load();
                return;
            }
            Bulletin b = outcome.published().orElseThrow();
            hash.set(b.contentHash());
            notice.set(text("ui.bulletins.published", b.number(), ResultFormat.period(b.period()),
                    String.valueOf(b.schemeYear())));
            selectAfterLoad = b.number();
            workspace.reload();
        }, e -> {
            finish(j);
            error.set(text("ui.bulletins.publish-failed", ResultFormat.period(period), ErrorText.of(e)));
        });
    }

    // --- exporting -----------------------------------------------------------------------------

    /** Asks where, then writes the selected bulletin's meeting workbook from its frozen content. */
    public void exportBulletin() {
        Bulletin b = selected.get();
        Optional<WorkbenchDatabase> db = workspace.database();
        if (b == null || db.isEmpty() || job != null) {
            return;
        }
        Optional<Path> out = askFile(text("ui.bulletins.file-bulletin", safe(b.number())));
        out.ifPresent(file -> export(file, j -> ExportService.exportBulletin(db.get(), b.number(), Optional.empty(),
                file, j)));
    }

    /** Asks where, then writes the chosen period's meeting workbook from the database's current figures. */
    public void exportLive() {
        Workspace.State s = workspace.state();
        if (s.database().isEmpty() || s.period().isEmpty() || job != null) {
            return;
        }
        WorkbenchDatabase db = s.database().get();
        Period period = s.period().get();
        Optional<Integer> year = s.year();
        Optional<Path> out = askFile(text("ui.bulletins.file-live", safe(ResultFormat.period(period))));
        out.ifPresent(file -> export(file, j -> ExportService.exportDatabase(db, period, year,
                LocalDate.now(), Optional.empty(), file, j)));
    }

    private Optional<Path> askFile(String name) {
        Optional<Path> out = prompts.workbookToSave(name, lastFolder);
        out.ifPresent(f -> lastFolder = Optional.ofNullable(f.toAbsolutePath().getParent()));
        return out;
    }

    /** When a bulletin was kept, in this computer's time zone to the minute (as stored when it cannot be read). */
    public static String publishedAt(Bulletin b) {
        try {
            return AT.format(Instant.parse(b.createdAt()).atZone(ZoneId.systemDefault()));
        } catch (DateTimeParseException e) {
            return b.createdAt();
        }
    }

    /** A file name from a text: the characters no file system takes become {@code _}. */
    static String safe(String text) {
        return text.replaceAll("[\\\\/:*?\"<>|]", "_");
    }

    private interface Export {
        ExportService.Exported run(ScreenProgress job);
    }

    private void export(Path file, Export what) {
        notice.set("");
        error.set("");
        exported.set(null);
        ScreenProgress j = start(Work.EXPORTING);
        progressText.set(text("ui.bulletins.export-starting"));
        executor.execute(() -> what.run(j), done -> {
            finish(j);
            exported.set(done.file());
            notice.set(text("ui.bulletins.exported", done.file().toAbsolutePath().toString(), done.sheets().size()));
        }, e -> {
            finish(j);
            if (e instanceof CancelledException) {
                notice.set(text("ui.bulletins.export-cancelled", file.getFileName().toString()));
            } else {
                error.set(text("ui.bulletins.export-failed", file.toAbsolutePath().toString(), ErrorText.of(e)));
            }
        });
    }

    /** Shows the folder of the workbook last exported in the system's file manager. */
    public void openFolder() {
        Path file = exported.get();
        if (file != null && file.toAbsolutePath().getParent() != null) {
            prompts.openFolder(file.toAbsolutePath().getParent());
        }
    }

    /** Stops the export under way at its next sheet; nothing is left behind. A publish is not stopped. */
    public void cancel() {
        if (job != null && work.get() == Work.EXPORTING) {
            job.stop();
            cancelling.set(true);
            progressText.set(text("ui.bulletins.cancelling"));
        }
    }

    // --- the work under way ----------------------------------------------------------------------

    private ScreenProgress start(Work what) {
        ScreenProgress j = new ScreenProgress(executor, p -> job == p, this::showProgress);
        job = j;
        work.set(what);
        busy.set(true);
        cancelling.set(false);
        progress.set(-1);
        updatePeriod();
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
            updatePeriod();
        }
    }

    private void showProgress(Progress.Step step) {
        progress.set(step.total() == 0 ? -1 : Math.min(1.0, (double) step.done() / step.total()));
        progressText.set(step.item().isEmpty() ? text("ui.bulletins.progress-file", step.done() + 1, step.total())
                : text("ui.bulletins.progress-sheet", step.item(), step.done() + 1, step.total()));
    }

    // --- properties ------------------------------------------------------------------------------

    /** The published bulletins, newest first. */
    public ObservableList<Bulletin> bulletins() {
        return bulletins;
    }

    /** The bulletin whose summary is shown and which 导出通报 writes; null for none. */
    public ObjectProperty<Bulletin> selectedProperty() {
        return selected;
    }

    /** The selected bulletin's bottom list. */
    public ObservableList<PublishService.Listed> listed() {
        return listed;
    }

    /** The selected bulletin in a sentence: period, scheme, issuer, units, how many listed. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The chosen period and whether it was published. */
    public ReadOnlyStringProperty periodTextProperty() {
        return periodText.getReadOnlyProperty();
    }

    /** The content hash (SHA-256) of the bulletin just published; empty before. */
    public ReadOnlyStringProperty hashProperty() {
        return hash.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Work> workProperty() {
        return work.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** 取消 was pressed and the export has not stopped yet. */
    public ReadOnlyBooleanProperty cancellingProperty() {
        return cancelling.getReadOnlyProperty();
    }

    /** A period and year are chosen, the database is writable, and nothing is under way. */
    public ReadOnlyBooleanProperty canPublishProperty() {
        return canPublish.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canExportLiveProperty() {
        return canExportLive.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canExportBulletinProperty() {
        return canExportBulletin.getReadOnlyProperty();
    }

    /** From 0 to 1; negative while it cannot be told (as a progress bar takes it). */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** The workbook last exported; null before (and after a cancelled or failed export). */
    public ReadOnlyObjectProperty<Path> exportedProperty() {
        return exported.getReadOnlyProperty();
    }

    private static String text(String key, Object... args) {
        return Messages.get().text(key, args);
    }
}

package org.sanlian.workbench.ui.audit;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.sanlian.workbench.app.ResultFiles;
import org.sanlian.workbench.app.WorkbenchDatabase;
import org.sanlian.workbench.core.model.AuditEntry;
import org.sanlian.workbench.core.model.AuditFilter;
import org.sanlian.workbench.core.model.StoredScheme;
import org.sanlian.workbench.i18n.Messages;
import org.sanlian.workbench.ui.common.ErrorText;
import org.sanlian.workbench.ui.common.TaskExecutor;
import org.sanlian.workbench.ui.shell.Workspace;

/**
 * The 审计日志 screen's state: the filters (unit, period, code, operator, from and to a day, and free
 * text), the newest lines that pass them ({@value #PAGE} at first, {@value #PAGE} more at each 更多)
 * with how many pass in all, and the export of every line that passes to CSV. The filters go to
 * SQL, and the query runs in the background; a newer query or 取消 drops an older one's answer. The
 * lines are read again when another screen wrote (the workspace's revision). Knows no view.
 */
public final class AuditViewModel {

    /** How many lines are shown at first, and how many more each 更多 adds. */
    public static final int PAGE = 200;

    private record Loaded(List<AuditEntry> entries, long total, Map<String, String> names) {
    }

    private final Workspace workspace;
    private final TaskExecutor executor;
    private final ZoneId zone;
    private final StringProperty unit = new SimpleStringProperty(this, "unit", "");
    private final StringProperty period = new SimpleStringProperty(this, "period", "");
    private final StringProperty code = new SimpleStringProperty(this, "code", "");
    private final StringProperty operator = new SimpleStringProperty(this, "operator", "");
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>(this, "from");
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>(this, "to");
    private final ObservableList<AuditRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper searching = new ReadOnlyBooleanWrapper(this, "searching");
    private final ReadOnlyBooleanWrapper canMore = new ReadOnlyBooleanWrapper(this, "canMore");
    private final ReadOnlyBooleanWrapper canExport = new ReadOnlyBooleanWrapper(this, "canExport");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    /** The filter of the lines shown (its limit: how many are asked for). */
    private AuditFilter shown = AuditFilter.any().withLimit(PAGE);
    private long generation;

    public AuditViewModel(Workspace workspace, TaskExecutor executor) {
        this(workspace, executor, ZoneId.systemDefault());
    }

    /** With the zone the times are shown and the days of 从 and 到 are taken in. */
    public AuditViewModel(Workspace workspace, TaskExecutor executor, ZoneId zone) {
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.zone = Objects.requireNonNull(zone, "zone");
        workspace.stateProperty().addListener((obs, old, now) -> {
            if (!now.sameContent(old)) {
                reload();
            }
        });
        reload();
    }

    // --- the filters ---------------------------------------------------------------------

    public StringProperty unitProperty() {
        return unit;
    }

    public StringProperty periodProperty() {
        return period;
    }

    public StringProperty codeProperty() {
        return code;
    }

    public StringProperty operatorProperty() {
        return operator;
    }

    /** Free text: must occur in the operator, unit, period, code, old or new value. */
    public StringProperty textProperty() {
        return text;
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    /** The filter the fields say (limit 0: every line); days are whole days in the screen's zone. */
    public AuditFilter filter() {
        return new AuditFilter(given(unit), given(period), given(code), given(operator), Optional.empty(),
                Optional.ofNullable(from.get()).map(d -> d.atStartOfDay(zone).toInstant().toString()),
                Optional.ofNullable(to.get()).map(d -> d.plusDays(1).atStartOfDay(zone).toInstant().minusSeconds(1)
                        .toString()),
                0, given(text));
    }

    private static Optional<String> given(StringProperty p) {
        return Optional.ofNullable(p.get()).map(String::strip).filter(s -> !s.isEmpty());
    }

    /** 查询: the newest {@value #PAGE} lines that pass the filters. */
    public void apply() {
        shown = filter().withLimit(PAGE);
        load();
    }

    /** 清除条件: every filter emptied, then applied. */
    public void clearFilters() {
        for (StringProperty p : List.of(unit, period, code, operator, text)) {
            p.set("");
        }
        from.set(null);
        to.set(null);
        apply();
    }

    /** 更多: {@value #PAGE} more of the lines that pass the filters last applied. */
    public void more() {
        shown = shown.withLimit(shown.limit() + PAGE);
        load();
    }

    /** Reads the lines again with the filters last applied, as many as shown. */
    public void reload() {
        load();
    }

    /** 取消: the query running is left to finish, and its answer dropped. */
    public void cancel() {
        if (searching.get()) {
            generation++;
            searching.set(false);
            busy.set(false);
            notice.set(text("ui.audit.cancelled"));
        }
    }

    private void load() {
        long request = ++generation;
        Optional<WorkbenchDatabase> db = workspace.database();
        if (db.isEmpty()) {
            busy.set(false);
            searching.set(false);
            rows.clear();
            summary.set("");
            canMore.set(false);
            canExport.set(false);
            return;
        }
        AuditFilter asked = shown;
        busy.set(true);
        searching.set(true);
        error.set("");
        notice.set("");
        List<StoredScheme> schemes = workspace.state().content().schemes();
        executor.execute(() -> new Loaded(db.get().audit(asked), db.get().auditCount(asked), names(db.get(), schemes)),
                loaded -> {
            if (request != generation) {
                return;
            }
            busy.set(false);
            searching.set(false);
            List<AuditRow> newestFirst = new ArrayList<>();
            for (AuditEntry e : loaded.entries()) {
                newestFirst.add(0, AuditRow.of(e, zone, loaded.names()));
            }
            rows.setAll(newestFirst);
            canMore.set(loaded.total() > newestFirst.size());
            canExport.set(loaded.total() > 0);
            summary.set(loaded.total() > newestFirst.size()
                    ? text("ui.audit.summary-newest", newestFirst.size(), loaded.total())
                    : text("ui.audit.summary-all", loaded.total()));
        }, e -> {
            if (request == generation) {
                busy.set(false);
                searching.set(false);
                error.set(text("ui.audit.load-failed", ErrorText.of(e)));
            }
        });
    }

    /** Units' names by code, from every year's scheme (a later year's name wins). */
    private static Map<String, String> names(WorkbenchDatabase db, List<StoredScheme> schemes) {
        Map<String, String> out = new HashMap<>();
        for (StoredScheme s : schemes) {
            try {
                db.scheme(s).units().forEach(u -> out.put(u.code(), u.name()));
            } catch (RuntimeException e) {
                // a scheme that does not read shows its units' codes alone
            }
        }
        return out;
    }

    /** Writes every line that passes the filters last applied (not only those shown) to {@code file} as CSV. */
    public void exportTo(Path file) {
        Optional<WorkbenchDatabase> db = workspace.database();
        if (db.isEmpty()) {
            return;
        }
        AuditFilter all = shown.withLimit(0);
        busy.set(true);
        error.set("");
        notice.set("");
        executor.execute(() -> {
            List<AuditEntry> entries = db.get().audit(all);
            ResultFiles.writeAudit(entries, file);
            return entries.size();
        }, n -> {
            busy.set(false);
            notice.set(text("ui.audit.exported", n, file.toAbsolutePath()));
        }, e -> {
            busy.set(false);
            error.set(text("ui.audit.export-failed", file.toAbsolutePath(), ErrorText.of(e)));
        });
    }

    // --- what is shown -------------------------------------------------------------------

    /** The lines shown, newest first. */
    public ObservableList<AuditRow> rows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Whether a search is running (取消 drops its answer); an export is not cancelled. */
    public ReadOnlyBooleanProperty searchingProperty() {
        return searching.getReadOnlyProperty();
    }

    /** Whether more lines pass the filters than are shown. */
    public ReadOnlyBooleanProperty canMoreProperty() {
        return canMore.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canExportProperty() {
        return canExport.getReadOnlyProperty();
    }

    /** How many lines are shown, of how many that pass. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    private static String text(String key, Object... args) {
        return Messages.get().text(key, args);
    }
}

package org.sanlian.workbench.ui.shell;

import java.time.format.DateTimeFormatter;
import java.util.Optional;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.sanlian.workbench.app.WorkbenchDatabase;
import org.sanlian.workbench.core.model.BackupFile;
import org.sanlian.workbench.i18n.Messages;

/**
 * The window's status bar: who is working (操作人), the database file, the newest backup (今日备份 when
 * it was taken on opening), 只读 with the reason when another process holds the file, 示例数据 when the
 * demo data is open, and the latest thing done.
 */
public final class StatusBar extends VBox {

    public static final String ID = "db-status";
    public static final String OPERATOR_ID = "db-operator";
    public static final String FILE_ID = "db-file";
    public static final String BACKUP_ID = "db-backup";
    public static final String READ_ONLY_ID = "db-read-only";
    public static final String READ_ONLY_NOTICE_ID = "db-read-only-notice";
    public static final String SIMULATED_ID = "db-simulated";
    public static final String MESSAGE_ID = "shell-message";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Label operator = label(OPERATOR_ID, "status-line");
    private final Label file = label(FILE_ID, "status-line");
    private final Label backup = label(BACKUP_ID, "status-line");
    private final Label readOnly = label(READ_ONLY_ID, "error-message");
    private final Label readOnlyNotice = label(READ_ONLY_NOTICE_ID, "error-message");
    private final Label simulated = label(SIMULATED_ID, "simulated-mark");
    private final Label message = label(MESSAGE_ID, "status-message");
    private final HBox line = new HBox(16);
    private final Region grow = new Region();

    public StatusBar(ShellViewModel model) {
        super(4);
        setId(ID);
        getStyleClass().add("status-bar");
        setPadding(new Insets(4, 10, 6, 10));
        readOnly.setText(Messages.get().text("ui.db.read-only"));
        readOnly.setStyle("-fx-font-weight: bold;");
        simulated.setText(Messages.get().text("app.simulated"));
        readOnlyNotice.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        message.visibleProperty().bind(Bindings.isNotEmpty(model.messageProperty()));
        message.managedProperty().bind(message.visibleProperty());
        HBox.setHgrow(grow, Priority.ALWAYS);
        line.setAlignment(Pos.CENTER_LEFT);
        model.workspace().stateProperty().addListener((obs, old, now) -> show(now));
        show(model.workspace().state());
    }

    private static Label label(String id, String style) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add(style);
        return l;
    }

    private void show(Workspace.State s) {
        Messages m = Messages.get();
        Optional<WorkbenchDatabase> db = s.database();
        // what does not apply is not in the bar at all (not merely hidden)
        if (db.isEmpty()) {
            getChildren().clear();
            return;
        }
        operator.setText(m.text("ui.db.operator", s.operator()));
        file.setText(m.text("ui.db.file", db.get().file().toString()));
        line.getChildren().setAll(operator, file);
        Optional<BackupFile> last = s.content().lastBackup();
        if (last.isPresent()) {
            boolean daily = db.get().dailyBackup().map(d -> d.file().equals(last.get().file())).orElse(false);
            backup.setText(daily ? m.text("ui.db.backup", last.get().file().toString())
                    : m.text("ui.db.last-backup", last.get().file().toString(), TIME.format(last.get().takenAt())));
            line.getChildren().add(backup);
        }
        boolean ro = db.get().readOnly();
        if (ro) {
            line.getChildren().add(readOnly);
        }
        if (s.content().simulated()) {
            line.getChildren().add(simulated);
        }
        line.getChildren().addAll(grow, message);
        getChildren().setAll(line);
        if (ro) {
            boolean file = db.get().readOnlyReason() == WorkbenchDatabase.ReadOnlyReason.FILE_READ_ONLY;
            readOnlyNotice.setText(m.text(file ? "ui.db.file-read-only-notice" : "issue.store.read-only",
                    db.get().file().toString()));
            getChildren().add(readOnlyNotice);
        }
    }
}

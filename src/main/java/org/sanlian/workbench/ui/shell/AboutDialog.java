package org.sanlian.workbench.ui.shell;

import java.util.Optional;

import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.stage.Window;

import org.sanlian.workbench.app.AppInfo;
import org.sanlian.workbench.app.DataFolder;
import org.sanlian.workbench.app.WorkbenchDatabase;
import org.sanlian.workbench.i18n.Messages;

/** 关于: the workbench's version, the data folder, the database file open, and the Java and JavaFX it runs on. */
public final class AboutDialog {

    public static final String TEXT_ID = "about-text";

    private AboutDialog() {
    }

    /** The text the dialog shows. */
    public static String text(Optional<WorkbenchDatabase> db) {
        Messages m = Messages.get();
        String version = AppInfo.version().orElse(m.text("ui.about.development"));
        String file = db.map(d -> d.file().toString()).orElse(m.text("ui.about.no-database"));
        return m.text("ui.about.text", version, DataFolder.folder().toAbsolutePath().toString(), file,
                System.getProperty("java.version", "?"), System.getProperty("javafx.runtime.version", "?"));
    }

    public static void show(Window owner, Optional<WorkbenchDatabase> db) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(owner);
        alert.setTitle(Messages.get().text("ui.about.title"));
        alert.setHeaderText(Messages.get().text("app.title"));
        Label content = new Label(text(db));
        content.setId(TEXT_ID);
        content.setWrapText(true);
        alert.getDialogPane().setContent(content);
        alert.show();
    }
}

package org.sanlian.workbench.ui;

import java.net.URL;

import javafx.application.Application;
import javafx.stage.Stage;

import org.sanlian.workbench.app.AssessmentFiles;
import org.sanlian.workbench.ui.common.WindowState;

/**
 * The desktop workbench. Started by {@code Launcher} (no arguments) or {@code mvn javafx:run}; opens
 * the main window on the demo assessment (the default scheme with simulated data).
 */
public final class WorkbenchApp extends Application {

    private MainWindow window;

    public static void main(String[] args) {
        launch(WorkbenchApp.class, args);
    }

    /** The stylesheet of every scene: the Chinese-capable fonts and the tints of the tables. */
    public static String stylesheet() {
        URL css = WorkbenchApp.class.getResource("workbench.css");
        if (css == null) {
            throw new IllegalStateException("workbench.css is missing from the build");
        }
        return css.toExternalForm();
    }

    @Override
    public void start(Stage stage) {
        window = new MainWindow(stage, AssessmentFiles::demo, WindowState.main());
        window.show();
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
    }
}

package org.sanlian.workbench.ui;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import javafx.concurrent.Task;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.stage.Stage;

import org.sanlian.workbench.app.Assessment;
import org.sanlian.workbench.app.ScoringService;
import org.sanlian.workbench.core.check.ValidationException;
import org.sanlian.workbench.i18n.Messages;
import org.sanlian.workbench.ui.common.FxTaskExecutor;
import org.sanlian.workbench.ui.common.WindowState;
import org.sanlian.workbench.ui.results.ResultsView;
import org.sanlian.workbench.ui.results.ResultsViewModel;

/**
 * The main window: a progress indicator while the assessment loads in the background, then its
 * results. Its size and place are remembered between starts.
 */
public final class MainWindow {

    public static final String LOADING_ID = "loading";
    public static final String LOAD_ERROR_ID = "load-error";

    /** The fonts of workbench.css, in order of preference. */
    static final List<String> CJK_FONTS = List.of("Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans CJK SC");

    private final Stage stage;
    private final Callable<Assessment> loader;
    private final WindowState windowState;
    private final FxTaskExecutor executor = new FxTaskExecutor();
    private final StackPane root = new StackPane();

    public MainWindow(Stage stage, Callable<Assessment> loader, WindowState windowState) {
        this.stage = stage;
        this.loader = loader;
        this.windowState = windowState;
    }

    public void show() {
        Messages m = Messages.get();
        stage.setTitle(m.text("app.title"));
        root.getStyleClass().add("workbench");
        firstInstalledCjkFont().ifPresent(f -> root.setStyle("-fx-font-family: \"" + f + "\";"));
        Scene scene = new Scene(root);
        scene.getStylesheets().add(WorkbenchApp.stylesheet());
        stage.setScene(scene);
        windowState.restore(stage, 1280, 760);
        windowState.saveOnHiding(stage);
        stage.show();
        load();
    }

    /** Stops the background thread; the window itself is closed by its stage. */
    public void close() {
        executor.close();
    }

    private void load() {
        Task<Assessment> task = new Task<>() {
            @Override
            protected Assessment call() throws Exception {
                return loader.call();
            }
        };
        ProgressIndicator progress = new ProgressIndicator();
        progress.progressProperty().bind(task.progressProperty());
        VBox loading = new VBox(12, progress, new Label(Messages.get().text("ui.app.loading")));
        loading.setId(LOADING_ID);
        loading.setAlignment(Pos.CENTER);
        root.getChildren().setAll(loading);

        task.setOnSucceeded(e -> showResults(task.getValue()));
        task.setOnFailed(e -> showError(task.getException()));
        Thread thread = new Thread(task, "workbench-load");
        thread.setDaemon(true);
        thread.start();
    }

    private void showResults(Assessment assessment) {
        ResultsViewModel model = new ResultsViewModel(assessment, new ScoringService(), executor);
        stage.setTitle(model.title());
        root.getChildren().setAll(new ResultsView(model));
    }

    private void showError(Throwable e) {
        Messages m = Messages.get();
        String detail = e instanceof ValidationException
                ? ((ValidationException) e).issues().stream().map(m::describe).collect(Collectors.joining("\n"))
                : e.getClass().getSimpleName() + ": " + e.getMessage();
        Label title = new Label(m.text("ui.app.load-failed"));
        title.getStyleClass().add("load-failed-title");
        Label text = new Label(detail);
        text.setWrapText(true);
        text.setId(LOAD_ERROR_ID);
        text.getStyleClass().add("error-message");
        VBox box = new VBox(10, title, text);
        box.setAlignment(Pos.CENTER);
        box.setMaxWidth(720);
        root.getChildren().setAll(box);
    }

    /**
     * JavaFX takes only the first family of a CSS list and does not fall back to the next, so the
     * first of the stylesheet's fonts that is installed is set on the root explicitly.
     */
    static java.util.Optional<String> firstInstalledCjkFont() {
        List<String> installed = Font.getFamilies();
        return CJK_FONTS.stream().filter(installed::contains).findFirst();
    }
}

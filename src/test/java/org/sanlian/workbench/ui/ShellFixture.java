package org.sanlian.workbench.ui;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.prefs.Preferences;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.sanlian.workbench.ui.common.WindowState;
import org.sanlian.workbench.ui.shell.FxPrompts;
import org.sanlian.workbench.ui.shell.Prompts;
import org.sanlian.workbench.ui.shell.ShellViewModel;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Drives the real window in TestFX tests: opens it on a database in a temporary folder, with its
 * remembered choices in a preferences node of its own (removed afterwards), and waits for the
 * background work the way a user waits for the screen.
 */
public final class ShellFixture {

    public static final int WAIT_SECONDS = 60;

    private final Stage stage;
    private final Preferences prefs = Preferences.userRoot().node(WindowState.NODE + "/test-" + System.nanoTime());
    private MainWindow window;

    public ShellFixture(Stage stage) {
        this.stage = stage;
    }

    public Preferences preferences() {
        return prefs;
    }

    /** Opens the window on {@code file} with the dialogs, and waits until the database is shown. */
    public MainWindow open(FxRobot robot, Path file) throws Exception {
        return open(robot, file, w -> new FxPrompts(() -> w));
    }

    /** As {@link #open(FxRobot, Path)}, with other answers to some questions (file choosers cannot be driven). */
    public MainWindow open(FxRobot robot, Path file, Function<Window, Prompts> prompts) throws Exception {
        robot.interact(() -> {
            window = MainWindow.onDatabase(stage, file, MainWindow.Options.of(new WindowState(prefs, "main"))
                    .withPrompts(prompts));
            window.show();
        });
        waitUntil(() -> model().workspace().database().isPresent() && !model().loadingProperty().get());
        return window;
    }

    public ShellViewModel model() {
        return window.model();
    }

    public Stage stage() {
        return stage;
    }

    /** Hides the stage (which closes the window and its database) and forgets the remembered choices. */
    public void close(boolean forget) throws Exception {
        WaitForAsyncUtils.asyncFx(stage::hide).get(10, TimeUnit.SECONDS);
        if (window != null) {
            window.close();
            window = null;
        }
        if (forget) {
            prefs.removeNode();
        }
    }

    /** Waits (up to a minute) until {@code condition}, evaluated on the JavaFX thread, holds. */
    public static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS,
                () -> WaitForAsyncUtils.asyncFx(condition).get(10, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Runs {@code query} on the JavaFX thread and returns its answer. */
    public static <T> T fx(Callable<T> query) {
        try {
            return WaitForAsyncUtils.asyncFx(query).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Clicks the default button (OK) of the dialog shown (its text follows the system's language). */
    public static void clickDefaultButton(FxRobot robot) throws Exception {
        waitUntil(() -> robot.lookup(".dialog-pane .button").queryAll().stream()
                .anyMatch(b -> ((Button) b).isDefaultButton() && b.getScene().getWindow().isShowing()));
        Node ok = fx(() -> robot.lookup(".dialog-pane .button").queryAll().stream()
                .filter(b -> ((Button) b).isDefaultButton() && b.getScene().getWindow().isShowing())
                .reduce((a, b) -> b).orElseThrow());
        robot.clickOn(ok);
    }

    /** The cell of a list that shows {@code item}. */
    public static Node cell(FxRobot robot, ListView<?> list, Object item) {
        return fx(() -> {
            list.layout();
            for (Node n : list.lookupAll(".list-cell")) {
                ListCell<?> c = (ListCell<?>) n;
                if (!c.isEmpty() && item.equals(c.getItem()) && c.isVisible()) {
                    return c;
                }
            }
            throw new AssertionError(item + " is not shown in " + list.getId());
        });
    }
}

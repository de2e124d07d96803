package org.sanlian.workbench.ui.common;

import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Remembers a window's size, position and maximised state in user preferences and puts it back at
 * the next start, unless the screen it was on is gone (then the window opens centred).
 */
public final class WindowState {

    /** The preferences node of the window (java.util.prefs: per user, survives restarts). */
    public static final String NODE = "org/sanlian/workbench/ui";

    static final String X = "window.x";
    static final String Y = "window.y";
    static final String WIDTH = "window.width";
    static final String HEIGHT = "window.height";
    static final String MAXIMIZED = "window.maximized";
    static final String DIVIDER = "divider.";

    private final Preferences prefs;
    private final String prefix;

    /**
     * @param prefs  where to keep the state ({@code Preferences.userRoot().node(NODE)} in the application)
     * @param prefix the window's name inside the node, so several windows can share it
     */
    public WindowState(Preferences prefs, String prefix) {
        this.prefs = prefs;
        this.prefix = prefix + ".";
    }

    /** Where the state is kept (the window keeps its other remembered choices beside it). */
    public Preferences preferences() {
        return prefs;
    }

    /** Puts a split pane's first divider where it was last left ({@code defaultPosition} the first time). */
    public void restoreDivider(javafx.scene.control.SplitPane split, String name, double defaultPosition) {
        double at = prefs.getDouble(prefix + DIVIDER + name, defaultPosition);
        split.setDividerPositions(at > 0.02 && at < 0.98 ? at : defaultPosition);
    }

    /** Remembers a split pane's first divider. */
    public void saveDivider(javafx.scene.control.SplitPane split, String name) {
        if (split.getDividerPositions().length == 0) {
            return;
        }
        try {
            prefs.putDouble(prefix + DIVIDER + name, split.getDividerPositions()[0]);
            prefs.flush();
        } catch (BackingStoreException | IllegalStateException e) {
            // as for the window's size: not worth a dialog
        }
    }

    public static WindowState main() {
        return new WindowState(Preferences.userRoot().node(NODE), "main");
    }

    /** Sizes and places the stage as last saved, or with the given size, centred, the first time. */
    public void restore(Stage stage, double defaultWidth, double defaultHeight) {
        double w = prefs.getDouble(prefix + WIDTH, defaultWidth);
        double h = prefs.getDouble(prefix + HEIGHT, defaultHeight);
        double x = prefs.getDouble(prefix + X, Double.NaN);
        double y = prefs.getDouble(prefix + Y, Double.NaN);
        stage.setWidth(w);
        stage.setHeight(h);
        if (!Double.isNaN(x) && !Double.isNaN(y) && onSomeScreen(x, y, w, h)) {
            stage.setX(x);
            stage.setY(y);
        } else {
            stage.centerOnScreen();
        }
        stage.setMaximized(prefs.getBoolean(prefix + MAXIMIZED, false));
    }

    /** Saves the stage's state; a maximised window keeps the size it will return to. */
    public void save(Stage stage) {
        boolean maximized = stage.isMaximized();
        try {
            prefs.putBoolean(prefix + MAXIMIZED, maximized);
            if (!maximized && !stage.isIconified()) {
                prefs.putDouble(prefix + X, stage.getX());
                prefs.putDouble(prefix + Y, stage.getY());
                prefs.putDouble(prefix + WIDTH, stage.getWidth());
                prefs.putDouble(prefix + HEIGHT, stage.getHeight());
            }
            prefs.flush();
        } catch (BackingStoreException | IllegalStateException e) {
            // losing the window size is not worth a dialog or a crash; the next start opens with the default
        }
    }

    /** Saves the stage's state whenever it is closed. */
    public void saveOnHiding(Stage stage) {
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDING, e -> save(stage));
    }

    private static boolean onSomeScreen(double x, double y, double w, double h) {
        // at least the title bar's left part must be visible, so the window can be dragged back
        return !Screen.getScreensForRectangle(new Rectangle2D(x, y, Math.min(w, 100), 30)).isEmpty();
    }
}

package org.sanlian.workbench.ui.shell;

import java.util.Objects;
import java.util.prefs.Preferences;

import org.sanlian.workbench.app.ScoringService;
import org.sanlian.workbench.ui.common.TaskExecutor;
import org.sanlian.workbench.ui.common.WindowState;

/**
 * What a screen is made with: the shared workspace, the executor that runs its work away from the
 * screen (the window's one background thread, so work runs in the order asked), and the scoring
 * service (it keeps compiled schemes), and the window's questions (files and folders to choose),
 * and the window's preferences (what 设置 keeps for the next start: the language, the data folder).
 */
public record ScreenContext(Workspace workspace, TaskExecutor executor, ScoringService scoring, Prompts prompts,
                            Preferences preferences) {

    /** With the application's window preferences. */
    public ScreenContext(Workspace workspace, TaskExecutor executor, ScoringService scoring, Prompts prompts) {
        this(workspace, executor, scoring, prompts, Preferences.userRoot().node(WindowState.NODE));
    }

    public ScreenContext {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(scoring, "scoring");
        Objects.requireNonNull(prompts, "prompts");
        Objects.requireNonNull(preferences, "preferences");
    }
}

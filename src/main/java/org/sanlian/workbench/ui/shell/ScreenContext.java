package org.sanlian.workbench.ui.shell;

import java.util.Objects;

import org.sanlian.workbench.app.ScoringService;
import org.sanlian.workbench.ui.common.TaskExecutor;

/**
 * What a screen is made with: the shared workspace, the executor that runs its work away from the
 * screen (the window's one background thread, so work runs in the order asked), and the scoring
 * service (it keeps compiled schemes), and the window's questions (files and folders to choose).
 */
public record ScreenContext(Workspace workspace, TaskExecutor executor, ScoringService scoring, Prompts prompts) {

    public ScreenContext {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(scoring, "scoring");
        Objects.requireNonNull(prompts, "prompts");
    }
}

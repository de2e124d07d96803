package org.sanlian.workbench.ui.shell;

import org.sanlian.workbench.app.WorkbenchDatabase;

/**
 * What a screen reads first from a database, when it is the screen the window shows first
 * ({@link ScreenRegistry#readEarly}): read on the thread that opens the database, from the content
 * the workspace will be attached with; the workspace's first year and period are
 * {@link Workspace.Content#firstYear()} and {@link Workspace.Content#firstPeriod()}.
 */
@FunctionalInterface
public interface EarlyReading {

    /** The reading, or null when there is nothing to read; it must not touch the screen. */
    Object read(WorkbenchDatabase db, Workspace.Content content);
}

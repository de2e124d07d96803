package org.sanlian.workbench.ui.entry;

import java.util.Optional;

import javafx.scene.Node;

import org.sanlian.workbench.app.FigureEntryService;
import org.sanlian.workbench.app.WorkbenchDatabase;
import org.sanlian.workbench.ui.shell.Editing;
import org.sanlian.workbench.ui.shell.Screen;
import org.sanlian.workbench.ui.shell.ScreenContext;
import org.sanlian.workbench.ui.shell.Workspace;

/** 数据录入 in the window: the view model follows the workspace's period; the view is built when first shown. */
public final class EntryScreen implements Screen {

    private final EntryViewModel model;
    private EntryView view;

    public EntryScreen(ScreenContext context) {
        this.model = new EntryViewModel(context.workspace(), context.executor());
    }

    /**
     * The screen's first load of {@code db}: the figures of the period the window first shows, read on
     * the thread that opens the database while the window is built (registered in
     * {@code WorkbenchScreens}), so that a window reopened on 数据录入 shows them in its first layout.
     */
    public static Object readEarly(WorkbenchDatabase db, Workspace.Content content) {
        return content.firstPeriod()
                .map(p -> new EntryViewModel.Early(db, p, FigureEntryService.sheet(db, p)))
                .orElse(null);
    }

    public EntryViewModel model() {
        return model;
    }

    @Override
    public Node view() {
        if (view == null) {
            view = new EntryView(model);
        }
        return view;
    }

    @Override
    public Optional<Editing> editing() {
        return Optional.of(model);
    }
}

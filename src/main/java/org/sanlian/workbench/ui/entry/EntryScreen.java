package org.sanlian.workbench.ui.entry;

import java.util.Optional;

import javafx.scene.Node;

import org.sanlian.workbench.ui.shell.Editing;
import org.sanlian.workbench.ui.shell.Screen;
import org.sanlian.workbench.ui.shell.ScreenContext;

/** 数据录入 in the window: the view model follows the workspace's period; the view is built when first shown. */
public final class EntryScreen implements Screen {

    private final EntryViewModel model;
    private EntryView view;

    public EntryScreen(ScreenContext context) {
        this.model = new EntryViewModel(context.workspace(), context.executor());
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

package org.sanlian.workbench.ui.targets;

import javafx.scene.Node;

import org.sanlian.workbench.ui.shell.Screen;
import org.sanlian.workbench.ui.shell.ScreenContext;

/** 目标进度 in the window: the view model follows the workspace; the view is built when first shown. */
public final class TargetsScreen implements Screen {

    private final TargetsViewModel model;
    private TargetsView view;

    public TargetsScreen(ScreenContext context) {
        this.model = new TargetsViewModel(context.workspace(), context.executor());
    }

    public TargetsViewModel model() {
        return model;
    }

    @Override
    public Node view() {
        if (view == null) {
            view = new TargetsView(model);
        }
        return view;
    }
}

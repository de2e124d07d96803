package org.sanlian.workbench.ui.periods;

import javafx.scene.Node;

import org.sanlian.workbench.ui.shell.Screen;
import org.sanlian.workbench.ui.shell.ScreenContext;

/** 考核期 in the window. */
public final class PeriodsScreen implements Screen {

    private final PeriodsViewModel model;
    private PeriodsView view;

    public PeriodsScreen(ScreenContext context) {
        this.model = new PeriodsViewModel(context.workspace(), context.executor());
    }

    public PeriodsViewModel model() {
        return model;
    }

    @Override
    public Node view() {
        if (view == null) {
            view = new PeriodsView(model);
        }
        return view;
    }
}

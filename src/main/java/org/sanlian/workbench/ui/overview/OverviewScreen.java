package org.sanlian.workbench.ui.overview;

import java.time.Clock;

import javafx.scene.Node;

import org.sanlian.workbench.ui.shell.Screen;
import org.sanlian.workbench.ui.shell.ScreenContext;

/** 总览 in the window: the view model follows the workspace's period; the view is built when first shown. */
public final class OverviewScreen implements Screen {

    private final OverviewViewModel model;
    private OverviewView view;

    public OverviewScreen(ScreenContext context) {
        this.model = new OverviewViewModel(context.workspace(), context.executor(), context.scoring(),
                Clock.systemDefaultZone());
    }

    public OverviewViewModel model() {
        return model;
    }

    @Override
    public Node view() {
        if (view == null) {
            view = new OverviewView(model);
        }
        return view;
    }
}

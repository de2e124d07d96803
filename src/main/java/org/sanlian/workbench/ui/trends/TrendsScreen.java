package org.sanlian.workbench.ui.trends;

import javafx.scene.Node;

import org.sanlian.workbench.ui.shell.Screen;
import org.sanlian.workbench.ui.shell.ScreenContext;

/**
 * 趋势 in the window: the view model follows the workspace; the view is built when first shown.
 * While another screen is shown, a change of content only marks the trend stale: it is scored again
 * when this screen is shown again, not after every save elsewhere.
 */
public final class TrendsScreen implements Screen {

    private final TrendsViewModel model;
    private TrendsView view;

    public TrendsScreen(ScreenContext context) {
        this.model = new TrendsViewModel(context.workspace(), context.executor(), context.scoring());
    }

    public TrendsViewModel model() {
        return model;
    }

    @Override
    public Node view() {
        if (view == null) {
            view = new TrendsView(model);
            view.parentProperty().addListener((obs, old, now) -> model.setActive(now != null));
        }
        return view;
    }

    @Override
    public void shown() {
        model.setActive(true);
    }
}

package org.sanlian.workbench.ui.sensitivity;

import javafx.scene.Node;

import org.sanlian.workbench.ui.shell.Screen;
import org.sanlian.workbench.ui.shell.ScreenContext;

/** 稳健性 in the window: the view model follows the workspace's period; the view is built when first shown. */
public final class SensitivityScreen implements Screen {

    private final SensitivityViewModel model;
    private SensitivityView view;

    public SensitivityScreen(ScreenContext context) {
        this.model = new SensitivityViewModel(context.workspace(), context.executor(), context.scoring());
    }

    public SensitivityViewModel model() {
        return model;
    }

    @Override
    public Node view() {
        if (view == null) {
            view = new SensitivityView(model);
        }
        return view;
    }
}

package org.sanlian.workbench.ui.bulletins;

import javafx.scene.Node;

import org.sanlian.workbench.ui.shell.Screen;
import org.sanlian.workbench.ui.shell.ScreenContext;

/** 通报与导出 in the window: files asked through the window's questions, work on the window's background thread. */
public final class BulletinsScreen implements Screen {

    private final BulletinsViewModel model;
    private BulletinsView view;

    public BulletinsScreen(ScreenContext context) {
        this.model = new BulletinsViewModel(context.workspace(), context.executor(), context.prompts());
    }

    public BulletinsViewModel model() {
        return model;
    }

    @Override
    public Node view() {
        if (view == null) {
            view = new BulletinsView(model);
        }
        return view;
    }
}

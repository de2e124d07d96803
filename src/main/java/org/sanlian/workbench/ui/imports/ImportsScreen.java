package org.sanlian.workbench.ui.imports;

import javafx.scene.Node;

import org.sanlian.workbench.ui.shell.Screen;
import org.sanlian.workbench.ui.shell.ScreenContext;

/** 导入与模板 in the window: files chosen through the window's questions, work on the window's background thread. */
public final class ImportsScreen implements Screen {

    private final ImportsViewModel model;
    private ImportsView view;

    public ImportsScreen(ScreenContext context) {
        this.model = new ImportsViewModel(context.workspace(), context.executor(), context.prompts());
    }

    public ImportsViewModel model() {
        return model;
    }

    @Override
    public Node view() {
        if (view == null) {
            view = new ImportsView(model);
        }
        return view;
    }
}

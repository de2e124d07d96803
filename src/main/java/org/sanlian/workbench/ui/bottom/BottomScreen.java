package org.sanlian.workbench.ui.bottom;

import javafx.scene.Node;

import org.sanlian.workbench.ui.shell.Screen;
import org.sanlian.workbench.ui.shell.ScreenContext;

/**
 * 末位约谈 in the window: the view model follows the workspace; the view is built when first shown.
 * It keeps no unsaved edits (each interview record is saved from its dialog), so it offers no
 * {@code Editing}.
 */
public final class BottomScreen implements Screen {

    private final BottomViewModel model;
    private BottomView view;

    public BottomScreen(ScreenContext context) {
        this.model = new BottomViewModel(context.workspace(), context.scoring(), context.executor());
    }

    public BottomViewModel model() {
        return model;
    }

    @Override
    public Node view() {
        if (view == null) {
            view = new BottomView(model);
        }
        return view;
    }
}

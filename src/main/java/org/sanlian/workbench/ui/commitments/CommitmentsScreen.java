package org.sanlian.workbench.ui.commitments;

import java.util.Optional;

import javafx.scene.Node;

import org.sanlian.workbench.ui.common.PendingInputEditing;
import org.sanlian.workbench.ui.shell.Editing;
import org.sanlian.workbench.ui.shell.Screen;
import org.sanlian.workbench.ui.shell.ScreenContext;

/** 公开承诺 in the window: the view model follows the workspace's period; the view is built when first shown. */
public final class CommitmentsScreen implements Screen {

    private final CommitmentsViewModel model;
    private final Editing editing;
    private CommitmentsView view;

    public CommitmentsScreen(ScreenContext context) {
        this.model = new CommitmentsViewModel(context.workspace(), context.executor(), context.scoring());
        this.editing = new PendingInputEditing(model, () -> {
            if (view != null) {
                view.commitFocused();
            }
        });
    }

    public CommitmentsViewModel model() {
        return model;
    }

    @Override
    public Node view() {
        if (view == null) {
            view = new CommitmentsView(model);
        }
        return view;
    }

    @Override
    public Optional<Editing> editing() {
        return Optional.of(editing);
    }
}

package org.sanlian.workbench.ui.coverage;

import java.util.Optional;

import javafx.scene.Node;

import org.sanlian.workbench.ui.common.PendingInputEditing;
import org.sanlian.workbench.ui.shell.Editing;
import org.sanlian.workbench.ui.shell.Screen;
import org.sanlian.workbench.ui.shell.ScreenContext;

/** 七有覆盖 in the window: the view model follows the workspace's period; the view is built when first shown. */
public final class CoverageScreen implements Screen {

    private final CoverageViewModel model;
    private final Editing editing;
    private CoverageView view;

    public CoverageScreen(ScreenContext context) {
        this.model = new CoverageViewModel(context.workspace(), context.executor());
        this.editing = new PendingInputEditing(model, () -> {
            if (view != null) {
                view.commitFocused();
            }
        });
    }

    public CoverageViewModel model() {
        return model;
    }

    @Override
    public Node view() {
        if (view == null) {
            view = new CoverageView(model);
        }
        return view;
    }

    @Override
    public Optional<Editing> editing() {
        return Optional.of(editing);
    }
}

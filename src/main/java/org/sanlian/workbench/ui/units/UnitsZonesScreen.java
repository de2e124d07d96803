package org.sanlian.workbench.ui.units;

import java.util.Optional;

import javafx.scene.Node;

import org.sanlian.workbench.ui.shell.Editing;
import org.sanlian.workbench.ui.shell.Screen;
import org.sanlian.workbench.ui.shell.ScreenContext;

/** 单位与分区 in the window: the view model follows the workspace's year; the view is built when first shown. */
public final class UnitsZonesScreen implements Screen {

    private final UnitsZonesViewModel model;
    private UnitsZonesView view;

    public UnitsZonesScreen(ScreenContext context) {
        this.model = new UnitsZonesViewModel(context.workspace(), context.executor());
    }

    public UnitsZonesViewModel model() {
        return model;
    }

    @Override
    public Node view() {
        if (view == null) {
            view = new UnitsZonesView(model);
        }
        return view;
    }

    @Override
    public Optional<Editing> editing() {
        return Optional.of(model);
    }
}

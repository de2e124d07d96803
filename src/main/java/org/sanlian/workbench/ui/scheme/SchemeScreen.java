package org.sanlian.workbench.ui.scheme;

import java.util.Optional;

import javafx.scene.Node;

import org.sanlian.workbench.ui.shell.Editing;
import org.sanlian.workbench.ui.shell.Screen;
import org.sanlian.workbench.ui.shell.ScreenContext;

/** 指标方案 in the window: the view model follows the workspace's year and period; the view is built when first shown. */
public final class SchemeScreen implements Screen {

    private final SchemeEditorViewModel model;
    private SchemeEditorView view;

    public SchemeScreen(ScreenContext context) {
        this.model = new SchemeEditorViewModel(context.workspace(), context.executor());
    }

    public SchemeEditorViewModel model() {
        return model;
    }

    @Override
    public Node view() {
        if (view == null) {
            view = new SchemeEditorView(model);
        }
        return view;
    }

    /** A scheme file opened with the workbench: imported as an unsaved edit of the year shown. */
    @Override
    public boolean open(java.nio.file.Path file) {
        model.importWhenLoaded(file);
        return true;
    }

    @Override
    public Optional<Editing> editing() {
        return Optional.of(model);
    }
}

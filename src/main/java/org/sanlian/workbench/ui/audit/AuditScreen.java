package org.sanlian.workbench.ui.audit;

import javafx.scene.Node;

import org.sanlian.workbench.ui.shell.Prompts;
import org.sanlian.workbench.ui.shell.Screen;
import org.sanlian.workbench.ui.shell.ScreenContext;

/** 审计日志 in the window: the view model follows the workspace; the view is built when first shown. */
public final class AuditScreen implements Screen {

    private final AuditViewModel model;
    private final Prompts prompts;
    private AuditView view;

    public AuditScreen(ScreenContext context) {
        this.model = new AuditViewModel(context.workspace(), context.executor());
        this.prompts = context.prompts();
    }

    public AuditViewModel model() {
        return model;
    }

    @Override
    public Node view() {
        if (view == null) {
            view = new AuditView(model, () -> prompts.csvToSave("audit.csv").ifPresent(model::exportTo));
        }
        return view;
    }
}

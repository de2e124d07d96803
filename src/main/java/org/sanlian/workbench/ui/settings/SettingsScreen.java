package org.sanlian.workbench.ui.settings;

import java.util.Optional;

import javafx.scene.Node;

import org.sanlian.workbench.ui.shell.Editing;
import org.sanlian.workbench.ui.shell.Prompts;
import org.sanlian.workbench.ui.shell.Screen;
import org.sanlian.workbench.ui.shell.ScreenContext;

/** 设置 in the window: the view model follows the workspace; the view is built when first shown. */
public final class SettingsScreen implements Screen {

    private final SettingsViewModel model;
    private final Prompts prompts;
    private SettingsView view;

    public SettingsScreen(ScreenContext context) {
        this.model = new SettingsViewModel(context.workspace(), context.executor(), context.preferences());
        this.prompts = context.prompts();
    }

    public SettingsViewModel model() {
        return model;
    }

    @Override
    public Node view() {
        if (view == null) {
            view = new SettingsView(model, prompts::dataFolder);
        }
        return view;
    }

    @Override
    public Optional<Editing> editing() {
        return Optional.of(model);
    }
}

package org.sanlian.workbench.ui.scheme;

import java.util.Optional;

import javafx.scene.Node;

import org.sanlian.workbench.app.Assessment;
import org.sanlian.workbench.app.WorkbenchDatabase;
import org.sanlian.workbench.core.model.Scheme;
import org.sanlian.workbench.core.model.StoredScheme;
import org.sanlian.workbench.ui.shell.Editing;
import org.sanlian.workbench.ui.shell.Screen;
import org.sanlian.workbench.ui.shell.ScreenContext;
import org.sanlian.workbench.ui.shell.Workspace;

/** 指标方案 in the window: the view model follows the workspace's year and period; the view is built when first shown. */
public final class SchemeScreen implements Screen {

    private final SchemeEditorViewModel model;
    private SchemeEditorView view;

    public SchemeScreen(ScreenContext context) {
        this.model = new SchemeEditorViewModel(context.workspace(), context.executor());
    }

    /**
     * The screen's first load of {@code db}, read on the thread that opens the database while the
     * window is built (registered in {@code WorkbenchScreens}): the scheme of the year the window
     * first shows, and its first indicator's preview on the first period, so that a window reopened on
     * 指标方案 shows both in its first layout instead of reading, scoring and drawing them after it.
     */
    public static Object readEarly(WorkbenchDatabase db, Workspace.Content content) {
        Optional<Integer> year = content.firstYear();
        Optional<StoredScheme> stored = year.flatMap(content::scheme);
        if (stored.isEmpty()) {
            return null;
        }
        Scheme scheme = db.scheme(stored.get());
        Optional<SchemeEditorViewModel.EarlyPreview> preview = content.firstPeriod()
                .filter(p -> !scheme.leaves().isEmpty())
                .map(p -> {
                    Assessment figures = db.assessment(p, year);
                    String code = scheme.leaves().get(0).code();
                    return new SchemeEditorViewModel.EarlyPreview(p, code,
                            RulePreviewer.preview(scheme, code, figures.data(), figures.targets(), p, Optional.empty()));
                });
        return new SchemeEditorViewModel.Early(db, stored.get(), scheme, preview);
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

package org.sanlian.workbench.ui.results;

import java.util.List;
import java.util.Optional;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;

import org.sanlian.workbench.app.Assessment;
import org.sanlian.workbench.app.ScoringService;
import org.sanlian.workbench.app.WorkbenchDatabase;
import org.sanlian.workbench.core.check.Issue;
import org.sanlian.workbench.core.check.ValidationException;
import org.sanlian.workbench.core.model.DataSet;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.model.StoredScheme;
import org.sanlian.workbench.i18n.Messages;
import org.sanlian.workbench.ui.common.ErrorText;
import org.sanlian.workbench.ui.shell.Screen;
import org.sanlian.workbench.ui.shell.ScreenContext;
import org.sanlian.workbench.ui.shell.Workspace;

/**
 * 计算与排名 in the window: the results of the period chosen at the top, read from the database with
 * the scheme of its year. A new results model is made when another database is opened; when the
 * content of the open one changes (another screen saved a figure, a target or a weight; a backup was
 * restored) the model loads and scores the shown period again in the background, merging bursts of
 * changes; choosing another period only scores that one.
 */
public final class ResultsScreen implements Screen {

    public static final String ERROR_ID = "results-load-error";

    private final ScreenContext context;
    private ResultsViewModel model;
    private StackPane root;
    private String failure = "";
    private long generation;

    public ResultsScreen(ScreenContext context) {
        this.context = context;
        context.workspace().stateProperty().addListener((obs, old, now) -> {
            if (!now.sameContent(old) && model != null && now.sameDatabase(old)) {
                // another screen wrote: the shown period is loaded and scored again in the background
                model.refresh(now.content().periodsWithFigures());
                now.period().filter(p -> !p.equals(model.getSelectedPeriod())).ifPresent(model::setSelectedPeriod);
            } else if (!now.sameContent(old)) {
                reload();
            } else if (!now.period().equals(old.period()) && model != null) {
                now.period().ifPresent(model::setSelectedPeriod);
            }
        });
        reload();
    }

    /** The model shown (null until the first load is done). */
    public ResultsViewModel model() {
        return model;
    }

    /** What the background load hands back: the periods with figures and the latest one's assessment. */
    private record Loaded(List<Period> periods, Assessment latest, WorkbenchDatabase db) {

        static Loaded from(WorkbenchDatabase db) {
            List<Period> periods = db.periods();
            if (!periods.isEmpty()) {
                return new Loaded(periods, db.assessment(periods.get(periods.size() - 1), Optional.empty()), db);
            }
            // no figures yet: the latest scheme gives the tables their columns
            List<StoredScheme> schemes = db.schemes();
            if (schemes.isEmpty()) {
                throw new ValidationException(Issue.of(db.file().toString(), "store.no-scheme", db.file()));
            }
            Assessment empty = new Assessment(db.scheme(schemes.get(schemes.size() - 1)), DataSet.empty(),
                    DataSet.empty(), false);
            return new Loaded(periods, empty, db);
        }
    }

    /** The first load of a database just opened, its latest period scored: read while the window is built. */
    private record Early(Loaded loaded, Optional<ResultsViewModel.Scored> scored) {
    }

    /**
     * The screen's first load of {@code db}, done on the thread that opens the database while the
     * window builds its screens ({@code EarlyOpen}, registered in {@code WorkbenchScreens}): when the
     * window shows the results first, they are there as soon as the database is, instead of being read
     * and scored then (about a quarter of a second of a cold start, docs/performance.md).
     */
    public static Object readEarly(WorkbenchDatabase db, Workspace.Content content) {
        Loaded loaded = Loaded.from(db);
        Optional<ResultsViewModel.Scored> scored = loaded.periods().isEmpty() ? Optional.empty()
                : Optional.of(ResultsViewModel.Scored.of(loaded.latest(),
                        loaded.periods().get(loaded.periods().size() - 1), new ScoringService()));
        return new Early(loaded, scored);
    }

    private void reload() {
        long request = ++generation;
        Workspace.State s = context.workspace().state();
        if (s.database().isEmpty()) {
            model = null;
            failure = "";
            show();
            return;
        }
        WorkbenchDatabase db = s.database().get();
        Optional<Early> early = context.workspace().takeEarly(Early.class).filter(e -> e.loaded().db() == db);
        if (early.isPresent()) {
            showLoaded(early.get().loaded(), early.get().scored().orElse(null));
            return;
        }
        context.executor().execute(() -> Loaded.from(db), loaded -> {
            if (request == generation) {
                showLoaded(loaded, null);
            }
        }, e -> {
            if (request == generation) {
                model = null;
                failure = ErrorText.of(e);
                show();
            }
        });
    }

    private void showLoaded(Loaded loaded, ResultsViewModel.Scored scored) {
        failure = "";
        model = new ResultsViewModel(loaded.periods(), loaded.latest(),
                p -> loaded.db().assessment(p, Optional.empty()), context.scoring(), context.executor(), scored);
        Optional<Period> chosen = context.workspace().period();
        if (chosen.isPresent() && !chosen.get().equals(model.getSelectedPeriod())) {
            model.setSelectedPeriod(chosen.get());
        }
        show();
    }

    @Override
    public Node view() {
        if (root == null) {
            root = new StackPane();
            root.getStyleClass().add("results-screen");
            show();
        }
        return root;
    }

    private void show() {
        if (root == null) {
            return;
        }
        if (model != null) {
            root.getChildren().setAll(new ResultsView(model, false));
        } else if (!failure.isEmpty()) {
            Label error = new Label(failure);
            error.setId(ERROR_ID);
            error.getStyleClass().add("error-message");
            error.setWrapText(true);
            StackPane.setAlignment(error, Pos.CENTER);
            root.getChildren().setAll(error);
        } else {
            root.getChildren().setAll(new Label(Messages.get().text("ui.results.loading")));
        }
    }
}

package org.sanlian.workbench.ui.shell;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.i18n.Messages;
import org.sanlian.workbench.ui.results.ResultFormat;

/**
 * The window around the screens: the menu bar, the scheme year and period chosen at the top, the
 * side bar listing the screens by group (数据, 结果), the shown screen, and the status bar. Built in
 * code; its state lives in {@link ShellViewModel}. Keys: Ctrl+O open, Ctrl+N new, Ctrl+S save, Ctrl+Z
 * and Ctrl+Y undo and redo on the shown screen (in a text field, its own), Ctrl+PageDown and
 * Ctrl+PageUp the next and previous period, F1 help.
 */
public final class ShellView extends BorderPane {

    public static final String MENU_BAR_ID = "menu-bar";
    public static final String YEAR_BOX_ID = "workspace-year";
    public static final String PERIOD_BOX_ID = "workspace-period";
    public static final String YEAR_LOCK_ID = "workspace-year-locked";
    public static final String SIDE_BAR_ID = "side-bar";
    public static final String SPLIT_ID = "shell-split";
    public static final String CONTENT_ID = "screen-content";
    public static final String LOADING_ID = "loading";
    public static final String LOAD_ERROR_ID = "load-error";
    /** Menu items, by id: {@code menu-open}, {@code menu-new}, {@code menu-save} … (see {@link #createMenus}). */
    public static final String RECENT_MENU_ID = "menu-recent";

    /** What the window itself does for the menus (it owns the stage). */
    public record Hooks(Runnable help, Runnable about, Runnable exit) {
    }

    private final ShellViewModel model;
    private final Hooks hooks;
    private final Map<String, ToggleButton> navigation = new HashMap<>();
    private final ToggleGroup navGroup = new ToggleGroup();
    private final StackPane content = new StackPane();
    private final SplitPane split = new SplitPane();
    private final ComboBox<Integer> yearBox = new ComboBox<>();
    private final ComboBox<Period> periodBox = new ComboBox<>();
    private final Label yearLocked = new Label();
    private final Menu recentMenu = new Menu();
    private boolean syncing;

    public ShellView(ShellViewModel model, Hooks hooks) {
        this.model = model;
        this.hooks = hooks;
        createView();
        initListeners();
        syncWorkspace();
        showContent();
    }

    public SplitPane split() {
        return split;
    }

    private static String text(String key, Object... args) {
        return Messages.get().text(key, args);
    }

    private void createView() {
        getStyleClass().add("workbench-shell");
        MenuBar menus = createMenus();
        menus.setId(MENU_BAR_ID);
        setTop(new VBox(menus, createWorkspaceBar()));

        VBox side = createSideBar();
        content.setId(CONTENT_ID);
        content.getStyleClass().add("screen-content");
        split.setId(SPLIT_ID);
        split.setOrientation(Orientation.HORIZONTAL);
        split.getItems().setAll(side, content);
        split.setDividerPositions(0.16);
        SplitPane.setResizableWithParent(side, false);
        setCenter(split);
        setBottom(new StatusBar(model));
    }

    /** The style class of a screen's search field, which 查找 (Ctrl+F) focuses. */
    public static final String FIND_FIELD = "find-field";

    private MenuBar createMenus() {
        Menu file = new Menu(text("ui.menu.file"));
        MenuItem open = item("menu-open", "ui.menu.open", model::openChosen, shortcut(KeyCode.O));
        MenuItem create = item("menu-new", "ui.menu.new", model::createChosen, shortcut(KeyCode.N));
        MenuItem save = item("menu-save", "ui.menu.save", model::save, shortcut(KeyCode.S));
        save.disableProperty().bind(model.canSaveProperty().not());
        MenuItem backup = item("menu-backup", "ui.menu.backup", model::backupNow, null);
        MenuItem restore = item("menu-restore", "ui.menu.restore", model::restoreChosen, null);
        MenuItem operator = item("menu-operator", "ui.menu.operator", model::changeOperator, null);
        var noDatabase = Bindings.createBooleanBinding(() -> model.workspace().database().isEmpty(),
                model.workspace().stateProperty());
        var readOnly = Bindings.createBooleanBinding(() -> model.workspace().state().readOnly(),
                model.workspace().stateProperty());
        backup.disableProperty().bind(noDatabase);
        restore.disableProperty().bind(readOnly);
        operator.disableProperty().bind(readOnly);
        recentMenu.setText(text("ui.menu.recent"));
        recentMenu.setId(RECENT_MENU_ID);
        MenuItem exit = item("menu-exit", "ui.menu.exit", hooks.exit(), shortcut(KeyCode.Q));
        file.getItems().setAll(open, create, save, new SeparatorMenuItem(), backup, restore, new SeparatorMenuItem(),
                operator, new SeparatorMenuItem(), recentMenu, new SeparatorMenuItem(), exit);

        Menu edit = new Menu(text("ui.menu.edit"));
        MenuItem undo = item("menu-undo", "ui.menu.undo", this::undo, shortcut(KeyCode.Z));
        MenuItem redo = item("menu-redo", "ui.menu.redo", this::redo, shortcut(KeyCode.Y));
        undo.disableProperty().bind(model.canUndoProperty().not());
        redo.disableProperty().bind(model.canRedoProperty().not());
        MenuItem find = item("menu-find", "ui.menu.find", this::find, shortcut(KeyCode.F));
        edit.getItems().setAll(undo, redo, new SeparatorMenuItem(), find);

        Menu view = new Menu(text("ui.menu.view"));
        for (ScreenRegistry.Entry e : model.screens()) {
            view.getItems().add(item("menu-screen-" + e.id(), e.titleKey(), () -> model.requestScreen(e.id()), null));
        }
        view.getItems().add(new SeparatorMenuItem());
        // shown for the keys; the keys themselves are taken by a filter (a table would take them first)
        view.getItems().add(item("menu-previous-period", "ui.menu.previous-period", model::previousPeriod,
                shortcut(KeyCode.PAGE_UP)));
        view.getItems().add(item("menu-next-period", "ui.menu.next-period", model::nextPeriod,
                shortcut(KeyCode.PAGE_DOWN)));

        Menu help = new Menu(text("ui.menu.help"));
        help.getItems().setAll(item("menu-help", "ui.menu.help-page", hooks.help(), new KeyCodeCombination(KeyCode.F1)),
                item("menu-about", "ui.menu.about", hooks.about(), null));
        return new MenuBar(file, edit, view, help);
    }

    private static KeyCombination shortcut(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN);
    }

    private static MenuItem item(String id, String key, Runnable action, KeyCombination keys) {
        MenuItem item = new MenuItem(text(key));
        item.setId(id);
        item.setOnAction(e -> action.run());
        if (keys != null) {
            item.setAccelerator(keys);
        }
        return item;
    }

    /** In a text field, Ctrl+Z undoes its typing; elsewhere the screen's last edit. */
    private void undo() {
        Node focus = getScene() == null ? null : getScene().getFocusOwner();
        if (focus instanceof TextInputControl && ((TextInputControl) focus).isUndoable()) {
            ((TextInputControl) focus).undo();
        } else {
            model.undo();
        }
    }

    /**
     * 查找 (Ctrl+F): the shown screen's search field (a text field with the style class
     * {@value #FIND_FIELD}) takes the focus, its text selected; a screen without one ignores it.
     */
    private void find() {
        content.lookupAll("." + FIND_FIELD).stream()
                .filter(n -> n instanceof TextInputControl && n.isVisible() && !n.isDisabled())
                .map(TextInputControl.class::cast)
                .findFirst()
                .ifPresent(field -> {
                    field.requestFocus();
                    field.selectAll();
                });
    }

    private void redo() {
        Node focus = getScene() == null ? null : getScene().getFocusOwner();
        if (focus instanceof TextInputControl && ((TextInputControl) focus).isRedoable()) {
            ((TextInputControl) focus).redo();
        } else {
            model.redo();
        }
    }

    private HBox createWorkspaceBar() {
        Label yearLabel = new Label(text("ui.shell.year"));
        yearLabel.setLabelFor(yearBox);
        yearBox.setId(YEAR_BOX_ID);
        yearBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer y) {
                return y == null ? "" : text("ui.shell.year-item", Integer.toString(y));
            }

            @Override
            public Integer fromString(String s) {
                return null;
            }
        });
        yearLocked.setId(YEAR_LOCK_ID);
        yearLocked.getStyleClass().add("locked-mark");
        yearLocked.setText(text("ui.shell.year-locked"));
        yearLocked.managedProperty().bind(yearLocked.visibleProperty());
        Label periodLabel = new Label(text("ui.shell.period"));
        periodLabel.setLabelFor(periodBox);
        periodBox.setId(PERIOD_BOX_ID);
        periodBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(Period p) {
                return p == null ? "" : ResultFormat.period(p);
            }

            @Override
            public Period fromString(String s) {
                return null;
            }
        });
        periodBox.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Period p, boolean empty) {
                super.updateItem(p, empty);
                if (empty || p == null) {
                    setText(null);
                } else {
                    boolean figures = model.workspace().state().content().periodsWithFigures().contains(p);
                    setText(figures ? ResultFormat.period(p) : text("ui.shell.period-empty", ResultFormat.period(p)));
                }
            }
        });
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(16, 16);
        busy.visibleProperty().bind(model.loadingProperty());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Region gap = new Region();
        gap.setPrefWidth(16);
        HBox bar = new HBox(8, yearLabel, yearBox, yearLocked, gap, periodLabel, periodBox, grow, busy);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 10, 6, 10));
        bar.getStyleClass().add("workspace-bar");
        return bar;
    }

    private VBox createSideBar() {
        VBox side = new VBox(2);
        side.setId(SIDE_BAR_ID);
        side.getStyleClass().add("side-bar");
        side.setPadding(new Insets(8, 6, 8, 6));
        side.setMinWidth(120);
        ScreenGroup group = null;
        for (ScreenRegistry.Entry e : model.screens()) {
            if (e.group() != group) {
                group = e.group();
                Label title = new Label(text(group.titleKey()));
                title.getStyleClass().add("side-bar-group");
                side.getChildren().add(title);
            }
            ToggleButton button = new ToggleButton(text(e.titleKey()));
            button.setId("nav-" + e.id());
            button.getStyleClass().add("side-bar-item");
            button.setMaxWidth(Double.MAX_VALUE);
            button.setAlignment(Pos.CENTER_LEFT);
            button.setToggleGroup(navGroup);
            button.setOnAction(ev -> {
                model.requestScreen(e.id());
                syncNavigation(); // stays on the shown screen when the user chose to stay
            });
            navigation.put(e.id(), button);
            side.getChildren().add(button);
        }
        return side;
    }

    private void initListeners() {
        model.currentProperty().addListener((obs, old, now) -> {
            syncNavigation();
            showContent();
        });
        model.loadingProperty().addListener((obs, was, is) -> showContent());
        model.loadErrorProperty().addListener((obs, old, now) -> showContent());
        model.workspace().stateProperty().addListener((obs, old, now) -> {
            syncWorkspace();
            if (!now.sameDatabase(old)) {
                showContent();
            }
        });
        yearBox.valueProperty().addListener((obs, old, year) -> {
            if (!syncing && year != null) {
                model.requestYear(year);
                Platform.runLater(this::syncWorkspace);
            }
        });
        periodBox.valueProperty().addListener((obs, old, period) -> {
            if (!syncing && period != null) {
                model.requestPeriod(period);
                Platform.runLater(this::syncWorkspace);
            }
        });
        model.recentFiles().addListener((ListChangeListener<Path>) c -> fillRecent());
        fillRecent();
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                scene.addEventFilter(KeyEvent.KEY_PRESSED, this::keys);
            }
            if (old != null) {
                old.removeEventFilter(KeyEvent.KEY_PRESSED, this::keys);
            }
        });
    }

    /** Keys a focused table or tab pane would otherwise take: the period keys and F1. */
    private void keys(KeyEvent e) {
        boolean ctrl = e.isShortcutDown() && !e.isAltDown() && !e.isShiftDown();
        if (ctrl && e.getCode() == KeyCode.PAGE_DOWN) {
            model.nextPeriod();
        } else if (ctrl && e.getCode() == KeyCode.PAGE_UP) {
            model.previousPeriod();
        } else if (e.getCode() == KeyCode.F1 && !e.isShortcutDown()) {
            hooks.help().run();
        } else {
            return;
        }
        e.consume();
    }

    private void fillRecent() {
        List<Path> files = model.recentFiles();
        recentMenu.getItems().clear();
        if (files.isEmpty()) {
            MenuItem none = new MenuItem(text("ui.menu.recent-none"));
            none.setDisable(true);
            recentMenu.getItems().add(none);
            return;
        }
        int n = 1;
        for (Path f : files) {
            MenuItem item = new MenuItem(n + "  " + f);
            item.setId("menu-recent-" + n++);
            item.setMnemonicParsing(false);
            item.setOnAction(e -> model.openRecent(f));
            recentMenu.getItems().add(item);
        }
    }

    private void syncNavigation() {
        ScreenRegistry.Entry shown = model.current();
        ToggleButton button = shown == null ? null : navigation.get(shown.id());
        if (button != null) {
            button.setSelected(true);
        } else {
            navGroup.selectToggle(null);
        }
    }

    /** The year and period boxes show the workspace's choice (and go back to it when a change was refused). */
    private void syncWorkspace() {
        Workspace.State s = model.workspace().state();
        syncing = true;
        try {
            if (!yearBox.getItems().equals(s.content().years())) {
                yearBox.getItems().setAll(s.content().years());
            }
            yearBox.setValue(s.year().orElse(null));
            if (!periodBox.getItems().equals(s.content().periods())) {
                periodBox.getItems().setAll(s.content().periods());
            }
            periodBox.setValue(s.period().orElse(null));
        } finally {
            syncing = false;
        }
        yearLocked.setVisible(s.yearPublished());
        yearBox.setDisable(s.content().years().isEmpty());
        periodBox.setDisable(s.content().periods().isEmpty());
    }

    /** The shown screen, or progress while the first database opens, or why it could not be opened. */
    private void showContent() {
        if (model.workspace().database().isEmpty()) {
            if (!model.loadErrorProperty().get().isEmpty()) {
                Label title = new Label(text("ui.app.load-failed"));
                title.getStyleClass().add("load-failed-title");
                Label error = new Label(model.loadErrorProperty().get());
                error.setId(LOAD_ERROR_ID);
                error.getStyleClass().add("error-message");
                error.setWrapText(true);
                VBox box = new VBox(10, title, error);
                box.setAlignment(Pos.CENTER);
                box.setMaxWidth(720);
                content.getChildren().setAll(box);
            } else {
                ProgressIndicator progress = new ProgressIndicator();
                VBox loading = new VBox(12, progress, new Label(text("ui.app.loading")));
                loading.setId(LOADING_ID);
                loading.setAlignment(Pos.CENTER);
                content.getChildren().setAll(loading);
            }
            return;
        }
        ScreenRegistry.Entry shown = model.current();
        if (shown == null) {
            content.getChildren().clear();
            return;
        }
        Node view = model.screen(shown).view();
        if (content.getChildren().size() != 1 || content.getChildren().get(0) != view) {
            content.getChildren().setAll(view);
        }
    }
}
